#include "analysis/constrained_selection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include <boost/math/special_functions/beta.hpp>

#include "analysis/statistics.hpp"

namespace casesim::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Verdict verdict_for(TargetKind kind, double bound, double low, double high) {
  if (std::isnan(low) || std::isnan(high)) return Verdict::undecided;
  switch (kind) {
    case TargetKind::mean_at_least:
      if (low >= bound) return Verdict::met;
      if (high < bound) return Verdict::not_met;
      return Verdict::undecided;
    case TargetKind::mean_at_most:
    case TargetKind::probability_above_at_most:
      if (high <= bound) return Verdict::met;
      if (low > bound) return Verdict::not_met;
      return Verdict::undecided;
  }
  return Verdict::undecided;
}

}  // namespace

BinomialInterval clopper_pearson(std::size_t events, std::size_t trials, double confidence) {
  if (trials == 0 || events > trials)
    throw std::invalid_argument("clopper_pearson: needs 0 <= events <= trials, trials >= 1");
  const double alpha = 1.0 - confidence;
  const auto x = static_cast<double>(events), n = static_cast<double>(trials);
  BinomialInterval interval;
  // The bounds are quantiles of Beta(x, n - x + 1) and Beta(x + 1, n - x).
  interval.low = events == 0 ? 0.0 : boost::math::ibeta_inv(x, n - x + 1, alpha / 2);
  interval.high = events == trials ? 1.0 : boost::math::ibeta_inv(x + 1, n - x, 1 - alpha / 2);
  return interval;
}

TargetEstimate judge_target(const SafetyTarget& target, std::span<const double> values, double interval_confidence) {
  TargetEstimate e;
  if (target.kind == TargetKind::probability_above_at_most) {
    std::size_t events = 0;
    for (const double v : values) {
      if (std::isnan(v)) continue;
      ++e.n;
      if (v > target.threshold) ++events;
    }
    if (e.n == 0) {
      e.estimate = e.ci_low = e.ci_high = kNaN;
      return e;
    }
    e.estimate = static_cast<double>(events) / static_cast<double>(e.n);
    const BinomialInterval interval = clopper_pearson(events, e.n, interval_confidence);
    e.ci_low = interval.low;
    e.ci_high = interval.high;
  } else {
    const Summary s = summarise(values, interval_confidence);
    e.n = s.n;
    e.estimate = s.mean;
    e.ci_low = s.ci_low;
    e.ci_high = s.ci_high;
  }
  e.verdict = verdict_for(target.kind, target.bound, e.ci_low, e.ci_high);
  return e;
}

std::size_t SelectionSchedule::looks() const {
  return 1 + (max_replications - initial_replications + batch_replications - 1) / batch_replications;
}

std::size_t SelectionSchedule::replications_at_look(std::size_t look) const {
  return std::min(max_replications, initial_replications + look * batch_replications);
}

double interval_confidence(double confidence, std::size_t plans, std::size_t targets, std::size_t looks) {
  return 1.0 -
         (1.0 - confidence) / (static_cast<double>(plans) * static_cast<double>(targets) * static_cast<double>(looks));
}

std::string_view status_name(PlanStatus status) {
  switch (status) {
    case PlanStatus::undecided: return "undecided";
    case PlanStatus::feasible: return "feasible";
    case PlanStatus::infeasible: return "infeasible";
    case PlanStatus::dearer: return "dearer";
  }
  return "";
}

