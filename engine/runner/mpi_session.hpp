#pragma once
// MPI for one `casesim experiment` spread over ranks (docs/cluster.md). Only
// built with CASESIM_WITH_MPI; nothing else in casesim starts MPI.
#include <memory>
#include <stdexcept>

#include "engine/runner/rank_channel.hpp"

namespace casesim::runner {

// The launcher's environment variable that tells this process it is an MPI
// rank (mpirun, mpiexec, srun set one), or nullptr: read without starting
// MPI, so a casesim started from a shell never loads MPI, prints nothing of
// it and pays nothing for it.
const char* mpi_launcher_variable();
inline bool started_by_mpi_launcher() {
  return mpi_launcher_variable() != nullptr;
}

// MPI could not be started: the module is missing or broken, or MPI itself
// refused. Not a bug in casesim: the message says why.
class MpiStartError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// This process's part in the MPI job: loads the MPI module (casesim_mpi.so,
// which the build and `cmake --install` put in ../lib/casesim from the
// program's own directory) and joins the ranks (MPI_Init) on construction,
// leaves (MPI_Finalize) on destruction. One per process, made by the thread
// that will send and receive.
class MpiSession {
 public:
  // Throws MpiStartError.
  MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  int rank() const { return channel_->rank(); }
  int size() const { return channel_->size(); }
  RankChannel& channel() const { return *channel_; }

 private:
  std::unique_ptr<RankChannel> channel_;
};

}  // namespace casesim::runner
