#include "engine/runner/same_run.hpp"

#include <fmt/format.h>

namespace casesim::runner {

std::string what_differs(const results::ResultsData& previous, const results::Metadata& metadata,
                         const results::Layout& layout) {
  const results::Metadata& old = previous.metadata;
  const bool experiment = metadata.experiment.has_value();
  if (experiment && !old.experiment) return "it is not an experiment's file, so everything";
  if (!experiment && old.experiment) return "it is an experiment's file, not a run's, so everything";
  if (experiment && old.experiment->text != metadata.experiment->text) return "the experiment file's text";
  if (old.scenario_text != metadata.scenario_text)
    return experiment ? "the base scenario's text" : "the scenario's text";
  if (old.snapshot_extract_date.empty() != metadata.snapshot_extract_date.empty())
    return old.snapshot_extract_date.empty() ? "the start (an empty office there, --start-from a snapshot now)"
                                             : "the start (--start-from a snapshot there, an empty office now)";
  if (old.snapshot_extract_date != metadata.snapshot_extract_date)
    return fmt::format("the snapshot started from (extracted {} there, {} now)", old.snapshot_extract_date,
                       metadata.snapshot_extract_date);
  if (!old.snapshot_fingerprint.empty() && old.snapshot_fingerprint != metadata.snapshot_fingerprint)
    return "the snapshot started from (its rows, the pseudonyms' --salt-file, or the bad rows --lenient let through)";
  if (previous.layout.variants != layout.variants ||
      (experiment && old.experiment->variant_overrides != metadata.experiment->variant_overrides))
    return experiment ? "the variants" : "the variants (a what-if run with or without --no-comparison)";
  if (old.seed != metadata.seed) return fmt::format("the seed ({} there, {} now)", old.seed, metadata.seed);
  // A run's replications are its file's; an experiment's file may have grown
  // past its starting number for a precision target.
  const std::uint64_t replications_there =
      experiment ? old.experiment->initial_replications : previous.layout.replications;
  const std::uint64_t replications_now = experiment ? metadata.experiment->initial_replications : layout.replications;
  if (replications_there != replications_now)
    return fmt::format("the replications ({} there, {} now)", replications_there, replications_now);
  if (experiment) {
    const results::ExperimentRecord& a = *old.experiment;
    const results::ExperimentRecord& b = *metadata.experiment;
    if (a.precision != b.precision || a.precision_metric != b.precision_metric ||
        a.max_replications != b.max_replications)
      return "the precision target (--precision, --metric, --max-replications)";
  }
  if (previous.format_version != results::kFormatVersion)
    return fmt::format("the results file's format (version {} there, {} now)", previous.format_version,
                       results::kFormatVersion);
  if (previous.layout.metrics.size() != layout.metrics.size() ||
      previous.layout.series.size() != layout.series.size() ||
      previous.layout.week_start_dates != layout.week_start_dates ||
      old.stream_scheme_version != metadata.stream_scheme_version)
    return "the metrics, series or streams of this casesim";
  for (std::size_t m = 0; m < layout.metrics.size(); ++m)
    if (previous.layout.metrics[m].name != layout.metrics[m].name) return "the metric catalogue";
  if (previous.layout.distributions.quantities.size() != layout.distributions.quantities.size() ||
      previous.layout.distributions.bin_labels != layout.distributions.bin_labels)
    return "the duration histograms of this casesim";
  if (previous.layout.children != layout.children) return "the snapshot's children";
  return "";
}

}  // namespace casesim::runner