ConstrainedSelection::ConstrainedSelection(std::vector<double> costs, std::vector<SafetyTarget> targets,
                                           SelectionSchedule schedule)
    : costs_(std::move(costs)), targets_(std::move(targets)), schedule_(schedule) {
  if (costs_.empty() || targets_.empty()) throw std::invalid_argument("ConstrainedSelection: needs plans and targets");
  if (schedule_.initial_replications < 2 || schedule_.batch_replications < 1 ||
      schedule_.max_replications < schedule_.initial_replications)
    throw std::invalid_argument("ConstrainedSelection: needs 2 <= initial <= max replications and a batch >= 1");
  if (!(schedule_.confidence > 0.0 && schedule_.confidence < 1.0))
    throw std::invalid_argument("ConstrainedSelection: confidence must be in (0, 1)");
  interval_confidence_ =
      analysis::interval_confidence(schedule_.confidence, costs_.size(), targets_.size(), schedule_.looks());
  order_.resize(costs_.size());
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  std::stable_sort(order_.begin(), order_.end(),
                   [this](std::size_t a, std::size_t b) { return costs_[a] < costs_[b]; });
  status_.assign(costs_.size(), PlanStatus::undecided);
  replications_.assign(costs_.size(), 0);
  estimates_.assign(costs_.size(), std::vector<TargetEstimate>(targets_.size()));
}

std::vector<std::size_t> ConstrainedSelection::plans_to_run() const {
  std::vector<std::size_t> plans;
  if (end_ != SelectionEnd::running) return plans;
  // Everything no cheaper than the cheapest plan shown feasible is already dropped.
  for (const std::size_t p : order_)
    if (status_[p] == PlanStatus::undecided) plans.push_back(p);
  std::sort(plans.begin(), plans.end());
  return plans;
}

void ConstrainedSelection::record_look(const std::vector<std::vector<std::vector<double>>>& values) {
  if (end_ != SelectionEnd::running) throw std::logic_error("ConstrainedSelection: the search has ended");
  if (values.size() != costs_.size()) throw std::invalid_argument("ConstrainedSelection: values for every plan needed");
  const std::size_t n = next_replications();
  for (const std::size_t p : plans_to_run()) {
    if (values[p].size() != targets_.size())
      throw std::invalid_argument("ConstrainedSelection: values for every target needed");
    bool all_met = true, any_not_met = false;
    for (std::size_t t = 0; t < targets_.size(); ++t) {
      if (values[p][t].size() != n)
        throw std::invalid_argument("ConstrainedSelection: plan " + std::to_string(p) + " has " +
                                    std::to_string(values[p][t].size()) + " replications, expected " +
                                    std::to_string(n));
      estimates_[p][t] = judge_target(targets_[t], values[p][t], interval_confidence_);
      all_met = all_met && estimates_[p][t].verdict == Verdict::met;
      any_not_met = any_not_met || estimates_[p][t].verdict == Verdict::not_met;
    }
    replications_[p] = n;
    if (any_not_met) {
      status_[p] = PlanStatus::infeasible;
    } else if (all_met) {
      status_[p] = PlanStatus::feasible;
    }
  }
  // Every other plan no cheaper than the cheapest plan shown feasible is
  // dropped (an equal cost cannot beat it); plans shown infeasible keep saying so.
  if (const auto best = cheapest_shown_feasible())
    for (const std::size_t p : order_)
      if (p != *best && costs_[p] >= costs_[*best] && status_[p] != PlanStatus::infeasible)
        status_[p] = PlanStatus::dearer;
  ++look_;
  finish_if_done();
}

void ConstrainedSelection::finish_if_done() {
  const bool any_undecided = std::find(status_.begin(), status_.end(), PlanStatus::undecided) != status_.end();
  const bool all_infeasible =
      std::all_of(status_.begin(), status_.end(), [](PlanStatus s) { return s == PlanStatus::infeasible; });
  if (all_infeasible) {
    end_ = SelectionEnd::none_feasible;
  } else if (cheapest_shown_feasible() && !any_undecided) {
    // Every plan cheaper than it was shown infeasible (undecided ones no
    // cheaper were dropped), so it is the answer.
    end_ = SelectionEnd::chosen;
  } else if (look_ >= schedule_.looks()) {
    end_ = SelectionEnd::budget_spent;
  }
}

std::optional<std::size_t> ConstrainedSelection::cheapest_shown_feasible() const {
  for (const std::size_t p : order_)
    if (status_[p] == PlanStatus::feasible) return p;
  return std::nullopt;
}

std::optional<std::size_t> ConstrainedSelection::chosen() const {
  if (end_ != SelectionEnd::chosen) return std::nullopt;
  return cheapest_shown_feasible();
}

}  // namespace casesim::analysis
