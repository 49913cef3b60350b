// Inputs that are not regular files, through the real casesim program: a FIFO
// (named pipe) would block a read until another process writes to it, and a
// character device such as /dev/zero never ends, so memory grows until the
// machine gives out. Every file casesim reads (scenario, experiment, optimise
// file, an experiment's base scenario, a snapshot's manifest, workers.csv and
// lists, the salt file, a results file) is refused at once with status 2 and
// one line saying what the path is (engine/input/input_file.hpp).
//
// Each run is bounded: a program still running after kDeadline is killed and
// the case fails as a hang, and its address space is limited, so a regression
// that reads /dev/zero fails the case instead of exhausting the machine.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

constexpr auto kDeadline = 30s;
const fs::path kExample = kSource / "scenarios/snapshots/example";
// Four GiB of address space: casesim needs far less to refuse a file, and a
// read of /dev/zero stops there instead of at the machine's memory.
const std::string kAddressSpaceKiB = "4194304";

enum class Special { fifo, device };

std::string special_name(Special kind) {
  return kind == Special::fifo ? "fifo" : "device";
}

std::string what_it_is(Special kind) {
  return kind == Special::fifo ? "it is a FIFO (named pipe), not a regular file"
                               : "it is a character device, not a regular file";
}

// A FIFO, or a link to /dev/zero, at `path` (replacing what is there).
void make_special(Special kind, const fs::path& path) {
  fs::remove(path);
  if (kind == Special::fifo) {
    if (::mkfifo(path.c_str(), 0600) != 0) throw std::system_error(errno, std::generic_category(), "mkfifo");
  } else {
    fs::create_symlink("/dev/zero", path);
  }
}

// Where the special file goes, the command, and the message it must give;
// "{}" in the arguments and the message stands for the special file's path.
struct SpecialInputCase {
  const char* name;
  const char* place;  // the path to make special, in the test's directory
  std::vector<std::string> arguments;
  const char* message;  // after "casesim: "
};

const SpecialInputCase kCases[] = {
    {"scenario_of_run", "scenario.yaml", {"run", "{}", "-r", "1", "-o", "out.h5"}, "{}: cannot read scenario: {what}"},
    {"scenario_of_trace", "scenario.yaml", {"trace", "{}", "-o", "trace.csv"}, "{}: cannot read scenario: {what}"},
    {"experiment", "experiment.yaml", {"experiment", "{}", "-o", "out.h5"}, "{}: cannot read experiment: {what}"},
    {"optimise_file", "optimise.yaml", {"optimise", "{}", "-o", "out.h5"}, "{}: cannot read optimise file: {what}"},
    {"base_scenario_of_an_experiment",
     "base.yaml",
     {"experiment", "base-is-special.yaml", "-o", "out.h5"},
     "base-is-special.yaml:2: base_scenario: cannot read scenario base.yaml: {what}"},
    {"snapshot_manifest",
     "snapshot/snapshot.yaml",
     {"snapshot", "snapshot"},
     "snapshot.yaml: cannot read snapshot manifest: {what}"},
    {"snapshot_workers_file",
     "snapshot/workers.csv",
     {"snapshot", "snapshot"},
     "snapshot.yaml:12: workers: cannot read \"workers.csv\": {what}"},
    {"snapshot_list",
     "snapshot/list7-child-protection.csv",
     {"run", "scenario.yaml", "--start-from", "snapshot", "-r", "1", "-o", "out.h5"},
     "snapshot.yaml:10: lists.cp: cannot read \"list7-child-protection.csv\": {what}"},
    {"salt_file_of_snapshot",
     "salt",
     {"snapshot", "snapshot", "--salt-file", "{}"},
     "{}: cannot read salt file: {what}"},
    {"salt_file_of_run",
     "salt",
     {"run", "scenario.yaml", "--start-from", "snapshot", "--salt-file", "{}", "-r", "1", "-o", "out.h5"},
     "{}: cannot read salt file: {what}"},
    {"results_file_of_summary", "results.h5", {"summary", "{}"}, "{}: cannot read results file: {what}"},
    {"results_file_of_report",
     "results.h5",
     {"report", "{}", "-o", "report.html"},
     "{}: cannot read results file: {what}"},
};

