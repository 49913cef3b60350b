#pragma once
// The results file: the only code that knows HDF5. Layout documented in
// docs/results-format.md; format_version changes when that layout does.
//
// Written incrementally: create() lays out every dataset at full size (filled
// with NaN), write_replication() fills one (variant, replication) slot and marks
// it complete, flush() makes what is written durable. A file killed part-way
// through is readable, and `completed` says which slots hold results.
//
// HDF5 as Debian builds it is not thread-safe: use one writer or reader from
// one thread at a time (the runner writes after its parallel loop).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace casesim::results {

// 2: NaN in a finished slot of /summary means "not applicable" (a share or
// mean with nothing to count), and /distributions holds duration histograms.
// 3: a run of a scenario with a timeline holds two paired variants, the team
// without its dated changes (variant 0, the base) and with them (variant 1),
// marked by the root attribute `what_if`; /children/workers.
// Version 1 and 2 files are still read (a what-if of either has one variant).
inline constexpr int kFormatVersion = 3;

// What `casesim experiment` adds to the file; absent for a plain run.
struct ExperimentRecord {
  std::string name;
  std::string description;                     // its `description:`, for the report's title; may be empty
  std::string file;                            // the experiment file's path, as given
  std::string text;                            // its text, verbatim
  std::vector<std::string> metrics;            // the metrics it compares; the first is the main one
  std::vector<std::string> variant_overrides;  // [V] each variant's overrides, a YAML flow mapping
  std::vector<std::string> parameter_names;    // [P] every overridden field path
  std::vector<double> parameter_values;        // [V * P] variant-major; NaN where not one number
  std::uint64_t initial_replications = 0;      // replications asked for (a precision run adds more)
  double precision = 0.0;                      // target relative 95% half-width; 0: none
  std::string precision_metric;                // empty when precision is 0
  std::uint64_t max_replications = 0;          // precision runs stop here; 0 when precision is 0
};

struct Metadata {
  std::string casesim_version;
  std::string scenario_name;
  std::string scenario_file;  // as given on the command line
  std::string scenario_text;  // the file's text, verbatim
  // Its `description:`; may be empty.
  std::string scenario_description;
  std::uint64_t seed = 0;
  std::string start_date;  // ISO date of simulated day 0
  int horizon_weeks = 0;
  int warm_up_weeks = 0;
  int stream_scheme_version = 0;
  std::string boost_version;  // e.g. "1.74.0": distributions may change between versions
  std::string command_line;
  std::string created_utc;  // ISO 8601; the only field that differs between identical runs
  std::optional<ExperimentRecord> experiment;
  // The scenario's dated changes, for charts: each one's ISO date and a short
  // description ("2 agency workers leave"). Empty when it has none.
  std::vector<std::string> timeline_dates;
  std::vector<std::string> timeline_events;
  // Started from a snapshot: its extract date (empty otherwise) and how many
  // row problems --lenient let through.
  std::string snapshot_extract_date;
  std::uint64_t snapshot_problems = 0;
  // A what-if run that also ran the team without its timeline, paired
  // replication by replication: variant kWithoutTheChanges is the base,
  // kWithTheChanges the scenario as written.
  bool what_if = false;
  // What the run started from, as 16 hex digits (runner::snapshot_fingerprint):
  // a resume from another snapshot, salt or set of let-through rows is
  // refused. Empty without a snapshot, and in files written before it.
  std::string snapshot_fingerprint;
};

// The variants of a what-if run (Metadata::what_if), in the file's order.
inline constexpr std::size_t kWithoutTheChanges = 0;
inline constexpr std::size_t kWithTheChanges = 1;

struct Quantity {
  std::string name;         // a valid identifier, used as the dataset name
  std::string unit;         // e.g. "working days", "cases", "count"
  std::string description;  // one sentence a manager can read
};

// Histograms recorded per replication, all over the same bins: counts of
// things completed (the unit: "assessments"), by how long each took.
struct Distributions {
  std::vector<Quantity> quantities;     // each a dataset in /distributions
  std::vector<double> bin_edges;        // bins + 1 ascending edges; bin b counts values in [edge b, edge b+1)
  std::vector<std::string> bin_labels;  // one per bin, e.g. "0", ..., "90", "more than 90"
  std::size_t bins() const { return bin_labels.size(); }
};

