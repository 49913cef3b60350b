#include "engine/results/hdf5_file.hpp"

#include <hdf5_hl.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <filesystem>

namespace casesim::results {

namespace {

// HDF5 prints its error stack to stderr by default; we report through
// ResultsError instead. Set at every entry point because the setting is
// per-thread in thread-safe builds of HDF5.
void silence_hdf5_error_printing() {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

herr_t keep_innermost_error(unsigned n, const H5E_error2_t* error, void* innermost) {
  if (n == 0 && error->desc != nullptr) *static_cast<std::string*>(innermost) = error->desc;
  return 0;
}

// The most specific message HDF5 left for the last failed call (e.g. the
// operating system's reason), or "" when HDF5 recorded nothing.
std::string innermost_hdf5_error() {
  std::string innermost;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, keep_innermost_error, &innermost);
  H5Eclear2(H5E_DEFAULT);
  // A failed write's description is a multi-line dump (time, descriptor,
  // buffer address...); users need its first words and the system's reason,
  // on one line: "file write failed: File too large".
  const std::string reason_key = "error message = '";
  if (const auto at = innermost.find(reason_key); at != std::string::npos) {
    const auto start = at + reason_key.size();
    const auto end = innermost.find('\'', start);
    const auto colon = innermost.find(':');
    return innermost.substr(0, std::min(colon, at)) + ": " + innermost.substr(start, end - start);
  }
  for (char& c : innermost)
    if (c == '\n' || c == '\r') c = ' ';
  return innermost;
}

// A transfer of `elements` values whose type conversion buffer holds just
// them. HDF5's default buffer is 1 MB, allocated and zeroed on every write or
// read that converts (every variable-length string does): 96 of them were
// 15 % of a one-replication run's instructions, most of it creating the file.
PropertyList transfer_of(std::size_t elements, const std::string& path) {
  // Room for the widest element either side (a variable-length string is 16 bytes in the file).
  constexpr std::size_t kWidestElement = 64;
  PropertyList transfer(H5Pcreate(H5P_DATASET_XFER));
  if (!transfer.is_open() ||
      H5Pset_buffer(transfer.id(), std::max<std::size_t>(elements, 1) * kWidestElement, nullptr, nullptr) < 0)
    throw ResultsError(error_message(path, "cannot set up a transfer"));
  return transfer;
}

std::vector<hsize_t> extent_of(const Dataspace& space) {
  const int rank = H5Sget_simple_extent_ndims(space.id());
  std::vector<hsize_t> dims(rank > 0 ? static_cast<std::size_t>(rank) : 0);
  if (rank > 0) H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr);
  return dims;
}

}  // namespace

std::string error_message(const std::string& path, std::string_view what) {
  std::string message = "results file '" + path + "': " + std::string(what);
  if (const std::string detail = innermost_hdf5_error(); !detail.empty()) message += " (HDF5: " + detail + ")";
  return message;
}

void leave_library_memory_to_process_exit() {
  H5dont_atexit();
}

std::size_t element_count(const std::vector<hsize_t>& dims) {
  std::size_t n = 1;
  for (const hsize_t d : dims) n *= static_cast<std::size_t>(d);
  return n;
}

std::string shape_text(const std::vector<hsize_t>& dims) {
  std::string text = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) text += (i ? ", " : "") + std::to_string(dims[i]);
  return text + "]";
}

hid_t Hdf5File::utf8_string() const {
  if (!utf8_string_.is_open()) {
    Datatype made(H5Tcopy(H5T_C_S1));
    if (!made.is_open() || H5Tset_size(made.id(), H5T_VARIABLE) < 0 || H5Tset_cset(made.id(), H5T_CSET_UTF8) < 0)
      fail("cannot make the UTF-8 string type");
    utf8_string_ = std::move(made);
  }
  return utf8_string_.id();
}

hid_t Hdf5File::scalar() const {
  if (!scalar_.is_open()) {
    Dataspace made(H5Screate(H5S_SCALAR));
    if (!made.is_open()) fail("cannot make a scalar's shape");
    scalar_ = std::move(made);
  }
  return scalar_.id();
}

