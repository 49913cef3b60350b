#include "apps/casesim/experiment_command.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include <boost/version.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "analysis/paired.hpp"
#include "analysis/statistics.hpp"
#include "apps/casesim/results_destination.hpp"
#include "apps/casesim/results_metadata.hpp"
#include "apps/casesim/run_command.hpp"
#include "engine/kernel/random_streams.hpp"
#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"
#include "engine/runner/progress.hpp"
#include "engine/runner/run_experiment.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/scenario/load_experiment.hpp"
#include "engine/scenario/start_from_snapshot.hpp"
#ifdef CASESIM_WITH_MPI
#include "engine/runner/mpi_experiment.hpp"
#include "engine/runner/mpi_session.hpp"
#endif

namespace casesim::cli {

namespace {

namespace fs = std::filesystem;


std::vector<std::string> catalogue_metric_names() {
  std::vector<std::string> names;
  for (const auto& d : model::metric_definitions()) names.emplace_back(d.name);
  return names;
}

std::size_t metric_index(const std::string& name) {
  const auto& definitions = model::metric_definitions();
  for (std::size_t m = 0; m < definitions.size(); ++m)
    if (definitions[m].name == name) return m;
  return definitions.size();
}

std::string number(double v) {
  if (std::isnan(v)) return "-";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  const double a = std::fabs(v);
  if (a != 0.0 && (a >= 1e6 || a < 1e-3)) return fmt::format("{:.3g}", v);
  if (a >= 100) return fmt::format("{:.1f}", v);
  return fmt::format("{:.2f}", v);
}

std::string signed_number(double v) { return (v > 0 ? "+" : "") + number(v); }

std::string interval(const analysis::Summary& s, bool with_sign) {
  if (s.n < 2) return "-";
  return with_sign ? fmt::format("{} to {}", signed_number(s.ci_low), signed_number(s.ci_high))
                   : fmt::format("{} to {}", number(s.ci_low), number(s.ci_high));
}

// Values of one metric: values[v][r], NaN until written.
using MetricValues = std::vector<std::vector<double>>;

struct Settings {
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;
  double precision = 0.0;
  std::string precision_metric;
  std::uint64_t max_replications = 0;
};

Settings settings_from(const ExperimentOptions& options, const scenario::Experiment& experiment) {
  Settings s;
  s.seed = options.seed.value_or(experiment.seed);
  s.replications = options.replications.value_or(static_cast<std::uint64_t>(experiment.replications));
  if (s.replications < 1 || s.replications > static_cast<std::uint64_t>(scenario::kMaxExperimentReplications))
    throw UsageError(fmt::format("--replications: must be between 1 and {}, got {}",
                                 scenario::kMaxExperimentReplications, s.replications));
  if (!options.precision) {
    if (!options.precision_metric.empty() || options.max_replications)
      throw UsageError("--metric and --max-replications go with --precision");
    return s;
  }
  s.precision = *options.precision;
  if (!(s.precision > 0.0 && s.precision < 1.0))
    throw UsageError(fmt::format("--precision: must be a fraction of the mean in (0, 1), e.g. 0.05, got {}", s.precision));
  if (options.precision_metric.empty()) throw UsageError("--precision needs --metric NAME: the metric to make precise");
  if (metric_index(options.precision_metric) == model::kMetricCount) {
    std::string allowed;
    for (const std::string& name : catalogue_metric_names()) allowed += (allowed.empty() ? "" : ", ") + name;
    throw UsageError(fmt::format("--metric: unknown metric '{}'; allowed: {}", options.precision_metric, allowed));
  }
  s.precision_metric = options.precision_metric;
  s.max_replications = options.max_replications.value_or(kDefaultMaxReplications);
  if (s.replications < 2)
    throw UsageError("--precision needs at least 2 replications to start from (a confidence interval needs 2)");
  if (s.max_replications < s.replications || s.max_replications > static_cast<std::uint64_t>(scenario::kMaxExperimentReplications))
    throw UsageError(fmt::format("--max-replications: must be between the starting {} replications and {}, got {}",
                                 s.replications, scenario::kMaxExperimentReplications, s.max_replications));
  return s;
}

// A resumed run must be the same experiment: same texts, variants, seed and
// replication plan. Anything else would mix two experiments in one file.
void require_same_experiment(const std::string& partial, const results::ResultsData& previous,
                             const results::Metadata& metadata, const results::Layout& layout) {
  const auto refuse = [&](const std::string& what) {
    throw UsageError(fmt::format("--resume: {} is not this experiment's unfinished run: {} differs; "
                                 "use --force to start again",
                                 partial, what));
  };
  const results::Metadata& old = previous.metadata;
  if (!old.experiment) refuse("it is not an experiment's file, so everything");
  const results::ExperimentRecord& a = *old.experiment;
  const results::ExperimentRecord& b = *metadata.experiment;
  if (a.text != b.text) refuse("the experiment file's text");
  if (old.scenario_text != metadata.scenario_text) refuse("the base scenario's text");
  if (previous.layout.variants != layout.variants || a.variant_overrides != b.variant_overrides) refuse("the variants");
  if (old.seed != metadata.seed) refuse(fmt::format("the seed ({} there, {} now)", old.seed, metadata.seed));
  if (a.initial_replications != b.initial_replications)
    refuse(fmt::format("the replications ({} there, {} now)", a.initial_replications, b.initial_replications));
  if (a.precision != b.precision || a.precision_metric != b.precision_metric || a.max_replications != b.max_replications)
    refuse("the precision target (--precision, --metric, --max-replications)");
  if (previous.layout.metrics.size() != layout.metrics.size() || previous.layout.series.size() != layout.series.size() ||
      previous.layout.week_start_dates != layout.week_start_dates || old.stream_scheme_version != metadata.stream_scheme_version)
    refuse("the metrics, series or streams of this casesim");
  for (std::size_t m = 0; m < layout.metrics.size(); ++m)
    if (previous.layout.metrics[m].name != layout.metrics[m].name) refuse("the metric catalogue");
}

struct PrecisionCheck {
  bool met = false;
  double worst_ratio = 0.0;  // half-width / |mean|, over variants
  std::size_t worst_variant = 0;
};

PrecisionCheck check_precision(const MetricValues& values, double precision) {
  PrecisionCheck check{true, 0.0, 0};
  for (std::size_t v = 0; v < values.size(); ++v) {
    const analysis::Summary s = analysis::summarise(values[v]);
    const double half = s.half_width();
    // A metric that does not vary at all is as precise as it can be.
    const double ratio = half == 0.0 ? 0.0 : half / std::fabs(s.mean);
    if (!(ratio < precision)) check.met = false;
    if (!(ratio <= check.worst_ratio)) {
      check.worst_ratio = ratio;
      check.worst_variant = v;
    }
  }
  return check;
}

// The next replication count of a precision run: enough, by the usual
// half-width ~ 1/sqrt(n) rule, for the worst variant (with 10% to spare), but
// at most double, and at least one more. It depends only on the results so
// far, so a resumed run takes the same steps as an uninterrupted one.
std::size_t next_replications(std::size_t now, const PrecisionCheck& check, double precision, std::size_t most) {
  double projected = static_cast<double>(2 * now);
  if (std::isfinite(check.worst_ratio))
    projected = std::ceil(1.1 * static_cast<double>(now) * (check.worst_ratio / precision) * (check.worst_ratio / precision));
  const double next = std::clamp(projected, static_cast<double>(now + 1), static_cast<double>(2 * now));
  return std::min(most, static_cast<std::size_t>(next));
}

void print_comparison(std::ostream& out, const scenario::Experiment& experiment,
                      const std::vector<MetricValues>& values) {
  const std::size_t variants = experiment.variants.size();
  std::size_t name_width = 7;
  for (const auto& v : experiment.variants) name_width = std::max(name_width, v.name.size());
  const std::string& base = experiment.variants.front().name;
  const auto& definitions = model::metric_definitions();
  for (std::size_t k = 0; k < experiment.metrics.size(); ++k) {
    const std::size_t m = metric_index(experiment.metrics[k]);
    out << fmt::format("\n{} ({}){}\n", experiment.metrics[k], definitions[m].unit, k == 0 ? "  [main metric]" : "");
    std::vector<std::array<std::string, 4>> rows;
    for (std::size_t v = 0; v < variants; ++v) {
      const analysis::Summary s = analysis::summarise(values[m][v]);
      std::array<std::string, 4> row{number(s.mean), interval(s, false), "(base)", ""};
      if (v > 0) {
        const analysis::Summary d = analysis::paired_difference(values[m][v], values[m][0]);
        row[2] = signed_number(d.mean);
        row[3] = interval(d, true);
      }
      rows.push_back(row);
    }
    std::array<std::size_t, 4> width{4, 6, 10, 6};
    for (const auto& row : rows)
      for (std::size_t c = 0; c < 4; ++c) width[c] = std::max(width[c], row[c].size());
    out << fmt::format("  {:<{}}  {:>{}}  {:<{}}  {:>{}}  {}\n", "variant", name_width, "mean", width[0], "95% CI",
                       width[1], "difference", width[2], "95% CI of difference (paired)");
    for (std::size_t v = 0; v < variants; ++v) {
      std::string line = fmt::format("  {:<{}}  {:>{}}  {:<{}}  {:>{}}  {}", experiment.variants[v].name, name_width,
                                     rows[v][0], width[0], rows[v][1], width[1], rows[v][2], width[2], rows[v][3]);
      line.erase(line.find_last_not_of(' ') + 1);
      out << line << '\n';
    }
  }
  if (variants < 2) return;
  const std::size_t main = metric_index(experiment.metrics.front());
  out << fmt::format("\nCommon random numbers on {}: variance of the difference from {}, paired vs unpaired\n",
                     experiment.metrics.front(), base);
  for (std::size_t v = 1; v < variants; ++v) {
    const analysis::VarianceReduction g = analysis::common_random_numbers_gain(values[main][v], values[main][0]);
    std::string gain;
    if (std::isinf(g.ratio)) {
      gain = "the difference is exactly the same in every replication";
    } else if (std::isnan(g.ratio)) {
      gain = "-";
    } else {
      gain = fmt::format("{:.1f}x smaller when paired", g.ratio);
    }
    out << fmt::format("  {:<{}}  paired {}, unpaired {}: {}\n", experiment.variants[v].name, name_width,
                       number(g.paired_variance), number(g.unpaired_variance), gain);
  }
}

// What every process of a run needs: the experiment, its settings, and each
// variant's model with the run's seed and replications.
struct Prepared {
  scenario::Experiment experiment;
  Settings settings;
  std::vector<model::ModelSetup> setups;
  std::string snapshot_extract_date;  // empty without --start-from
  std::uint64_t snapshot_problems = 0;
};

Prepared prepare(const ExperimentOptions& options) {
  const std::vector<std::string> metric_names = catalogue_metric_names();
  scenario::Experiment experiment = scenario::load_experiment(options.experiment_path, metric_names);
  if (options.threads < 0) throw UsageError(fmt::format("--threads: must be 0 (all cores) or more, got {}", options.threads));
  const Settings settings = settings_from(options, experiment);
  // From a snapshot, every variant starts from the same team on its extract
  // date (per-child results are casesim run's: docs/snapshot-format.md).
  const auto start = load_start_snapshot(options.start_from, options.lenient, options.salt_file);
  if (start)
    for (auto& v : experiment.variants)
      v.scenario = scenario::start_from_snapshot(std::move(v.scenario), *start, experiment.base_source.path);
  std::vector<model::ModelSetup> setups;
  for (const auto& v : experiment.variants) {
    scenario::Scenario s = v.scenario;
    s.run.seed = settings.seed;
    s.run.replications = static_cast<int>(settings.replications);
    setups.emplace_back(std::move(s), start);
  }
  Prepared prepared{std::move(experiment), settings, std::move(setups), {}, 0};
  if (start) {
    prepared.snapshot_extract_date = kernel::format_iso_date(start->extract_date);
    prepared.snapshot_problems = start->problems.size();
  }
  return prepared;
}

// Each chunk of pairs as it finishes, with its results in the same order.
using RecordChunk =
    std::function<void(std::span<const runner::ExperimentPair>, std::span<const model::ReplicationResult>)>;

// How the pairs are run: here, on this process's threads, or by MPI worker
// ranks. run_round runs every pair given, recording each chunk as it
// finishes, and returns false if it stopped part-way (options.stop).
struct PairRunner {
  std::function<bool(std::span<const runner::ExperimentPair>, const RecordChunk&)> run_round;
  std::function<std::string()> describe;  // "2 threads", for the summary line
};

// Batches big enough to keep every thread busy between flushes, small enough
// that an interruption loses little and Ctrl-C is answered quickly.
PairRunner run_here(const ExperimentOptions& options, const Prepared& prepared) {
  runner::RunPlan plan;
  plan.threads = options.threads;
  const int threads = runner::thread_count(plan);
  const std::size_t batch = static_cast<std::size_t>(std::max(16, 4 * threads));
  PairRunner here;
  here.run_round = [&options, &prepared, batch](std::span<const runner::ExperimentPair> pairs,
                                                const RecordChunk& record) {
    for (std::size_t first = 0; first < pairs.size(); first += batch) {
      if (options.stop != nullptr && options.stop->load()) return false;
      const auto chunk = pairs.subspan(first, std::min(batch, pairs.size() - first));
      record(chunk, runner::run_pairs(prepared.setups, prepared.settings.seed, chunk, options.threads));
    }
    return true;
  };
  here.describe = [threads] { return fmt::format("{} threads", threads); };
  return here;
}

// The run itself, in the process that owns the results file.
ExperimentOutcome run_experiment(const ExperimentOptions& options, const Prepared& prepared,
                                 const PairRunner& pair_runner, std::ostream& out, std::ostream& err) {
  const scenario::Experiment& experiment = prepared.experiment;
  const Settings& settings = prepared.settings;
  const std::string output = options.output.empty() ? experiment.name + ".h5" : options.output;
  const std::string partial = output + ".partial";
  check_results_destination(output, options.force);
  if (options.resume && !fs::exists(partial))
    throw UsageError(fmt::format("--resume: there is no unfinished run to continue ({} does not exist)", partial));
  if (!options.resume && fs::exists(partial) && !options.force)
    throw UsageError(fmt::format("{}: an unfinished run is there; add --resume to continue it, or --force to start again",
                                 partial));

  const scenario::Scenario& base = experiment.variants.front().scenario;
  const std::size_t variants = experiment.variants.size();
  results::Metadata metadata = results_metadata(base, experiment.base_source, settings.seed, options.command_line);
  metadata.snapshot_extract_date = prepared.snapshot_extract_date;
  metadata.snapshot_problems = prepared.snapshot_problems;
  results::ExperimentRecord record;
  record.name = experiment.name;
  record.file = options.experiment_path;
  record.text = experiment.source.text;
  record.metrics = experiment.metrics;
  for (const auto& v : experiment.variants) record.variant_overrides.push_back(v.overrides_yaml);
  record.parameter_names = experiment.parameter_names;
  record.parameter_values = experiment.parameter_values;
  record.initial_replications = settings.replications;
  record.precision = settings.precision;
  record.precision_metric = settings.precision_metric;
  record.max_replications = settings.max_replications;
  metadata.experiment = record;

  results::Layout layout;
  for (const auto& v : experiment.variants) layout.variants.push_back(v.name);
  layout.replications = settings.replications;
  layout.metrics = metric_quantities();
  layout.series = series_quantities();
  const auto weeks = static_cast<std::size_t>(base.run.horizon_weeks);
  for (std::size_t w = 0; w < weeks; ++w)
    layout.week_start_dates.push_back(kernel::format_iso_date(
        kernel::Date(std::chrono::sys_days(base.run.start_date) + std::chrono::days(7 * static_cast<int>(w)))));

  // Everything already done (a resumed run) is copied into a fresh file, which
  // then replaces the .partial file in one rename: a run killed while resuming
  // still leaves a readable .partial file holding all that was done.
  std::size_t replications = settings.replications;
  std::vector<MetricValues> values(model::kMetricCount, MetricValues(variants));
  std::vector<std::uint8_t> completed;
  std::optional<results::ResultsData> previous;
  if (options.resume) {
    previous = results::read_results(partial);
    require_same_experiment(partial, *previous, metadata, layout);
    metadata = previous->metadata;  // the original command line and start time describe the run
    replications = previous->layout.replications;
    layout.replications = replications;
  }
  for (auto& metric : values)
    for (auto& per_variant : metric) per_variant.assign(replications, std::numeric_limits<double>::quiet_NaN());
  completed.assign(variants * replications, 0);

  const std::string creating = previous ? partial + ".resuming" : partial;
  results::ResultsWriter writer = results::ResultsWriter::create(creating, metadata, layout);
  std::size_t already_done = 0;
  if (previous) {
    const std::size_t series_values = layout.series.size() * weeks;
    std::vector<double> summary(layout.metrics.size());
    std::vector<double> weekly(series_values);
    for (std::size_t slot = 0; slot < variants * replications; ++slot) {
      if (previous->completed[slot] == 0) continue;
      const std::size_t v = slot / replications, r = slot % replications;
      for (std::size_t m = 0; m < summary.size(); ++m) {
        summary[m] = previous->summary[m][slot];
        values[m][v][r] = summary[m];
      }
      for (std::size_t s = 0; s < layout.series.size(); ++s)
        std::copy_n(previous->weekly[s].begin() + static_cast<std::ptrdiff_t>(slot * weeks), weeks,
                    weekly.begin() + static_cast<std::ptrdiff_t>(s * weeks));
      writer.write_replication(v, r, summary, weekly);
      completed[slot] = 1;
      ++already_done;
    }
    writer.flush();
    fs::rename(creating, partial);
    previous.reset();
  }

  runner::Progress progress(err, options.show_progress, variants * replications, already_done);
  const auto started = std::chrono::steady_clock::now();
  bool precision_met = false;
  std::size_t worst_variant = 0;
  double worst_ratio = 0.0;
  const RecordChunk record_chunk = [&](std::span<const runner::ExperimentPair> chunk,
                                       std::span<const model::ReplicationResult> results) {
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      const auto [v, r] = chunk[i];
      writer.write_replication(v, r, results[i].summary, results[i].weekly);
      for (std::size_t m = 0; m < model::kMetricCount; ++m) values[m][v][r] = results[i].summary[m];
      completed[v * replications + r] = 1;
    }
    writer.flush();
    progress.advance(chunk.size());
  };
  while (true) {
    const std::vector<runner::ExperimentPair> pairs = runner::missing_pairs(completed, variants, replications);
    if (!pair_runner.run_round(pairs, record_chunk)) {
      progress.finish();
      writer.close();
      err << fmt::format("casesim: stopped; {} of {} replications are saved in {}\n"
                         "casesim: to continue: casesim experiment {} --resume{}\n",
                         std::count(completed.begin(), completed.end(), std::uint8_t{1}), completed.size(), partial,
                         options.experiment_path, options.output.empty() ? "" : " --output " + options.output);
      return ExperimentOutcome{true, partial, replications, false};
    }
    if (settings.precision == 0.0) break;
    const PrecisionCheck check = check_precision(values[metric_index(settings.precision_metric)], settings.precision);
    precision_met = check.met;
    worst_variant = check.worst_variant;
    worst_ratio = check.worst_ratio;
    if (check.met || replications >= settings.max_replications) break;
    const std::size_t next = next_replications(replications, check, settings.precision, settings.max_replications);
    writer.extend_replications(next);
    std::vector<std::uint8_t> grown(variants * next, 0);
    for (std::size_t v = 0; v < variants; ++v)
      std::copy_n(completed.begin() + static_cast<std::ptrdiff_t>(v * replications), replications,
                  grown.begin() + static_cast<std::ptrdiff_t>(v * next));
    completed = std::move(grown);
    for (auto& metric : values)
      for (auto& per_variant : metric) per_variant.resize(next, std::numeric_limits<double>::quiet_NaN());
    replications = next;
    progress.set_total(variants * replications);
  }
  progress.finish();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  writer.close();
  fs::rename(partial, output);

