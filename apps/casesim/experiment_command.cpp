#include "apps/casesim/experiment_command.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "analysis/paired.hpp"
#include "analysis/statistics.hpp"
#include "apps/casesim/continue_command.hpp"
#include "apps/casesim/mechanism_warnings.hpp"
#include "apps/casesim/results_destination.hpp"
#include "apps/casesim/settling_warnings.hpp"
#include "apps/casesim/start_options.hpp"
#include "apps/casesim/summary_table.hpp"
#include "apps/casesim/usage_error.hpp"
#include "engine/model/metrics.hpp"
#include "engine/runner/experiment_run.hpp"
#include "engine/runner/pair_runner.hpp"
#include "engine/runner/progress.hpp"
#include "engine/runner/recording.hpp"
#include "engine/runner/run_and_record.hpp"
#include "engine/runner/version.hpp"
#include "engine/scenario/load_experiment.hpp"
#ifdef CASESIM_WITH_MPI
#include "engine/runner/mpi_experiment.hpp"
#include "engine/runner/mpi_session.hpp"
#endif

namespace casesim::cli {

namespace {

std::size_t metric_index(const std::string& name) {
  const auto metric = model::metric_named(name);
  return metric ? model::index(*metric) : model::kMetricCount;
}

std::string signed_number(double v) {
  std::string text = readable_number(v);
  if (v > 0) text.insert(text.begin(), '+');
  return text;
}

// A paired difference and its interval: "n/a" when no pair had the metric in
// both variants, "-" for an interval from one pair.
std::string difference_text(const analysis::Summary& d) {
  return d.n == 0 ? std::string(kNotApplicable) : signed_number(d.mean);
}
std::string difference_interval(const analysis::Summary& d) {
  if (d.n < 2) return d.n == 0 ? std::string(kNotApplicable) : "-";
  return fmt::format("{} to {}", signed_number(d.ci_low), signed_number(d.ci_high));
}

runner::ExperimentSettings settings_from(const ExperimentOptions& options, const scenario::Experiment& experiment) {
  runner::ExperimentSettings s;
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
    throw UsageError(
        fmt::format("--precision: must be a fraction of the mean in (0, 1), e.g. 0.05, got {}", s.precision));
  if (options.precision_metric.empty()) throw UsageError("--precision needs --metric NAME: the metric to make precise");
  if (metric_index(options.precision_metric) == model::kMetricCount) {
    std::string allowed;
    for (const std::string& name : model::metric_names()) allowed += (allowed.empty() ? "" : ", ") + name;
    throw UsageError(fmt::format("--metric: unknown metric '{}'; allowed: {}", options.precision_metric, allowed));
  }
  s.precision_metric = options.precision_metric;
  s.max_replications = options.max_replications.value_or(kDefaultMaxReplications);
  if (s.replications < 2)
    throw UsageError("--precision needs at least 2 replications to start from (a confidence interval needs 2)");
  if (s.max_replications < s.replications ||
      s.max_replications > static_cast<std::uint64_t>(scenario::kMaxExperimentReplications))
    throw UsageError(fmt::format("--max-replications: must be between the starting {} replications and {}, got {}",
                                 s.replications, scenario::kMaxExperimentReplications, s.max_replications));
  return s;
}

void print_comparison(std::ostream& out, const scenario::Experiment& experiment, const runner::Recording& recording,
                      std::size_t replications) {
  const std::size_t variants = experiment.variants.size();
  std::size_t name_width = 7;
  for (const auto& v : experiment.variants) name_width = std::max(name_width, v.name.size());
  const std::string& base = experiment.variants.front().name;
  const auto& definitions = model::metric_definitions();
  for (std::size_t k = 0; k < experiment.metrics.size(); ++k) {
    const std::size_t m = metric_index(experiment.metrics[k]);
    const runner::RecordedValues values = recording.metric_values(m);
    out << fmt::format("\n{} ({}){}\n", experiment.metrics[k], definitions[m].unit, k == 0 ? "  [main metric]" : "");
    std::vector<std::array<std::string, 4>> rows;
    // Where the metric had nothing to count in some replications: each
    // variant's n, and the pairs in which both variants had it.
    std::string applies;
    for (std::size_t v = 0; v < variants; ++v) {
      const analysis::Summary s = analysis::summarise(values[v]);
      std::array<std::string, 4> row{readable_mean(s), readable_interval(s, definitions[m].unit), "(base)", ""};
      std::size_t pairs = replications;
      if (v > 0) {
        const analysis::Summary d = analysis::paired_difference(values[v], values[0]);
        row[2] = difference_text(d);
        row[3] = difference_interval(d);
        pairs = d.n;
      }
      rows.push_back(row);
      if (s.n < replications || pairs < replications)
        applies += fmt::format("{}{} {} of {}{}", applies.empty() ? "" : "; ", experiment.variants[v].name, s.n,
                               replications, v > 0 ? fmt::format(" ({} pairs)", pairs) : "");
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
    if (!applies.empty())
      out << fmt::format(
          "  nothing to count in some replications, so means over those where it applies (n/a: none) and "
          "differences over the pairs where both do: {}\n",
          applies);
  }
  if (variants < 2) return;
  const runner::RecordedValues main = recording.metric_values(metric_index(experiment.metrics.front()));
  out << fmt::format("\nCommon random numbers on {}: variance of the difference from {}, paired vs unpaired\n",
                     experiment.metrics.front(), base);
  for (std::size_t v = 1; v < variants; ++v) {
    const analysis::VarianceReduction g = analysis::common_random_numbers_gain(main[v], main[0]);
    std::string gain;
    if (std::isinf(g.ratio)) {
      gain = "the difference is exactly the same in every replication";
    } else if (std::isnan(g.ratio)) {
      gain = "-";
    } else {
      gain = fmt::format("{:.1f}x smaller when paired", g.ratio);
    }
    out << fmt::format("  {:<{}}  paired {}, unpaired {}: {}\n", experiment.variants[v].name, name_width,
                       readable_number(g.paired_variance), readable_number(g.unpaired_variance), gain);
  }
}

// warn: say which mechanisms the scenario leaves out (once: MPI's other ranks do not).
runner::ExperimentRun prepare(const ExperimentOptions& options, bool warn = true) {
  const std::vector<std::string> metric_names = model::metric_names();
  scenario::Experiment experiment = scenario::load_experiment(
      options.experiment_path, metric_names,
      options.start_from.empty() ? scenario::TeamSource::scenario_file : scenario::TeamSource::snapshot);
  if (warn) warn_mechanisms_off(experiment.variants.front().scenario, experiment.base_source.path, std::cerr);
  if (options.threads < 0)
    throw UsageError(fmt::format("--threads: must be 0 (all cores) or more, got {}", options.threads));
  const runner::ExperimentSettings settings = settings_from(options, experiment);
  return runner::prepare_experiment_run(
      std::move(experiment), settings,
      start_snapshot(options.start_from, options.lenient, options.salt_file, options.team));
}

// The run itself, in the process that owns the results file.
ExperimentOutcome run_experiment(const ExperimentOptions& options, const runner::ExperimentRun& prepared,
                                 const runner::PairRunner& pair_runner, std::ostream& out, std::ostream& err) {
  const scenario::Experiment& experiment = prepared.experiment;
  const runner::ExperimentSettings& settings = prepared.settings;
  const std::string output = options.output.empty() ? experiment.name + ".h5" : options.output;
  const OutputLock lock = claim_results_destination({output,
                                                     options.force,
                                                     {{"the experiment file", options.experiment_path},
                                                      {"the base scenario", experiment.base_source.path},
                                                      {"the --salt-file", options.salt_file}},
                                                     options.resume});

  const scenario::Scenario& base = experiment.variants.front().scenario;
  const std::size_t variants = experiment.variants.size();
  const results::Metadata metadata =
      runner::experiment_metadata(prepared, options.experiment_path, options.command_line);
  const results::Layout layout = runner::experiment_layout(prepared);
  runner::Recording recording = start_or_resume(output, metadata, layout, options.resume);

  // What runs, before the progress and the wait (in a batch job's log too).
  out << fmt::format("casesim {} | experiment {} ({})\n", runner::casesim_version(), experiment.name,
                     options.experiment_path)
      << std::flush;
  runner::Progress progress(err, options.progress, variants * recording.replications(), recording.completed_count());
  runner::RecordSettings record_settings;
  record_settings.progress = &progress;
  if (settings.precision > 0.0)
    record_settings.precision =
        runner::PrecisionTarget{settings.precision, metric_index(settings.precision_metric), settings.max_replications};
  const auto started = std::chrono::steady_clock::now();
  const runner::RecordedRun run = runner::run_and_record(recording, pair_runner, record_settings);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::size_t replications = recording.replications();
  if (run.stopped) {
    err << stopped_note(recording, continue_command(options, output));
    return ExperimentOutcome{true, recording.partial(), replications, false};
  }
  const bool precision_met = run.precision && run.precision->met;

  out << fmt::format("base scenario {} ({}), {} variants x {} replications, seed {}, common random numbers\n",
                     base.name, experiment.base_source.path, variants, replications, settings.seed);
  out << fmt::format("{} weeks from {} ({} weeks warm-up, not counted); {}, {:.2f} s\n", base.run.horizon_weeks,
                     recording.metadata().start_date, base.run.warm_up_weeks, pair_runner.describe(), seconds);
  if (settings.precision > 0.0) {
    if (precision_met) {
      out << fmt::format(
          "precision target met: the 95% CI half-width of {} is below {:g}% of its mean for every "
          "variant after {} replications\n",
          settings.precision_metric, 100 * settings.precision, replications);
    } else {
      const runner::PrecisionCheck& check = *run.precision;
      const std::string& widest = experiment.variants[check.worst_variant].name;
      if (std::isnan(check.worst_ratio))
        out << fmt::format(
            "precision target NOT met: stopped at --max-replications {}; {} applies in fewer than 2 replications "
            "of {} (nothing to count in the others), so it has no interval\n",
            replications, settings.precision_metric, widest);
      else
        out << fmt::format(
            "precision target NOT met: stopped at --max-replications {}; widest is {} at {:.1f}% of its mean "
            "(target {:g}%)\n",
            replications, widest, 100 * check.worst_ratio, 100 * settings.precision);
    }
  }
  out << fmt::format("Differences are variant minus base ({}), paired replication by replication.\n",
                     experiment.variants.front().name);
  print_comparison(out, experiment, recording, replications);
  out << settling_warnings(recording, experiment.metrics);
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
  runner::MpiCoordinator coordinator(session.channel());
  const runner::ExperimentRun prepared = prepare(options);
  ExperimentOutcome outcome = run_experiment(
      options, prepared, runner::on_worker_ranks(coordinator, options.stop, runner::days_per_pair(prepared.setups)),
      out, err);
  coordinator.release();
  return outcome;
}

// Any other rank: runs the chunks rank 0 hands out. It reports its own
// failures to rank 0 rather than to the user, so each is reported once.
ExperimentOutcome work_for_rank_0(const ExperimentOptions& options, const runner::MpiSession& session) {
  std::optional<runner::ExperimentRun> prepared;
  try {
    prepared = prepare(options, false);
  } catch (const std::exception& e) {
    runner::report_worker_failure(session.channel(), e.what());
    return ExperimentOutcome{};
  }
  runner::serve_pairs(session.channel(), prepared->setups, prepared->settings.seed, options.threads);
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
      ExperimentOutcome outcome =
          session.rank() == 0 ? coordinate_experiment(options, session, out, err) : work_for_rank_0(options, session);
      outcome.worker = session.rank() != 0;
      return outcome;
    }
  }
#endif
  const runner::ExperimentRun prepared = prepare(options);
  return run_experiment(options, prepared,
                        runner::run_here(prepared.setups, prepared.settings.seed, options.threads, options.stop), out,
                        err);
}

}  // namespace casesim::cli
