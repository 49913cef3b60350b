// The results reader: a whole results file back into memory, checked against
// the layout the writer makes (docs/results-format.md).
#include <utility>

#include "engine/input/input_file.hpp"
#include "engine/results/hdf5_file.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::results {

struct SummaryReader::Impl {
  Hdf5File file;
};

SummaryReader::SummaryReader(const std::string& path) {
  input::refuse_special_file(path, path, "results file");
  impl_ = std::make_unique<Impl>(Impl{Hdf5File::open_read_only(path)});
}
SummaryReader::~SummaryReader() = default;
SummaryReader::SummaryReader(SummaryReader&&) noexcept = default;
SummaryReader& SummaryReader::operator=(SummaryReader&&) noexcept = default;

std::vector<double> SummaryReader::read(const std::string& metric) const {
  const std::string name = "/summary/" + metric;
  const Dataset dataset = impl_->file.open_dataset(name);
  return impl_->file.read_numeric<double>(name, impl_->file.extent(dataset, name));
}

ResultsData read_results(const std::string& path) {
  // HDF5 opens by name: a FIFO would block it, and a device never ends.
  input::refuse_special_file(path, path, "results file");
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
  // Files written before the descriptions were recorded have none.
  if (file.has_attribute("/", "scenario_description"))
    m.scenario_description = file.read_string_attribute("/", "scenario_description");
  m.seed = file.read_integer_attribute<std::uint64_t>("/", "seed");
  m.start_date = file.read_string_attribute("/", "start_date");
  m.horizon_weeks = file.read_integer_attribute<int>("/", "horizon_weeks");
  m.warm_up_weeks = file.read_integer_attribute<int>("/", "warm_up_weeks");
  m.stream_scheme_version = file.read_integer_attribute<int>("/", "stream_scheme_version");
  m.boost_version = file.read_string_attribute("/", "boost_version");
  m.command_line = file.read_string_attribute("/", "command_line");
  m.created_utc = file.read_string_attribute("/", "created_utc");
  m.scenario_text = file.read_string("/scenario/text");
  m.what_if = file.has_attribute("/", "what_if") && file.read_integer_attribute<int>("/", "what_if") == 1;
  if (file.exists("/experiment")) {
    ExperimentRecord e;
    e.name = file.read_string_attribute("/experiment", "name");
    e.file = file.read_string_attribute("/experiment", "file");
    if (file.has_attribute("/experiment", "description"))
      e.description = file.read_string_attribute("/experiment", "description");
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
  if (file.exists("/distributions")) {
    Distributions& d = layout.distributions;
    for (const std::string& name : file.read_strings("/distributions/names")) {
      const std::string dataset = "/distributions/" + name;
      if (!file.exists(dataset)) file.fail("has no dataset " + dataset + " for the name in /distributions/names");
      d.quantities.push_back(
          {name, file.read_string_attribute(dataset, "unit"), file.read_string_attribute(dataset, "description")});
      std::vector<double> edges = file.read_doubles_attribute(dataset, "bin_edges");
      std::vector<std::string> labels = file.read_strings_attribute(dataset, "bin_labels");
      if (edges.size() != labels.size() + 1)
        file.fail(dataset + " has " + std::to_string(edges.size()) + " bin edges for " + std::to_string(labels.size()) +
                  " bin labels");
      if (d.quantities.size() == 1) {
        d.bin_edges = std::move(edges);
        d.bin_labels = std::move(labels);
      } else if (edges != d.bin_edges || labels != d.bin_labels) {
        file.fail(dataset + " has other bins than /distributions/" + d.quantities.front().name);
      }
    }
  }
  if (file.exists("/timeline")) {
    m.timeline_dates = file.read_strings("/timeline/dates");
    m.timeline_events = file.read_strings("/timeline/events");
    if (m.timeline_events.size() != m.timeline_dates.size()) file.fail("/timeline/dates and events differ in length");
  }
  if (file.exists("/snapshot")) {
    m.snapshot_extract_date = file.read_string_attribute("/snapshot", "extract_date");
    m.snapshot_problems = file.read_integer_attribute<std::uint64_t>("/snapshot", "problems");
    if (file.has_attribute("/snapshot", "fingerprint"))
      m.snapshot_fingerprint = file.read_string_attribute("/snapshot", "fingerprint");
  }
  if (file.exists("/children")) {
    layout.children = file.read_strings("/children/ids");
    layout.child_stages = file.read_strings("/children/stages");
    if (layout.child_stages.size() != layout.children.size()) file.fail("/children/ids and stages differ in length");
    for (const double flag : file.read_numeric<double>("/children/overdue_at_start", {layout.children.size()}))
      layout.child_overdue_at_start.push_back(flag != 0.0 ? 1 : 0);
    if (file.exists("/children/workers")) {
      layout.child_workers = file.read_strings("/children/workers");
      if (layout.child_workers.size() != layout.children.size())
        file.fail("/children/ids and workers differ in length");
    }
  }

  if (file.exists("/workers")) {
    layout.workers = file.read_strings("/workers/ids");
    for (const std::string& name : file.read_strings("/workers/series")) {
      const std::string dataset = "/workers/" + name;
      if (!file.exists(dataset)) file.fail("has no dataset " + dataset + " for the name in /workers/series");
      layout.worker_series.push_back(
          {name, file.read_string_attribute(dataset, "unit"), file.read_string_attribute(dataset, "description")});
    }
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
      file.fail("/variants/overrides has " + std::to_string(m.experiment->variant_overrides.size()) + " entries for " +
                std::to_string(layout.variants.size()) + " variants");
    m.experiment->parameter_values =
        file.read_numeric<double>("/parameters/values", {layout.variants.size(), m.experiment->parameter_names.size()});
  }
  data.completed = file.read_numeric<std::uint8_t>("/completed", per_replication);
  for (const Quantity& q : layout.metrics)
    data.summary.push_back(file.read_numeric<double>("/summary/" + q.name, per_replication));
  for (const Quantity& q : layout.series)
    data.weekly.push_back(file.read_numeric<double>("/series/" + q.name, per_week));
  for (const Quantity& q : layout.distributions.quantities)
    data.distributions.push_back(file.read_numeric<std::uint32_t>(
        "/distributions/" + q.name, {completed_dims[0], completed_dims[1], layout.distributions.bins()}));
  if (!layout.children.empty())
    data.child_visit_late = file.read_numeric<std::uint8_t>(
        "/children/visit_late", {completed_dims[0], completed_dims[1], layout.children.size()});
  for (const Quantity& q : layout.worker_series)
    data.worker_weekly.push_back(file.read_numeric<double>(
        "/workers/" + q.name,
        {completed_dims[0], completed_dims[1], layout.week_start_dates.size(), layout.workers.size()}));
  file.close();
  return data;
}

}  // namespace casesim::results
