// The results file's dimension scales, read through HDF5's own dimension scale
// API (H5DS): casesim writes their attributes itself, in one pass
// (engine/results/dimension_scales.hpp), and every reader that goes through
// H5DS (h5py's .dims, rhdf5, netCDF) must see what H5DSattach_scale would
// have written.
#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <filesystem>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "engine/results/results_file.hpp"

namespace casesim::results {
namespace {

namespace fs = std::filesystem;

Metadata every_part_metadata() {
  Metadata m;
  m.casesim_version = "0.1.0";
  m.scenario_name = "baseline";
  m.scenario_file = "scenarios/baseline.yaml";
  m.scenario_text = "name: baseline\n";
  m.seed = 7;
  m.start_date = "2024-04-01";
  m.horizon_weeks = 3;
  m.warm_up_weeks = 1;
  m.stream_scheme_version = 3;
  m.boost_version = "1.74.0";
  m.command_line = "casesim experiment e.yaml";
  m.created_utc = "2024-05-06T07:08:09Z";
  m.timeline_dates = {"2024-04-10", "2024-04-15"};
  m.timeline_events = {"1 agency worker leaves", "1 worker starts"};
  ExperimentRecord e;
  e.name = "caps";
  e.file = "e.yaml";
  e.text = "name: caps\n";
  e.metrics = {"referrals_received"};
  e.variant_overrides = {"{}", "{policy.caseload_cap.cases: 18}"};
  e.parameter_names = {"policy.caseload_cap.cases"};
  e.parameter_values = {std::numeric_limits<double>::quiet_NaN(), 18};
  e.initial_replications = 2;
  m.experiment = e;
  return m;
}

// Every optional part of the layout present, so every dimension is made.
Layout every_part_layout() {
  Layout l;
  l.variants = {"baseline", "cap_18"};
  l.replications = 2;
  l.metrics = {{"referrals_received", "referrals", "Referrals received."},
               {"unallocated_wait_mean", "working days", "Mean wait for allocation."},
               {"decisions_late", "decisions", "Decisions made late."}};
  l.series = {{"caseload", "cases", "Allocated cases."}, {"unallocated", "cases", "Cases waiting."}};
  l.week_start_dates = {"2024-04-01", "2024-04-08", "2024-04-15"};
  l.distributions.quantities = {{"assessment_working_days", "assessments", "Assessments by days."}};
  l.distributions.bin_edges = {0, 1, std::numeric_limits<double>::infinity()};
  l.distributions.bin_labels = {"0", "more than 0"};
  l.children = {"C1", "C2"};
  l.child_stages = {"cin", "cp"};
  l.child_overdue_at_start = {0, 1};
  l.child_workers = {"W1", ""};
  l.workers = {"W1", "W2"};
  l.worker_series = {{"caseload", "cases", "Cases held."}};
  return l;
}

using Axes = std::vector<std::string>;

// What docs/results-format.md says labels each axis of each dataset of
// `layout`; every dataset not named here has no dimension attached.
std::map<std::string, Axes> documented_axes(const Layout& layout) {
  std::map<std::string, Axes> axes{
      {"/variants/names", {"/variant"}},
      {"/completed", {"/variant", "/replication"}},
      {"/week_start", {"/week"}},
      {"/warm_up", {"/week"}},
      {"/series/week_start", {"/week"}},
      {"/bin_label", {"/bin"}},
      {"/distributions/names", {"/distribution"}},
      {"/children/ids", {"/child"}},
      {"/children/stages", {"/child"}},
      {"/children/overdue_at_start", {"/child"}},
      {"/children/workers", {"/child"}},
      {"/children/visit_late", {"/variant", "/replication", "/child"}},
      {"/workers/ids", {"/worker"}},
      {"/workers/series", {"/worker_series"}},
      {"/timeline/dates", {"/timeline_change"}},
      {"/timeline/events", {"/timeline_change"}},
      {"/variants/overrides", {"/variant"}},
      {"/experiment/metrics", {"/compared_metric"}},
      {"/parameters/names", {"/parameter"}},
      {"/parameters/values", {"/variant", "/parameter"}},
  };
  for (const char* list : {"/names", "/units", "/descriptions"}) {
    axes[std::string("/metrics") + list] = {"/metric"};
    axes[std::string("/series") + list] = {"/weekly_series"};
  }
  for (const Quantity& q : layout.metrics) axes["/summary/" + q.name] = {"/variant", "/replication"};
  for (const Quantity& q : layout.series) axes["/series/" + q.name] = {"/variant", "/replication", "/week"};
  for (const Quantity& q : layout.distributions.quantities)
    axes["/distributions/" + q.name] = {"/variant", "/replication", "/bin"};
  for (const Quantity& q : layout.worker_series)
    axes["/workers/" + q.name] = {"/variant", "/replication", "/week", "/worker"};
  return axes;
}

std::string name_of(hid_t object) {
  std::string name(static_cast<std::size_t>(H5Iget_name(object, nullptr, 0)), '\0');
  H5Iget_name(object, name.data(), name.size() + 1);
  return name;
}

herr_t add_scale_name(hid_t, unsigned, hid_t scale, void* names) {
  static_cast<std::vector<std::string>*>(names)->push_back(name_of(scale));
  return 0;
}

herr_t add_dataset(hid_t, const char* name, const H5O_info_t* info, void* datasets) {
  if (info->type == H5O_TYPE_DATASET)
    static_cast<std::vector<std::string>*>(datasets)->push_back(std::string("/") + name);
  return 0;
}

std::vector<std::string> datasets_in(hid_t file) {
  std::vector<std::string> datasets;
  H5Ovisit(file, H5_INDEX_NAME, H5_ITER_INC, add_dataset, &datasets);
  return datasets;
}

// The type of attribute `attribute` of dataset `dataset`, to be closed by the caller.
hid_t attribute_type(hid_t file, const std::string& dataset, const char* attribute) {
  const hid_t a = H5Aopen_by_name(file, dataset.c_str(), attribute, H5P_DEFAULT, H5P_DEFAULT);
  const hid_t type = H5Aget_type(a);
  H5Aclose(a);
  return type;
}

class DimensionScalesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    directory_ = fs::temp_directory_path() / ("casesim-scales-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(directory_);
    fs::create_directories(directory_);
  }
  void TearDown() override { fs::remove_all(directory_); }
  std::string path(const std::string& name) const { return (directory_ / name).string(); }

