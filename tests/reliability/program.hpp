#pragma once
// Runs the real casesim program in a child process, as a user or a batch
// system would: its exit status, the signal that ended it, and what it printed.
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace casesim::reliability {

// The exit statuses casesim promises (docs/reliability.md): bad input, and a
// failure while running, such as a results file that cannot be written.
constexpr int kBadInput = 2;
constexpr int kRuntimeFailure = 3;

struct ProgramOutcome {
  int exit_status = -1;  // -1 when a signal ended it
  int signal = 0;        // 0 when it exited
  std::string out;
  std::string err;
};

struct ProgramOptions {
  std::filesystem::path working_directory;  // empty: the test's own
  // RLIMIT_FSIZE for the child only, like `ulimit -f` in the shell that starts
  // a batch job: a write beyond it fails with EFBIG, after SIGXFSZ.
  std::optional<std::uint64_t> file_size_limit_bytes;
  // RLIMIT_AS for the child only, like `ulimit -v`.
  std::optional<std::uint64_t> address_space_limit_bytes;
  // Where the child's standard output goes (/dev/full, a file on a full
  // disk); empty: captured for ProgramOutcome::out.
  std::filesystem::path standard_output;
  // Standard error into the same file as standard output (ProgramOutcome::out),
  // as a batch job's log has both, in the order they were written.
  bool standard_error_with_output = false;
};

// A started program. Its output goes to files, not pipes, so it never blocks
// on a full pipe while the test waits or polls.
class Program {
 public:
  explicit Program(const std::vector<std::string>& argv, const ProgramOptions& options = {});
  ~Program();  // kills and reaps a program still running
  Program(const Program&) = delete;
  Program& operator=(const Program&) = delete;

  bool running();
  void kill(int signal);
  ProgramOutcome wait();

 private:
  std::filesystem::path output_dir_;
  pid_t pid_ = -1;
  std::optional<int> wait_status_;
};

ProgramOutcome run_program(const std::vector<std::string>& argv, const ProgramOptions& options = {});

// The casesim under test (this build's).
std::string casesim_program();
// The command line of the casesim under test: its path, then `arguments`.
std::vector<std::string> casesim(const std::vector<std::string>& arguments);
// The source tree, whose shipped and bad-input files the tests name.
inline const std::filesystem::path kSource = CASESIM_SOURCE_DIR;
// A file of the source tree as a command-line argument.
inline std::string shipped(const std::string& relative) {
  return (kSource / relative).string();
}
// The shipped synthetic snapshot (scenarios/snapshots/example).
inline const std::string kExampleSnapshot = shipped("scenarios/snapshots/example");

// A fresh directory, removed with everything in it at the end of the test.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& path);

// Whether `path` exists within `limit` (polled every 5 ms): a run's file appearing.
bool appears_within(const std::filesystem::path& path, std::chrono::milliseconds limit);

class TemporaryDirectory;
// Runs `argv` in `directory` until it has created `directory`/out.h5.partial
// and run `running_for` more, then sends it `signal`: a run stopped part-way.
ProgramOutcome stop_while_writing(const std::vector<std::string>& argv, const TemporaryDirectory& directory, int signal,
                                  std::chrono::milliseconds running_for);

// The words of a command casesim printed (the tests' paths need no shell quoting).
std::vector<std::string> shell_words(const std::string& line);

// What a program wrote to standard error, without the plain progress lines
// (`casesim: progress: ...`) a long command writes there in a log.
std::string without_progress(const std::string& err);

// Options for a program run from `directory`, and with a file size limit.
inline ProgramOptions in(const TemporaryDirectory& directory) {
  ProgramOptions options;
  options.working_directory = directory.path();
  return options;
}
inline ProgramOptions limited_to(std::uint64_t file_size_limit_bytes, ProgramOptions options) {
  options.file_size_limit_bytes = file_size_limit_bytes;
  return options;
}

}  // namespace casesim::reliability
