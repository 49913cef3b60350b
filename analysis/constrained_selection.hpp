#pragma once
// Constrained ranking and selection when costs are known: find the cheapest of
// a set of plans whose safety targets hold, spending replications only where a
// plan's feasibility is still in doubt. No simulation here: the caller runs the
// replications this asks for and hands back the values, so every decision can
// be tested on made-up numbers. docs/optimise.md states the procedure and its
// guarantee.
//
// The guarantee rests on one event: every confidence interval the procedure
// could ever build (each plan x each target x each look) covers its true
// value. Each is built at a Bonferroni-corrected level, so that event has
// probability at least `confidence`; on it, every plan declared infeasible is
// infeasible and every plan declared feasible is feasible, so a plan chosen
// with every cheaper plan declared infeasible is the cheapest feasible plan.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace casesim::analysis {

enum class TargetKind {
  mean_at_most,               // E[metric] <= bound
  mean_at_least,              // E[metric] >= bound
  probability_above_at_most,  // P(metric > threshold in a replication) <= bound
};

struct SafetyTarget {
  TargetKind kind = TargetKind::mean_at_most;
  double bound = 0.0;      // the bound on the mean, or the largest allowed probability
  double threshold = 0.0;  // probability_above_at_most only
};

enum class Verdict { undecided, met, not_met };

struct TargetEstimate {
  std::size_t n = 0;      // replications counted (NaN values are left out)
  double estimate = 0.0;  // the mean, or the share of replications above the threshold
  double ci_low = 0.0;    // at the level the estimate was judged at; NaN when n is too small
  double ci_high = 0.0;
  Verdict verdict = Verdict::undecided;
};

// Student-t interval for a mean (n >= 2), Clopper-Pearson (exact binomial)
// interval for a probability (n >= 1); met when the interval lies wholly on the
// allowed side of the bound (touching it counts), not met when it lies wholly
// beyond it.
TargetEstimate judge_target(const SafetyTarget& target, std::span<const double> values, double interval_confidence);

struct BinomialInterval {
  double low = 0.0;
  double high = 1.0;
};
// Clopper-Pearson: the two-sided exact interval for a binomial proportion,
// whose coverage is at least `confidence` for every true proportion. events <=
// trials and trials >= 1 (std::invalid_argument otherwise).
BinomialInterval clopper_pearson(std::size_t events, std::size_t trials, double confidence);

// When each look happens: every plan still running is brought to
// initial_replications, then batch_replications more at each look, never past
// max_replications.
struct SelectionSchedule {
  double confidence = 0.95;  // overall, for all decisions together
  std::size_t initial_replications = 20;
  std::size_t batch_replications = 20;
  std::size_t max_replications = 200;

  // 1 + ceil((max - initial) / batch): the most looks any plan can have.
  std::size_t looks() const;
  // Replications every running plan has after look `look` (0-based).
  std::size_t replications_at_look(std::size_t look) const;
};

// The level of each interval: 1 - (1 - confidence) / (plans x targets x looks),
// so that all of them hold together with probability >= confidence.
double interval_confidence(double confidence, std::size_t plans, std::size_t targets, std::size_t looks);

enum class PlanStatus {
  undecided,   // not yet shown feasible or infeasible
  feasible,    // every target shown met: the answer if it is the cheapest not shown infeasible
  infeasible,  // some target shown not met
  dearer,      // no cheaper than the cheapest plan shown feasible: not worth running
};

std::string_view status_name(PlanStatus status);  // "undecided", "feasible", ...

// Why a search stopped.
enum class SelectionEnd {
  running,
  chosen,         // the cheapest plan not shown infeasible was shown feasible
  none_feasible,  // every plan was shown infeasible
  budget_spent,   // plans were still undecided at max_replications
};

class ConstrainedSelection {
 public:
  // costs[p]: plan p's cost, known exactly. Needs at least one plan and one
  // target, initial_replications >= 2, batch_replications >= 1,
  // max_replications >= initial_replications, confidence in (0, 1)
  // (std::invalid_argument otherwise).
  ConstrainedSelection(std::vector<double> costs, std::vector<SafetyTarget> targets, SelectionSchedule schedule);

  // The plans to run before the next look, in plan order, each to be brought to
  // next_replications(). Empty once the search has ended.
  std::vector<std::size_t> plans_to_run() const;
  std::size_t next_replications() const { return schedule_.replications_at_look(look_); }

  // values[p][t]: target t's metric in each replication plan p has run so far
  // (size: its replications); plans not in plans_to_run() are ignored. Judges
  // the plans that ran, drops what can be dropped, and decides whether to stop.
  void record_look(const std::vector<std::vector<std::vector<double>>>& values);

  SelectionEnd end() const { return end_; }
  // The answer when end() is chosen; otherwise the cheapest plan shown
  // feasible, if any (with budget_spent, cheaper plans may be undecided).
  std::optional<std::size_t> cheapest_shown_feasible() const;
  std::optional<std::size_t> chosen() const;

  const std::vector<std::size_t>& cost_order() const { return order_; }  // cheapest first; ties in plan order
  PlanStatus status(std::size_t plan) const { return status_[plan]; }
  std::size_t replications(std::size_t plan) const { return replications_[plan]; }
  // The targets as judged at the plan's last look (default, undecided, before any).
  const std::vector<TargetEstimate>& estimates(std::size_t plan) const { return estimates_[plan]; }
  std::size_t looks_taken() const { return look_; }
  double interval_confidence() const { return interval_confidence_; }
  const SelectionSchedule& schedule() const { return schedule_; }
  const std::vector<double>& costs() const { return costs_; }

 private:
  void finish_if_done();

  std::vector<double> costs_;
  std::vector<SafetyTarget> targets_;
  SelectionSchedule schedule_;
  double interval_confidence_ = 0.0;
  std::vector<std::size_t> order_;
  std::vector<PlanStatus> status_;
  std::vector<std::size_t> replications_;
  std::vector<std::vector<TargetEstimate>> estimates_;
  std::size_t look_ = 0;
  SelectionEnd end_ = SelectionEnd::running;
};

}  // namespace casesim::analysis