// No chunk cache for any dataset of a file written (create_numeric says why).
// Set once for the file rather than on each dataset: a dataset given its own
// access properties has them copied on creation and freed on closing, a
// tenth of laying out a results file.
namespace {
PropertyList writing_access(const std::string& name) {
  PropertyList access(H5Pcreate(H5P_FILE_ACCESS));
  int metadata_elements = 0;
  std::size_t chunk_slots = 0, chunk_bytes = 0;
  double preemption = 0.0;
  if (!access.is_open() || H5Pget_cache(access.id(), &metadata_elements, &chunk_slots, &chunk_bytes, &preemption) < 0 ||
      H5Pset_cache(access.id(), metadata_elements, chunk_slots, 0, preemption) < 0)
    throw ResultsError(error_message(name, "cannot set up its access properties"));
  return access;
}
}  // namespace

Hdf5File Hdf5File::create(const std::string& path, const std::string& shown_as) {
  silence_hdf5_error_printing();
  const std::string name = shown_as.empty() ? path : shown_as;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty() && !std::filesystem::is_directory(parent))
    throw ResultsError("results file '" + name + "': cannot create it: directory '" + parent.string() +
                       "' does not exist");
  // Objects record no creation times, so two identical runs give files
  // that differ only in the created_utc attribute. (Chunk indexes keep
  // HDF5's default of 64 chunks a node: with smaller nodes, growing a file
  // for more replications split them, and a run killed in that moment left
  // a file that could not be read; benchmarks/README.md, issue 19.)
  PropertyList creation(H5Pcreate(H5P_FILE_CREATE));
  if (!creation.is_open() || H5Pset_obj_track_times(creation.id(), false) < 0)
    throw ResultsError(error_message(name, "cannot set up its creation properties"));
  const PropertyList access = writing_access(name);
  const hid_t id = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, creation.id(), access.id());
  if (id < 0) throw ResultsError(error_message(name, "cannot create it"));
  return Hdf5File(name, FileHandle(id));
}

FileIdentity Hdf5File::identity() const {
  // The default (sec2) driver's handle is a POSIX file descriptor.
  void* handle = nullptr;
  struct stat status {};
  if (H5Fget_vfd_handle(file_.id(), H5P_DEFAULT, &handle) < 0 || handle == nullptr ||
      fstat(*static_cast<int*>(handle), &status) != 0)
    fail("cannot tell which file it is on disk");
  return {static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino)};
}

Hdf5File Hdf5File::open_read_only(const std::string& path) {
  silence_hdf5_error_printing();
  if (!std::filesystem::exists(path)) throw ResultsError("results file '" + path + "': does not exist");
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    H5Eclear2(H5E_DEFAULT);
    throw ResultsError("results file '" + path + "': is not an HDF5 file");
  }
  const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) throw ResultsError(error_message(path, "cannot open it"));
  return Hdf5File(path, FileHandle(id));
}

Hdf5File Hdf5File::open_read_write(const std::string& path) {
  silence_hdf5_error_printing();
  const PropertyList access = writing_access(path);
  const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDWR, access.id());
  if (id < 0) throw ResultsError(error_message(path, "cannot open it"));
  return Hdf5File(path, FileHandle(id));
}

void Hdf5File::fail(std::string_view what) const {
  throw ResultsError(error_message(path_, what));
}

void Hdf5File::create_group(const std::string& name) {
  PropertyList creation(H5Pcreate(H5P_GROUP_CREATE));
  if (H5Pset_obj_track_times(creation.id(), false) < 0) fail("cannot set up group " + name);
  Group group(H5Gcreate2(file_.id(), name.c_str(), H5P_DEFAULT, creation.id(), H5P_DEFAULT));
  if (!group.is_open()) fail("cannot create group " + name);
}

bool Hdf5File::exists(const std::string& name) const {
  return H5Lexists(file_.id(), name.c_str(), H5P_DEFAULT) > 0;
}

// --- attributes ---