  fs::path directory_;
};

TEST_F(DimensionScalesTest, EveryDatasetHasTheScalesItsLayoutNamesAndNoOthers) {
  const Layout layout = every_part_layout();
  ResultsWriter::create(path("r.h5"), every_part_metadata(), layout).close();
  const std::map<std::string, Axes> expected = documented_axes(layout);
  const hid_t file = H5Fopen(path("r.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(file, 0);
  std::map<std::string, int> attachments_of_scale;
  std::size_t labelled = 0;
  for (const std::string& name : datasets_in(file)) {
    SCOPED_TRACE(name);
    const hid_t dataset = H5Dopen2(file, name.c_str(), H5P_DEFAULT);
    ASSERT_GE(dataset, 0);
    const auto found = expected.find(name);
    if (H5DSis_scale(dataset) > 0) {
      EXPECT_EQ(found, expected.end()) << "a scale has no scales of its own";
      H5Dclose(dataset);
      continue;
    }
    const hid_t space = H5Dget_space(dataset);
    const int rank = H5Sget_simple_extent_ndims(space);
    H5Sclose(space);
    Axes attached;
    for (int axis = 0; axis < rank; ++axis) {
      std::vector<std::string> names;
      EXPECT_GE(H5DSiterate_scales(dataset, static_cast<unsigned>(axis), nullptr, add_scale_name, &names), 0);
      EXPECT_LE(names.size(), 1u) << "axis " << axis;
      if (!names.empty()) attached.push_back(names.front());
    }
    if (found == expected.end()) {
      EXPECT_TRUE(attached.empty());
    } else {
      ++labelled;
      EXPECT_EQ(attached, found->second);
      for (std::size_t axis = 0; axis < found->second.size(); ++axis) {
        const hid_t scale = H5Dopen2(file, found->second[axis].c_str(), H5P_DEFAULT);
        EXPECT_GT(H5DSis_attached(dataset, scale, static_cast<unsigned>(axis)), 0) << found->second[axis];
        H5Dclose(scale);
        ++attachments_of_scale[found->second[axis]];
      }
    }
    H5Dclose(dataset);
  }
  EXPECT_EQ(labelled, expected.size()) << "a documented dataset is missing";
  // Each scale lists each of its datasets' axes once, and nothing else.
  for (const auto& [scale, attachments] : attachments_of_scale) {
    const hid_t list = H5Aopen_by_name(file, scale.c_str(), REFERENCE_LIST, H5P_DEFAULT, H5P_DEFAULT);
    ASSERT_GE(list, 0) << scale;
    const hid_t space = H5Aget_space(list);
    EXPECT_EQ(H5Sget_simple_extent_npoints(space), attachments) << scale;
    H5Sclose(space);
    H5Aclose(list);
  }
  H5Fclose(file);
}

TEST_F(DimensionScalesTest, TheScaleAttributesHaveTheTypesH5dsGivesThem) {
  // A scale attached by HDF5's own H5DSattach_scale, for the types to compare with.
  const hid_t reference = H5Fcreate(path("h5ds.h5").c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  ASSERT_GE(reference, 0);
  const hsize_t two = 2;
  const hid_t space = H5Screate_simple(1, &two, nullptr);
  const hid_t scale = H5Dcreate2(reference, "/scale", H5T_STD_I32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  const hid_t data = H5Dcreate2(reference, "/data", H5T_IEEE_F64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  ASSERT_GE(H5DSset_scale(scale, "scale"), 0);
  ASSERT_GE(H5DSattach_scale(data, scale, 0), 0);
  H5Dclose(data);
  H5Dclose(scale);
  H5Sclose(space);

  ResultsWriter::create(path("r.h5"), every_part_metadata(), every_part_layout()).close();
  const hid_t results = H5Fopen(path("r.h5").c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  ASSERT_GE(results, 0);
  for (const auto& [attribute, h5ds_owner, casesim_owner] :
       std::vector<std::tuple<const char*, std::string, std::string>>{
           {DIMENSION_LIST, "/data", "/summary/referrals_received"},
           {DIMENSION_LIST, "/data", "/variants/names"},
           {REFERENCE_LIST, "/scale", "/variant"},
           {REFERENCE_LIST, "/scale", "/week"}}) {
    SCOPED_TRACE(std::string(attribute) + " of " + casesim_owner);
    const hid_t h5ds_type = attribute_type(reference, h5ds_owner, attribute);
    const hid_t casesim_type = attribute_type(results, casesim_owner, attribute);
    EXPECT_GT(H5Tequal(h5ds_type, casesim_type), 0);
    H5Tclose(h5ds_type);
    H5Tclose(casesim_type);
  }
  H5Fclose(results);
  H5Fclose(reference);
}

}  // namespace
}  // namespace casesim::results
