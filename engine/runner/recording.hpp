#pragma once
// A run's results file, from its creation to its final name.
//
// Written under OUTPUT.partial and moved to OUTPUT only when finished, so a
// file under the final name is always a finished one. Created before the run,
// so an unwritable destination is reported at once, not after it. Each chunk
// of results is written and flushed as it comes, so a run that is stopped or
// killed keeps what it finished in OUTPUT.partial, and a later run can resume
// it. The Recording also keeps, in memory, which slots are done and each
// weekly series' means over the first and last thirds of the counted weeks
// (the check that the series have settled, analysis/settling.hpp). The
// summary values, for the stopping rule and the command's tables, are kept in
// memory too while they are few (kSummaryValuesKept); beyond that they are
// read back from the file one metric at a time (a run of 100,000 replications
// would otherwise hold 64 values of each in memory). Opening the finished file
// again to read them was a tenth of a one-replication run's instructions.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/counted_thirds.hpp"
#include "engine/model/replication.hpp"
#include "engine/results/optimisation_record.hpp"
#include "engine/results/results_file.hpp"
#include "engine/runner/run_experiment.hpp"

namespace casesim::runner {

// A resumed OUTPUT.partial holds another experiment's run. what() is
// "PARTIAL is not this experiment's unfinished run: DIFFERENCE differs".
class ResumeRefused : public std::runtime_error {
 public:
  ResumeRefused(std::string partial, std::string difference);
  const std::string& partial() const noexcept { return partial_; }
  const std::string& difference() const noexcept { return difference_; }

 private:
  std::string partial_;
  std::string difference_;
};

// values[v][r]: one metric of replication r of variant v; NaN until recorded.
using RecordedValues = std::vector<std::vector<double>>;
// thirds[s][v][r]: series s in replication r of variant v, NaN until recorded
// (and always, when too few weeks are counted to have thirds).
using RecordedThirds = std::vector<std::vector<std::vector<analysis::ThirdMeans>>>;

// The most summary values (variants x replications x metrics) a Recording
// keeps in memory: 512 KiB.
inline constexpr std::size_t kSummaryValuesKept = std::size_t{1} << 16;

class Recording {
 public:
  // Creates OUTPUT.partial (replacing one that is there: the caller decides
  // whether that is allowed) laid out for `layout`, and writes `metadata`.
  static Recording start(const std::string& output, const results::Metadata& metadata, const results::Layout& layout);
  // start() in two steps (results::ResultsWriter::begin): begin() makes
  // every check and creates the file, empty; lay_out() lays it out (a few
  // tens of milliseconds for many replications), so that it can run beside
  // the first replications (run_and_record does that). Recording,
  // finishing or leaving the run lays it out first if it is not yet.
  static Recording begin(const std::string& output, const results::Metadata& metadata, const results::Layout& layout);
  void lay_out();

  // Continues OUTPUT.partial, which must hold the same experiment as
  // `metadata` and `layout` describe (ResumeRefused naming what differs
  // otherwise). Its finished slots are copied into a fresh file, which then
  // replaces OUTPUT.partial in one rename: a run killed while resuming still
  // leaves a readable OUTPUT.partial holding all that was done. The file keeps
  // its own metadata (the original command line and start time describe the
  // run) and replication count (a precision run may have grown it).
  static Recording resume(const std::string& output, const results::Metadata& metadata, const results::Layout& layout);

  // Writes each result into its (variant, replication) slot, first growing
  // every variant if a replication lies beyond the slots there are (a search
  // that adds replications as it goes), then flushes. Per-child flags are
  // written when the layout has children.
  void record(std::span<const ExperimentPair> pairs, std::span<const model::ReplicationResult> results);
  // Grows every variant to `replications` slots, the new ones not completed.
  void extend_replications(std::size_t replications);

  // The metadata and layout as in the file (layout().replications: now).
  const results::Metadata& metadata() const { return metadata_; }
  const results::Layout& layout() const { return layout_; }
  std::size_t variants() const { return layout_.variants.size(); }
  std::size_t replications() const { return layout_.replications; }
  // completed()[v * replications() + r], as in the file.
  const std::vector<std::uint8_t>& completed() const { return completed_; }
  std::size_t completed_count() const;
  // Metric `metric`'s values as in the file (open, finished or left
  // unfinished): what was written for it, NaN where nothing was. Read from the
  // file when there are more than kSummaryValuesKept: once the file is closed
  // it is opened again, read-only, at the first call, and stays open until
  // the Recording goes.
  RecordedValues metric_values(std::size_t metric) const;
  const RecordedThirds& series_thirds() const { return thirds_; }
  // Weeks counted after the warm-up.
  std::size_t counted_weeks() const;

  const std::string& output() const { return output_; }
  std::string partial() const { return output_ + ".partial"; }
  // Where extend_replications grows a copy of OUTPUT.partial before renaming it over.
  std::string growing_copy() const { return partial() + ".growing"; }

  // Closes the file and moves it to OUTPUT. Throws results::ResultsError,
  // leaving everything where it is, when OUTPUT.partial is no longer the file
  // this run wrote (removed, or replaced by another program): renaming would
  // give someone else's file, or an unreadable one, the final name.
  void finish();
  // The same, after adding a search's plan table (/optimise) to it.
  void finish(const results::OptimisationRecord& plans);
  // Closes the file and leaves it as OUTPUT.partial, to be resumed.
  void leave_unfinished();

 private:
  Recording(std::string output, results::Metadata metadata, results::Layout layout, results::ResultsWriter writer);
  void mark_recorded(std::size_t variant, std::size_t replication, std::span<const double> summary,
                     std::span<const double> weekly);
  // values[v * replications + r] as values[v][r].
  RecordedValues split_by_variant(const std::vector<double>& values) const;
  // Remembers which file OUTPUT.partial is, and checks it still is.
  void note_partial_identity();
  void check_partial_is_ours() const;
  void remove_stray_copy() const;

  std::string output_;
  results::Metadata metadata_;
  results::Layout layout_;
  results::ResultsWriter writer_;
  std::vector<std::uint8_t> completed_;
  std::string closed_as_;  // where the file is once the writer is closed; empty while open
  mutable std::unique_ptr<results::SummaryReader> closed_file_;
  std::optional<analysis::CountedThirds> counted_thirds_;
  RecordedThirds thirds_;
  // The summary values, [metric][variant * replications() + replication],
  // while there are at most kSummaryValuesKept; empty once there are more.
  std::optional<std::vector<std::vector<double>>> summaries_;
  results::FileIdentity partial_identity_{};
};

}  // namespace casesim::runner
