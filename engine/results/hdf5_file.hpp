#pragma once
// Internal to engine/results: a thin typed layer over the HDF5 C API. RAII
// handles, and an Hdf5File that writes and reads named attributes, strings and
// numeric arrays. The casesim layout (results_writer.cpp, results_reader.cpp,
// optimisation_record.cpp) is written on top of it, owns no identifiers and
// checks no return codes. Only engine/results includes this header.
#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "engine/results/results_file.hpp"

namespace casesim::results {

// Each HDF5 identifier kind has its own close function; a handle owns one id.
template <herr_t (*Close)(hid_t)>
class Handle {
 public:
  Handle() = default;
  explicit Handle(hid_t id) : id_(id) {}
  ~Handle() { reset(); }
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  hid_t id() const { return id_; }
  bool is_open() const { return id_ >= 0; }
  // Closes now and reports whether HDF5 managed to (a file's close writes data).
  bool close() { return Close(std::exchange(id_, H5I_INVALID_HID)) >= 0; }

 private:
  void reset() {
    if (id_ >= 0) Close(std::exchange(id_, H5I_INVALID_HID));
  }
  hid_t id_ = H5I_INVALID_HID;
};

using FileHandle = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Dataspace = Handle<H5Sclose>;
using Datatype = Handle<H5Tclose>;
using PropertyList = Handle<H5Pclose>;
using Attribute = Handle<H5Aclose>;

// "results file 'PATH': WHAT (HDF5: the most specific reason HDF5 left)".
std::string error_message(const std::string& path, std::string_view what);

std::size_t element_count(const std::vector<hsize_t>& dims);
std::string shape_text(const std::vector<hsize_t>& dims);  // "[2, 3]"

// Replications per chunk of a per-replication dataset (and of the
// replication coordinate, which grows with them).
constexpr hsize_t kReplicationsPerChunk = 64;

// How a numeric dataset is laid out on disk. The replication axis (always
// axis 1) is unlimited so a run can later be extended in place.
struct DatasetShape {
  std::vector<hsize_t> dims;
  std::vector<hsize_t> chunk;
  std::size_t unlimited_axis = 1;  // 0 for the replication coordinate itself
};

// One open HDF5 file. Every failure becomes a ResultsError naming the file and
// the object concerned.
class Hdf5File {
 public:
  // Creates the file at `path`; messages name it `shown_as` (default: `path`),
  // the name it will have once laid out (ResultsWriter::create).
  static Hdf5File create(const std::string& path, const std::string& shown_as = {});
  static Hdf5File open_read_only(const std::string& path);
  // An existing file, to add to (the /optimise group of a finished file, a
  // grown copy).
  static Hdf5File open_read_write(const std::string& path);

  const std::string& path() const { return path_; }
  // The file was renamed while open: messages name it `path` from now on.
  void renamed_to(std::string path) { path_ = std::move(path); }
  // The open file's device and inode (its descriptor's, not its name's).
  FileIdentity identity() const;

  [[noreturn]] void fail(std::string_view what) const;

  void create_group(const std::string& name);
  bool exists(const std::string& name) const;

  // --- attributes (on the object `owner`, e.g. "/") ---

  void write_attribute(const std::string& owner, const std::string& name, std::string_view value);
  void write_attribute(const std::string& owner, const std::string& name, int value);
  void write_attribute(const std::string& owner, const std::string& name, std::int64_t value);
  void write_attribute(const std::string& owner, const std::string& name, std::uint64_t value);
  void write_attribute(const std::string& owner, const std::string& name, double value);
  // The same on an open dataset, `owner` being its name for messages: HDF5
  // need not look the path up again (a fifth of writing each attribute).
  void write_attribute(const Dataset& dataset, const std::string& owner, const std::string& name,
                       std::string_view value);
  void write_attribute(const Dataset& dataset, const std::string& owner, const std::string& name, int value);
  // 1-D arrays, for attributes that describe a dataset's axis (a histogram's bins).
  void write_attribute(const std::string& owner, const std::string& name, const std::vector<double>& values);
  void write_attribute(const std::string& owner, const std::string& name, const std::vector<std::string>& values);

  bool has_attribute(const std::string& owner, const std::string& name) const;
  std::string read_string_attribute(const std::string& owner, const std::string& name) const;
  template <typename Integer>
  Integer read_integer_attribute(const std::string& owner, const std::string& name) const;
  double read_double_attribute(const std::string& owner, const std::string& name) const;
  std::vector<double> read_doubles_attribute(const std::string& owner, const std::string& name) const;
  std::vector<std::string> read_strings_attribute(const std::string& owner, const std::string& name) const;