void Hdf5File::write_attribute(const std::string& owner, const std::string& name, std::string_view value) {
  const std::string text(value);
  const char* data = text.c_str();
  const hid_t type = utf8_string();
  write_scalar_attribute(owner, name, type, type, &data);
}
void Hdf5File::write_attribute(const std::string& owner, const std::string& name, int value) {
  write_scalar_attribute(owner, name, H5T_STD_I32LE, H5T_NATIVE_INT, &value);
}
void Hdf5File::write_attribute(const Dataset& dataset, const std::string& owner, const std::string& name,
                               std::string_view value) {
  const std::string text(value);
  const char* data = text.c_str();
  const hid_t type = utf8_string();
  write_scalar_attribute(dataset, owner, name, type, type, &data);
}
void Hdf5File::write_attribute(const Dataset& dataset, const std::string& owner, const std::string& name, int value) {
  write_scalar_attribute(dataset, owner, name, H5T_STD_I32LE, H5T_NATIVE_INT, &value);
}
void Hdf5File::write_attribute(const std::string& owner, const std::string& name, std::int64_t value) {
  write_scalar_attribute(owner, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value);
}
void Hdf5File::write_attribute(const std::string& owner, const std::string& name, std::uint64_t value) {
  write_scalar_attribute(owner, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value);
}
void Hdf5File::write_attribute(const std::string& owner, const std::string& name, double value) {
  write_scalar_attribute(owner, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

void Hdf5File::write_attribute(const std::string& owner, const std::string& name, const std::vector<double>& values) {
  write_array_attribute(owner, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, values.size(), values.data());
}
void Hdf5File::write_attribute(const std::string& owner, const std::string& name,
                               const std::vector<std::string>& values) {
  std::vector<const char*> data;
  for (const std::string& value : values) data.push_back(value.c_str());
  const hid_t type = utf8_string();
  write_array_attribute(owner, name, type, type, values.size(), data.data());
}

bool Hdf5File::has_attribute(const std::string& owner, const std::string& name) const {
  return H5Aexists_by_name(file_.id(), owner.c_str(), name.c_str(), H5P_DEFAULT) > 0;
}

std::string Hdf5File::read_string_attribute(const std::string& owner, const std::string& name) const {
  Attribute attribute = open_attribute(owner, name);
  Datatype stored(H5Aget_type(attribute.id()));
  if (H5Tget_class(stored.id()) != H5T_STRING || H5Tis_variable_str(stored.id()) <= 0)
    fail("attribute " + name + " of " + owner + " is not a variable-length string");
  const hid_t type = utf8_string();
  char* data = nullptr;
  read_attribute(attribute, owner, name, type, &data);
  std::string value = data != nullptr ? data : "";
  H5free_memory(data);
  return value;
}

double Hdf5File::read_double_attribute(const std::string& owner, const std::string& name) const {
  const Attribute attribute = open_attribute(owner, name);
  if (attribute_class(attribute) != H5T_FLOAT) fail("attribute " + name + " of " + owner + " is not floating-point");
  double value = 0.0;
  read_attribute(attribute, owner, name, H5T_NATIVE_DOUBLE, &value);
  return value;
}

std::vector<double> Hdf5File::read_doubles_attribute(const std::string& owner, const std::string& name) const {
  const Attribute attribute = open_attribute(owner, name);
  if (attribute_class(attribute) != H5T_FLOAT) fail("attribute " + name + " of " + owner + " is not floating-point");
  std::vector<double> values(attribute_length(attribute, owner, name));
  if (!values.empty()) read_attribute(attribute, owner, name, H5T_NATIVE_DOUBLE, values.data());
  return values;
}

std::vector<std::string> Hdf5File::read_strings_attribute(const std::string& owner, const std::string& name) const {
  const Attribute attribute = open_attribute(owner, name);
  Datatype stored(H5Aget_type(attribute.id()));
  if (H5Tget_class(stored.id()) != H5T_STRING || H5Tis_variable_str(stored.id()) <= 0)
    fail("attribute " + name + " of " + owner + " is not variable-length strings");
  std::vector<char*> data(attribute_length(attribute, owner, name), nullptr);
  const hid_t type = utf8_string();
  if (!data.empty()) read_attribute(attribute, owner, name, type, data.data());
  std::vector<std::string> values;
  for (const char* value : data) values.emplace_back(value != nullptr ? value : "");
  if (!data.empty()) {
    const hsize_t n = data.size();
    Dataspace space(H5Screate_simple(1, &n, nullptr));
    H5Dvlen_reclaim(type, space.id(), H5P_DEFAULT, data.data());
  }
  return values;
}

std::size_t Hdf5File::attribute_length(const Attribute& attribute, const std::string& owner,
                                       const std::string& name) const {
  Dataspace space(H5Aget_space(attribute.id()));
  if (!space.is_open() || H5Sget_simple_extent_ndims(space.id()) != 1)
    fail("attribute " + name + " of " + owner + " is not a 1-D array");
  return element_count(extent_of(space));
}

void Hdf5File::write_array_attribute(const std::string& owner, const std::string& name, hid_t file_type,
                                     hid_t memory_type, hsize_t size, const void* values) {
  Dataspace space(H5Screate_simple(1, &size, nullptr));
  Attribute attribute(H5Acreate_by_name(file_.id(), owner.c_str(), name.c_str(), file_type, space.id(), H5P_DEFAULT,
                                        H5P_DEFAULT, H5P_DEFAULT));
  if (!space.is_open() || !attribute.is_open() || (size > 0 && H5Awrite(attribute.id(), memory_type, values) < 0))
    fail("cannot write attribute " + name + " of " + owner);
}

void Hdf5File::write_scalar_attribute(const std::string& owner, const std::string& name, hid_t file_type,
                                      hid_t memory_type, const void* value) {
  write_created_attribute(Attribute(H5Acreate_by_name(file_.id(), owner.c_str(), name.c_str(), file_type, scalar(),
                                                      H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT)),
                          owner, name, memory_type, value);
}

void Hdf5File::write_scalar_attribute(const Dataset& dataset, const std::string& owner, const std::string& name,
                                      hid_t file_type, hid_t memory_type, const void* value) {
  write_created_attribute(
      Attribute(H5Acreate2(dataset.id(), name.c_str(), file_type, scalar(), H5P_DEFAULT, H5P_DEFAULT)), owner, name,
      memory_type, value);
}

void Hdf5File::write_created_attribute(Attribute attribute, const std::string& owner, const std::string& name,
                                       hid_t memory_type, const void* value) {
  if (!attribute.is_open() || H5Awrite(attribute.id(), memory_type, value) < 0)
    fail("cannot write attribute " + name + " of " + owner);
}

Attribute Hdf5File::open_attribute(const std::string& owner, const std::string& name) const {
  if (!has_attribute(owner, name)) fail("has no attribute " + name + " on " + owner);
  Attribute attribute(H5Aopen_by_name(file_.id(), owner.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT));
  if (!attribute.is_open()) fail("cannot open attribute " + name + " of " + owner);
  return attribute;
}

H5T_class_t Hdf5File::attribute_class(const Attribute& attribute) const {
  const Datatype stored(H5Aget_type(attribute.id()));
  return H5Tget_class(stored.id());
}

void Hdf5File::read_attribute(const Attribute& attribute, const std::string& owner, const std::string& name,
                              hid_t memory_type, void* value) const {
  if (H5Aread(attribute.id(), memory_type, value) < 0) fail("cannot read attribute " + name + " of " + owner);
}

// --- strings ---

void Hdf5File::write_string(const std::string& name, std::string_view value) {
  const std::string text(value);
  const char* data = text.c_str();
  const hid_t type = utf8_string();
  Dataset dataset = create_plain_dataset(name, type, scalar());
  if (H5Dwrite(dataset.id(), type, H5S_ALL, H5S_ALL, transfer_of(1, path_).id(), &data) < 0)
    fail("cannot write " + name);
}

void Hdf5File::write_strings(const std::string& name, const std::vector<std::string>& values) {
  std::vector<const char*> data;
  for (const std::string& value : values) data.push_back(value.c_str());
  const hid_t type = utf8_string();
  const std::array<hsize_t, 1> dims{values.size()};
  Dataspace space(H5Screate_simple(1, dims.data(), nullptr));
  Dataset dataset = create_plain_dataset(name, type, space.id());
  if (!values.empty() &&
      H5Dwrite(dataset.id(), type, H5S_ALL, H5S_ALL, transfer_of(values.size(), path_).id(), data.data()) < 0)
    fail("cannot write " + name);
}

std::string Hdf5File::read_string(const std::string& name) const {
  const std::vector<std::string> values = read_string_values(name, 0);
  return values.front();
}

std::vector<std::string> Hdf5File::read_strings(const std::string& name) const {
  return read_string_values(name, 1);
}

std::vector<std::string> Hdf5File::read_string_values(const std::string& name, int rank) const {
  Dataset dataset = open_dataset(name);
  Datatype stored(H5Dget_type(dataset.id()));
  if (H5Tget_class(stored.id()) != H5T_STRING || H5Tis_variable_str(stored.id()) <= 0)
    fail("dataset " + name + " is not variable-length strings");
  Dataspace space(H5Dget_space(dataset.id()));
  if (H5Sget_simple_extent_ndims(space.id()) != rank)
    fail("dataset " + name + (rank == 0 ? " is not a single string" : " is not a 1-D array of strings"));
  const std::size_t n = rank == 0 ? 1 : element_count(extent_of(space));
  std::vector<char*> data(n, nullptr);
  const hid_t type = utf8_string();
  if (n > 0 && H5Dread(dataset.id(), type, H5S_ALL, H5S_ALL, transfer_of(n, path_).id(), data.data()) < 0)
    fail("cannot read dataset " + name);
  std::vector<std::string> values;
  for (const char* value : data) values.emplace_back(value != nullptr ? value : "");
  if (n > 0) H5Dvlen_reclaim(type, space.id(), H5P_DEFAULT, data.data());
  return values;
}

// --- numeric arrays ---

void Hdf5File::write_plain_array(const std::string& name, const std::vector<hsize_t>& dims, hid_t file_type,
                                 hid_t memory_type, const void* values, bool empty) {
  Dataspace space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr));
  if (!space.is_open()) fail("cannot make the shape of " + name);
  Dataset dataset = create_plain_dataset(name, file_type, space.id());
  if (!empty &&
      H5Dwrite(dataset.id(), memory_type, H5S_ALL, H5S_ALL, transfer_of(element_count(dims), path_).id(), values) < 0)
    fail("cannot write " + name);
}

