// The results writer: the casesim layout (docs/results-format.md) laid out at
// full size on creation and filled one (variant, replication) slot at a time.
#include <algorithm>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <utility>

#include "engine/results/hdf5_file.hpp"
#include "engine/results/labelled_axes.hpp"
#include "engine/results/layout_checks.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::results {

namespace {

std::vector<std::string> quantity_field(const std::vector<Quantity>& quantities, std::string Quantity::*member) {
  std::vector<std::string> out;
  for (const Quantity& q : quantities) out.push_back(q.*member);
  return out;
}

const double kNotWritten = std::numeric_limits<double>::quiet_NaN();
const std::uint8_t kNotCompleted = 0;
const std::uint32_t kNothingCounted = 0;

// One dataset's block for replications r .. r + n: part [offset, offset +
// length) of each replication's values, one replication after another.
template <typename Value>
std::vector<Value> gathered(std::span<const ReplicationValues> replications,
                            std::span<const Value> ReplicationValues::*values, std::size_t offset, std::size_t length) {
  std::vector<Value> block(replications.size() * length);
  for (std::size_t k = 0; k < replications.size(); ++k)
    std::copy_n((replications[k].*values).begin() + static_cast<std::ptrdiff_t>(offset), length,
                block.begin() + static_cast<std::ptrdiff_t>(k * length));
  return block;
}

}  // namespace

struct ResultsWriter::Impl {
  Hdf5File file;
  std::size_t variants;
  std::size_t replications;
  std::size_t weeks;
  std::vector<std::string> metric_names;
  std::vector<std::string> series_names;
  std::vector<std::string> distribution_names;
  std::size_t bins = 0;
  std::vector<Dataset> summary{};        // one per metric
  std::vector<Dataset> series{};         // one per series
  std::vector<Dataset> distributions{};  // one per distribution
  Dataset completed{};
  std::size_t children = 0;
  Dataset child_visit_late{};
  std::size_t workers = 0;
  std::vector<std::string> worker_series_names{};
  std::vector<Dataset> worker_series{};  // one per worker series
  bool closed = false;
  std::string path{};  // the file's name once laid out (PATH.creating until then)
  // What begin() left to lay_out(); null once laid out.
  std::unique_ptr<std::pair<Metadata, Layout>> to_lay_out{};

