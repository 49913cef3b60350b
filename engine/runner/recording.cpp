#include "engine/runner/recording.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "engine/runner/same_run.hpp"
#include "engine/runner/worker_columns.hpp"

namespace casesim::runner {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::size_t warm_up_weeks(const results::Metadata& metadata) {
  return static_cast<std::size_t>(std::max(0, metadata.warm_up_weeks));
}

// values[v * before + r] moved to [v * after + r] for every variant v, the new slots `fill`.
template <typename Value>
std::vector<Value> regrown(const std::vector<Value>& values, std::size_t variants, std::size_t before,
                           std::size_t after, Value fill) {
  std::vector<Value> grown(variants * after, fill);
  for (std::size_t v = 0; v < variants; ++v)
    std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(v * before), before,
                grown.begin() + static_cast<std::ptrdiff_t>(v * after));
  return grown;
}

bool few_enough_to_keep(const results::Layout& layout, std::size_t replications) {
  return layout.variants.size() * replications * layout.metrics.size() <= kSummaryValuesKept;
}

// Writes every finished slot of `previous` into `writer`, laid out for the
// same experiment with at least as many replications, and calls
// recorded(variant, replication, summary, weekly) for each. A variant's
// consecutive finished replications are written together, a block per
// dataset (up to kCopiedAtOnce at a time), as Recording::record writes them:
// a search's file is copied each time it grows.
template <typename Recorded>
void copy_finished(const results::ResultsData& previous, results::ResultsWriter& writer, Recorded&& recorded) {
  constexpr std::size_t kCopiedAtOnce = 256;
  const results::Layout& layout = previous.layout;
  const std::size_t replications = layout.replications;
  const std::size_t weeks = layout.week_start_dates.size();
  const std::size_t children = layout.children.size();
  const std::size_t bins = layout.distributions.bins();
  const std::size_t workers = layout.workers.size();
  // One replication's values, gathered from the file's per-quantity arrays.
  struct Gathered {
    std::vector<double> summary, weekly, worker_weekly;
    std::vector<std::uint32_t> durations;
  };
  std::vector<Gathered> gathered(kCopiedAtOnce);
  std::vector<results::ReplicationValues> run;
  auto gather = [&](std::size_t slot, Gathered& g) {
    g.summary.resize(previous.summary.size());
    for (std::size_t m = 0; m < g.summary.size(); ++m) g.summary[m] = previous.summary[m][slot];
    g.weekly.resize(previous.weekly.size() * weeks);
    for (std::size_t s = 0; s < previous.weekly.size(); ++s)
      std::copy_n(previous.weekly[s].begin() + static_cast<std::ptrdiff_t>(slot * weeks), weeks,
                  g.weekly.begin() + static_cast<std::ptrdiff_t>(s * weeks));
    g.durations.resize(previous.distributions.size() * bins);
    for (std::size_t d = 0; d < previous.distributions.size(); ++d)
      std::copy_n(previous.distributions[d].begin() + static_cast<std::ptrdiff_t>(slot * bins), bins,
                  g.durations.begin() + static_cast<std::ptrdiff_t>(d * bins));
    g.worker_weekly.resize(previous.worker_weekly.size() * weeks * workers);
    for (std::size_t q = 0; q < previous.worker_weekly.size(); ++q)
      std::copy_n(previous.worker_weekly[q].begin() + static_cast<std::ptrdiff_t>(slot * weeks * workers),
                  weeks * workers, g.worker_weekly.begin() + static_cast<std::ptrdiff_t>(q * weeks * workers));
    return results::ReplicationValues{g.summary, g.weekly, g.durations,
                                      children == 0
                                          ? std::span<const std::uint8_t>()
                                          : std::span(previous.child_visit_late).subspan(slot * children, children),
                                      g.worker_weekly};
  };
  for (std::size_t v = 0; v < layout.variants.size(); ++v) {
    for (std::size_t r = 0; r < replications;) {
      if (previous.completed[v * replications + r] == 0) {
        ++r;
        continue;
      }
      const std::size_t first = r;
      run.clear();
      for (; r < replications && run.size() < kCopiedAtOnce && previous.completed[v * replications + r] != 0; ++r)
        run.push_back(gather(v * replications + r, gathered[run.size()]));
      writer.write_replications(v, first, run);
      for (std::size_t k = 0; k < run.size(); ++k) recorded(v, first + k, run[k].summary, run[k].weekly);
    }
  }
}

}  // namespace

ResumeRefused::ResumeRefused(std::string partial, std::string difference)
    : std::runtime_error(partial + " is not this experiment's unfinished run: " + difference + " differs"),
      partial_(std::move(partial)),
      difference_(std::move(difference)) {}

