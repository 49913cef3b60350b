#include "tests/mpi/mpirun.hpp"

#include <cstdlib>

namespace casesim::reliability {

std::vector<std::string> mpirun(int ranks, const std::string& program,
                                const std::vector<std::string>& program_arguments,
                                const std::vector<std::string>& mpirun_options) {
  std::vector<std::string> argv{CASESIM_MPIRUN, "--oversubscribe", "--bind-to",
                                "none",         "--mca",           "btl",
                                "self,vader",   "--mca",           "btl_vader_single_copy_mechanism",
                                "none"};
#ifdef CASESIM_SANITIZED
  // Open MPI leaves memory from MPI_Init (its plugins, hwloc, PMIx) unfreed at
  // exit, through stacks LeakSanitizer cannot unwind (plugins already
  // unloaded), so no suppression can name them: the ranks run without leak
  // detection, still with every address and undefined-behaviour check. The
  // same code's leaks are checked in one process by the other tests.
  const char* inherited = std::getenv("ASAN_OPTIONS");
  argv.insert(argv.end(), {"-x", std::string("ASAN_OPTIONS=") + (inherited ? inherited : "") + ":detect_leaks=0"});
#endif
  argv.insert(argv.end(), mpirun_options.begin(), mpirun_options.end());
  argv.insert(argv.end(), {"-np", std::to_string(ranks), program});
  argv.insert(argv.end(), program_arguments.begin(), program_arguments.end());
  return argv;
}

void let_mpirun_run_as_root() {
  setenv("OMPI_ALLOW_RUN_AS_ROOT", "1", 1);
  setenv("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1", 1);
}

}  // namespace casesim::reliability