struct Layout {
  std::vector<std::string> variants;  // at least one ("baseline" for a plain run)
  std::size_t replications = 0;
  std::vector<Quantity> metrics;              // one value per replication
  std::vector<Quantity> series;               // one value per replication per week
  std::vector<std::string> week_start_dates;  // ISO dates, one per week of the series
  Distributions distributions;                // none: no /distributions group
  // Started from a snapshot: its children's pseudonyms and their stage on the
  // extract date, one per child. Empty otherwise.
  std::vector<std::string> children;
  std::vector<std::string> child_stages;
  std::vector<std::uint8_t> child_overdue_at_start;  // 1: a visit already overdue on the extract date
  // Each child's allocated worker on the extract date, by pseudonym; empty
  // text for a child waiting for allocation. Empty for files before version 3.
  std::vector<std::string> child_workers;
  // Per-worker weekly series (a run from a snapshot): the workers' ids (the
  // snapshot's pseudonyms, then the scenario's additional workers and those
  // the timeline starts), and the series each has, every one a dataset
  // /workers/<name> [V, R, W, K]. Both empty otherwise.
  std::vector<std::string> workers;
  std::vector<Quantity> worker_series;
  std::size_t worker_values() const { return worker_series.size() * week_start_dates.size() * workers.size(); }
};

// Raised for any failure to create, write or read a results file; the message
// names the file and what went wrong.
class ResultsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Which file on disk: two names are the same file when both numbers agree.
struct FileIdentity {
  std::uint64_t device = 0;
  std::uint64_t inode = 0;
  friend bool operator==(const FileIdentity&, const FileIdentity&) = default;
};

// One replication's values, as ResultsWriter::write_replication takes them.
struct ReplicationValues {
  std::span<const double> summary;
  std::span<const double> weekly;
  std::span<const std::uint32_t> durations{};
  std::span<const std::uint8_t> child_visit_late{};
  std::span<const double> worker_weekly{};
};

class ResultsWriter {
 public:
  // Creates `path` (replacing it if it exists: the caller decides whether that is allowed),
  // laid out under PATH.creating and moved to `path` once readable.
  // A layout that cannot be stored (no variants, no replications, a metric or
  // series name that is not an identifier or is repeated, series without weeks)
  // is std::invalid_argument; text that is not UTF-8, or any failure of the
  // file itself, is ResultsError.
  static ResultsWriter create(const std::string& path, const Metadata& metadata, const Layout& layout);
  // create() in two steps, so that the laying out (a few tens of milliseconds
  // for a large layout) can overlap other work. begin() makes every check
  // create() makes and creates PATH.creating, empty; lay_out() lays it out
  // and moves it to `path` (nothing if already done). The writing calls
  // (write_*, extend_replications, flush) lay the file out first if it is
  // not yet, read_summary() before it is a std::logic_error, and closing a
  // writer never laid out removes PATH.creating. lay_out()'s failures are
  // create()'s, and leave nothing behind either.
  static ResultsWriter begin(const std::string& path, const Metadata& metadata, const Layout& layout);
  void lay_out();
  ~ResultsWriter();
  ResultsWriter(ResultsWriter&&) noexcept;
  ResultsWriter& operator=(ResultsWriter&&) noexcept;