Recording::Recording(std::string output, results::Metadata metadata, results::Layout layout,
                     results::ResultsWriter writer)
    : output_(std::move(output)),
      metadata_(std::move(metadata)),
      layout_(std::move(layout)),
      writer_(std::move(writer)),
      completed_(layout_.variants.size() * layout_.replications, 0),
      counted_thirds_(analysis::counted_thirds(layout_.week_start_dates.size(), warm_up_weeks(metadata_))),
      thirds_(layout_.series.size(),
              std::vector<std::vector<analysis::ThirdMeans>>(
                  layout_.variants.size(), std::vector<analysis::ThirdMeans>(layout_.replications, {kNaN, kNaN}))) {
  if (few_enough_to_keep(layout_, layout_.replications))
    summaries_.emplace(layout_.metrics.size(), std::vector<double>(completed_.size(), kNaN));
}

Recording Recording::start(const std::string& output, const results::Metadata& metadata,
                           const results::Layout& layout) {
  Recording recording = begin(output, metadata, layout);
  recording.lay_out();
  return recording;
}

Recording Recording::begin(const std::string& output, const results::Metadata& metadata,
                           const results::Layout& layout) {
  Recording recording(output, metadata, layout, results::ResultsWriter::begin(output + ".partial", metadata, layout));
  // The descriptor's file keeps its identity through the rename to OUTPUT.partial.
  recording.note_partial_identity();
  return recording;
}

void Recording::lay_out() {
  writer_.lay_out();
}

Recording Recording::resume(const std::string& output, const results::Metadata& metadata,
                            const results::Layout& layout) {
  const std::string partial = output + ".partial";
  results::ResultsData previous = results::read_results(partial);
  if (std::string difference = what_differs(previous, metadata, layout); !difference.empty())
    throw ResumeRefused(partial, std::move(difference));
  results::Layout resumed = layout;
  resumed.replications = previous.layout.replications;
  const std::string resuming = partial + ".resuming";
  Recording recording(output, previous.metadata, resumed,
                      results::ResultsWriter::create(resuming, previous.metadata, resumed));

  copy_finished(previous, recording.writer_,
                [&recording](std::size_t v, std::size_t r, std::span<const double> summary,
                             std::span<const double> weekly) { recording.mark_recorded(v, r, summary, weekly); });
  recording.writer_.flush();
  std::filesystem::rename(resuming, partial);
  recording.writer_.renamed_to(partial);
  recording.note_partial_identity();
  return recording;
}

void Recording::mark_recorded(std::size_t variant, std::size_t replication, std::span<const double> summary,
                              std::span<const double> weekly) {
  const std::size_t slot = variant * layout_.replications + replication;
  completed_[slot] = 1;
  if (summaries_)
    for (std::size_t m = 0; m < summaries_->size(); ++m) (*summaries_)[m][slot] = summary[m];
  if (!counted_thirds_) return;
  const std::size_t weeks = layout_.week_start_dates.size();
  for (std::size_t s = 0; s < thirds_.size(); ++s)
    thirds_[s][variant][replication] = analysis::third_means(weekly.subspan(s * weeks, weeks), *counted_thirds_);
}

void Recording::record(std::span<const ExperimentPair> pairs, std::span<const model::ReplicationResult> results) {
  std::size_t needed = layout_.replications;
  for (const ExperimentPair& pair : pairs) needed = std::max(needed, pair.replication + 1);
  if (needed > layout_.replications) extend_replications(needed);
  const bool per_child = !layout_.children.empty();
  const bool with_durations = !layout_.distributions.quantities.empty();
  std::vector<std::vector<double>> worker_columns(pairs.size());
  std::vector<results::ReplicationValues> values(pairs.size());
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    worker_columns[i] = worker_columns_of(layout_, results[i]);
    values[i] = {
        results[i].summary, results[i].weekly,
        with_durations ? std::span<const std::uint32_t>(results[i].durations) : std::span<const std::uint32_t>(),
        per_child ? std::span<const std::uint8_t>(results[i].child_visit_late) : std::span<const std::uint8_t>(),
        worker_columns[i]};
  }
  // Each variant's consecutive replications are written together, a block
  // per dataset: a chunk of an experiment holds every variant's replication
  // r, then every variant's r + 1, and so on.
  std::vector<std::size_t> order(pairs.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&pairs](std::size_t a, std::size_t b) {
    return std::pair(pairs[a].variant, pairs[a].replication) < std::pair(pairs[b].variant, pairs[b].replication);
  });
  std::vector<results::ReplicationValues> run;
  for (std::size_t k = 0; k < order.size(); ++k) {
    run.push_back(values[order[k]]);
    const ExperimentPair& pair = pairs[order[k]];
    const bool run_goes_on = k + 1 < order.size() && pairs[order[k + 1]].variant == pair.variant &&
                             pairs[order[k + 1]].replication == pair.replication + 1;
    if (run_goes_on) continue;
    writer_.write_replications(pair.variant, pair.replication + 1 - run.size(), run);
    run.clear();
  }
  for (std::size_t i = 0; i < pairs.size(); ++i)
    mark_recorded(pairs[i].variant, pairs[i].replication, results[i].summary, results[i].weekly);
  writer_.flush();
}

