#include "tests/reliability/program.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include <gtest/gtest.h>

namespace casesim::reliability {

namespace {

std::filesystem::path make_temporary_directory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "casesim-reliability-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::system_error(errno, std::generic_category(), "mkdtemp");
  return pattern;
}

}  // namespace

std::string casesim_program() {
  return CASESIM_PROGRAM;
}

ProgramOutcome stop_while_writing(const std::vector<std::string>& argv, const TemporaryDirectory& directory, int signal,
                                  std::chrono::milliseconds running_for) {
  Program run(argv, in(directory));
  EXPECT_TRUE(appears_within(directory / "out.h5.partial", std::chrono::seconds(20)));
  std::this_thread::sleep_for(running_for);
  run.kill(signal);
  return run.wait();
}

std::vector<std::string> casesim(const std::vector<std::string>& arguments) {
  std::vector<std::string> argv{casesim_program()};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return argv;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool appears_within(const std::filesystem::path& path, std::chrono::milliseconds limit) {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (!std::filesystem::exists(path)) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

std::vector<std::string> shell_words(const std::string& line) {
  std::vector<std::string> words;
  std::istringstream in(line);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string without_progress(const std::string& err) {
  std::istringstream lines(err);
  std::string kept;
  for (std::string line; std::getline(lines, line);)
    if (line.rfind("casesim: progress: ", 0) != 0) kept += line + '\n';
  return kept;
}

TemporaryDirectory::TemporaryDirectory() : path_(make_temporary_directory()) {}

TemporaryDirectory::~TemporaryDirectory() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

Program::Program(const std::vector<std::string>& argv, const ProgramOptions& options)
    : output_dir_(make_temporary_directory()) {
  // Everything the child needs is prepared before fork(): between fork and
  // exec only async-signal-safe calls are allowed.
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const std::string out_path = (output_dir_ / "out").string();
  const std::string err_path = (output_dir_ / "err").string();
  const std::string standard_output = options.standard_output.empty() ? out_path : options.standard_output.string();
  const int out_fd = ::open(standard_output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out_fd < 0 || err_fd < 0) throw std::system_error(errno, std::generic_category(), "open output files");
  const std::string directory = options.working_directory.string();
  const bool with_output = options.standard_error_with_output;

  pid_ = ::fork();
  if (pid_ < 0) throw std::system_error(errno, std::generic_category(), "fork");
  if (pid_ == 0) {
    if (::dup2(out_fd, STDOUT_FILENO) < 0) ::_exit(126);
    if (::dup2(with_output ? out_fd : err_fd, STDERR_FILENO) < 0) ::_exit(126);
    if (!directory.empty() && ::chdir(directory.c_str()) != 0) ::_exit(126);
    // The default actions, as under a login shell, whatever the test runner
    // set (a runner started under nohup ignores SIGHUP, and so would its children).
    for (const int signal_number : {SIGXFSZ, SIGINT, SIGTERM, SIGHUP}) ::signal(signal_number, SIG_DFL);
    if (options.file_size_limit_bytes) {
      const rlimit limit{*options.file_size_limit_bytes, *options.file_size_limit_bytes};
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
    }
    if (options.address_space_limit_bytes) {
      const rlimit limit{*options.address_space_limit_bytes, *options.address_space_limit_bytes};
      if (::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(126);
    }
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out_fd);
  ::close(err_fd);
}

Program::~Program() {
  if (pid_ > 0 && !wait_status_) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(output_dir_, ignored);
}

bool Program::running() {
  if (wait_status_) return false;
  int status = 0;
  const pid_t done = ::waitpid(pid_, &status, WNOHANG);
  if (done == pid_) wait_status_ = status;
  return !wait_status_;
}

void Program::kill(int signal) {
  if (running()) ::kill(pid_, signal);
}

ProgramOutcome Program::wait() {
  if (!wait_status_) {
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0) {
      if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "waitpid");
    }
    wait_status_ = status;
  }
  ProgramOutcome outcome;
  if (WIFEXITED(*wait_status_)) outcome.exit_status = WEXITSTATUS(*wait_status_);
  if (WIFSIGNALED(*wait_status_)) outcome.signal = WTERMSIG(*wait_status_);
  outcome.out = read_file(output_dir_ / "out");
  outcome.err = read_file(output_dir_ / "err");
  return outcome;
}

ProgramOutcome run_program(const std::vector<std::string>& argv, const ProgramOptions& options) {
  Program program(argv, options);
  return program.wait();
}

}  // namespace casesim::reliability
