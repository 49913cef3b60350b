#pragma once
// Internal to engine/results: dimension scales attached in one pass.
// H5DSattach_scale rewrites the scale's whole REFERENCE_LIST on every call, so
// attaching a scale to n datasets costs n^2: for the 250 attachments of a
// results file it was 29 % of a one-replication run's instructions. This
// writes the same two attributes, in the form HDF5's H5DS API writes them, each
// once: a dataset's DIMENSION_LIST when its axes are attached, each scale's
// REFERENCE_LIST when every dataset is (finish). H5DS calls (H5DSis_attached,
// H5DSiterate_scales), h5py's .dims, rhdf5 and netCDF readers see the scales
// as if H5DS had attached them one by one, in the same order.
#include <string>
#include <vector>

#include "engine/results/hdf5_file.hpp"

namespace casesim::results {

class DimensionScales {
 public:
  explicit DimensionScales(Hdf5File& file) : file_(file) {}

  // Attaches dimensions[axis] (each a dataset made a scale by
  // Hdf5File::make_dimension) to each axis of the open dataset `dataset`,
  // named `name`, as H5DSattach_scale(dataset, dimensions[axis], axis) for
  // each axis in turn.
  void attach(const Dataset& dataset, const std::string& name, const std::vector<const char*>& dimensions);
  // Writes each scale's list of the dataset axes attached to it, in the order
  // they were attached. Until then the scales are attached to nothing.
  void finish();

 private:
  // One entry of a scale's REFERENCE_LIST, laid out as H5DS's ds_list_t.
  struct AttachedAxis {
    hobj_ref_t dataset;
    int axis;
  };
  struct Scale {
    std::string name;
    hobj_ref_t reference;
    std::vector<AttachedAxis> attached;
  };

  Scale& scale(const std::string& name);

  Hdf5File& file_;
  std::vector<Scale> scales_;  // few (some 16): found by a scan
  Datatype axis_list_type_;    // DIMENSION_LIST's, made at the first attach
};

}  // namespace casesim::results
