#include "apps/casesim/optimise_command.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <limits>
#include <span>

#include <fmt/format.h>

#include "analysis/paired.hpp"
#include "analysis/report/optimise_answer.hpp"
#include "apps/casesim/continue_command.hpp"
#include "apps/casesim/mechanism_warnings.hpp"
#include "apps/casesim/results_destination.hpp"
#include "apps/casesim/start_options.hpp"
#include "apps/casesim/summary_table.hpp"
#include "apps/casesim/usage_error.hpp"
#include "engine/model/metrics.hpp"
#include "engine/optimise/load_optimisation.hpp"
#include "engine/optimise/plan_cost.hpp"
#include "engine/optimise/plan_words.hpp"
#include "engine/optimise/run_optimisation.hpp"
#include "engine/results/optimisation_record.hpp"
#include "engine/runner/recording.hpp"
#include "engine/runner/results_metadata.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/runner/version.hpp"
#include "engine/scenario/start_from_snapshot.hpp"

namespace casesim::cli {

namespace {

using analysis::PlanStatus;
using analysis::SelectionEnd;
using analysis::Verdict;

// Cheaper plans shown beside the answer, nearest in cost first, and dearer ones.
constexpr std::size_t kCheaperShown = 5;
constexpr std::size_t kDearerShown = 3;

std::string money(double amount, const std::string& currency) {
  return analysis::report::money_text(amount, currency);
}

// "99.99%": enough digits to tell the per-interval level from 100%.
std::string percent(double level) {
  const double missing = 100.0 * (1.0 - level);
  const int decimals = missing >= 1 ? 0 : std::min(6, static_cast<int>(std::ceil(-std::log10(missing))) + 1);
  std::string text = fmt::format("{:.{}f}", 100.0 * level, decimals);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return text + "%";
}

std::string end_name(SelectionEnd end) {
  switch (end) {
    case SelectionEnd::chosen: return "chosen";
    case SelectionEnd::none_feasible: return "none_feasible";
    case SelectionEnd::budget_spent: return "budget_spent";
    case SelectionEnd::running: break;
  }
  return "running";
}

// A target's estimate is a probability (a share) or its metric's mean.
std::string interval_text(const analysis::TargetEstimate& e, const optimise::Target& target) {
  if (e.n == 0) return std::string(kNotApplicable);
  if (std::isnan(e.ci_low)) return "-";
  const auto metric = model::metric_named(target.metric);
  const std::string_view unit = target.bound.kind == analysis::TargetKind::probability_above_at_most ? "share"
                                : metric ? model::definition(*metric).unit
                                         : std::string_view();
  return readable_range(e.ci_low, e.ci_high, unit);
}

// "n/a" for a target whose metric applied in none of the plan's replications.
std::string estimate_text(const analysis::TargetEstimate& e) {
  return e.n == 0 ? std::string(kNotApplicable) : readable_number(e.estimate);
}

// Why a plan was shown infeasible: the first target it was shown to miss.
std::string rejection(const optimise::Optimisation& o, const analysis::ConstrainedSelection& s, std::size_t plan) {
  for (std::size_t t = 0; t < o.targets.size(); ++t) {
    const analysis::TargetEstimate& e = s.estimates(plan)[t];
    if (e.verdict != Verdict::not_met) continue;
    const bool at_least = o.targets[t].bound.kind == analysis::TargetKind::mean_at_least;
    return fmt::format("misses {}: {} ({}), {} {}", o.targets[t].description, estimate_text(e),
                       interval_text(e, o.targets[t]), at_least ? "below" : "above",
                       readable_number(o.targets[t].bound.bound));
  }
  return "";
}

// Why a plan is still undecided: the targets whose interval straddles the bound.
std::string doubt(const optimise::Optimisation& o, const analysis::ConstrainedSelection& s, std::size_t plan) {
  std::string out;
  for (std::size_t t = 0; t < o.targets.size(); ++t) {
    const analysis::TargetEstimate& e = s.estimates(plan)[t];
    if (e.verdict != Verdict::undecided) continue;
    if (std::isnan(e.ci_low) && e.n < s.replications(plan)) {
      out += fmt::format("{}{}: applies in {} of its {} replications, too few to judge", out.empty() ? "" : "; ",
                         o.targets[t].description, e.n, s.replications(plan));
      continue;
    }
    out += fmt::format("{}{}: {} ({}) straddles {}", out.empty() ? "" : "; ", o.targets[t].description,
                       estimate_text(e), interval_text(e, o.targets[t]), readable_number(o.targets[t].bound.bound));
  }
  return out;
}

void print_targets_table(std::ostream& out, const optimise::Optimisation& o, const analysis::ConstrainedSelection& s,
                         std::size_t plan) {
  std::size_t width = 6;
  for (const optimise::Target& t : o.targets) width = std::max(width, t.description.size());
  const std::string level = percent(s.interval_confidence()) + " CI";
  std::vector<std::string> cis;
  std::size_t ci_width = level.size();
  for (std::size_t t = 0; t < o.targets.size(); ++t) {
    cis.push_back(interval_text(s.estimates(plan)[t], o.targets[t]));
    ci_width = std::max(ci_width, cis.back().size());
  }
  out << fmt::format("  {:<{}}  {:>8}  {:<{}}  {}\n", "target", width, "estimate", level, ci_width, "verdict");
  for (std::size_t t = 0; t < o.targets.size(); ++t) {
    const analysis::TargetEstimate& e = s.estimates(plan)[t];
    std::string verdict = e.verdict == Verdict::met ? "met" : e.verdict == Verdict::not_met ? "not met" : "undecided";
    // Judged only on the replications where its metric applies (docs/optimise.md).
    if (e.n < s.replications(plan))
      verdict += fmt::format(" (applies in {} of {} replications)", e.n, s.replications(plan));
    out << fmt::format("  {:<{}}  {:>8}  {:<{}}  {}\n", o.targets[t].description, width, estimate_text(e), cis[t],
                       ci_width, verdict);
  }
}

// Differences from the answer on each target's metric, paired over the
// replications both received: common random numbers make these far more
// precise than the two plans' own intervals suggest.
void print_paired_differences(std::ostream& out, const optimise::Optimisation& o, const optimise::SearchResult& r,
                              std::size_t plan, std::size_t answer) {
  const std::size_t common = std::min(r.selection.replications(plan), r.selection.replications(answer));
  if (common < 2) return;
  std::string line;
  for (std::size_t t = 0; t < o.targets.size(); ++t) {
    std::vector<double> a, b;
    for (std::size_t k = 0; k < common; ++k) {
      const auto value = [&o, t](double v) {
        // A probability target compares indicators: the mean difference is the difference in probabilities.
        if (o.targets[t].bound.kind != analysis::TargetKind::probability_above_at_most || std::isnan(v)) return v;
        return v > o.targets[t].bound.threshold ? 1.0 : 0.0;
      };
      a.push_back(value(r.values[plan][t][k]));
      b.push_back(value(r.values[answer][t][k]));
    }
    const analysis::Summary d = analysis::paired_difference(a, b);
    const std::string what = o.targets[t].bound.kind == analysis::TargetKind::probability_above_at_most
                                 ? fmt::format("P({} > {:g})", o.targets[t].metric, o.targets[t].bound.threshold)
                                 : o.targets[t].metric;
    const auto sign = [](double v) { return fmt::format("{}{}", v > 0 ? "+" : "", readable_number(v)); };
    line += fmt::format("{}{} {} ({} to {})", line.empty() ? "" : "; ", what, sign(d.mean),
                        d.n > 1 ? sign(d.ci_low) : "-", d.n > 1 ? sign(d.ci_high) : "-");
  }
  out << fmt::format("      vs the answer, paired over {} replications (95% CI): {}\n", common, line);
}

void print_plan_table(std::ostream& out, const optimise::Optimisation& o, const analysis::ConstrainedSelection& s) {
  const std::string over_period = fmt::format("cost over {:g} weeks", o.period.weeks);
  std::size_t width = 4, cost_width = 11, period_width = over_period.size();
  for (const optimise::Plan& p : o.plans) {
    width = std::max(width, p.name.size());
    cost_width = std::max(cost_width, money(p.cost_per_year, o.currency).size());
    period_width = std::max(period_width, money(p.cost_over_period, o.currency).size());
  }
  out << fmt::format("{:<{}}  {:>{}}  {:>{}}  {:>12}  {}\n", "plan", width, over_period, period_width, "cost a year",
                     cost_width, "replications", "status");
  for (const std::size_t p : s.cost_order()) {
    std::string status(analysis::status_name(s.status(p)));
    if (s.chosen() == p) status += " (the answer)";
    // Dropped for its cost: say against what.
    if (const auto best = s.cheapest_shown_feasible(); best && s.status(p) == PlanStatus::dearer) {
      const char* than = s.chosen() ? "the answer" : "the cheapest plan shown feasible";
      status = fmt::format(
          "{} {}", o.plans[p].cost_over_period > o.plans[*best].cost_over_period ? "dearer than" : "same cost as",
          than);
    }
    out << fmt::format("{:<{}}  {:>{}}  {:>{}}  {:>12}  {}\n", o.plans[p].name, width,
                       money(o.plans[p].cost_over_period, o.currency), period_width,
                       money(o.plans[p].cost_per_year, o.currency), cost_width, s.replications(p), status);
  }
}

void print_report(std::ostream& out, const optimise::Optimisation& o, const optimise::SearchResult& r) {
  const analysis::ConstrainedSelection& s = r.selection;
  const std::vector<std::size_t>& order = s.cost_order();
  const std::string confidence = percent(o.schedule.confidence);
  if (const auto answer = s.chosen()) {
    const optimise::Plan& plan = o.plans[*answer];
    out << fmt::format("\nanswer: {} at {} over the {} ({} a year)\n", plan.name,
                       money(plan.cost_over_period, o.currency), optimise::period_in_words(o.period),
                       money(plan.cost_per_year, o.currency));
    for (std::size_t d = 0; d < o.decisions.size(); ++d)
      out << fmt::format("  {}: {}\n", o.decisions[d].is_retention() ? "keep leavers until" : o.decisions[d].field,
                         o.decisions[d].values[plan.choice[d]].text);
    out << fmt::format("With {} confidence this is the cheapest of the {} plans that meets every target.\n", confidence,
                       o.plans.size());
    out << fmt::format("Its targets after {} replications:\n", s.replications(*answer));
    print_targets_table(out, o, s, *answer);

    std::vector<std::size_t> cheaper, no_cheaper;
    for (const std::size_t p : order) {
      if (p == *answer) continue;
      (o.plans[p].cost_over_period < plan.cost_over_period ? cheaper : no_cheaper).push_back(p);
    }
    if (!cheaper.empty()) {
      out << fmt::format("\ncheaper plans, each shown to miss a target ({} of {}, nearest in cost first):\n",
                         std::min(cheaper.size(), kCheaperShown), cheaper.size());
      for (std::size_t i = cheaper.size(); i-- > cheaper.size() - std::min(cheaper.size(), kCheaperShown);) {
        const std::size_t p = cheaper[i];
        out << fmt::format("  {}  {}  {}\n", o.plans[p].name, money(o.plans[p].cost_over_period, o.currency),
                           rejection(o, s, p));
        print_paired_differences(out, o, r, p, *answer);
      }
    }
    if (!no_cheaper.empty()) {
      out << "\nnext plans in cost (not needed):\n";
      for (std::size_t i = 0; i < std::min(no_cheaper.size(), kDearerShown); ++i) {
        const std::size_t p = no_cheaper[i];
        const double extra = o.plans[p].cost_over_period - plan.cost_over_period;
        out << fmt::format(
            "  {}  {}  {}: {}\n", o.plans[p].name, money(o.plans[p].cost_over_period, o.currency),
            extra > 0 ? money(extra, o.currency) + " more over the period" : std::string("the same cost"),
            s.status(p) == PlanStatus::infeasible ? rejection(o, s, p) : "not needed");
        print_paired_differences(out, o, r, p, *answer);
      }
    }
  } else if (s.end() == SelectionEnd::none_feasible) {
    out << fmt::format("\nno plan meets the targets: with {} confidence each of the {} plans misses at least one.\n",
                       confidence, o.plans.size());
    out << "cheapest plans and what they miss:\n";
    for (std::size_t i = 0; i < std::min(order.size(), kCheaperShown); ++i)
      out << fmt::format("  {}  {}  {}\n", o.plans[order[i]].name,
                         money(o.plans[order[i]].cost_over_period, o.currency), rejection(o, s, order[i]));
  } else {
    out << fmt::format("\nno answer with {} confidence: plans were still undecided at max_replications {}.\n",
                       confidence, o.schedule.max_replications);
    const auto best = s.cheapest_shown_feasible();
    if (best) {
      out << fmt::format("cheapest plan shown to meet every target: {} at {} over the period\n", o.plans[*best].name,
                         money(o.plans[*best].cost_over_period, o.currency));
      print_targets_table(out, o, s, *best);
      out << "cheaper plans still undecided (any of them may also meet the targets):\n";
    } else {
      out << "no plan was shown to meet every target; undecided plans (any of them may meet the targets):\n";
    }
    for (const std::size_t p : order) {
      if (best && p == *best) break;
      if (s.status(p) == PlanStatus::undecided)
        out << fmt::format("  {}  {}  {}\n", o.plans[p].name, money(o.plans[p].cost_over_period, o.currency),
                           doubt(o, s, p));
    }
    out << "raise procedure.max_replications to decide them.\n";
  }
  out << '\n';
  print_plan_table(out, o, s);
  out << fmt::format("{} replications in all ({} if every plan had run to max_replications {}){}\n", r.replications_run,
                     o.plans.size() * o.schedule.max_replications, o.schedule.max_replications,
                     r.replications_taken > 0
                         ? fmt::format("; {} of them run before the search was stopped", r.replications_taken)
                         : "");
}

double numeric_value(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  return text.empty() || end != text.c_str() + text.size() ? std::numeric_limits<double>::quiet_NaN() : value;
}

// What the results file records of the optimise file beside the base scenario.
results::ExperimentRecord optimise_file_record(const OptimiseOptions& options, const optimise::Optimisation& o) {
  results::ExperimentRecord record;
  record.name = o.name;
  record.description = o.description;
  record.file = options.optimise_path;
  record.text = o.source.text;
  for (const optimise::Target& t : o.targets)
    if (std::find(record.metrics.begin(), record.metrics.end(), t.metric) == record.metrics.end())
      record.metrics.push_back(t.metric);
  for (const optimise::Decision& d : o.decisions) record.parameter_names.push_back(d.field);
  for (const optimise::Plan& p : o.plans) {
    record.variant_overrides.push_back(p.overrides_yaml);
    for (std::size_t d = 0; d < o.decisions.size(); ++d)
      record.parameter_values.push_back(numeric_value(o.decisions[d].values[p.choice[d]].value_yaml));
  }
  record.initial_replications = o.schedule.initial_replications;
  return record;
}

// With no answer, the plan to name instead: the cheapest shown to meet every
// target; else the one that meets the most targets and then falls shortest
// of the rest (each shortfall as a share of its bound, or in probability),
// the cheapest first on a tie.
std::int64_t nearest_plan(const optimise::Optimisation& o, const analysis::ConstrainedSelection& s) {
  if (s.chosen()) return -1;
  if (const auto best = s.cheapest_shown_feasible()) return static_cast<std::int64_t>(*best);
  std::int64_t nearest = -1;
  std::size_t best_met = 0;
  double best_shortfall = 0.0;
  for (const std::size_t p : s.cost_order()) {
    if (s.replications(p) == 0) continue;
    std::size_t met = 0;
    double shortfall = 0.0;
    for (std::size_t t = 0; t < o.targets.size(); ++t) {
      const analysis::TargetEstimate& e = s.estimates(p)[t];
      if (e.verdict == Verdict::met) {
        ++met;
        continue;
      }
      if (e.n == 0 || std::isnan(e.estimate)) {
        shortfall += 1.0;  // nothing to judge it on: as far off as a bound missed by its whole size
        continue;
      }
      const analysis::SafetyTarget& bound = o.targets[t].bound;
      const double scale =
          bound.kind == analysis::TargetKind::probability_above_at_most ? 1.0 : std::max(std::fabs(bound.bound), 1e-9);
      const double gap =
          bound.kind == analysis::TargetKind::mean_at_least ? bound.bound - e.estimate : e.estimate - bound.bound;
      shortfall += std::max(0.0, gap) / scale;
    }
    if (nearest < 0 || met > best_met || (met == best_met && shortfall < best_shortfall)) {
      nearest = static_cast<std::int64_t>(p);
      best_met = met;
      best_shortfall = shortfall;
    }
  }
  return nearest;
}

// The /optimise table: each plan's cost, replications and status, and each
// target as last judged for it.
results::OptimisationRecord plan_table_of(const optimise::Optimisation& o, const analysis::ConstrainedSelection& s) {
  results::OptimisationRecord plan_table;
  plan_table.confidence = o.schedule.confidence;
  plan_table.interval_confidence = s.interval_confidence();
  plan_table.end = end_name(s.end());
  plan_table.chosen_plan = s.chosen() ? static_cast<std::int64_t>(*s.chosen()) : -1;
  plan_table.currency = o.currency;
  plan_table.period_weeks = o.period.weeks;
  plan_table.period = optimise::period_in_words(o.period);
  plan_table.nearest_plan = nearest_plan(o, s);
  for (const optimise::Target& t : o.targets) plan_table.targets.push_back(t.description);
  for (std::size_t p = 0; p < o.plans.size(); ++p) {
    plan_table.cost_per_year.push_back(o.plans[p].cost_per_year);
    plan_table.cost_over_period.push_back(o.plans[p].cost_over_period);
    plan_table.plan_words.push_back(optimise::plan_in_words(o, o.plans[p]));
    plan_table.replications.push_back(s.replications(p));
    plan_table.status.emplace_back(analysis::status_name(s.status(p)));
    for (const analysis::TargetEstimate& e : s.estimates(p)) {
      const bool judged = s.replications(p) > 0;
      const double nan = std::numeric_limits<double>::quiet_NaN();
      plan_table.target_estimate.push_back(judged ? e.estimate : nan);
      plan_table.target_ci_low.push_back(judged ? e.ci_low : nan);
      plan_table.target_ci_high.push_back(judged ? e.ci_high : nan);
      plan_table.target_verdict.emplace_back(e.verdict == Verdict::met       ? "met"
                                             : e.verdict == Verdict::not_met ? "not met"
                                                                             : "undecided");
    }
  }
  return plan_table;
}

}  // namespace

OptimiseOutcome optimise_command(const OptimiseOptions& options, std::ostream& out, std::ostream& err) {
  optimise::Optimisation o = optimise::load_optimisation(
      options.optimise_path, model::metric_names(),
      options.start_from.empty() ? scenario::TeamSource::scenario_file : scenario::TeamSource::snapshot);
  warn_mechanisms_off(o.plans.front().scenario, o.base_source.path, std::cerr);
  const auto start = start_snapshot(options.start_from, options.lenient, options.salt_file, options.team);
  if (start)
    for (optimise::Plan& p : o.plans)
      p.scenario = scenario::start_from_snapshot(std::move(p.scenario), *start, o.base_source.path);
  // The snapshot's extract date starts the run: the period and its costs follow it.
  if (start) optimise::price_plans(o);
  if (options.threads < 0)
    throw UsageError(fmt::format("--threads: must be 0 (all cores) or more, got {}", options.threads));
  const std::uint64_t seed = options.seed.value_or(o.seed);
  const std::string output = options.output.empty() ? o.name + ".h5" : options.output;
  const OutputLock lock = claim_results_destination({output,
                                                     options.force,
                                                     {{"the optimise file", options.optimise_path},
                                                      {"the base scenario", o.base_source.path},
                                                      {"the --salt-file", options.salt_file}},
                                                     options.resume});

  // The results file is an experiment's, one variant per plan: summary,
  // report and clients read it as they read any other.
  const scenario::Scenario& base = o.plans.front().scenario;
  results::Metadata metadata = runner::results_metadata(base, o.base_source, seed, options.command_line);
  metadata.experiment = optimise_file_record(options, o);

  std::vector<std::string> plan_names;
  for (const optimise::Plan& p : o.plans) plan_names.push_back(p.name);
  const results::Layout layout = runner::results_layout(base, std::move(plan_names), o.schedule.initial_replications);

  runner::RunPlan thread_plan;
  thread_plan.threads = options.threads;
  const int threads = runner::thread_count(thread_plan);

  // The search decides which replications to run; each chunk is recorded as
  // it finishes, the file growing as plans receive more replications.
  const auto started = std::chrono::steady_clock::now();
  runner::Recording recording = start_or_resume(output, metadata, layout, options.resume, "search's");
  // A resumed search takes what the file holds instead of running it again,
  // and decides as it did: the same end, and the same file, as if never stopped.
  std::optional<optimise::RecordedSearch> recorded;
  if (options.resume) {
    recorded.emplace();
    recorded->replications = recording.replications();
    recorded->completed = recording.completed();
    for (const std::size_t metric : optimise::target_metric_indices(o))
      recorded->values.push_back(recording.metric_values(metric));
  }
  // What runs, before the progress and the wait (in a batch job's log too).
  out << fmt::format("casesim {} | optimise {} ({})\n", runner::casesim_version(), o.name, options.optimise_path)
      << std::flush;
  // The search ends when every plan is decided: it knows only the most it may run.
  runner::Progress progress = runner::Progress::at_most(
      err, options.progress, o.plans.size() * o.schedule.max_replications, recorded ? recording.completed_count() : 0);
  const optimise::RecordChunk record_chunk = [&recording, &progress](
                                                 std::span<const runner::ExperimentPair> pairs,
                                                 std::span<const model::ReplicationResult> results) {
    recording.record(pairs, results);
    progress.advance(pairs.size());
  };
  // The file grows to a look's replications before the look: growing it is
  // a copy (Recording::extend_replications), once a look, not once a batch.
  const auto grow = [&recording](std::size_t replications) {
    if (replications > recording.replications()) recording.extend_replications(replications);
  };
  const optimise::SearchResult result = optimise::run_optimisation(
      o, {seed, options.threads, start, options.stop, recorded ? &*recorded : nullptr, grow}, record_chunk);
  progress.finish();
  if (result.stopped) {
    recording.leave_unfinished();
    err << fmt::format(
        "casesim: stopped; {} replications of the search are saved in {}\n"
        "casesim: to continue: {}\n",
        recording.completed_count(), recording.partial(), continue_command(options, output));
    OptimiseOutcome outcome;
    outcome.output = output;
    outcome.interrupted = true;
    return outcome;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  const analysis::ConstrainedSelection& s = result.selection;
  const results::OptimisationRecord plan_table = plan_table_of(o, s);
  recording.finish(plan_table);

  for (const std::string& sentence : analysis::report::optimise_answer(plan_table)) out << sentence << '\n';
  out << '\n';
  out << fmt::format("base scenario {} ({}), {} plans, seed {}, common random numbers\n", base.name, o.base_source.path,
                     o.plans.size(), seed);
  out << fmt::format("{} weeks from {} ({} weeks warm-up, not counted); {} threads, {:.2f} s\n", base.run.horizon_weeks,
                     recording.metadata().start_date, base.run.warm_up_weeks, threads, seconds);
  out << fmt::format("targets, each judged on a {} interval so that all decisions hold together with {} confidence:\n",
                     percent(s.interval_confidence()), percent(o.schedule.confidence));
  for (const optimise::Target& t : o.targets) out << "  " << t.description << '\n';
  print_report(out, o, result);
  out << fmt::format("\nresults: {}\n", output);

  OptimiseOutcome outcome;
  outcome.output = output;
  outcome.end = plan_table.end;
  if (const auto answer = s.chosen()) {
    outcome.chosen_plan = o.plans[*answer].name;
    outcome.chosen_cost_per_year = o.plans[*answer].cost_per_year;
    outcome.chosen_cost_over_period = o.plans[*answer].cost_over_period;
  }
  return outcome;
}

}  // namespace casesim::cli
