#include "engine/results/labelled_axes.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/results/dimension_scales.hpp"

namespace casesim::results {

namespace {

// The dimensions, each a coordinate in the root group so that every group's
// datasets can name it (netCDF-4 lets a group use its ancestors' dimensions).
// Each dimension is named after the dataset that labels it; `weekly_series`
// because /series is already the group of the series themselves.
constexpr const char* kVariant = "/variant";
constexpr const char* kReplication = "/replication";
constexpr const char* kWeek = "/week";
constexpr const char* kWeekStart = "/week_start";
constexpr const char* kWarmUp = "/warm_up";
constexpr const char* kMetric = "/metric";
constexpr const char* kWeeklySeries = "/weekly_series";
constexpr const char* kBin = "/bin";
constexpr const char* kBinLabel = "/bin_label";
constexpr const char* kDistribution = "/distribution";
constexpr const char* kChild = "/child";
constexpr const char* kWorker = "/worker";
constexpr const char* kWorkerSeries = "/worker_series";
constexpr const char* kTimelineChange = "/timeline_change";
constexpr const char* kParameter = "/parameter";
constexpr const char* kComparedMetric = "/compared_metric";

// The root group's coordinates that label an axis without being its
// dimension: xarray reads them as coordinates because the root's
// `coordinates` attribute names them (its convention for coordinates no
// single variable lists).
constexpr std::string_view kWeekCoordinates = "week_start warm_up";
constexpr std::string_view kBinCoordinates = " bin_label";

constexpr std::int64_t kNoReplication = -1;

// CF's unit for a dimensionless number, a count of things or an index.
constexpr std::string_view kDimensionless = "1";

void describe(Hdf5File& file, const std::string& name, std::string_view long_name) {
  file.write_attribute(name, "long_name", long_name);
}

void describe(Hdf5File& file, const std::string& name, std::string_view long_name, std::string_view units) {
  describe(file, name, long_name);
  file.write_attribute(name, "units", units);
}

// Attaches `dimensions` to the axes of the dataset `name` and says what it
// holds (and in what, when `units` is given), opening it once; it is returned
// open for any further attribute.
Dataset label(Hdf5File& file, DimensionScales& scales, const std::string& name,
              const std::vector<const char*>& dimensions, std::string_view long_name,
              std::optional<std::string_view> units = std::nullopt) {
  Dataset dataset = file.open_dataset(name);
  scales.attach(dataset, name, dimensions);
  file.write_attribute(dataset, name, "long_name", long_name);
  if (units) file.write_attribute(dataset, name, "units", *units);
  return dataset;
}

void label_strings(Hdf5File& file, const char* dimension, const std::vector<std::string>& labels,
                   std::string_view long_name) {
  file.write_strings(dimension, labels);
  file.make_dimension(dimension);
  describe(file, dimension, long_name);
}

std::vector<std::string> names_of(const std::vector<Quantity>& quantities) {
  std::vector<std::string> names;
  for (const Quantity& q : quantities) names.push_back(q.name);
  return names;
}

// The names, units and descriptions of `group` (/metrics, /series), on the dimension they name.
void label_quantity_lists(Hdf5File& file, DimensionScales& scales, const char* dimension, const std::string& group,
                          const std::vector<Quantity>& quantities, const std::string& what) {
  label_strings(file, dimension, names_of(quantities), what);
  label(file, scales, group + "/names", {dimension}, "name of each " + what);
  label(file, scales, group + "/units", {dimension}, "unit of each " + what);
  label(file, scales, group + "/descriptions", {dimension}, "each " + what + " in one sentence");
}

void write_replication_numbers(Hdf5File& file, const Dataset& dataset, std::size_t from, std::size_t to) {
  if (to <= from) return;
  std::vector<std::int64_t> numbers(to - from);
  std::iota(numbers.begin(), numbers.end(), static_cast<std::int64_t>(from));
  file.write_block(dataset, kReplication, {from}, {to - from}, H5T_NATIVE_INT64, numbers.data());
}

void label_weeks(Hdf5File& file, DimensionScales& scales, const Metadata& metadata, const Layout& layout) {
  const std::size_t weeks = layout.week_start_dates.size();
  std::vector<int> numbers(weeks);
  std::iota(numbers.begin(), numbers.end(), 0);
  file.write_array(kWeek, {weeks}, numbers);
  file.make_dimension(kWeek);
  describe(file, kWeek, "week of the run, 0 being the week of start_date", kDimensionless);
  // The warm-up is the first warm_up_weeks weeks (as the metrics count them).
  const auto warm_up_weeks = static_cast<std::size_t>(std::max(0, metadata.warm_up_weeks));
  file.write_attribute(kWeek, "warm_up_weeks", metadata.warm_up_weeks);
  file.write_strings(kWeekStart, layout.week_start_dates);
  label(file, scales, kWeekStart, {kWeek}, "first day of the week (ISO date)");
  std::vector<std::uint8_t> warm_up(weeks, 0);
  std::fill_n(warm_up.begin(), std::min(warm_up_weeks, weeks), 1);
  file.write_flags(kWarmUp, warm_up);
  label(file, scales, kWarmUp, {kWeek}, "week of the warm-up, simulated but not counted in the metrics");
  label(file, scales, "/series/week_start", {kWeek}, "first day of the week (ISO date)");
}

// A per-replication dataset: its axes, what it holds and in what.
Dataset label_values(Hdf5File& file, DimensionScales& scales, const std::string& name,
                     const std::vector<const char*>& dimensions, const Quantity& quantity) {
  return label(file, scales, name, dimensions, quantity.description, quantity.unit);
}

void label_distributions(Hdf5File& file, DimensionScales& scales, const Layout& layout) {
  const Distributions& distributions = layout.distributions;
  if (distributions.quantities.empty()) return;
  // Each bin is labelled by its first working day (its lower edge).
  const std::vector<double> first_days(distributions.bin_edges.begin(), distributions.bin_edges.end() - 1);
  file.write_array(kBin, {first_days.size()}, first_days);
  file.make_dimension(kBin);
  describe(file, kBin, "first working day of the bin, which counts durations up to the next bin's", "working days");
  file.write_strings(kBinLabel, distributions.bin_labels);
  label(file, scales, kBinLabel, {kBin}, "the bin in words");
  label_strings(file, kDistribution, names_of(distributions.quantities), "duration histogram");
  label(file, scales, "/distributions/names", {kDistribution}, "name of each duration histogram");
  for (const Quantity& q : distributions.quantities)
    label_values(file, scales, "/distributions/" + q.name, {kVariant, kReplication, kBin}, q);
}

void label_children(Hdf5File& file, DimensionScales& scales, const Layout& layout) {
  if (layout.children.empty()) return;
  label_strings(file, kChild, layout.children, "child in the snapshot (pseudonym)");
  label(file, scales, "/children/ids", {kChild}, "child's pseudonym");
  label(file, scales, "/children/stages", {kChild}, "child's stage on the extract date");
  label(file, scales, "/children/overdue_at_start", {kChild},
        "1 if a statutory visit was already overdue on the extract date", kDimensionless);
  if (!layout.child_workers.empty()) {
    label(file, scales, "/children/workers", {kChild}, "pseudonym of the child's allocated worker on the extract date");
  }
  label(file, scales, "/children/visit_late", {kVariant, kReplication, kChild},
        "1 if the child had a statutory visit made late, or still owed late", kDimensionless);
}

void label_workers(Hdf5File& file, DimensionScales& scales, const Metadata& metadata, const Layout& layout) {
  if (layout.workers.empty()) return;
  label_strings(file, kWorker, layout.workers, "worker (pseudonym)");
  label_strings(file, kWorkerSeries, names_of(layout.worker_series), "weekly series kept for each worker");
  label(file, scales, "/workers/ids", {kWorker}, "worker's pseudonym");
  label(file, scales, "/workers/series", {kWorkerSeries}, "name of each per-worker series");
  for (const Quantity& q : layout.worker_series) {
    const std::string name = "/workers/" + q.name;
    const Dataset dataset = label_values(file, scales, name, {kVariant, kReplication, kWeek, kWorker}, q);
    file.write_attribute(dataset, name, "warm_up_weeks", metadata.warm_up_weeks);
  }
}

void label_timeline(Hdf5File& file, DimensionScales& scales, const Metadata& metadata) {
  if (metadata.timeline_dates.empty()) return;
  std::vector<int> numbers(metadata.timeline_dates.size());
  std::iota(numbers.begin(), numbers.end(), 0);
  file.write_array(kTimelineChange, {numbers.size()}, numbers);
  file.make_dimension(kTimelineChange);
  describe(file, kTimelineChange, "dated change of the scenario's timeline, in date order", kDimensionless);
  label(file, scales, "/timeline/dates", {kTimelineChange}, "date of the change (ISO date)");
  label(file, scales, "/timeline/events", {kTimelineChange}, "the change in words");
}

void label_experiment(Hdf5File& file, DimensionScales& scales, const Metadata& metadata) {
  if (!metadata.experiment) return;
  const ExperimentRecord& e = *metadata.experiment;
  describe(file, "/experiment/text", "the experiment file's text, verbatim");
  label(file, scales, "/variants/overrides", {kVariant},
        "the variant's overrides of the base scenario (YAML flow mapping)");
  label_strings(file, kComparedMetric, e.metrics, "metric the experiment compares, the main one first");
  label(file, scales, "/experiment/metrics", {kComparedMetric}, "metric the experiment compares, the main one first");
  label_strings(file, kParameter, e.parameter_names, "scenario field a variant overrides");
  label(file, scales, "/parameters/names", {kParameter}, "scenario field a variant overrides");
  // No units: each parameter has its own (docs/scenario-format.md names them).
  label(file, scales, "/parameters/values", {kVariant, kParameter},
        "the variant's value of the field; NaN where it is not one number");
}

}  // namespace

void label_axes(Hdf5File& file, const Metadata& metadata, const Layout& layout) {
  DimensionScales scales(file);
  label_strings(file, kVariant, layout.variants, "variant of the scenario");
  const hsize_t replications = layout.replications;
  const Dataset replication =
      file.create_numeric(kReplication, H5T_STD_I64LE, H5T_NATIVE_INT64, &kNoReplication,
                          DatasetShape{{replications}, {std::min(replications, kReplicationsPerChunk)}, 0});
  write_replication_numbers(file, replication, 0, layout.replications);
  file.make_dimension(kReplication);
  describe(file, kReplication, "replication: the run repeated with its own random streams", kDimensionless);
  label_weeks(file, scales, metadata, layout);
  const bool with_bins = !layout.distributions.quantities.empty();
  file.write_attribute("/", "coordinates",
                       std::string(kWeekCoordinates) + (with_bins ? std::string(kBinCoordinates) : std::string()));

  describe(file, "/scenario/text", "the scenario file's text, verbatim");
  label(file, scales, "/variants/names", {kVariant}, "name of each variant");
  label(file, scales, "/completed", {kVariant, kReplication},
        "1 once the replication's values are all written, 0 before", kDimensionless);

  label_quantity_lists(file, scales, kMetric, "/metrics", layout.metrics, "summary metric");
  for (const Quantity& q : layout.metrics)
    label_values(file, scales, "/summary/" + q.name, {kVariant, kReplication}, q);

  label_quantity_lists(file, scales, kWeeklySeries, "/series", layout.series, "weekly series");
  for (const Quantity& q : layout.series) {
    const std::string name = "/series/" + q.name;
    const Dataset dataset = label_values(file, scales, name, {kVariant, kReplication, kWeek}, q);
    file.write_attribute(dataset, name, "warm_up_weeks", metadata.warm_up_weeks);
    // /series/week_start labels the weeks within the group too.
    file.write_attribute(dataset, name, "coordinates", "week_start");
  }

  label_distributions(file, scales, layout);
  label_children(file, scales, layout);
  label_workers(file, scales, metadata, layout);
  label_timeline(file, scales, metadata);
  label_experiment(file, scales, metadata);
  scales.finish();
}

void extend_replication_axis(Hdf5File& file, std::size_t from, std::size_t to) {
  const Dataset replication = file.open_dataset(kReplication);
  file.set_extent(replication, kReplication, {to});
  write_replication_numbers(file, replication, from, to);
}

}  // namespace casesim::results
