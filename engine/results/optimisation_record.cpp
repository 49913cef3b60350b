// The /optimise group: added to a file the results writer has finished (the
// writer lays out per-replication data; this is one table written once). It
// follows the writer's conventions (UTF-8 variable-length strings,
// little-endian numbers, ResultsError naming the file).
#include "engine/results/optimisation_record.hpp"

#include <hdf5.h>

#include <utility>

#include "engine/results/results_file.hpp"

namespace casesim::results {

namespace {

constexpr const char* kGroup = "/optimise";

template <herr_t (*Close)(hid_t)>
class Handle {
 public:
  explicit Handle(hid_t id) : id_(id) {}
  ~Handle() {
    if (id_ >= 0) Close(id_);
  }
  Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, H5I_INVALID_HID)) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle& operator=(Handle&&) = delete;
  hid_t id() const { return id_; }
  bool ok() const { return id_ >= 0; }

 private:
  hid_t id_;
};

using File = Handle<H5Fclose>;
using Group = Handle<H5Gclose>;
using Dataset = Handle<H5Dclose>;
using Space = Handle<H5Sclose>;
using Type = Handle<H5Tclose>;
using Attribute = Handle<H5Aclose>;

class RecordFile {
 public:
  RecordFile(std::string path, bool write)
      : path_(std::move(path)),
        file_((H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr),
               H5Fopen(path_.c_str(), write ? H5F_ACC_RDWR : H5F_ACC_RDONLY, H5P_DEFAULT))) {
    if (!file_.ok()) fail("cannot open");
  }

  [[noreturn]] void fail(const std::string& what) const {
    H5Eclear2(H5E_DEFAULT);
    throw ResultsError("results file '" + path_ + "': " + what);
  }

  void create_group() {
    const Group group(H5Gcreate2(file_.id(), kGroup, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    if (!group.ok()) fail(std::string("cannot create ") + kGroup);
  }
  bool has_group() const { return H5Lexists(file_.id(), kGroup, H5P_DEFAULT) > 0; }

  void write_attribute(const char* name, hid_t file_type, hid_t memory_type, const void* value) {
    const Space space(H5Screate(H5S_SCALAR));
    const Attribute attribute(H5Acreate_by_name(file_.id(), kGroup, name, file_type, space.id(), H5P_DEFAULT,
                                                H5P_DEFAULT, H5P_DEFAULT));
    if (!attribute.ok() || H5Awrite(attribute.id(), memory_type, value) < 0)
      fail(std::string("cannot write attribute ") + name + " of " + kGroup);
  }
  void write_attribute(const char* name, const std::string& value) {
    const Type type = string_type();
    const char* text = value.c_str();
    write_attribute(name, type.id(), type.id(), &text);
  }
  void read_attribute(const char* name, hid_t memory_type, void* value) const {
    const Attribute attribute(H5Aopen_by_name(file_.id(), kGroup, name, H5P_DEFAULT, H5P_DEFAULT));
    if (!attribute.ok() || H5Aread(attribute.id(), memory_type, value) < 0)
      fail(std::string("cannot read attribute ") + name + " of " + kGroup);
  }
  std::string read_string_attribute(const char* name) const {
    const Type type = string_type();
    char* text = nullptr;
    read_attribute(name, type.id(), &text);
    std::string value = text != nullptr ? text : "";
    H5free_memory(text);
    return value;
  }

  void write_dataset(const std::string& name, std::vector<hsize_t> dims, hid_t file_type, hid_t memory_type,
                     const void* data) {
    const Space space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr));
    const Dataset dataset(H5Dcreate2(file_.id(), (std::string(kGroup) + "/" + name).c_str(), file_type, space.id(),
                                     H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
    if (!dataset.ok()) fail("cannot create " + std::string(kGroup) + "/" + name);
    bool empty = false;
    for (const hsize_t d : dims) empty = empty || d == 0;
    if (!empty && H5Dwrite(dataset.id(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
      fail("cannot write " + std::string(kGroup) + "/" + name);
  }
  void write_strings(const std::string& name, const std::vector<std::string>& values) {
    std::vector<const char*> pointers;
    for (const std::string& v : values) pointers.push_back(v.c_str());
    const Type type = string_type();
    write_dataset(name, {values.size()}, type.id(), type.id(), pointers.data());
  }

  // The dataset's values, checked to have `count` elements.
  template <typename Value>
  std::vector<Value> read_numbers(const std::string& name, hid_t memory_type, std::size_t count) const {
    const Dataset dataset = open(name);
    std::vector<Value> values(count);
    if (element_count(dataset) != count) fail(std::string(kGroup) + "/" + name + " has the wrong size");
    if (count > 0 && H5Dread(dataset.id(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
      fail("cannot read " + std::string(kGroup) + "/" + name);
    return values;
  }
  std::vector<std::string> read_strings(const std::string& name) const {
    const Dataset dataset = open(name);
    const std::size_t count = element_count(dataset);
    std::vector<char*> pointers(count, nullptr);
    const Type type = string_type();
    if (count > 0 && H5Dread(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()) < 0)
      fail("cannot read " + std::string(kGroup) + "/" + name);
    std::vector<std::string> values;
    for (char* p : pointers) {
      values.emplace_back(p != nullptr ? p : "");
      H5free_memory(p);
    }
    return values;
  }

  void close() {
    if (H5Fflush(file_.id(), H5F_SCOPE_GLOBAL) < 0) fail("cannot write");
  }

 private:
  Type string_type() const {
    Type type(H5Tcopy(H5T_C_S1));
    if (!type.ok() || H5Tset_size(type.id(), H5T_VARIABLE) < 0 || H5Tset_cset(type.id(), H5T_CSET_UTF8) < 0)
      fail("cannot make the UTF-8 string type");
    return type;
  }
  Dataset open(const std::string& name) const {
    Dataset dataset(H5Dopen2(file_.id(), (std::string(kGroup) + "/" + name).c_str(), H5P_DEFAULT));
    if (!dataset.ok()) fail("cannot open " + std::string(kGroup) + "/" + name);
    return dataset;
  }
  static std::size_t element_count(const Dataset& dataset) {
    const Space space(H5Dget_space(dataset.id()));
    const hssize_t n = H5Sget_simple_extent_npoints(space.id());
    return n > 0 ? static_cast<std::size_t>(n) : 0;
  }

  std::string path_;
  File file_;
};

}  // namespace

void write_optimisation_record(const std::string& path, const OptimisationRecord& record) {
  const std::size_t plans = record.cost_per_year.size(), targets = record.targets.size();
  if (record.replications.size() != plans || record.status.size() != plans ||
      record.target_estimate.size() != plans * targets || record.target_ci_low.size() != plans * targets ||
      record.target_ci_high.size() != plans * targets)
    throw std::invalid_argument("write_optimisation_record: the plan and target tables differ in size");
  RecordFile file(path, true);
  file.create_group();
  file.write_attribute("confidence", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &record.confidence);
  file.write_attribute("interval_confidence", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &record.interval_confidence);
  file.write_attribute("end", record.end);
  file.write_attribute("chosen_plan", H5T_STD_I64LE, H5T_NATIVE_INT64, &record.chosen_plan);
  file.write_attribute("currency", record.currency);
  file.write_dataset("cost_per_year", {plans}, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, record.cost_per_year.data());
  file.write_dataset("replications", {plans}, H5T_STD_U64LE, H5T_NATIVE_UINT64, record.replications.data());
  file.write_strings("status", record.status);
  file.write_strings("targets", record.targets);
  file.write_dataset("target_estimate", {plans, targets}, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, record.target_estimate.data());
  file.write_dataset("target_ci_low", {plans, targets}, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, record.target_ci_low.data());
  file.write_dataset("target_ci_high", {plans, targets}, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, record.target_ci_high.data());
  file.close();
}

OptimisationRecord read_optimisation_record(const std::string& path) {
  const RecordFile file(path, false);
  if (!file.has_group()) file.fail("no /optimise group: not written by casesim optimise");
  OptimisationRecord record;
  file.read_attribute("confidence", H5T_NATIVE_DOUBLE, &record.confidence);
  file.read_attribute("interval_confidence", H5T_NATIVE_DOUBLE, &record.interval_confidence);
  record.end = file.read_string_attribute("end");
  file.read_attribute("chosen_plan", H5T_NATIVE_INT64, &record.chosen_plan);
  record.currency = file.read_string_attribute("currency");
  record.status = file.read_strings("status");
  record.targets = file.read_strings("targets");
  const std::size_t plans = record.status.size(), targets = record.targets.size();
  record.cost_per_year = file.read_numbers<double>("cost_per_year", H5T_NATIVE_DOUBLE, plans);
  record.replications = file.read_numbers<std::uint64_t>("replications", H5T_NATIVE_UINT64, plans);
  record.target_estimate = file.read_numbers<double>("target_estimate", H5T_NATIVE_DOUBLE, plans * targets);
  record.target_ci_low = file.read_numbers<double>("target_ci_low", H5T_NATIVE_DOUBLE, plans * targets);
  record.target_ci_high = file.read_numbers<double>("target_ci_high", H5T_NATIVE_DOUBLE, plans * targets);
  return record;
}

}  // namespace casesim::results