Dataset Hdf5File::create_plain_dataset(const std::string& name, hid_t type, hid_t space) {
  if (!plain_creation_.is_open()) {
    PropertyList creation(H5Pcreate(H5P_DATASET_CREATE));
    if (!creation.is_open() || H5Pset_obj_track_times(creation.id(), false) < 0) fail("cannot set up dataset " + name);
    plain_creation_ = std::move(creation);
  }
  Dataset dataset(H5Dcreate2(file_.id(), name.c_str(), type, space, H5P_DEFAULT, plain_creation_.id(), H5P_DEFAULT));
  if (!dataset.is_open()) fail("cannot create dataset " + name);
  hold(name, dataset);
  return dataset;
}

Dataset Hdf5File::create_numeric(const std::string& name, hid_t file_type, hid_t memory_type, const void* fill,
                                 const DatasetShape& shape) {
  std::vector<hsize_t> max_dims = shape.dims;
  max_dims[shape.unlimited_axis] = H5S_UNLIMITED;
  Dataspace space(H5Screate_simple(static_cast<int>(shape.dims.size()), shape.dims.data(), max_dims.data()));
  // The creation properties every numeric dataset shares are made once per
  // file: making and closing them for each of a results file's 77 datasets
  // was a fifth of their creation's cost. (The file has no chunk cache: create().)
  if (!numeric_creation_.is_open()) {
    PropertyList creation(H5Pcreate(H5P_DATASET_CREATE));
    if (!creation.is_open() || H5Pset_alloc_time(creation.id(), H5D_ALLOC_TIME_EARLY) < 0 ||
        H5Pset_fill_time(creation.id(), H5D_FILL_TIME_ALLOC) < 0 || H5Pset_obj_track_times(creation.id(), false) < 0)
      fail("cannot set up dataset " + name);
    numeric_creation_ = std::move(creation);
  }
  const hid_t creation = numeric_creation_.id();
  if (!space.is_open() || H5Pset_chunk(creation, static_cast<int>(shape.chunk.size()), shape.chunk.data()) < 0 ||
      H5Pset_fill_value(creation, memory_type, fill) < 0)
    fail("cannot set up dataset " + name);
  Dataset dataset(H5Dcreate2(file_.id(), name.c_str(), file_type, space.id(), H5P_DEFAULT, creation, H5P_DEFAULT));
  if (!dataset.is_open()) fail("cannot create dataset " + name + " of shape " + shape_text(shape.dims));
  hold(name, dataset);
  return dataset;
}