  out << fmt::format("casesim {} | experiment {} ({})\n", casesim_version(), experiment.name, options.experiment_path);
  out << fmt::format("base scenario {} ({}), {} variants x {} replications, seed {}, common random numbers\n",
                     base.name, experiment.base_source.path, variants, replications, settings.seed);
  out << fmt::format("{} weeks from {} ({} weeks warm-up, not counted); {}, {:.2f} s\n", base.run.horizon_weeks,
                     metadata.start_date, base.run.warm_up_weeks, pair_runner.describe(), seconds);
  if (settings.precision > 0.0) {
    if (precision_met) {
      out << fmt::format("precision target met: the 95% CI half-width of {} is below {:g}% of its mean for every "
                         "variant after {} replications\n",
                         settings.precision_metric, 100 * settings.precision, replications);
    } else {
      out << fmt::format("precision target NOT met: stopped at --max-replications {}; widest is {} at {:.1f}% of its mean "
                         "(target {:g}%)\n",
                         replications, experiment.variants[worst_variant].name, 100 * worst_ratio,
                         100 * settings.precision);
    }
  }
  out << fmt::format("Differences are variant minus base ({}), paired replication by replication.\n",
                     experiment.variants.front().name);
  print_comparison(out, experiment, values);
  out << fmt::format("\nresults: {}\n", output);
  return ExperimentOutcome{false, output, replications, precision_met};
}

#ifdef CASESIM_WITH_MPI
// Rank 0 of several: owns the results file and hands the pairs out to the
// other ranks. Its coordinator is made before anything can fail, so that on
// any failure here it still releases the workers (which would otherwise wait
// for work for ever) before the error is reported, once, by this rank.
ExperimentOutcome coordinate_experiment(const ExperimentOptions& options, const runner::MpiSession& session,
                                        std::ostream& out, std::ostream& err) {
  runner::MpiCoordinator coordinator(session);
  const Prepared prepared = prepare(options);
  PairRunner on_workers;
  on_workers.run_round = [&](std::span<const runner::ExperimentPair> pairs, const RecordChunk& record) {
    return coordinator.run(pairs, record, options.stop);
  };
  on_workers.describe = [&coordinator] {
    return fmt::format("{} worker rank{} with {} threads in all (rank 0 recording results {:.2f} s)",
                       coordinator.workers(), coordinator.workers() == 1 ? "" : "s", coordinator.threads_in_all(),
                       coordinator.recording_seconds());
  };
  ExperimentOutcome outcome = run_experiment(options, prepared, on_workers, out, err);
  coordinator.release();
  return outcome;
}

// Any other rank: runs the chunks rank 0 hands out. It reports its own
// failures to rank 0 rather than to the user, so each is reported once.
ExperimentOutcome work_for_rank_0(const ExperimentOptions& options, const runner::MpiSession& session) {
  std::optional<Prepared> prepared;
  try {
    prepared = prepare(options);
  } catch (const std::exception& e) {
    runner::report_worker_failure(session, e.what());
    return ExperimentOutcome{};
  }
  runner::serve_pairs(session, prepared->setups, prepared->settings.seed, options.threads);
  return ExperimentOutcome{};
}
#endif

}  // namespace

ExperimentOutcome experiment_command(const ExperimentOptions& options, std::ostream& out, std::ostream& err) {
#ifdef CASESIM_WITH_MPI
  // Distributed only when a launcher started several ranks; otherwise MPI is
  // never started and the run is the single-process one below.
  if (runner::started_by_mpi_launcher()) {
    const runner::MpiSession session;
    if (session.size() > 1) {
      ExperimentOutcome outcome = session.rank() == 0 ? coordinate_experiment(options, session, out, err)
                                                      : work_for_rank_0(options, session);
      outcome.worker = session.rank() != 0;
      return outcome;
    }
  }
#endif
  const Prepared prepared = prepare(options);
  return run_experiment(options, prepared, run_here(options, prepared), out, err);
}

}  // namespace casesim::cli
