#include "engine/results/results_file.hpp"

#include <hdf5.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <limits>
#include <set>
#include <string_view>
#include <type_traits>
#include <utility>

namespace casesim::results {

namespace {

// ---------------------------------------------------------------------------
// A thin typed layer over the HDF5 C API: RAII handles, and an Hdf5File that
// writes and reads named attributes, strings and numeric arrays. The casesim
// layout after the next divider owns no identifiers and checks no return codes.

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

// HDF5 prints its error stack to stderr by default; we report through
// ResultsError instead. Set at every entry point because the setting is
// per-thread in thread-safe builds of HDF5.
void silence_hdf5_error_printing() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

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

std::string error_message(const std::string& path, std::string_view what) {
  std::string message = "results file '" + path + "': " + std::string(what);
  if (const std::string detail = innermost_hdf5_error(); !detail.empty()) message += " (HDF5: " + detail + ")";
  return message;
}

Datatype utf8_string_type(const std::string& path) {
  Datatype type(H5Tcopy(H5T_C_S1));
  if (!type.is_open() || H5Tset_size(type.id(), H5T_VARIABLE) < 0 || H5Tset_cset(type.id(), H5T_CSET_UTF8) < 0)
    throw ResultsError(error_message(path, "cannot make the UTF-8 string type"));
  return type;
}

std::vector<hsize_t> extent_of(const Dataspace& space) {
  const int rank = H5Sget_simple_extent_ndims(space.id());
  std::vector<hsize_t> dims(rank > 0 ? static_cast<std::size_t>(rank) : 0);
  if (rank > 0) H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr);
  return dims;
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

// How a numeric dataset is laid out on disk. The replication axis (always
// axis 1) is unlimited so a run can later be extended in place.
struct DatasetShape {
  std::vector<hsize_t> dims;
  std::vector<hsize_t> chunk;
};

// One open HDF5 file. Every failure becomes a ResultsError naming the file and
// the object concerned.
class Hdf5File {
 public:
  static Hdf5File create(const std::string& path) {
    silence_hdf5_error_printing();
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty() && !std::filesystem::is_directory(parent))
      throw ResultsError("results file '" + path + "': cannot create it: directory '" + parent.string() +
                         "' does not exist");
    // Objects record no creation times, so two identical runs give files
    // that differ only in the created_utc attribute.
    PropertyList creation(H5Pcreate(H5P_FILE_CREATE));
    if (!creation.is_open() || H5Pset_obj_track_times(creation.id(), false) < 0)
      throw ResultsError(error_message(path, "cannot set up its creation properties"));
    const hid_t id = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, creation.id(), H5P_DEFAULT);
    if (id < 0) throw ResultsError(error_message(path, "cannot create it"));
    return Hdf5File(path, FileHandle(id));
  }