void Recording::extend_replications(std::size_t replications) {
  if (replications <= layout_.replications) {
    if (replications < layout_.replications) writer_.extend_replications(replications);  // refused: it cannot shrink
    return;
  }
  // Grown in a copy renamed over OUTPUT.partial once grown and flushed:
  // growing a file changes its structure (new chunks, their index's nodes),
  // and a run killed while HDF5 wrote those in place could leave a file that
  // cannot be read, its finished replications lost to --resume. Killed now,
  // OUTPUT.partial is the old file or the whole new one.
  const std::string growing = growing_copy();
  results::ResultsWriter grown = writer_.grown_copy(growing, replications);
  writer_.close();
  std::filesystem::rename(growing, partial());
  grown.renamed_to(partial());
  writer_ = std::move(grown);
  note_partial_identity();
  const std::size_t before = layout_.replications, variants = layout_.variants.size();
  completed_ = regrown(completed_, variants, before, replications, std::uint8_t{0});
  if (summaries_ && !few_enough_to_keep(layout_, replications)) summaries_.reset();
  if (summaries_)
    for (std::vector<double>& values : *summaries_) values = regrown(values, variants, before, replications, kNaN);
  for (auto& series : thirds_)
    for (auto& per_variant : series) per_variant.resize(replications, {kNaN, kNaN});
  layout_.replications = replications;
}

RecordedValues Recording::metric_values(std::size_t metric) const {
  if (metric >= layout_.metrics.size())
    throw std::invalid_argument("metric " + std::to_string(metric) + " of " + std::to_string(layout_.metrics.size()));
  if (summaries_) return split_by_variant((*summaries_)[metric]);
  if (!closed_as_.empty() && !closed_file_) closed_file_ = std::make_unique<results::SummaryReader>(closed_as_);
  return split_by_variant(closed_file_ ? closed_file_->read(layout_.metrics[metric].name)
                                       : writer_.read_summary(metric));
}

RecordedValues Recording::split_by_variant(const std::vector<double>& values) const {
  // The file's own count: a resumed file keeps the replications it was grown to.
  const std::size_t replications = values.size() / layout_.variants.size();
  RecordedValues out(layout_.variants.size());
  for (std::size_t v = 0; v < out.size(); ++v)
    out[v].assign(values.begin() + static_cast<std::ptrdiff_t>(v * replications),
                  values.begin() + static_cast<std::ptrdiff_t>((v + 1) * replications));
  return out;
}

std::size_t Recording::counted_weeks() const {
  const std::size_t weeks = layout_.week_start_dates.size();
  return weeks - std::min(weeks, warm_up_weeks(metadata_));
}

std::size_t Recording::completed_count() const {
  return static_cast<std::size_t>(std::count(completed_.begin(), completed_.end(), std::uint8_t{1}));
}

// From the writer's open descriptor: the name may already be another
// program's file by the time this runs.
void Recording::note_partial_identity() {
  partial_identity_ = writer_.identity();
}

void Recording::check_partial_is_ours() const {
  struct stat status {};
  const bool ours = stat(partial().c_str(), &status) == 0 &&
                    results::FileIdentity{static_cast<std::uint64_t>(status.st_dev),
                                          static_cast<std::uint64_t>(status.st_ino)} == partial_identity_;
  if (!ours)
    throw results::ResultsError(
        fmt::format("results file '{}': it was removed or replaced by another program while this run wrote it, so "
                    "it is not renamed to '{}'; run again",
                    partial(), output_));
}

void Recording::finish() {
  writer_.lay_out();  // a begun recording whose run had nothing to run is still a whole file
  writer_.close();
  check_partial_is_ours();
  std::filesystem::rename(partial(), output_);
  closed_as_ = output_;
  remove_stray_copy();
}

void Recording::finish(const results::OptimisationRecord& plans) {
  writer_.lay_out();  // a begun recording whose run had nothing to run is still a whole file
  writer_.close();
  check_partial_is_ours();
  results::write_optimisation_record(partial(), plans);
  std::filesystem::rename(partial(), output_);
  closed_as_ = output_;
  remove_stray_copy();
}

// A copy a killed run left growing (extend_replications): nothing reads it,
// and once the run is finished nothing could.
void Recording::remove_stray_copy() const {
  std::error_code ignored;
  std::filesystem::remove(growing_copy(), ignored);
}

void Recording::leave_unfinished() {
  writer_.lay_out();  // a run stopped before anything was recorded keeps an empty file
  writer_.close();
  closed_as_ = partial();
}

}  // namespace casesim::runner