  std::vector<std::pair<Dataset*, std::string>> all_datasets() {
    std::vector<std::pair<Dataset*, std::string>> out;
    for (std::size_t m = 0; m < summary.size(); ++m) out.emplace_back(&summary[m], "/summary/" + metric_names[m]);
    for (std::size_t s = 0; s < series.size(); ++s) out.emplace_back(&series[s], "/series/" + series_names[s]);
    for (std::size_t d = 0; d < distributions.size(); ++d)
      out.emplace_back(&distributions[d], "/distributions/" + distribution_names[d]);
    if (children > 0) out.emplace_back(&child_visit_late, "/children/visit_late");
    for (std::size_t q = 0; q < worker_series.size(); ++q)
      out.emplace_back(&worker_series[q], "/workers/" + worker_series_names[q]);
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

void ResultsWriter::lay_out_file(Impl& w, const Metadata& metadata, const Layout& layout) {
  const Distributions& distributions = layout.distributions;
  w.file.hold_created_datasets();
  w.file.write_attribute("/", "format_version", kFormatVersion);
  w.file.write_attribute("/", "casesim_version", metadata.casesim_version);
  w.file.write_attribute("/", "scenario_name", metadata.scenario_name);
  w.file.write_attribute("/", "scenario_file", metadata.scenario_file);
  w.file.write_attribute("/", "scenario_description", metadata.scenario_description);
  w.file.write_attribute("/", "seed", metadata.seed);
  w.file.write_attribute("/", "start_date", metadata.start_date);
  w.file.write_attribute("/", "horizon_weeks", metadata.horizon_weeks);
  w.file.write_attribute("/", "warm_up_weeks", metadata.warm_up_weeks);
  w.file.write_attribute("/", "stream_scheme_version", metadata.stream_scheme_version);
  w.file.write_attribute("/", "boost_version", metadata.boost_version);
  w.file.write_attribute("/", "command_line", metadata.command_line);
  w.file.write_attribute("/", "created_utc", metadata.created_utc);
  if (metadata.what_if) w.file.write_attribute("/", "what_if", 1);

  for (const char* group : {"/scenario", "/variants", "/metrics", "/summary", "/series"}) w.file.create_group(group);
  w.file.write_string("/scenario/text", metadata.scenario_text);
  w.file.write_strings("/variants/names", layout.variants);
  w.file.write_strings("/metrics/names", quantity_field(layout.metrics, &Quantity::name));
  w.file.write_strings("/metrics/units", quantity_field(layout.metrics, &Quantity::unit));
  w.file.write_strings("/metrics/descriptions", quantity_field(layout.metrics, &Quantity::description));
  w.file.write_strings("/series/names", quantity_field(layout.series, &Quantity::name));
  w.file.write_strings("/series/units", quantity_field(layout.series, &Quantity::unit));
  w.file.write_strings("/series/descriptions", quantity_field(layout.series, &Quantity::description));
  w.file.write_strings("/series/week_start", layout.week_start_dates);
  if (!distributions.quantities.empty()) {
    w.file.create_group("/distributions");
    w.file.write_strings("/distributions/names", quantity_field(distributions.quantities, &Quantity::name));
  }
  if (!metadata.timeline_dates.empty()) {
    w.file.create_group("/timeline");
    w.file.write_strings("/timeline/dates", metadata.timeline_dates);
    w.file.write_strings("/timeline/events", metadata.timeline_events);
  }
  if (!metadata.snapshot_extract_date.empty()) {
    w.file.create_group("/snapshot");
    w.file.write_attribute("/snapshot", "extract_date", metadata.snapshot_extract_date);
    w.file.write_attribute("/snapshot", "problems", metadata.snapshot_problems);
    if (!metadata.snapshot_fingerprint.empty())
      w.file.write_attribute("/snapshot", "fingerprint", metadata.snapshot_fingerprint);
  }
  if (!layout.children.empty()) {
    w.file.create_group("/children");
    w.file.write_strings("/children/ids", layout.children);
    w.file.write_strings("/children/stages", layout.child_stages);
    std::vector<double> overdue(layout.child_overdue_at_start.begin(), layout.child_overdue_at_start.end());
    w.file.write_array("/children/overdue_at_start", {layout.children.size()}, overdue);
    if (!layout.child_workers.empty()) w.file.write_strings("/children/workers", layout.child_workers);
  }
  if (!layout.workers.empty()) {
    w.file.create_group("/workers");
    w.file.write_strings("/workers/ids", layout.workers);
    w.file.write_strings("/workers/series", quantity_field(layout.worker_series, &Quantity::name));
  }
  if (const auto& e = metadata.experiment) {
    for (const char* group : {"/experiment", "/parameters"}) w.file.create_group(group);
    w.file.write_attribute("/experiment", "name", e->name);
    w.file.write_attribute("/experiment", "description", e->description);
    w.file.write_attribute("/experiment", "file", e->file);
    w.file.write_attribute("/experiment", "initial_replications", e->initial_replications);
    w.file.write_attribute("/experiment", "precision", e->precision);
    w.file.write_attribute("/experiment", "precision_metric", e->precision_metric);
    w.file.write_attribute("/experiment", "max_replications", e->max_replications);
    w.file.write_string("/experiment/text", e->text);
    w.file.write_strings("/experiment/metrics", e->metrics);
    w.file.write_strings("/variants/overrides", e->variant_overrides);
    w.file.write_strings("/parameters/names", e->parameter_names);
    w.file.write_array("/parameters/values", {layout.variants.size(), e->parameter_names.size()}, e->parameter_values);
  }

  const hsize_t variants = layout.variants.size();
  const hsize_t replications = layout.replications;
  const hsize_t weeks = layout.week_start_dates.size();
  const hsize_t replications_per_chunk = std::min(replications, kReplicationsPerChunk);
  const DatasetShape per_replication{{variants, replications}, {1, replications_per_chunk}};
  const DatasetShape per_week{{variants, replications, weeks}, {1, replications_per_chunk, weeks}};

  for (const std::string& name : w.metric_names)
    w.summary.push_back(
        w.file.create_numeric("/summary/" + name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &kNotWritten, per_replication));
  for (const std::string& name : w.series_names)
    w.series.push_back(
        w.file.create_numeric("/series/" + name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &kNotWritten, per_week));
  if (!distributions.quantities.empty()) {
    const hsize_t bins = distributions.bins();
    const DatasetShape per_bin{{variants, replications, bins}, {1, replications_per_chunk, bins}};
    for (const Quantity& q : distributions.quantities) {
      const std::string name = "/distributions/" + q.name;
      w.distributions.push_back(
          w.file.create_numeric(name, H5T_STD_U32LE, H5T_NATIVE_UINT32, &kNothingCounted, per_bin));
      // Each histogram says what it counts and what its bins are, so it reads on its own.
      w.file.write_attribute(name, "unit", q.unit);
      w.file.write_attribute(name, "description", q.description);
      w.file.write_attribute(name, "bin_edges", distributions.bin_edges);
      w.file.write_attribute(name, "bin_labels", distributions.bin_labels);
    }
  }
  if (w.children > 0) {
    const hsize_t children = w.children;
    const DatasetShape per_child{{variants, replications, children}, {1, replications_per_chunk, children}};
    w.child_visit_late =
        w.file.create_numeric("/children/visit_late", H5T_STD_U8LE, H5T_NATIVE_UINT8, &kNotCompleted, per_child);
  }
  if (w.workers > 0) {
    const hsize_t workers = w.workers;
    const DatasetShape per_worker{{variants, replications, weeks, workers},
                                  {1, replications_per_chunk, weeks, workers}};
    for (const Quantity& q : layout.worker_series) {
      const std::string name = "/workers/" + q.name;
      w.worker_series_names.push_back(q.name);
      w.worker_series.push_back(
          w.file.create_numeric(name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &kNotWritten, per_worker));
      w.file.write_attribute(name, "unit", q.unit);
      w.file.write_attribute(name, "description", q.description);
    }
  }
  w.completed = w.file.create_numeric("/completed", H5T_STD_U8LE, H5T_NATIVE_UINT8, &kNotCompleted, per_replication);
  label_axes(w.file, metadata, layout);
  w.file.release_held_datasets();
}

ResultsWriter ResultsWriter::create(const std::string& path, const Metadata& metadata, const Layout& layout) {
  ResultsWriter writer = begin(path, metadata, layout);
  writer.lay_out();
  return writer;
}

ResultsWriter ResultsWriter::begin(const std::string& path, const Metadata& metadata, const Layout& layout) {
  validate_layout(path, metadata, layout);
  const Distributions& distributions = layout.distributions;
  check_room(path, laid_out_bytes(layout.variants.size(), layout.replications, layout.metrics.size(),
                                  layout.series.size() * layout.week_start_dates.size() + layout.worker_values(),
                                  distributions.quantities.size() * distributions.bins(), layout.children.size()));
  // Laid out under a temporary name and moved to `path` once laid out and
  // flushed, so a file under `path` is always readable, even if the run is
  // killed while HDF5 is still creating it.
  auto impl =
      std::make_unique<Impl>(Impl{.file = Hdf5File::create(path + ".creating", path),
                                  .variants = layout.variants.size(),
                                  .replications = layout.replications,
                                  .weeks = layout.week_start_dates.size(),
                                  .metric_names = quantity_field(layout.metrics, &Quantity::name),
                                  .series_names = quantity_field(layout.series, &Quantity::name),
                                  .distribution_names = quantity_field(distributions.quantities, &Quantity::name),
                                  .bins = distributions.bins(),
                                  .children = layout.children.size(),
                                  .workers = layout.workers.size()});
  impl->path = path;
  impl->to_lay_out = std::make_unique<std::pair<Metadata, Layout>>(metadata, layout);
  return ResultsWriter(std::move(impl));
}

void ResultsWriter::lay_out() {
  if (!impl_ || impl_->closed) throw std::logic_error("results writer used after close() or after a move");
  if (!impl_->to_lay_out) return;
  Impl& w = *impl_;
  // A failure leaves nothing behind.
  try {
    lay_out_file(w, w.to_lay_out->first, w.to_lay_out->second);
    // A run killed before its first replication still leaves a readable, empty file.
    w.file.flush();
    std::error_code renamed;
    std::filesystem::rename(w.path + ".creating", w.path, renamed);
    if (renamed) throw ResultsError("results file '" + w.path + "': cannot create it: " + renamed.message());
    w.to_lay_out.reset();
  } catch (...) {
    abandon();
    throw;
  }
}

void ResultsWriter::abandon() noexcept {
  Impl& w = *impl_;
  w.closed = true;
  for (auto& [dataset, name] : w.all_datasets()) dataset->close();
  try {
    w.file.close();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the file is removed whatever its state
  }
  std::error_code ignored;
  std::filesystem::remove(w.path + ".creating", ignored);
}

void ResultsWriter::write_replication(std::size_t variant, std::size_t replication, std::span<const double> summary,
                                      std::span<const double> weekly, std::span<const std::uint32_t> durations,
                                      std::span<const std::uint8_t> child_visit_late,
                                      std::span<const double> worker_weekly) {
  const ReplicationValues values{summary, weekly, durations, child_visit_late, worker_weekly};
  write_replications(variant, replication, std::span(&values, 1));
}

void ResultsWriter::write_replications(std::size_t variant, std::size_t first_replication,
                                       std::span<const ReplicationValues> replications) {
  lay_out();
  Impl& w = *impl_;
  const std::string& path = w.file.path();
  if (variant >= w.variants)
    throw std::invalid_argument("results file '" + path + "': variant " + std::to_string(variant) + " out of range (" +
                                std::to_string(w.variants) + " variants)");
  if (replications.empty()) return;
  const std::size_t last_replication = first_replication + replications.size() - 1;
  if (last_replication >= w.replications)
    throw std::invalid_argument("results file '" + path + "': replication " + std::to_string(last_replication) +
                                " out of range (" + std::to_string(w.replications) + " replications)");
  const std::size_t worker_values = w.worker_series.size() * w.weeks * w.workers;
  for (const ReplicationValues& values : replications) {
    if (values.summary.size() != w.summary.size())
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(values.summary.size()) +
                                  " summary values for " + std::to_string(w.summary.size()) + " metrics");
    if (values.weekly.size() != w.series.size() * w.weeks)
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(values.weekly.size()) +
                                  " weekly values for " + std::to_string(w.series.size()) + " series of " +
                                  std::to_string(w.weeks) + " weeks");
    if (values.durations.size() != w.distributions.size() * w.bins)
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(values.durations.size()) +
                                  " duration counts for " + std::to_string(w.distributions.size()) +
                                  " distributions of " + std::to_string(w.bins) + " bins");
    if (values.child_visit_late.size() != w.children)
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(values.child_visit_late.size()) +
                                  " child flags for " + std::to_string(w.children) + " children");
    if (values.worker_weekly.size() != worker_values)
      throw std::invalid_argument("results file '" + path + "': " + std::to_string(values.worker_weekly.size()) +
                                  " worker values for " + std::to_string(worker_values));
  }

  const hsize_t v = variant;
  const hsize_t r = first_replication;
  const hsize_t n = replications.size();
  for (std::size_t m = 0; m < w.summary.size(); ++m)
    w.file.write_block(w.summary[m], "/summary/" + w.metric_names[m], {v, r}, {1, n}, H5T_NATIVE_DOUBLE,
                       gathered(replications, &ReplicationValues::summary, m, 1).data());
  for (std::size_t s = 0; s < w.series.size(); ++s)
    w.file.write_block(w.series[s], "/series/" + w.series_names[s], {v, r, 0}, {1, n, w.weeks}, H5T_NATIVE_DOUBLE,
                       gathered(replications, &ReplicationValues::weekly, s * w.weeks, w.weeks).data());
  for (std::size_t d = 0; d < w.distributions.size(); ++d)
    w.file.write_block(w.distributions[d], "/distributions/" + w.distribution_names[d], {v, r, 0}, {1, n, w.bins},
                       H5T_NATIVE_UINT32,
                       gathered(replications, &ReplicationValues::durations, d * w.bins, w.bins).data());
  if (w.children > 0)
    w.file.write_block(w.child_visit_late, "/children/visit_late", {v, r, 0}, {1, n, w.children}, H5T_NATIVE_UINT8,
                       gathered(replications, &ReplicationValues::child_visit_late, 0, w.children).data());
  const std::size_t per_series = w.weeks * w.workers;
  for (std::size_t q = 0; q < w.worker_series.size(); ++q)
    w.file.write_block(w.worker_series[q], "/workers/" + w.worker_series_names[q], {v, r, 0, 0},
                       {1, n, w.weeks, w.workers}, H5T_NATIVE_DOUBLE,
                       gathered(replications, &ReplicationValues::worker_weekly, q * per_series, per_series).data());
  // Last, so a reader never sees a slot marked complete before its values.
  const std::vector<std::uint8_t> done(replications.size(), 1);
  w.file.write_block(w.completed, "/completed", {v, r}, {1, n}, H5T_NATIVE_UINT8, done.data());
}