  static Hdf5File open_read_only(const std::string& path) {
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

  const std::string& path() const { return path_; }

  [[noreturn]] void fail(std::string_view what) const { throw ResultsError(error_message(path_, what)); }

  void create_group(const std::string& name) {
    PropertyList creation(H5Pcreate(H5P_GROUP_CREATE));
    if (H5Pset_obj_track_times(creation.id(), false) < 0) fail("cannot set up group " + name);
    Group group(H5Gcreate2(file_.id(), name.c_str(), H5P_DEFAULT, creation.id(), H5P_DEFAULT));
    if (!group.is_open()) fail("cannot create group " + name);
  }

  bool exists(const std::string& name) const {
    return H5Lexists(file_.id(), name.c_str(), H5P_DEFAULT) > 0;
  }

  // --- attributes (on the object `owner`, e.g. "/") ---

  void write_attribute(const std::string& owner, const std::string& name, std::string_view value) {
    const std::string text(value);
    const char* data = text.c_str();
    Datatype type = utf8_string_type(path_);
    write_scalar_attribute(owner, name, type.id(), type.id(), &data);
  }
  void write_attribute(const std::string& owner, const std::string& name, int value) {
    write_scalar_attribute(owner, name, H5T_STD_I32LE, H5T_NATIVE_INT, &value);
  }
  void write_attribute(const std::string& owner, const std::string& name, std::uint64_t value) {
    write_scalar_attribute(owner, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value);
  }
  void write_attribute(const std::string& owner, const std::string& name, double value) {
    write_scalar_attribute(owner, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
  }

  bool has_attribute(const std::string& owner, const std::string& name) const {
    return H5Aexists_by_name(file_.id(), owner.c_str(), name.c_str(), H5P_DEFAULT) > 0;
  }

  std::string read_string_attribute(const std::string& owner, const std::string& name) const {
    Attribute attribute = open_attribute(owner, name);
    Datatype stored(H5Aget_type(attribute.id()));
    if (H5Tget_class(stored.id()) != H5T_STRING || H5Tis_variable_str(stored.id()) <= 0)
      fail("attribute " + name + " of " + owner + " is not a variable-length string");
    Datatype type = utf8_string_type(path_);
    char* data = nullptr;
    if (H5Aread(attribute.id(), type.id(), &data) < 0) fail("cannot read attribute " + name + " of " + owner);
    std::string value = data != nullptr ? data : "";
    H5free_memory(data);
    return value;
  }

  template <typename Integer>
  Integer read_integer_attribute(const std::string& owner, const std::string& name) const {
    static_assert(std::is_same_v<Integer, int> || std::is_same_v<Integer, std::uint64_t>);
    Attribute attribute = open_attribute(owner, name);
    Datatype stored(H5Aget_type(attribute.id()));
    if (H5Tget_class(stored.id()) != H5T_INTEGER) fail("attribute " + name + " of " + owner + " is not an integer");
    Integer value{};
    const hid_t memory_type = std::is_same_v<Integer, int> ? H5T_NATIVE_INT : H5T_NATIVE_UINT64;
    if (H5Aread(attribute.id(), memory_type, &value) < 0) fail("cannot read attribute " + name + " of " + owner);
    return value;
  }

  double read_double_attribute(const std::string& owner, const std::string& name) const {
    Attribute attribute = open_attribute(owner, name);
    Datatype stored(H5Aget_type(attribute.id()));
    if (H5Tget_class(stored.id()) != H5T_FLOAT) fail("attribute " + name + " of " + owner + " is not floating-point");
    double value = 0.0;
    if (H5Aread(attribute.id(), H5T_NATIVE_DOUBLE, &value) < 0) fail("cannot read attribute " + name + " of " + owner);
    return value;
  }

  // --- strings ---

  void write_string(const std::string& name, std::string_view value) {
    const std::string text(value);
    const char* data = text.c_str();
    Datatype type = utf8_string_type(path_);
    Dataspace space(H5Screate(H5S_SCALAR));
    Dataset dataset = create_plain_dataset(name, type.id(), space.id());
    if (H5Dwrite(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &data) < 0) fail("cannot write " + name);
  }

  void write_strings(const std::string& name, const std::vector<std::string>& values) {
    std::vector<const char*> data;
    for (const std::string& value : values) data.push_back(value.c_str());
    Datatype type = utf8_string_type(path_);
    const std::array<hsize_t, 1> dims{values.size()};
    Dataspace space(H5Screate_simple(1, dims.data(), nullptr));
    Dataset dataset = create_plain_dataset(name, type.id(), space.id());
    if (!values.empty() && H5Dwrite(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()) < 0)
      fail("cannot write " + name);
  }

  std::string read_string(const std::string& name) const {
    const std::vector<std::string> values = read_string_values(name, 0);
    return values.front();
  }

  std::vector<std::string> read_strings(const std::string& name) const { return read_string_values(name, 1); }

  // --- numeric arrays ---

  // A small fixed-size array written once, whole (contiguous, not extendable).
  void write_doubles(const std::string& name, const std::vector<hsize_t>& dims, const std::vector<double>& values) {
    Dataspace space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr));
    if (!space.is_open()) fail("cannot make the shape of " + name);
    Dataset dataset = create_plain_dataset(name, H5T_IEEE_F64LE, space.id());
    if (!values.empty() && H5Dwrite(dataset.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
      fail("cannot write " + name);
  }

  // Created at full size with every chunk allocated and filled now, so later
  // writes only overwrite bytes in place and never move data or change the
  // file's structure (compressed chunks would change size and move on every
  // rewrite, which is why there is no compression). With no chunk cache, each
  // write goes straight to the operating system in the order it is made, so a
  // process killed at any moment leaves every slot either whole and marked
  // complete or not marked.
  Dataset create_numeric(const std::string& name, hid_t file_type, hid_t memory_type, const void* fill,
                         const DatasetShape& shape) {
    std::vector<hsize_t> max_dims = shape.dims;
    max_dims[1] = H5S_UNLIMITED;
    Dataspace space(H5Screate_simple(static_cast<int>(shape.dims.size()), shape.dims.data(), max_dims.data()));
    PropertyList creation(H5Pcreate(H5P_DATASET_CREATE));
    if (!space.is_open() || !creation.is_open() ||
        H5Pset_chunk(creation.id(), static_cast<int>(shape.chunk.size()), shape.chunk.data()) < 0 ||
        H5Pset_fill_value(creation.id(), memory_type, fill) < 0 ||
        H5Pset_alloc_time(creation.id(), H5D_ALLOC_TIME_EARLY) < 0 ||
        H5Pset_fill_time(creation.id(), H5D_FILL_TIME_ALLOC) < 0 ||
        H5Pset_obj_track_times(creation.id(), false) < 0)
      fail("cannot set up dataset " + name);
    PropertyList access(H5Pcreate(H5P_DATASET_ACCESS));
    if (!access.is_open() ||
        H5Pset_chunk_cache(access.id(), H5D_CHUNK_CACHE_NSLOTS_DEFAULT, 0, H5D_CHUNK_CACHE_W0_DEFAULT) < 0)
      fail("cannot set up access to dataset " + name);
    Dataset dataset(H5Dcreate2(file_.id(), name.c_str(), file_type, space.id(), H5P_DEFAULT, creation.id(),
                               access.id()));
    if (!dataset.is_open()) fail("cannot create dataset " + name + " of shape " + shape_text(shape.dims));
    return dataset;
  }

  Dataset open_dataset(const std::string& name) const {
    if (!exists(name)) fail("has no dataset " + name);
    Dataset dataset(H5Dopen2(file_.id(), name.c_str(), H5P_DEFAULT));
    if (!dataset.is_open()) fail("cannot open dataset " + name);
    return dataset;
  }

  // Writes the block [start, start + count) of an open dataset from contiguous memory.
  void write_block(const Dataset& dataset, const std::string& name, const std::vector<hsize_t>& start,
                   const std::vector<hsize_t>& count, hid_t memory_type, const void* data) {
    Dataspace file_space(H5Dget_space(dataset.id()));
    const hsize_t elements = element_count(count);
    Dataspace memory_space(H5Screate_simple(1, &elements, nullptr));
    if (!file_space.is_open() || !memory_space.is_open() ||
        H5Sselect_hyperslab(file_space.id(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr) < 0 ||
        H5Dwrite(dataset.id(), memory_type, memory_space.id(), file_space.id(), H5P_DEFAULT, data) < 0)
      fail("cannot write to " + name + " at " + shape_text(start));
  }

  void set_extent(const Dataset& dataset, const std::string& name, const std::vector<hsize_t>& dims) {
    if (H5Dset_extent(dataset.id(), dims.data()) < 0) fail("cannot extend " + name + " to " + shape_text(dims));
  }

  // Reads a whole dataset, row-major, checking its element type class and shape.
  template <typename Value>
  std::vector<Value> read_numeric(const std::string& name, const std::vector<hsize_t>& expected_dims) const {
    static_assert(std::is_same_v<Value, double> || std::is_same_v<Value, std::uint8_t>);
    constexpr H5T_class_t kClass = std::is_same_v<Value, double> ? H5T_FLOAT : H5T_INTEGER;
    const hid_t memory_type = std::is_same_v<Value, double> ? H5T_NATIVE_DOUBLE : H5T_NATIVE_UINT8;
    Dataset dataset = open_dataset(name);
    Datatype stored(H5Dget_type(dataset.id()));
    if (H5Tget_class(stored.id()) != kClass)
      fail("dataset " + name + (kClass == H5T_FLOAT ? " is not floating-point" : " is not an integer"));
    const std::vector<hsize_t> dims = extent(dataset, name);
    if (dims != expected_dims)
      fail("dataset " + name + " has shape " + shape_text(dims) + ", expected " + shape_text(expected_dims));
    std::vector<Value> values(element_count(dims));
    if (!values.empty() && H5Dread(dataset.id(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
      fail("cannot read dataset " + name);
    return values;
  }

  std::vector<hsize_t> extent(const Dataset& dataset, const std::string& name) const {
    Dataspace space(H5Dget_space(dataset.id()));
    if (!space.is_open()) fail("cannot read the shape of " + name);
    return extent_of(space);
  }

  void flush() {
    if (H5Fflush(file_.id(), H5F_SCOPE_GLOBAL) < 0) fail("cannot flush it to disk");
  }

  void close() {
    if (file_.is_open() && !file_.close()) fail("cannot close it");
  }

 private:
  Hdf5File(std::string path, FileHandle file) : path_(std::move(path)), file_(std::move(file)) {}

  void write_scalar_attribute(const std::string& owner, const std::string& name, hid_t file_type,
                              hid_t memory_type, const void* value) {
    Dataspace space(H5Screate(H5S_SCALAR));
    Attribute attribute(H5Acreate_by_name(file_.id(), owner.c_str(), name.c_str(), file_type, space.id(),
                                          H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    if (!attribute.is_open() || H5Awrite(attribute.id(), memory_type, value) < 0)
      fail("cannot write attribute " + name + " of " + owner);
  }

  Attribute open_attribute(const std::string& owner, const std::string& name) const {
    if (!has_attribute(owner, name)) fail("has no attribute " + name + " on " + owner);
    Attribute attribute(H5Aopen_by_name(file_.id(), owner.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT));
    if (!attribute.is_open()) fail("cannot open attribute " + name + " of " + owner);
    return attribute;
  }

  Dataset create_plain_dataset(const std::string& name, hid_t type, hid_t space) {
    PropertyList creation(H5Pcreate(H5P_DATASET_CREATE));
    if (!creation.is_open() || H5Pset_obj_track_times(creation.id(), false) < 0)
      fail("cannot set up dataset " + name);
    Dataset dataset(H5Dcreate2(file_.id(), name.c_str(), type, space, H5P_DEFAULT, creation.id(), H5P_DEFAULT));
    if (!dataset.is_open()) fail("cannot create dataset " + name);
    return dataset;
  }

  // rank 0: a scalar string; rank 1: an array of strings.
  std::vector<std::string> read_string_values(const std::string& name, int rank) const {
    Dataset dataset = open_dataset(name);
    Datatype stored(H5Dget_type(dataset.id()));
    if (H5Tget_class(stored.id()) != H5T_STRING || H5Tis_variable_str(stored.id()) <= 0)
      fail("dataset " + name + " is not variable-length strings");
    Dataspace space(H5Dget_space(dataset.id()));
    if (H5Sget_simple_extent_ndims(space.id()) != rank)
      fail("dataset " + name + (rank == 0 ? " is not a single string" : " is not a 1-D array of strings"));
    const std::size_t n = rank == 0 ? 1 : element_count(extent_of(space));
    std::vector<char*> data(n, nullptr);
    Datatype type = utf8_string_type(path_);
    if (n > 0 && H5Dread(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()) < 0)
      fail("cannot read dataset " + name);
    std::vector<std::string> values;
    for (const char* value : data) values.emplace_back(value != nullptr ? value : "");
    if (n > 0) H5Dvlen_reclaim(type.id(), space.id(), H5P_DEFAULT, data.data());
    return values;
  }

  std::string path_;
  FileHandle file_;
};

// ---------------------------------------------------------------------------
// The casesim layout on top of it.

constexpr hsize_t kReplicationsPerChunk = 64;
constexpr std::array<std::string_view, 4> kSeriesGroupEntries{"names", "units", "descriptions", "week_start"};

bool is_identifier(const std::string& name) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  return !name.empty() && letter(name.front()) &&
         std::all_of(name.begin(), name.end(), [&](char c) { return letter(c) || digit(c); });
}

// The byte offset of the first byte that breaks UTF-8, or npos if there is none.
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t code_point = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      code_point = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      code_point = lead & 0x07u;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0u) != 0x80u) return i;
      code_point = (code_point << 6) | (next & 0x3Fu);
    }
    const bool overlong = (length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000);
    if (overlong || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

void require_utf8(const std::string& path, std::string_view field, std::string_view text) {
  if (const std::size_t at = first_invalid_utf8(text); at != std::string_view::npos)
    throw ResultsError("results file '" + path + "': " + std::string(field) + " is not valid UTF-8 (byte " +
                       std::to_string(at) + ")");
}

void validate_names(const std::string& path, std::string_view kind, const std::vector<Quantity>& quantities) {
  std::set<std::string> seen;
  for (const Quantity& q : quantities) {
    if (!is_identifier(q.name))
      throw std::invalid_argument("results file '" + path + "': " + std::string(kind) + " name '" + q.name +
                                  "' is not an identifier (letters, digits, _; not starting with a digit)");
    if (!seen.insert(q.name).second)
      throw std::invalid_argument("results file '" + path + "': " + std::string(kind) + " '" + q.name +
                                  "' appears twice");
  }
}

void validate(const std::string& path, const Metadata& metadata, const Layout& layout) {
  if (layout.variants.empty()) throw std::invalid_argument("results file '" + path + "': no variants");
  if (layout.replications == 0) throw std::invalid_argument("results file '" + path + "': no replications");
  validate_names(path, "metric", layout.metrics);
  validate_names(path, "series", layout.series);
  for (const Quantity& s : layout.series)
    if (std::find(kSeriesGroupEntries.begin(), kSeriesGroupEntries.end(), s.name) != kSeriesGroupEntries.end())
      throw std::invalid_argument("results file '" + path + "': series name '" + s.name +
                                  "' is reserved in /series");
  if (!layout.series.empty() && layout.week_start_dates.empty())
    throw std::invalid_argument("results file '" + path + "': series given but no weeks");

  const std::pair<std::string_view, const std::string*> fields[] = {
      {"casesim_version", &metadata.casesim_version}, {"scenario_name", &metadata.scenario_name},
      {"scenario_file", &metadata.scenario_file},     {"scenario_text", &metadata.scenario_text},
      {"start_date", &metadata.start_date},           {"boost_version", &metadata.boost_version},
      {"command_line", &metadata.command_line},       {"created_utc", &metadata.created_utc}};
  for (const auto& [field, text] : fields) require_utf8(path, field, *text);
  for (const std::string& v : layout.variants) require_utf8(path, "variant name '" + v + "'", v);
  if (const auto& e = metadata.experiment) {
    if (e->variant_overrides.size() != layout.variants.size())
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(e->variant_overrides.size()) +
                                  " variant overrides for " + std::to_string(layout.variants.size()) + " variants");
    if (e->parameter_values.size() != layout.variants.size() * e->parameter_names.size())
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(e->parameter_values.size()) +
                                  " parameter values for " + std::to_string(layout.variants.size()) + " variants x " +
                                  std::to_string(e->parameter_names.size()) + " parameters");
    const std::pair<std::string_view, const std::string*> texts[] = {{"experiment name", &e->name},
                                                                      {"experiment file", &e->file},
                                                                      {"experiment text", &e->text},
                                                                      {"precision metric", &e->precision_metric}};
    for (const auto& [field, text] : texts) require_utf8(path, field, *text);
    for (const auto* entries : {&e->metrics, &e->variant_overrides, &e->parameter_names})
      for (const std::string& t : *entries) require_utf8(path, "experiment entry '" + t + "'", t);
  }
  for (const std::string& d : layout.week_start_dates) require_utf8(path, "week start date", d);
  if (metadata.timeline_events.size() != metadata.timeline_dates.size())
    throw std::invalid_argument("results file '" + path + "': timeline dates and events differ in length");
  for (const std::string& t : metadata.timeline_events) require_utf8(path, "timeline event '" + t + "'", t);
  if (layout.child_stages.size() != layout.children.size() ||
      layout.child_overdue_at_start.size() != layout.children.size())
    throw std::invalid_argument("results file '" + path + "': children's ids, stages and flags differ in length");
  for (const auto* quantities : {&layout.metrics, &layout.series})
    for (const Quantity& q : *quantities) {
      require_utf8(path, "unit of " + q.name, q.unit);
      require_utf8(path, "description of " + q.name, q.description);
    }
}

std::vector<std::string> quantity_field(const std::vector<Quantity>& quantities, std::string Quantity::*member) {
  std::vector<std::string> out;
  for (const Quantity& q : quantities) out.push_back(q.*member);
  return out;
}

std::string fmt_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// The file is laid out at full size when created, so its size is known then.
// HDF5 (1.10, as Debian ships it) crashes on a write the operating system
// refuses for the file size limit, so a file that cannot fit under the limit,
// or on its disk, is refused before HDF5 writes it.
void check_room(const std::string& path, double bytes) {
  const auto mib = [](double b) { return fmt_number(b / (1024.0 * 1024.0)); };
  rlimit limit{};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY &&
      bytes > static_cast<double>(limit.rlim_cur))
    throw ResultsError("results file '" + path + "': needs about " + mib(bytes) + " MiB, more than the file size limit of " +
                       mib(static_cast<double>(limit.rlim_cur)) + " MiB (ulimit -f); raise the limit or run fewer replications");
  std::filesystem::path directory = std::filesystem::path(path).parent_path();
  if (directory.empty()) directory = ".";
  struct statvfs disk {};
  if (statvfs(directory.c_str(), &disk) == 0) {
    const double free_bytes = static_cast<double>(disk.f_bavail) * static_cast<double>(disk.f_frsize);
    if (bytes > free_bytes)
      throw ResultsError("results file '" + path + "': needs about " + mib(bytes) + " MiB, but only " + mib(free_bytes) +
                         " MiB are free on its disk");
  }
}

const double kNotWritten = std::numeric_limits<double>::quiet_NaN();
const std::uint8_t kNotCompleted = 0;

}  // namespace

// ---------------------------------------------------------------------------
// Writer

struct ResultsWriter::Impl {
  Hdf5File file;
  std::size_t variants;
  std::size_t replications;
  std::size_t weeks;
  std::vector<std::string> metric_names;
  std::vector<std::string> series_names;
  std::vector<Dataset> summary{};  // one per metric
  std::vector<Dataset> series{};   // one per series
  Dataset completed{};
  std::size_t children = 0;
  Dataset child_visit_late{};
  bool closed = false;

