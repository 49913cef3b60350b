#pragma once
// Internal to engine/results: what makes a results file self-describing to
// xarray and netCDF-4 readers (docs/results-format.md, "Dimensions and
// units"). Every axis of every dataset is a named dimension (an HDF5
// dimension scale in the root group: variant, replication, week, bin, ...),
// every dataset says what it holds (`long_name`) and every measured one in
// what (`units`, from the model's metric catalogue through Layout), and the
// warm-up weeks are marked. Nothing here changes a dataset's name, shape or
// values: h5py and rhdf5 read the file as before.
#include <cstddef>

#include "engine/results/hdf5_file.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::results {

// Writes the root group's coordinates and attaches them to every dataset the
// writer has laid out (ResultsWriter::create, after every dataset exists).
void label_axes(Hdf5File& file, const Metadata& metadata, const Layout& layout);

// The replication coordinate grown with the datasets it labels
// (ResultsWriter::extend_replications), numbering the new slots.
void extend_replication_axis(Hdf5File& file, std::size_t from, std::size_t to);

}  // namespace casesim::results