  // summary: one value per metric, in Layout::metrics order.
  // weekly: series-major, series.size() * weeks values (series 0's weeks, then series 1's, ...).
  // durations: distribution-major, one count per bin of each of Layout::distributions (empty without).
  // child_visit_late: one flag per child of Layout::children (empty without).
  // worker_weekly: Layout::worker_values() values, series-major, then week,
  // then worker (empty without workers).
  // A variant or replication out of range, or a span of the wrong size, is the
  // caller's bug: std::invalid_argument, and nothing is written.
  void write_replication(std::size_t variant, std::size_t replication, std::span<const double> summary,
                         std::span<const double> weekly, std::span<const std::uint32_t> durations = {},
                         std::span<const std::uint8_t> child_visit_late = {},
                         std::span<const double> worker_weekly = {});
  // Replications first_replication, first_replication + 1, ... of `variant`,
  // each dataset's values in one block and then the completed marks in one,
  // so a batch costs a few writes instead of a few per replication. The same
  // checks as write_replication, all made before anything is written.
  void write_replications(std::size_t variant, std::size_t first_replication,
                          std::span<const ReplicationValues> replications);
  // Grows every variant to `replications` slots (the new ones NaN and not
  // completed), then flushes. Fewer than now is std::invalid_argument.
  void extend_replications(std::size_t replications);
  // The same growth made in a copy: flushes this file, copies it byte for
  // byte to `copy_path` (replacing any file there) and grows the copy, which
  // the writer returned writes to; this file is left as it was. (A copy
  // renamed over this file is a file grown whole: Recording::extend_replications.)
  ResultsWriter grown_copy(const std::string& copy_path, std::size_t replications);
  // The file was renamed (by its owner, while open): later messages, and
  // grown_copy, use its new name.
  void renamed_to(const std::string& path);
  // Metric `metric`'s values (Layout::metrics order) as written so far,
  // variant-major (v * replications + r); NaN in slots not written.
  std::vector<double> read_summary(std::size_t metric) const;
  // Makes everything written so far durable: a process killed after flush()
  // returns leaves a file that reads back at least what was written before it.
  void flush();
  void close();  // idempotent; the destructor closes too, but cannot report errors
  // The device and inode of the file this writer has open, read from its open
  // descriptor rather than its name, so that another program renaming a file
  // over the name cannot pass for it. Before close().
  FileIdentity identity() const;

 private:
  struct Impl;
  explicit ResultsWriter(std::unique_ptr<Impl> impl);
  // Everything the layout puts in a begun file: its attributes, names and
  // labels, and every dataset at full size, filled with "not written".
  static void lay_out_file(Impl& w, const Metadata& metadata, const Layout& layout);
  // Closes the file quietly and removes PATH.creating: a layout that failed.
  void abandon() noexcept;
  std::unique_ptr<Impl> impl_;
};

// Everything in a results file, read back (analysis, summary, resume, tests).
struct ResultsData {
  int format_version = 0;
  Metadata metadata;
  Layout layout;
  // summary[m][v * replications + r]: metric m, variant v, replication r;
  // NaN in a completed slot: not applicable (nothing to count).
  std::vector<std::vector<double>> summary;
  // weekly[s][(v * replications + r) * weeks + w].
  std::vector<std::vector<double>> weekly;
  // distributions[d][(v * replications + r) * bins + b]: distribution d's
  // count in bin b; 0 in a slot not completed. Empty for a version 1 file.
  std::vector<std::vector<std::uint32_t>> distributions;
  // completed[v * replications + r]
  std::vector<std::uint8_t> completed;
  // child_visit_late[(v * replications + r) * children + c]; empty without a snapshot.
  std::vector<std::uint8_t> child_visit_late;
  // worker_weekly[q][((v * replications + r) * weeks + w) * workers + k]:
  // worker series q of worker k; empty without workers.
  std::vector<std::vector<double>> worker_weekly;
};

ResultsData read_results(const std::string& path);

// For the casesim program, before it first uses a results file: HDF5 leaves
// what it holds in memory to the end of the process rather than freeing it
// piece by piece as the process exits (an eighth of the results' cost in a
// one-replication run). Nothing then closes a file at exit: every reader and
// writer here closes its own (their destructors do), which is what makes it safe.
void leave_library_memory_to_process_exit();

// A results file held open to read its metrics one at a time, variant-major
// (v * replications + r), without the rest: a run's closing tables. One open
// for them all (an open costs about half a million instructions).
class SummaryReader {
 public:
  explicit SummaryReader(const std::string& path);
  ~SummaryReader();
  SummaryReader(SummaryReader&&) noexcept;
  SummaryReader& operator=(SummaryReader&&) noexcept;
  std::vector<double> read(const std::string& metric) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace casesim::results
