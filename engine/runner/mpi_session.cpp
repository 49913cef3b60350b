#include "engine/runner/mpi_session.hpp"

#include <mpi.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

namespace casesim::runner {

bool started_by_mpi_launcher() {
  // Open MPI's mpirun sets OMPI_COMM_WORLD_SIZE; PMIx launchers (srun
  // --mpi=pmix, Open MPI 5's prterun) set PMIX_RANK; MPICH's hydra and
  // Slurm's PMI-2 set PMI_RANK.
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"})
    if (std::getenv(name) != nullptr) return true;
  return false;
}

MpiSession::MpiSession() {
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
    throw std::runtime_error("cannot start MPI");
  if (provided < MPI_THREAD_FUNNELED) {
    MPI_Finalize();
    throw std::runtime_error(
        "this MPI cannot be used by a program with OpenMP threads "
        "(MPI_THREAD_FUNNELED: provided " +
        std::to_string(provided) + ")");
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  MPI_Finalize();
}

}  // namespace casesim::runner