void ResultsWriter::extend_replications(std::size_t replications) {
  lay_out();
  Impl& w = *impl_;
  if (replications < w.replications)
    throw std::invalid_argument("results file '" + w.file.path() + "': cannot shrink from " +
                                std::to_string(w.replications) + " to " + std::to_string(replications) +
                                " replications");
  check_room(w.file.path(), laid_out_bytes(w.variants, replications, w.summary.size(),
                                           w.series.size() * w.weeks + w.worker_series.size() * w.weeks * w.workers,
                                           w.distributions.size() * w.bins, w.children));
  for (auto& [dataset, name] : w.all_datasets()) {
    std::vector<hsize_t> dims = w.file.extent(*dataset, name);
    dims[1] = replications;
    w.file.set_extent(*dataset, name, dims);
  }
  extend_replication_axis(w.file, w.replications, replications);
  w.replications = replications;
  w.file.flush();
}

ResultsWriter ResultsWriter::grown_copy(const std::string& copy_path, std::size_t replications) {
  flush();
  Impl& w = *impl_;
  std::error_code copied;
  std::filesystem::copy_file(w.path, copy_path, std::filesystem::copy_options::overwrite_existing, copied);
  if (copied)
    throw ResultsError("results file '" + w.path + "': cannot copy it to '" + copy_path +
                       "' to grow it: " + copied.message());
  auto impl = std::make_unique<Impl>(Impl{.file = Hdf5File::open_read_write(copy_path),
                                          .variants = w.variants,
                                          .replications = w.replications,
                                          .weeks = w.weeks,
                                          .metric_names = w.metric_names,
                                          .series_names = w.series_names,
                                          .distribution_names = w.distribution_names,
                                          .bins = w.bins,
                                          .children = w.children,
                                          .workers = w.workers,
                                          .worker_series_names = w.worker_series_names});
  impl->path = copy_path;
  // The copy's datasets, each opened by the name all_datasets gives it.
  Impl& c = *impl;
  c.summary.resize(c.metric_names.size());
  c.series.resize(c.series_names.size());
  c.distributions.resize(c.distribution_names.size());
  c.worker_series.resize(c.worker_series_names.size());
  for (auto& [dataset, name] : c.all_datasets()) *dataset = c.file.open_dataset(name);
  ResultsWriter copy(std::move(impl));
  copy.extend_replications(replications);
  return copy;
}