std::string replaced(std::string text, const std::string& place, Special kind) {
  for (auto at = text.find("{what}"); at != std::string::npos; at = text.find("{what}")) {
    text.replace(at, 6, what_it_is(kind));
  }
  for (auto at = text.find("{}"); at != std::string::npos; at = text.find("{}", at + place.size())) {
    text.replace(at, 2, place);
  }
  return text;
}

// A copy of the example snapshot, a scenario that starts from it, and an
// experiment whose base scenario is base.yaml.
void lay_out_inputs(const TemporaryDirectory& directory) {
  fs::copy(kExample, directory / "snapshot", fs::copy_options::recursive);
  // The full-file twin of the shipped what-if, which needs no base file beside it.
  fs::copy_file(kSource / "tests/unit/scenario/data/agency-leave-full.yaml", directory / "scenario.yaml");
  std::ofstream(directory / "base-is-special.yaml") << "name: exp\nbase_scenario: base.yaml\nreplications: 2\n"
                                                    << "seed: 7\nmetrics: [visits_overdue]\n";
  std::ofstream(directory / "salt") << "a salt of more than sixteen bytes\n";
}

// Runs casesim with a limit on its address space and a deadline.
ProgramOutcome bounded_run(const std::vector<std::string>& arguments, const TemporaryDirectory& directory, bool& hung) {
  // AddressSanitizer reserves terabytes of address space for its shadow, so
  // under the sanitizer stage (scripts/test sets ASAN_OPTIONS) the limit cannot
  // apply; the deadline still catches a hang.
  const std::string limit = std::getenv("ASAN_OPTIONS") != nullptr ? "unlimited" : kAddressSpaceKiB;
  std::vector<std::string> argv{"/bin/sh", "-c", "ulimit -v " + limit + " && exec \"$0\" \"$@\"", casesim_program()};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  Program program(argv, in(directory));
  const auto start = std::chrono::steady_clock::now();
  while (program.running() && std::chrono::steady_clock::now() - start < kDeadline) std::this_thread::sleep_for(20ms);
  hung = program.running();
  if (hung) program.kill(SIGKILL);
  return program.wait();
}

class SpecialInput : public ::testing::TestWithParam<std::tuple<SpecialInputCase, Special>> {};

TEST_P(SpecialInput, IsRefusedAtOnceWithStatus2AndWhatItIs) {
  const auto& [input, kind] = GetParam();
  const TemporaryDirectory directory;
  lay_out_inputs(directory);
  make_special(kind, directory / input.place);
  std::vector<std::string> arguments;
  for (const std::string& argument : input.arguments) arguments.push_back(replaced(argument, input.place, kind));

  bool hung = false;
  const ProgramOutcome outcome = bounded_run(arguments, directory, hung);
  ASSERT_FALSE(hung) << "still running after " << kDeadline.count() << " s";
  EXPECT_EQ(outcome.exit_status, kBadInput) << outcome.err;
  EXPECT_EQ(outcome.err, "casesim: " + replaced(input.message, input.place, kind) + "\n");
  EXPECT_EQ(outcome.out, "");
  for (const char* output : {"out.h5", "out.h5.partial", "trace.csv", "report.html"}) {
    EXPECT_FALSE(fs::exists(directory / output)) << output;
  }
}

std::string case_name(const ::testing::TestParamInfo<std::tuple<SpecialInputCase, Special>>& info) {
  return std::string(std::get<0>(info.param).name) + "_" + special_name(std::get<1>(info.param));
}

INSTANTIATE_TEST_SUITE_P(EveryInput, SpecialInput,
                         ::testing::Combine(::testing::ValuesIn(kCases),
                                            ::testing::Values(Special::fifo, Special::device)),
                         case_name);

// The FIFO in these cases is never opened for writing: a casesim that opened
// it to read would block there for ever. This checks the harness itself does
// notice such a hang (a reader blocked on a FIFO, as casesim was).
TEST(SpecialInputHarness, NoticesAProgramThatBlocksOnAFifo) {
  const TemporaryDirectory directory;
  make_special(Special::fifo, directory / "fifo");
  Program program({"/bin/sh", "-c", "exec cat fifo"}, in(directory));
  std::this_thread::sleep_for(300ms);
  EXPECT_TRUE(program.running());
  program.kill(SIGKILL);
  EXPECT_EQ(program.wait().signal, SIGKILL);
}

}  // namespace
}  // namespace casesim::reliability
