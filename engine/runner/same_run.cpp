#include "engine/runner/same_run.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace casesim::runner {

std::string what_differs(const results::ResultsData& previous, const results::Metadata& metadata,
                         const results::Layout& layout) {
  if (!metadata.experiment) throw std::invalid_argument("what_differs: only an experiment's run can be resumed");
  const results::Metadata& old = previous.metadata;
  if (!old.experiment) return "it is not an experiment's file, so everything";
  const results::ExperimentRecord& a = *old.experiment;
  const results::ExperimentRecord& b = *metadata.experiment;
  if (a.text != b.text) return "the experiment file's text";
  if (old.scenario_text != metadata.scenario_text) return "the base scenario's text";
  if (old.snapshot_extract_date.empty() != metadata.snapshot_extract_date.empty())
    return old.snapshot_extract_date.empty() ? "the start (an empty office there, --start-from a snapshot now)"
                                             : "the start (--start-from a snapshot there, an empty office now)";
  if (old.snapshot_extract_date != metadata.snapshot_extract_date)
    return fmt::format("the snapshot started from (extracted {} there, {} now)", old.snapshot_extract_date,
                       metadata.snapshot_extract_date);
  if (!old.snapshot_fingerprint.empty() && old.snapshot_fingerprint != metadata.snapshot_fingerprint)
    return "the snapshot started from (its rows, the pseudonyms' --salt-file, or the bad rows --lenient let through)";
  if (previous.layout.variants != layout.variants || a.variant_overrides != b.variant_overrides) return "the variants";
  if (old.seed != metadata.seed) return fmt::format("the seed ({} there, {} now)", old.seed, metadata.seed);
  if (a.initial_replications != b.initial_replications)
    return fmt::format("the replications ({} there, {} now)", a.initial_replications, b.initial_replications);
  if (a.precision != b.precision || a.precision_metric != b.precision_metric ||
      a.max_replications != b.max_replications)
    return "the precision target (--precision, --metric, --max-replications)";
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
