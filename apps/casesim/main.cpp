// casesim: the command-line program. Parses arguments, calls the libraries,
// and maps failures to exit codes: 0 success, 2 bad input, 3 runtime failure.
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "apps/casesim/command_line.hpp"
#include "apps/casesim/commands.hpp"
#include "apps/casesim/huge_page_heap.hpp"
#include "apps/casesim/usage_error.hpp"
#include "apps/casesim/written_file.hpp"
#include "engine/input/input_error.hpp"
#include "engine/results/results_file.hpp"
#include "engine/runner/version.hpp"
#ifdef CASESIM_WITH_MPI
#include "engine/runner/mpi_session.hpp"
#endif

namespace {

constexpr int kBadInput = 2;
constexpr int kRuntimeFailure = 3;

std::string joined(int argc, char** argv) {
  std::string line;
  for (int i = 0; i < argc; ++i) line += (i ? " " : "") + std::string(argv[i]);
  return line;
}

// Why writing to standard output failed: the stream that failed kept no
// errno, so the reason is found from what standard output is now.
int why_standard_output_fails(int error) {
  struct stat status {};
  if (fstat(STDOUT_FILENO, &status) != 0) return errno;
  if (S_ISCHR(status.st_mode)) return write(STDOUT_FILENO, "\n", 1) == 1 ? error : errno;  // /dev/full
  struct statvfs space {};
  if (fstatvfs(STDOUT_FILENO, &space) == 0 && (geteuid() == 0 ? space.f_bfree : space.f_bavail) == 0) return ENOSPC;
  struct rlimit limit {};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      static_cast<rlim_t>(status.st_size) >= limit.rlim_cur)
    return EFBIG;
  return error;
}

// Everything printed on standard output (a trace or a CSV redirected to a
// file) reached it: on a full disk the program would otherwise end with 0 and
// a cut-off file. Checked once, at the end, after the last flush.
int with_standard_output_checked(int status) {
  errno = 0;
  std::cout.flush();
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout;
  if (!failed) return status;
  const int error = why_standard_output_fails(errno);
  std::cerr << "casesim: writing standard output failed: " << casesim::cli::write_failure_reason(error)
            << "; what was written there is incomplete\n";
  return status == 0 ? kRuntimeFailure : status;
}

int run_command_line(CLI::App& app, int argc, char** argv) {
  try {
    if (const auto mistake = casesim::cli::unknown_word(app, std::vector<std::string>(argv + 1, argv + argc))) {
      std::cerr << "casesim: " << *mistake << '\n';
      return kBadInput;
    }
    app.parse(argc, argv);
    return 0;
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kBadInput;
  } catch (const casesim::input::InputError& e) {
    std::cerr << "casesim: " << e.what() << '\n';
    return kBadInput;
  } catch (const casesim::cli::UsageError& e) {
    std::cerr << "casesim: " << e.what() << '\n';
    return kBadInput;
  } catch (const casesim::results::ResultsError& e) {
    std::cerr << "casesim: " << e.what() << '\n';
    return kRuntimeFailure;
#ifdef CASESIM_WITH_MPI
  } catch (const casesim::runner::MpiStartError& e) {
    std::cerr << "casesim: " << e.what() << '\n';
    return kRuntimeFailure;
#endif
  } catch (const std::bad_alloc&) {
    std::cerr << "casesim: out of memory; free some, raise the limit (ulimit -v, a batch job's memory request) or use "
                 "a machine with more; a run needs less with fewer --threads\n";
    return kRuntimeFailure;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "casesim: " << e.path1().string() << ": " << e.code().message() << '\n';
    return kRuntimeFailure;
  } catch (const std::exception& e) {
    std::cerr << "casesim: internal error: " << e.what() << '\n';
    return kRuntimeFailure;
  }
}

}  // namespace

int main(int argc, char** argv) {
  casesim::cli::put_heap_in_huge_pages();
  CLI::App app{"casesim: simulate a children's social care team and estimate the risk of missed safeguarding actions"};
  app.set_version_flag("--version", casesim::runner::casesim_version());
  app.require_subcommand(1);
  const std::string command_line = joined(argc, argv);
  casesim::cli::add_run_command(app, command_line);
  casesim::cli::add_experiment_command(app, command_line);
  casesim::cli::add_summary_command(app);
  casesim::cli::add_export_command(app);
  casesim::cli::add_report_command(app);
  casesim::cli::add_trace_command(app);
  casesim::cli::add_optimise_command(app, command_line);
  casesim::cli::add_snapshot_command(app);
  casesim::cli::add_whatif_command(app);
  casesim::cli::add_check_command(app);
  casesim::cli::describe_commands(app);

  // A file-size limit (ulimit -f) would otherwise kill the program silently
  // mid-write; ignored, the write fails with EFBIG and is reported like any
  // other failed write, and the finished batches stay in the .partial file.
  std::signal(SIGXFSZ, SIG_IGN);
  casesim::results::leave_library_memory_to_process_exit();

  return with_standard_output_checked(run_command_line(app, argc, argv));
}