  // --- strings ---

  void write_string(const std::string& name, std::string_view value);
  void write_strings(const std::string& name, const std::vector<std::string>& values);
  std::string read_string(const std::string& name) const;
  std::vector<std::string> read_strings(const std::string& name) const;

  // --- numeric arrays ---

  // A small fixed-size array written once, whole (contiguous, not extendable).
  template <typename Value>
  void write_array(const std::string& name, const std::vector<hsize_t>& dims, const std::vector<Value>& values);

  // Created at full size with every chunk allocated and filled now, so later
  // writes only overwrite bytes in place and never move data or change the
  // file's structure (compressed chunks would change size and move on every
  // rewrite, which is why there is no compression). With no chunk cache, each
  // write goes straight to the operating system in the order it is made, so a
  // process killed at any moment leaves every slot either whole and marked
  // complete or not marked.
  Dataset create_numeric(const std::string& name, hid_t file_type, hid_t memory_type, const void* fill,
                         const DatasetShape& shape);
  Dataset open_dataset(const std::string& name) const;
  // While a file is laid out, every dataset created stays open, and opening
  // it by name hands out a handle to it: labelling a results file's hundred
  // datasets otherwise looked each up again, opened and closed it (a tenth of
  // laying it out). Held from hold_created_datasets() to release_held_datasets()
  // (or close()).
  void hold_created_datasets() { holding_ = true; }
  void release_held_datasets();
  // Writes the block [start, start + count) of an open dataset from contiguous memory.
  void write_block(const Dataset& dataset, const std::string& name, const std::vector<hsize_t>& start,
                   const std::vector<hsize_t>& count, hid_t memory_type, const void* data);
  void set_extent(const Dataset& dataset, const std::string& name, const std::vector<hsize_t>& dims);
  // --- dimensions (netCDF-4's: HDF5 dimension scales, which xarray and netCDF readers name axes by) ---

  // Makes the 1-D dataset `name` the scale of a dimension named as its last path component.
  void make_dimension(const std::string& name);
  // (dimension_scales.hpp attaches them.)
  // A 1-D array of yes/no flags, stored as the boolean h5py, xarray and
  // netCDF readers recognise: an 8-bit enumeration with FALSE = 0, TRUE = 1.
  void write_flags(const std::string& name, const std::vector<std::uint8_t>& values);

  // Reads a whole dataset, row-major, checking its element type class and shape.
  template <typename Value>
  std::vector<Value> read_numeric(const std::string& name, const std::vector<hsize_t>& expected_dims) const;
  std::vector<hsize_t> extent(const Dataset& dataset, const std::string& name) const;
  // Reads the whole of an open dataset into `values`, row-major.
  void read_whole(const Dataset& dataset, const std::string& name, hid_t memory_type, void* values) const;

  void flush();
  void close();

 private:
  Hdf5File(std::string path, FileHandle file) : path_(std::move(path)), file_(std::move(file)) {}

  void write_scalar_attribute(const std::string& owner, const std::string& name, hid_t file_type, hid_t memory_type,
                              const void* value);
  void write_scalar_attribute(const Dataset& dataset, const std::string& owner, const std::string& name,
                              hid_t file_type, hid_t memory_type, const void* value);
  // Writes `value` into the attribute just created (closed when it returns).
  void write_created_attribute(Attribute attribute, const std::string& owner, const std::string& name,
                               hid_t memory_type, const void* value);
  void write_array_attribute(const std::string& owner, const std::string& name, hid_t file_type, hid_t memory_type,
                             hsize_t size, const void* values);
  // The number of elements of a 1-D attribute (failing for any other shape).
  std::size_t attribute_length(const Attribute& attribute, const std::string& owner, const std::string& name) const;
  Attribute open_attribute(const std::string& owner, const std::string& name) const;
  // The stored type's class, for the checks of the templates below.
  H5T_class_t attribute_class(const Attribute& attribute) const;
  H5T_class_t dataset_class(const Dataset& dataset) const;
  void read_attribute(const Attribute& attribute, const std::string& owner, const std::string& name, hid_t memory_type,
                      void* value) const;
  Dataset create_plain_dataset(const std::string& name, hid_t type, hid_t space);
  // Keeps a handle to `dataset` under `name` while datasets are held.
  void hold(const std::string& name, const Dataset& dataset);
  void write_plain_array(const std::string& name, const std::vector<hsize_t>& dims, hid_t file_type, hid_t memory_type,
                         const void* values, bool empty);
  // rank 0: a scalar string; rank 1: an array of strings.
  std::vector<std::string> read_string_values(const std::string& name, int rank) const;