void Hdf5File::hold(const std::string& name, const Dataset& dataset) {
  if (!holding_) return;
  if (H5Iinc_ref(dataset.id()) < 0) fail("cannot keep dataset " + name + " open");
  held_.emplace_back(name, Dataset(dataset.id()));
}

void Hdf5File::release_held_datasets() {
  holding_ = false;
  held_.clear();
}

Dataset Hdf5File::open_dataset(const std::string& name) const {
  for (const auto& [held_name, held] : held_)
    if (held_name == name) {
      if (H5Iinc_ref(held.id()) < 0) fail("cannot open dataset " + name);
      return Dataset(held.id());
    }
  // Asked only after a failure, which it then explains: asking first was a
  // second look-up of the path on every open.
  Dataset dataset(H5Dopen2(file_.id(), name.c_str(), H5P_DEFAULT));
  if (!dataset.is_open()) {
    if (!exists(name)) fail("has no dataset " + name);
    dataset = Dataset(H5Dopen2(file_.id(), name.c_str(), H5P_DEFAULT));  // for HDF5's own reason
    fail("cannot open dataset " + name);
  }
  return dataset;
}

void Hdf5File::write_block(const Dataset& dataset, const std::string& name, const std::vector<hsize_t>& start,
                           const std::vector<hsize_t>& count, hid_t memory_type, const void* data) {
  Dataspace file_space(H5Dget_space(dataset.id()));
  // The memory block has the file block's shape: HDF5 then maps it to the
  // chunks in one step, where a flat memory space of the same size costs a
  // walk over every element (most of a short replication's writing time).
  Dataspace memory_space(H5Screate_simple(static_cast<int>(count.size()), count.data(), nullptr));
  if (!file_space.is_open() || !memory_space.is_open() ||
      H5Sselect_hyperslab(file_space.id(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr) < 0 ||
      H5Dwrite(dataset.id(), memory_type, memory_space.id(), file_space.id(), H5P_DEFAULT, data) < 0)
    fail("cannot write to " + name + " at " + shape_text(start));
}

void Hdf5File::make_dimension(const std::string& name) {
  const Dataset dataset = open_dataset(name);
  const std::string dimension = name.substr(name.find_last_of('/') + 1);
  if (H5DSset_scale(dataset.id(), dimension.c_str()) < 0) fail("cannot make " + name + " a dimension");
}

void Hdf5File::write_flags(const std::string& name, const std::vector<std::uint8_t>& values) {
  Datatype type(H5Tenum_create(H5T_NATIVE_INT8));
  const std::int8_t no = 0, yes = 1;
  if (!type.is_open() || H5Tenum_insert(type.id(), "FALSE", &no) < 0 || H5Tenum_insert(type.id(), "TRUE", &yes) < 0)
    fail("cannot make the boolean type for " + name);
  std::vector<std::int8_t> flags(values.begin(), values.end());
  write_plain_array(name, {values.size()}, type.id(), type.id(), flags.data(), flags.empty());
}

void Hdf5File::set_extent(const Dataset& dataset, const std::string& name, const std::vector<hsize_t>& dims) {
  if (H5Dset_extent(dataset.id(), dims.data()) < 0) fail("cannot extend " + name + " to " + shape_text(dims));
}

H5T_class_t Hdf5File::dataset_class(const Dataset& dataset) const {
  const Datatype stored(H5Dget_type(dataset.id()));
  return H5Tget_class(stored.id());
}

void Hdf5File::read_whole(const Dataset& dataset, const std::string& name, hid_t memory_type, void* values) const {
  if (H5Dread(dataset.id(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) < 0)
    fail("cannot read dataset " + name);
}

std::vector<hsize_t> Hdf5File::extent(const Dataset& dataset, const std::string& name) const {
  Dataspace space(H5Dget_space(dataset.id()));
  if (!space.is_open()) fail("cannot read the shape of " + name);
  return extent_of(space);
}

void Hdf5File::flush() {
  if (H5Fflush(file_.id(), H5F_SCOPE_GLOBAL) < 0) fail("cannot flush it to disk");
}

void Hdf5File::close() {
  release_held_datasets();
  if (file_.is_open() && !file_.close()) fail("cannot close it");
}

}  // namespace casesim::results
