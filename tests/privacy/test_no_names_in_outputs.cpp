// Child identifiers and worker names are pseudonymised on load and never
// written in clear (issue 11). From the shipped synthetic snapshot's own CSVs
// this collects every Child Unique ID and every worker's name (workers.csv's
// Worker column and every list's Allocated Worker column, as written), runs
// each command a user can point at a snapshot, and searches every byte the
// program wrote (files, standard output, standard error) for each of them:
// ids exactly, names exactly and ignoring case, and names as the loader
// normalises them (lowercase letters and digits only).
//
// The shipped what-if names two workers as workers.csv does, so every output
// made from it also shows that those names stop at the loader; a name that
// matches no worker is refused without being repeated.
//
// The one exception is the local-only report (`casesim report --names`, a
// file named *.names.html), which shows them on purpose: it is left out of
// that search, checked to hold them, and its neighbours (the ordinary report
// of the same results file, the results file itself, what the command
// printed) are searched like every other output.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/privacy/csv_cells.hpp"
#include "tests/reliability/program.hpp"

namespace casesim {
namespace {

namespace fs = std::filesystem;
using privacy::csv_fields;
using privacy::lowercase;
using privacy::trimmed;
using reliability::ProgramOutcome;
using reliability::read_file;
using reliability::run_program;

const fs::path kSource = CASESIM_SOURCE_DIR;
const fs::path kSnapshot = kSource / "scenarios/snapshots/example";
const fs::path kWhatIf = kSource / "scenarios/what-if/agency-leave.yaml";

// Every non-empty value of the named columns in every CSV of the snapshot.
std::set<std::string> column_values(const std::vector<std::string>& columns) {
  std::set<std::string> values;
  for (const auto& entry : fs::directory_iterator(kSnapshot)) {
    if (entry.path().extension() != ".csv") continue;
    const std::vector<std::string> lines = privacy::csv_lines(entry.path());
    if (lines.empty()) continue;
    const auto header = csv_fields(lines[0]);
    for (const std::string& column : columns) {
      const auto at = std::find(header.begin(), header.end(), column);
      if (at == header.end()) continue;
      const auto index = static_cast<std::size_t>(at - header.begin());
      for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto fields = csv_fields(lines[i]);
        if (index < fields.size() && !trimmed(fields[index]).empty()) values.insert(trimmed(fields[index]));
      }
    }
  }
  return values;
}

std::string letters_and_digits(const std::string& s) {
  std::string out;
  for (const char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Every child id and worker name of the snapshot found in `bytes`.
std::vector<std::string> names_in(const std::string& bytes, const std::set<std::string>& child_ids,
                                  const std::set<std::string>& worker_names) {
  std::vector<std::string> found;
  const std::string folded = lowercase(bytes);
  for (const std::string& id : child_ids)
    if (bytes.find(id) != std::string::npos) found.push_back("child id " + id);
  for (const std::string& name : worker_names) {
    if (bytes.find(name) != std::string::npos)
      found.push_back("worker name " + name);
    else if (folded.find(lowercase(name)) != std::string::npos)
      found.push_back("worker name " + name + ", in another case");
    else if (folded.find(letters_and_digits(name)) != std::string::npos)
      found.push_back("worker name " + name + " as " + letters_and_digits(name));
  }
  return found;
}

struct Output {
  std::string what;  // a file's name, or a command's stream
  std::string bytes;
};

// The local-only report with names, which is meant to hold them.
bool is_local_only(const Output& output) {
  return output.what.ends_with(".names.html");
}

class NoNamesInOutputs : public ::testing::Test {
 protected:
  ProgramOutcome casesim(std::vector<std::string> arguments, int expected_status = 0) {
    arguments.insert(arguments.begin(), reliability::casesim_program());
    std::string command;
    for (const auto& a : arguments) command += (command.empty() ? "" : " ") + a;
    const ProgramOutcome outcome = run_program(arguments, reliability::in(directory_));
    EXPECT_EQ(outcome.exit_status, expected_status) << command << "\n" << outcome.err;
    outputs_.push_back({command + " (standard output)", outcome.out});
    outputs_.push_back({command + " (standard error)", outcome.err});
    return outcome;
  }

  // Every output a user can make from a snapshot, with the default salt and with a salt file.
  void every_output() {
    const std::string snapshot = kSnapshot.string(), what_if = kWhatIf.string();
    {
      std::ofstream salt(directory_ / "salt.txt");
      salt << "a salt only this test knows, 0123456789\n";
    }
    casesim({"run", what_if, "--start-from", snapshot, "-r", "4", "-o", "what-if.h5"});
    casesim({"run", what_if, "--start-from", snapshot, "--lenient", "--salt-file", "salt.txt", "-r", "2", "-o",
             "salted.h5"});
    casesim({"summary", "what-if.h5"});
    casesim({"summary", "what-if.h5", "--csv"});
    casesim({"report", "what-if.h5", "-o", "what-if.html"});
    casesim({"report", "salted.h5"});
    casesim({"trace", what_if, "--start-from", snapshot, "-o", "trace.csv"});
    casesim({"trace", what_if, "--start-from", snapshot, "--salt-file", "salt.txt", "-k", "1"});  // to standard output
    casesim({"snapshot", snapshot});
    casesim({"snapshot", snapshot, "--lenient", "--salt-file", "salt.txt"});
    casesim({"snapshot", snapshot, "--team", "Northgate Children and Families Team"});
    casesim({"experiment", (kSource / "scenarios/experiments/agency-leave.yaml").string(), "--start-from", snapshot,
             "-r", "2", "-o", "experiment.h5"});
    casesim({"whatif", "init", snapshot, "-o", "init.yaml"});
    casesim({"whatif", "init", snapshot, "--salt-file", "salt.txt"});  // to standard output
    {
      // A worker who has left: in the lists' Allocated Worker column, not in workers.csv.
      std::ofstream gone(inputs_ / "gone.yaml");
      gone << "base: " << what_if << "\ntimeline: [{date: 2027-03-01, event: worker_leaves, worker: Sam Whitlock}]\n";
    }
    casesim({"run", (inputs_ / "gone.yaml").string(), "--start-from", snapshot, "-r", "2", "-o", "gone.h5"}, 2);
    casesim({"report", "what-if.h5", "--names", snapshot, "-o", "what-if.names.html"});
    casesim({"report", "salted.h5", "--names", snapshot, "--salt-file", "salt.txt"});  // salted.names.html
    for (const auto& entry : fs::recursive_directory_iterator(directory_.path()))
      if (entry.is_regular_file()) outputs_.push_back({entry.path().filename().string(), read_file(entry.path())});
  }

  reliability::TemporaryDirectory directory_;
  reliability::TemporaryDirectory inputs_;  // what is given, not searched
  std::vector<Output> outputs_;
};

TEST_F(NoNamesInOutputs, NoChildIdOrWorkerNameFromTheSnapshotAppearsInAnyOutput) {
  const std::set<std::string> child_ids = column_values({"Child Unique ID"});
  const std::set<std::string> worker_names = column_values({"Worker", "Allocated Worker"});
  // The example's README: 160 open children (and closed records besides), 11 workers and one who has left.
  ASSERT_GE(child_ids.size(), 160u);
  ASSERT_GE(worker_names.size(), 11u);
  ASSERT_TRUE(worker_names.count("Priya Shah"));
  ASSERT_TRUE(worker_names.count("daniel okafor"));  // as an Allocated Worker column writes it

  every_output();
  ASSERT_GE(outputs_.size(), 35u);
  ASSERT_TRUE(worker_names.count("Sam Whitlock"));

  // The outputs do name children and workers, by pseudonym, so the search below looks where names would be.
  const auto find_output = [&](const std::string& name) -> const std::string& {
    for (const Output& o : outputs_)
      if (o.what == name) return o.bytes;
    ADD_FAILURE() << name << " was not written";
    static const std::string none;
    return none;
  };
  EXPECT_NE(find_output("what-if.html").find("<code class=\"pseudonym\">C-"), std::string::npos);
  EXPECT_NE(find_output("trace.csv").find(",W-"), std::string::npos);
  EXPECT_NE(find_output("trace.csv").find(",C-"), std::string::npos);
  EXPECT_NE(find_output("what-if.h5").find("C-"), std::string::npos);

  for (const Output& output : outputs_) {
    if (is_local_only(output)) continue;
    for (const std::string& found : names_in(output.bytes, child_ids, worker_names))
      ADD_FAILURE() << output.what << " holds the " << found;
  }

  // The local-only reports do hold them (so the search above would have found them), marked as such.
  for (const std::string name : {"what-if.names.html", "salted.names.html"}) {
    const std::string& local = find_output(name);
    EXPECT_FALSE(names_in(local, child_ids, {}).empty()) << name;
    EXPECT_NE(local.find("LOCAL ONLY"), std::string::npos) << name;
  }
}

// A names report needs the key the run was pseudonymised with: with another,
// no pseudonym matches and nothing is written.
TEST_F(NoNamesInOutputs, TheNamesReportRefusesASnapshotKeyedOtherwise) {
  {
    std::ofstream salt(directory_ / "salt.txt");
    salt << "a salt only this test knows, 0123456789\n";
  }
  casesim({"run", kWhatIf.string(), "--start-from", kSnapshot.string(), "-r", "2", "-o", "what-if.h5"});
  const ProgramOutcome refused = run_program({reliability::casesim_program(), "report", "what-if.h5", "--names",
                                              kSnapshot.string(), "--salt-file", "salt.txt"},
                                             reliability::in(directory_));
  EXPECT_EQ(refused.exit_status, 2) << refused.err;
  EXPECT_NE(refused.err.find("--salt-file"), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(directory_ / "what-if.names.html"));
}

// The search finds names where they are: `casesim snapshot --show-names`
// prints them on the manager's screen, on purpose.
TEST_F(NoNamesInOutputs, TheSearchFindsNamesShownOnPurpose) {
  const std::set<std::string> worker_names = column_values({"Worker", "Allocated Worker"});
  // Names print only to a terminal: `script` (util-linux) gives the program one.
  const ProgramOutcome shown =
      run_program({"/usr/bin/script", "-qec",
                   reliability::casesim_program() + " snapshot " + kSnapshot.string() + " --show-names", "/dev/null"});
  const auto found = names_in(shown.out, {}, worker_names);
  EXPECT_NE(std::find(found.begin(), found.end(), "worker name Priya Shah"), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), "worker name daniel okafor, in another case"), found.end());
  EXPECT_EQ(names_in("case 1001114 held by PRIYA SHAH", {"1001114"}, {"Priya Shah"}),
            (std::vector<std::string>{"child id 1001114", "worker name Priya Shah, in another case"}));
  EXPECT_EQ(names_in("key priyashah", {}, {"Priya Shah"}),
            (std::vector<std::string>{"worker name Priya Shah as priyashah"}));
}

}  // namespace
}  // namespace casesim