  std::vector<std::pair<Dataset*, std::string>> all_datasets() {
    std::vector<std::pair<Dataset*, std::string>> out;
    for (std::size_t m = 0; m < summary.size(); ++m) out.emplace_back(&summary[m], "/summary/" + metric_names[m]);
    for (std::size_t s = 0; s < series.size(); ++s) out.emplace_back(&series[s], "/series/" + series_names[s]);
    if (children > 0) out.emplace_back(&child_visit_late, "/children/visit_late");
    out.emplace_back(&completed, "/completed");
    return out;
  }
};

ResultsWriter::ResultsWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultsWriter::ResultsWriter(ResultsWriter&&) noexcept = default;
ResultsWriter& ResultsWriter::operator=(ResultsWriter&& other) noexcept {
  if (this != &other) {
    try {
      close();
    } catch (...) {  // NOLINT(bugprone-empty-catch): nothing can report it here
    }
    impl_ = std::move(other.impl_);
  }
  return *this;
}

ResultsWriter::~ResultsWriter() {
  try {
    close();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor cannot report it; call close() to see it
  }
}

// Bytes of the per-replication datasets (the rest of the file is small).
double laid_out_bytes(const Layout& layout, std::size_t replications) {
  const double slots = static_cast<double>(layout.variants.size()) * static_cast<double>(replications);
  const double per_slot = 8.0 * static_cast<double>(layout.metrics.size() +
                                                    layout.series.size() * layout.week_start_dates.size()) +
                          1.0 + static_cast<double>(layout.children.size());
  return slots * per_slot;
}

ResultsWriter ResultsWriter::create(const std::string& path, const Metadata& metadata, const Layout& layout) {
  validate(path, metadata, layout);
  check_room(path, laid_out_bytes(layout, layout.replications));
  Hdf5File file = Hdf5File::create(path);

  file.write_attribute("/", "format_version", kFormatVersion);
  file.write_attribute("/", "casesim_version", metadata.casesim_version);
  file.write_attribute("/", "scenario_name", metadata.scenario_name);
  file.write_attribute("/", "scenario_file", metadata.scenario_file);
  file.write_attribute("/", "seed", metadata.seed);
  file.write_attribute("/", "start_date", metadata.start_date);
  file.write_attribute("/", "horizon_weeks", metadata.horizon_weeks);
  file.write_attribute("/", "warm_up_weeks", metadata.warm_up_weeks);
  file.write_attribute("/", "stream_scheme_version", metadata.stream_scheme_version);
  file.write_attribute("/", "boost_version", metadata.boost_version);
  file.write_attribute("/", "command_line", metadata.command_line);
  file.write_attribute("/", "created_utc", metadata.created_utc);

  for (const char* group : {"/scenario", "/variants", "/metrics", "/summary", "/series"}) file.create_group(group);
  file.write_string("/scenario/text", metadata.scenario_text);
  file.write_strings("/variants/names", layout.variants);
  file.write_strings("/metrics/names", quantity_field(layout.metrics, &Quantity::name));
  file.write_strings("/metrics/units", quantity_field(layout.metrics, &Quantity::unit));
  file.write_strings("/metrics/descriptions", quantity_field(layout.metrics, &Quantity::description));
  file.write_strings("/series/names", quantity_field(layout.series, &Quantity::name));
  file.write_strings("/series/units", quantity_field(layout.series, &Quantity::unit));
  file.write_strings("/series/descriptions", quantity_field(layout.series, &Quantity::description));
  file.write_strings("/series/week_start", layout.week_start_dates);
  if (!metadata.timeline_dates.empty()) {
    file.create_group("/timeline");
    file.write_strings("/timeline/dates", metadata.timeline_dates);
    file.write_strings("/timeline/events", metadata.timeline_events);
  }
  if (!metadata.snapshot_extract_date.empty()) {
    file.create_group("/snapshot");
    file.write_attribute("/snapshot", "extract_date", metadata.snapshot_extract_date);
    file.write_attribute("/snapshot", "problems", metadata.snapshot_problems);
  }
  if (!layout.children.empty()) {
    file.create_group("/children");
    file.write_strings("/children/ids", layout.children);
    file.write_strings("/children/stages", layout.child_stages);
    std::vector<double> overdue(layout.child_overdue_at_start.begin(), layout.child_overdue_at_start.end());
    file.write_doubles("/children/overdue_at_start", {layout.children.size()}, overdue);
  }
  if (const auto& e = metadata.experiment) {
    for (const char* group : {"/experiment", "/parameters"}) file.create_group(group);
    file.write_attribute("/experiment", "name", e->name);
    file.write_attribute("/experiment", "file", e->file);
    file.write_attribute("/experiment", "initial_replications", e->initial_replications);
    file.write_attribute("/experiment", "precision", e->precision);
    file.write_attribute("/experiment", "precision_metric", e->precision_metric);
    file.write_attribute("/experiment", "max_replications", e->max_replications);
    file.write_string("/experiment/text", e->text);
    file.write_strings("/experiment/metrics", e->metrics);
    file.write_strings("/variants/overrides", e->variant_overrides);
    file.write_strings("/parameters/names", e->parameter_names);
    file.write_doubles("/parameters/values", {layout.variants.size(), e->parameter_names.size()}, e->parameter_values);
  }

  const hsize_t variants = layout.variants.size();
  const hsize_t replications = layout.replications;
  const hsize_t weeks = layout.week_start_dates.size();
  const hsize_t replications_per_chunk = std::min(replications, kReplicationsPerChunk);
  const DatasetShape per_replication{{variants, replications}, {1, replications_per_chunk}};
  const DatasetShape per_week{{variants, replications, weeks}, {1, replications_per_chunk, weeks}};

  auto impl = std::make_unique<Impl>(Impl{.file = std::move(file),
                                          .variants = layout.variants.size(),
                                          .replications = layout.replications,
                                          .weeks = layout.week_start_dates.size(),
                                          .metric_names = quantity_field(layout.metrics, &Quantity::name),
                                          .series_names = quantity_field(layout.series, &Quantity::name)});
  for (const std::string& name : impl->metric_names)
    impl->summary.push_back(impl->file.create_numeric("/summary/" + name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                                      &kNotWritten, per_replication));
  for (const std::string& name : impl->series_names)
    impl->series.push_back(impl->file.create_numeric("/series/" + name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                                     &kNotWritten, per_week));
  impl->children = layout.children.size();
  if (impl->children > 0) {
    const hsize_t children = impl->children;
    const DatasetShape per_child{{variants, replications, children}, {1, replications_per_chunk, children}};
    impl->child_visit_late = impl->file.create_numeric("/children/visit_late", H5T_STD_U8LE, H5T_NATIVE_UINT8,
                                                       &kNotCompleted, per_child);
  }
  impl->completed =
      impl->file.create_numeric("/completed", H5T_STD_U8LE, H5T_NATIVE_UINT8, &kNotCompleted, per_replication);
  // A run killed before its first replication still leaves a readable, empty file.
  impl->file.flush();
  return ResultsWriter(std::move(impl));
}

void ResultsWriter::write_replication(std::size_t variant, std::size_t replication, std::span<const double> summary,
                                      std::span<const double> weekly, std::span<const std::uint8_t> child_visit_late) {
  if (!impl_ || impl_->closed) throw std::logic_error("results writer used after close() or after a move");
  Impl& w = *impl_;
  const std::string& path = w.file.path();
  if (variant >= w.variants)
    throw std::invalid_argument("results file '" + path + "': variant " + std::to_string(variant) +
                                " out of range (" + std::to_string(w.variants) + " variants)");
  if (replication >= w.replications)
    throw std::invalid_argument("results file '" + path + "': replication " + std::to_string(replication) +
                                " out of range (" + std::to_string(w.replications) + " replications)");
  if (summary.size() != w.summary.size())
    throw std::invalid_argument("results file '" + path + "': " + std::to_string(summary.size()) +
                                " summary values for " + std::to_string(w.summary.size()) + " metrics");
  if (weekly.size() != w.series.size() * w.weeks)
    throw std::invalid_argument("results file '" + path + "': " + std::to_string(weekly.size()) +
                                " weekly values for " + std::to_string(w.series.size()) + " series of " +
                                std::to_string(w.weeks) + " weeks");
  if (child_visit_late.size() != w.children)
    throw std::invalid_argument("results file '" + path + "': " + std::to_string(child_visit_late.size()) +
                                " child flags for " + std::to_string(w.children) + " children");

  const hsize_t v = variant;
  const hsize_t r = replication;
  for (std::size_t m = 0; m < w.summary.size(); ++m)
    w.file.write_block(w.summary[m], "/summary/" + w.metric_names[m], {v, r}, {1, 1}, H5T_NATIVE_DOUBLE,
                       &summary[m]);
  for (std::size_t s = 0; s < w.series.size(); ++s)
    w.file.write_block(w.series[s], "/series/" + w.series_names[s], {v, r, 0}, {1, 1, w.weeks}, H5T_NATIVE_DOUBLE,
                       weekly.data() + s * w.weeks);
  if (w.children > 0)
    w.file.write_block(w.child_visit_late, "/children/visit_late", {v, r, 0}, {1, 1, w.children}, H5T_NATIVE_UINT8,
                       child_visit_late.data());
  // Last, so a reader never sees a slot marked complete before its values.
  const std::uint8_t done = 1;
  w.file.write_block(w.completed, "/completed", {v, r}, {1, 1}, H5T_NATIVE_UINT8, &done);
}

void ResultsWriter::extend_replications(std::size_t replications) {
  if (!impl_ || impl_->closed) throw std::logic_error("results writer used after close() or after a move");
  Impl& w = *impl_;
  if (replications < w.replications)
    throw std::invalid_argument("results file '" + w.file.path() + "': cannot shrink from " +
                                std::to_string(w.replications) + " to " + std::to_string(replications) +
                                " replications");
  const double per_slot = 8.0 * static_cast<double>(w.summary.size() + w.series.size() * w.weeks) + 1.0 +
                          static_cast<double>(w.children);
  check_room(w.file.path(), static_cast<double>(w.variants) * static_cast<double>(replications) * per_slot);
  for (auto& [dataset, name] : w.all_datasets()) {
    std::vector<hsize_t> dims = w.file.extent(*dataset, name);
    dims[1] = replications;
    w.file.set_extent(*dataset, name, dims);
  }
  w.replications = replications;
  w.file.flush();
}

void ResultsWriter::flush() {
  if (!impl_ || impl_->closed) throw std::logic_error("results writer used after close() or after a move");
  impl_->file.flush();
}

void ResultsWriter::close() {
  if (!impl_ || impl_->closed) return;
  Impl& w = *impl_;
  w.closed = true;
  bool datasets_closed = true;
  for (auto& [dataset, name] : w.all_datasets()) datasets_closed = dataset->close() && datasets_closed;
  w.file.close();
  if (!datasets_closed) w.file.fail("cannot close its datasets");
}

// ---------------------------------------------------------------------------
// Reader

ResultsData read_results(const std::string& path) {
  Hdf5File file = Hdf5File::open_read_only(path);
  if (!file.has_attribute("/", "format_version"))
    throw ResultsError("results file '" + path +
                       "': is an HDF5 file but not a casesim results file (no format_version attribute)");

  ResultsData data;
  data.format_version = file.read_integer_attribute<int>("/", "format_version");
  if (data.format_version > kFormatVersion)
    throw ResultsError("results file '" + path + "': has format version " + std::to_string(data.format_version) +
                       ", newer than the " + std::to_string(kFormatVersion) +
                       " this casesim reads; read it with a newer casesim");
  if (data.format_version < 1)
    throw ResultsError("results file '" + path + "': has format version " + std::to_string(data.format_version) +
                       ", which no casesim wrote");

  Metadata& m = data.metadata;
  m.casesim_version = file.read_string_attribute("/", "casesim_version");
  m.scenario_name = file.read_string_attribute("/", "scenario_name");
  m.scenario_file = file.read_string_attribute("/", "scenario_file");
  m.seed = file.read_integer_attribute<std::uint64_t>("/", "seed");
  m.start_date = file.read_string_attribute("/", "start_date");
  m.horizon_weeks = file.read_integer_attribute<int>("/", "horizon_weeks");
  m.warm_up_weeks = file.read_integer_attribute<int>("/", "warm_up_weeks");
  m.stream_scheme_version = file.read_integer_attribute<int>("/", "stream_scheme_version");
  m.boost_version = file.read_string_attribute("/", "boost_version");
  m.command_line = file.read_string_attribute("/", "command_line");
  m.created_utc = file.read_string_attribute("/", "created_utc");
  m.scenario_text = file.read_string("/scenario/text");
  if (file.exists("/experiment")) {
    ExperimentRecord e;
    e.name = file.read_string_attribute("/experiment", "name");
    e.file = file.read_string_attribute("/experiment", "file");
    e.initial_replications = file.read_integer_attribute<std::uint64_t>("/experiment", "initial_replications");
    e.precision = file.read_double_attribute("/experiment", "precision");
    e.precision_metric = file.read_string_attribute("/experiment", "precision_metric");
    e.max_replications = file.read_integer_attribute<std::uint64_t>("/experiment", "max_replications");
    e.text = file.read_string("/experiment/text");
    e.metrics = file.read_strings("/experiment/metrics");
    e.variant_overrides = file.read_strings("/variants/overrides");
    e.parameter_names = file.read_strings("/parameters/names");
    m.experiment = std::move(e);
  }

  Layout& layout = data.layout;
  layout.variants = file.read_strings("/variants/names");
  const auto read_quantities = [&](const std::string& group) {
    const std::vector<std::string> names = file.read_strings(group + "/names");
    const std::vector<std::string> units = file.read_strings(group + "/units");
    const std::vector<std::string> descriptions = file.read_strings(group + "/descriptions");
    if (units.size() != names.size() || descriptions.size() != names.size())
      file.fail(group + "/names, units and descriptions differ in length");
    std::vector<Quantity> quantities;
    for (std::size_t i = 0; i < names.size(); ++i) quantities.push_back({names[i], units[i], descriptions[i]});
    return quantities;
  };
  layout.metrics = read_quantities("/metrics");
  layout.series = read_quantities("/series");
  layout.week_start_dates = file.read_strings("/series/week_start");
  if (file.exists("/timeline")) {
    m.timeline_dates = file.read_strings("/timeline/dates");
    m.timeline_events = file.read_strings("/timeline/events");
    if (m.timeline_events.size() != m.timeline_dates.size()) file.fail("/timeline/dates and events differ in length");
  }
  if (file.exists("/snapshot")) {
    m.snapshot_extract_date = file.read_string_attribute("/snapshot", "extract_date");
    m.snapshot_problems = file.read_integer_attribute<std::uint64_t>("/snapshot", "problems");
  }
  if (file.exists("/children")) {
    layout.children = file.read_strings("/children/ids");
    layout.child_stages = file.read_strings("/children/stages");
    if (layout.child_stages.size() != layout.children.size()) file.fail("/children/ids and stages differ in length");
    for (const double flag : file.read_numeric<double>("/children/overdue_at_start", {layout.children.size()}))
      layout.child_overdue_at_start.push_back(flag != 0.0 ? 1 : 0);
  }

  // The replication count is whatever /completed holds (it may have been extended).
  const std::vector<hsize_t> completed_dims = file.extent(file.open_dataset("/completed"), "/completed");
  if (completed_dims.size() != 2 || completed_dims[0] != layout.variants.size())
    file.fail("dataset /completed has shape " + shape_text(completed_dims) + ", expected [" +
              std::to_string(layout.variants.size()) + ", replications]");
  layout.replications = completed_dims[1];
  const std::vector<hsize_t> per_replication = completed_dims;
  const std::vector<hsize_t> per_week{completed_dims[0], completed_dims[1], layout.week_start_dates.size()};

  if (m.experiment) {
    if (m.experiment->variant_overrides.size() != layout.variants.size())
      file.fail("/variants/overrides has " + std::to_string(m.experiment->variant_overrides.size()) +
                " entries for " + std::to_string(layout.variants.size()) + " variants");
    m.experiment->parameter_values = file.read_numeric<double>(
        "/parameters/values", {layout.variants.size(), m.experiment->parameter_names.size()});
  }
  data.completed = file.read_numeric<std::uint8_t>("/completed", per_replication);
  for (const Quantity& q : layout.metrics)
    data.summary.push_back(file.read_numeric<double>("/summary/" + q.name, per_replication));
  for (const Quantity& q : layout.series)
    data.weekly.push_back(file.read_numeric<double>("/series/" + q.name, per_week));
  if (!layout.children.empty())
    data.child_visit_late = file.read_numeric<std::uint8_t>(
        "/children/visit_late", {completed_dims[0], completed_dims[1], layout.children.size()});
  file.close();
  return data;
}

}  // namespace casesim::results