std::vector<double> ResultsWriter::read_summary(std::size_t metric) const {
  if (!impl_ || impl_->closed) throw std::logic_error("results writer used after close() or after a move");
  if (impl_->to_lay_out) throw std::logic_error("results writer read before lay_out()");
  const Impl& w = *impl_;
  if (metric >= w.summary.size())
    throw std::invalid_argument("results file '" + w.file.path() + "': metric " + std::to_string(metric) +
                                " out of range (" + std::to_string(w.summary.size()) + " metrics)");
  std::vector<double> values(w.variants * w.replications);
  w.file.read_whole(w.summary[metric], "/summary/" + w.metric_names[metric], H5T_NATIVE_DOUBLE, values.data());
  return values;
}

FileIdentity ResultsWriter::identity() const {
  if (!impl_ || impl_->closed) throw std::logic_error("results writer used after close() or after a move");
  return impl_->file.identity();
}

void ResultsWriter::renamed_to(const std::string& path) {
  if (!impl_ || impl_->closed) throw std::logic_error("results writer used after close() or after a move");
  impl_->path = path;
  impl_->file.renamed_to(path);
}

void ResultsWriter::flush() {
  lay_out();
  impl_->file.flush();
}

void ResultsWriter::close() {
  if (!impl_ || impl_->closed) return;
  if (impl_->to_lay_out) {
    abandon();
    return;
  }
  Impl& w = *impl_;
  w.closed = true;
  bool datasets_closed = true;
  for (auto& [dataset, name] : w.all_datasets()) datasets_closed = dataset->close() && datasets_closed;
  w.file.close();
  if (!datasets_closed) w.file.fail("cannot close its datasets");
}

}  // namespace casesim::results
