#include "engine/results/dimension_scales.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <cstddef>

namespace casesim::results {

namespace {

// An object reference, as H5DS makes one (H5R_OBJECT, not a region).
hobj_ref_t reference_to(Hdf5File& file, const Dataset& dataset, const std::string& name) {
  hobj_ref_t reference{};
  if (H5Rcreate(&reference, dataset.id(), ".", H5R_OBJECT, H5I_INVALID_HID) < 0)
    file.fail("cannot make a reference to " + name);
  return reference;
}

}  // namespace

DimensionScales::Scale& DimensionScales::scale(const std::string& name) {
  for (Scale& known : scales_)
    if (known.name == name) return known;
  const Dataset dataset = file_.open_dataset(name);
  scales_.push_back(Scale{name, reference_to(file_, dataset, name), {}});
  return scales_.back();
}

void DimensionScales::attach(const Dataset& dataset, const std::string& name,
                             const std::vector<const char*>& dimensions) {
  const Dataspace space(H5Dget_space(dataset.id()));
  const int rank = space.is_open() ? H5Sget_simple_extent_ndims(space.id()) : -1;
  if (rank < 0 || dimensions.size() > static_cast<std::size_t>(std::max(rank, 1)))
    file_.fail("cannot attach " + std::to_string(dimensions.size()) + " dimensions to " + name);
  const hobj_ref_t to_dataset = reference_to(file_, dataset, name);
  // H5DS's DIMENSION_LIST: one variable-length list of scale references per
  // axis (a scalar counts as one axis), empty for an axis with none.
  std::vector<hobj_ref_t> to_scales(dimensions.size());
  std::vector<hvl_t> axes(static_cast<std::size_t>(std::max(rank, 1)), hvl_t{0, nullptr});
  for (std::size_t axis = 0; axis < dimensions.size(); ++axis) {
    Scale& attached = scale(dimensions[axis]);
    to_scales[axis] = attached.reference;
    axes[axis] = hvl_t{1, &to_scales[axis]};
    attached.attached.push_back(AttachedAxis{to_dataset, static_cast<int>(axis)});
  }
  if (!axis_list_type_.is_open()) axis_list_type_ = Datatype(H5Tvlen_create(H5T_STD_REF_OBJ));
  const hid_t type = axis_list_type_.id();
  const hsize_t length = axes.size();
  const Dataspace list_space(H5Screate_simple(1, &length, nullptr));
  const Attribute list(axis_list_type_.is_open() && list_space.is_open()
                           ? H5Acreate2(dataset.id(), DIMENSION_LIST, type, list_space.id(), H5P_DEFAULT, H5P_DEFAULT)
                           : H5I_INVALID_HID);
  if (!list.is_open() || H5Awrite(list.id(), type, axes.data()) < 0)
    file_.fail("cannot attach its dimensions to " + name);
}

void DimensionScales::finish() {
  // H5DS's REFERENCE_LIST: a compound of the dataset's reference and the axis,
  // its memory layout also its stored type.
  const Datatype type(H5Tcreate(H5T_COMPOUND, sizeof(AttachedAxis)));
  if (!type.is_open() || H5Tinsert(type.id(), "dataset", HOFFSET(AttachedAxis, dataset), H5T_STD_REF_OBJ) < 0 ||
      H5Tinsert(type.id(), "dimension", HOFFSET(AttachedAxis, axis), H5T_NATIVE_INT) < 0)
    file_.fail("cannot make the type of a dimension's reference list");
  for (const Scale& scale : scales_) {
    const Dataset dataset = file_.open_dataset(scale.name);
    const hsize_t length = scale.attached.size();
    const Dataspace space(H5Screate_simple(1, &length, nullptr));
    const Attribute list(space.is_open()
                             ? H5Acreate2(dataset.id(), REFERENCE_LIST, type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT)
                             : H5I_INVALID_HID);
    if (!list.is_open() || H5Awrite(list.id(), type.id(), scale.attached.data()) < 0)
      file_.fail("cannot list the datasets dimension " + scale.name + " labels");
  }
}

}  // namespace casesim::results
