#include "apps/casesim/experiment_command.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <vector>

#include <boost/version.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "analysis/paired.hpp"
#include "analysis/statistics.hpp"
#include "apps/casesim/results_metadata.hpp"
#include "apps/casesim/run_command.hpp"
#include "engine/kernel/random_streams.hpp"
#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"
#include "engine/runner/progress.hpp"
#include "engine/runner/run_experiment.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/scenario/load_experiment.hpp"

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

}  // namespace

ExperimentOutcome experiment_command(const ExperimentOptions& options, std::ostream& out, std::ostream& err) {
  const std::vector<std::string> metric_names = catalogue_metric_names();
  const scenario::Experiment experiment = scenario::load_experiment(options.experiment_path, metric_names);
  if (options.threads < 0) throw UsageError(fmt::format("--threads: must be 0 (all cores) or more, got {}", options.threads));
  const Settings settings = settings_from(options, experiment);

  const std::string output = options.output.empty() ? experiment.name + ".h5" : options.output;
  const std::string partial = output + ".partial";
  if (fs::exists(output) && !fs::is_regular_file(output))
    throw UsageError(fmt::format("{}: not a regular file; --output must name a results file", output));
  if (fs::exists(output) && !options.force)
    throw UsageError(fmt::format("{}: results file exists; use --force to replace it, or --output to choose another name",
                                 output));
  if (options.resume && !fs::exists(partial))
    throw UsageError(fmt::format("--resume: there is no unfinished run to continue ({} does not exist)", partial));
  if (!options.resume && fs::exists(partial) && !options.force)
    throw UsageError(fmt::format("{}: an unfinished run is there; add --resume to continue it, or --force to start again",
                                 partial));

  const scenario::Scenario& base = experiment.variants.front().scenario;
  const std::size_t variants = experiment.variants.size();
  results::Metadata metadata = results_metadata(base, experiment.base_source, settings.seed, options.command_line);
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

  std::vector<model::ModelSetup> setups;
  for (const auto& v : experiment.variants) {
    scenario::Scenario s = v.scenario;
    s.run.seed = settings.seed;
    s.run.replications = static_cast<int>(settings.replications);
    setups.emplace_back(std::move(s));
  }

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

  runner::RunPlan plan;
  plan.threads = options.threads;
  const int threads = runner::thread_count(plan);
  // Big enough to keep every thread busy between flushes, small enough that an
  // interruption loses little and Ctrl-C is answered quickly.
  const std::size_t batch = static_cast<std::size_t>(std::max(16, 4 * threads));
  runner::Progress progress(err, options.show_progress, variants * replications, already_done);
  const auto started = std::chrono::steady_clock::now();
  bool precision_met = false;
  std::size_t worst_variant = 0;
  double worst_ratio = 0.0;
  while (true) {
    const std::vector<runner::ExperimentPair> pairs = runner::missing_pairs(completed, variants, replications);
    for (std::size_t first = 0; first < pairs.size(); first += batch) {
      if (options.stop != nullptr && options.stop->load()) {
        progress.finish();
        writer.close();
        err << fmt::format("casesim: stopped; {} of {} replications are saved in {}\n"
                           "casesim: to continue: casesim experiment {} --resume{}\n",
                           std::count(completed.begin(), completed.end(), std::uint8_t{1}), completed.size(), partial,
                           options.experiment_path, options.output.empty() ? "" : " --output " + options.output);
        return ExperimentOutcome{true, partial, replications, false};
      }
      const std::span<const runner::ExperimentPair> chunk(pairs.data() + first, std::min(batch, pairs.size() - first));
      const std::vector<model::ReplicationResult> results =
          runner::run_pairs(setups, settings.seed, chunk, options.threads);
      for (std::size_t i = 0; i < chunk.size(); ++i) {
        const auto [v, r] = chunk[i];
        writer.write_replication(v, r, results[i].summary, results[i].weekly);
        for (std::size_t m = 0; m < model::kMetricCount; ++m) values[m][v][r] = results[i].summary[m];
        completed[v * replications + r] = 1;
      }
      writer.flush();
      progress.advance(chunk.size());
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
  out << fmt::format("{} weeks from {} ({} weeks warm-up, not counted); {} threads, {:.2f} s\n", base.run.horizon_weeks,
                     metadata.start_date, base.run.warm_up_weeks, threads, seconds);
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

}  // namespace casesim::cli
