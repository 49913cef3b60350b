#pragma once
// mpirun as the suite needs it on this machine: as root, more ranks than
// cores, each rank free to use every core, messages over shared memory.
#include <string>
#include <vector>

namespace casesim::reliability {

// The command line that starts `ranks` ranks of `program` with
// `program_arguments`; `mpirun_options` go before them (e.g. -x NAME=VALUE).
std::vector<std::string> mpirun(int ranks, const std::string& program,
                                const std::vector<std::string>& program_arguments,
                                const std::vector<std::string>& mpirun_options = {});

// Once per test suite, before the first mpirun: Open MPI refuses to run as
// root (as the suite does here and in CI) unless told twice.
void let_mpirun_run_as_root();

}  // namespace casesim::reliability
