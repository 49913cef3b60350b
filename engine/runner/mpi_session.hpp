#pragma once
// MPI for one `casesim experiment` spread over ranks (docs/cluster.md). Only
// built with CASESIM_WITH_MPI; nothing else in casesim starts MPI.
namespace casesim::runner {

// Whether a launcher (mpirun, mpiexec, srun) started this process as an MPI
// rank, read from the environment it sets, without starting MPI: a casesim
// started from a shell never initialises MPI, prints nothing of it and pays
// nothing for it.
bool started_by_mpi_launcher();

// MPI_Init on construction, MPI_Finalize on destruction: one per process.
// Only the thread that made it calls MPI (MPI_THREAD_FUNNELED); the OpenMP
// threads of a replication loop never do.
class MpiSession {
 public:
  // Throws std::runtime_error when MPI cannot be started as needed.
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace casesim::runner
