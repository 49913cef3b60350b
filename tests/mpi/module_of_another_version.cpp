// A stand-in for the MPI module of another casesim version: a loadable
// library whose entry point has another interface version's name.
extern "C" __attribute__((visibility("default"))) int casesim_join_mpi_ranks_v0() {
  return 0;
}