  // A variable-length UTF-8 string, and a scalar's shape: made at their first
  // use and kept, as every attribute needs them.
  hid_t utf8_string() const;
  hid_t scalar() const;

  std::string path_;
  FileHandle file_;
  mutable Datatype utf8_string_;
  mutable Dataspace scalar_;
  // The dataset creation properties of create_numeric and of the plain
  // datasets, each made at its first use.
  PropertyList numeric_creation_;
  PropertyList plain_creation_;
  bool holding_ = false;
  std::vector<std::pair<std::string, Dataset>> held_;
};

// ---------------------------------------------------------------------------
// The templates' types: the only ones casesim stores.

template <typename Value>
struct StoredAs;
template <>
struct StoredAs<double> {
  static hid_t file_type() { return H5T_IEEE_F64LE; }
  static hid_t memory_type() { return H5T_NATIVE_DOUBLE; }
  static constexpr H5T_class_t kClass = H5T_FLOAT;
};
template <>
struct StoredAs<std::uint8_t> {
  static hid_t file_type() { return H5T_STD_U8LE; }
  static hid_t memory_type() { return H5T_NATIVE_UINT8; }
  static constexpr H5T_class_t kClass = H5T_INTEGER;
};
template <>
struct StoredAs<std::uint32_t> {
  static hid_t file_type() { return H5T_STD_U32LE; }
  static hid_t memory_type() { return H5T_NATIVE_UINT32; }
  static constexpr H5T_class_t kClass = H5T_INTEGER;
};
template <>
struct StoredAs<int> {
  static hid_t file_type() { return H5T_STD_I32LE; }
  static hid_t memory_type() { return H5T_NATIVE_INT; }
  static constexpr H5T_class_t kClass = H5T_INTEGER;
};
template <>
struct StoredAs<std::int64_t> {
  static hid_t file_type() { return H5T_STD_I64LE; }
  static hid_t memory_type() { return H5T_NATIVE_INT64; }
  static constexpr H5T_class_t kClass = H5T_INTEGER;
};
template <>
struct StoredAs<std::uint64_t> {
  static hid_t file_type() { return H5T_STD_U64LE; }
  static hid_t memory_type() { return H5T_NATIVE_UINT64; }
  static constexpr H5T_class_t kClass = H5T_INTEGER;
};

template <typename Integer>
Integer Hdf5File::read_integer_attribute(const std::string& owner, const std::string& name) const {
  static_assert(StoredAs<Integer>::kClass == H5T_INTEGER);
  const Attribute attribute = open_attribute(owner, name);
  if (attribute_class(attribute) != H5T_INTEGER) fail("attribute " + name + " of " + owner + " is not an integer");
  Integer value{};
  read_attribute(attribute, owner, name, StoredAs<Integer>::memory_type(), &value);
  return value;
}

template <typename Value>
void Hdf5File::write_array(const std::string& name, const std::vector<hsize_t>& dims,
                           const std::vector<Value>& values) {
  write_plain_array(name, dims, StoredAs<Value>::file_type(), StoredAs<Value>::memory_type(), values.data(),
                    values.empty());
}

template <typename Value>
std::vector<Value> Hdf5File::read_numeric(const std::string& name, const std::vector<hsize_t>& expected_dims) const {
  constexpr H5T_class_t kClass = StoredAs<Value>::kClass;
  const Dataset dataset = open_dataset(name);
  if (dataset_class(dataset) != kClass)
    fail("dataset " + name + (kClass == H5T_FLOAT ? " is not floating-point" : " is not an integer"));
  const std::vector<hsize_t> dims = extent(dataset, name);
  if (dims != expected_dims)
    fail("dataset " + name + " has shape " + shape_text(dims) + ", expected " + shape_text(expected_dims));
  std::vector<Value> values(element_count(dims));
  if (!values.empty()) read_whole(dataset, name, StoredAs<Value>::memory_type(), values.data());
  return values;
}

}  // namespace casesim::results
