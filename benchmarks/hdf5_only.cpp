// The start-up reference for issue 19: a C++ program that links HDF5 and
// nothing else of ours, opens the library and writes a tiny file, so that
// casesim's own start-up can be compared with the cost of loading HDF5.
//
//   casesim_hdf5_only [FILE]    (without FILE: only opens and closes the library)
#include <cstdio>

#include <hdf5.h>

int main(int argc, char** argv) {
  if (H5open() < 0) return 3;
  if (argc > 1) {
    const hid_t file = H5Fcreate(argv[1], H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
    if (file < 0) return 3;
    H5Fclose(file);
  }
  unsigned major = 0, minor = 0, release = 0;
  H5get_libversion(&major, &minor, &release);
  std::printf("HDF5 %u.%u.%u\n", major, minor, release);
  return H5close() < 0 ? 3 : 0;
}
