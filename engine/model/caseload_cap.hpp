#pragma once
// The caseload cap in force: the scenario's cap as dated changes have moved
// it, the allowance over it that escalation grants until the next review, the
// protected share for newly qualified workers, and what each case counts for.
// One value, so that allocation, triage and the measures all read the same cap.
#include <array>
#include <cmath>

#include "engine/model/statutory_actions.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::model {

class CaseloadCapInForce {
 public:
  explicit CaseloadCapInForce(const scenario::Scenario& scenario)
      : cap_(scenario.policy.caseload_cap),
        newly_qualified_share_(scenario.workforce.newly_qualified_cap_share),
        weights_(stage_weights(scenario.pathways)),
        full_time_cap_(for_fte(cap_, 1.0)) {}

  // A worker's cap: per FTE, a part-time worker's share rounded down (a 0.6
  // FTE worker under a cap of 18 per FTE holds at most 10); per worker, the
  // same number for everyone, which is how part-time staff end up with
  // full-time caseloads.
  static double for_fte(const scenario::CaseloadCap& cap, double fte) {
    if (cap.basis == scenario::CaseloadCap::Basis::per_worker) return std::floor(cap.cases + 1e-9);
    return std::floor(cap.cases * fte + 1e-9);
  }

  // This worker's cap, in cases (or weighted cases under a weighted cap); a
  // newly qualified worker's first year is protected by a lower one, and a new
  // starter within their ramp-up holds `ramp_share` of it.
  double for_worker(double fte, bool in_first_year_newly_qualified, double ramp_share = 1.0) const {
    // A full-time worker's (everyone's, per worker) is worked out once: it is
    // read for every post at every allocation and daily measure.
    const double full =
        fte == 1.0 || cap_.basis == scenario::CaseloadCap::Basis::per_worker ? full_time_cap_ : for_fte(cap_, fte);
    const double cases = ramp_share < 1.0 ? std::floor(full * ramp_share + 1e-9) : full;
    return in_first_year_newly_qualified ? std::floor(cases * newly_qualified_share_ + 1e-9) : cases;
  }

  // What a case at this stage counts for on its worker's caseload.
  double weight(Stage stage) const { return cap_.weighted ? weights_[index(stage)] : 1.0; }

  // Whether a worker holding `load` may take a case of `weight`: under a hard
  // cap, only within their cap plus the escalation allowance.
  bool has_room(double load, double weight, double fte, bool in_first_year_newly_qualified,
                double ramp_share = 1.0) const {
    return !hard() || load + weight <= most_load(fte, in_first_year_newly_qualified, ramp_share);
  }
  // Under a hard cap, the most a worker may hold after taking a case: their
  // cap, the escalation allowance, and a tolerance for the sums of weights.
  double most_load(double fte, bool in_first_year_newly_qualified, double ramp_share = 1.0) const {
    return for_worker(fte, in_first_year_newly_qualified, ramp_share) + over_cap_allowance_ + 1e-9;
  }

  bool hard() const { return cap_.kind == scenario::CaseloadCap::Kind::hard; }
  double over_cap_allowance() const { return over_cap_allowance_; }

  void change_cases(double cases) {  // a dated change
    cap_.cases = cases;
    full_time_cap_ = for_fte(cap_, 1.0);
  }
  void allow_over_cap(double cases) { over_cap_allowance_ = cases; }  // escalation, until its next review

 private:
  scenario::CaseloadCap cap_;
  double newly_qualified_share_ = 1.0;
  double over_cap_allowance_ = 0.0;
  std::array<double, kStageCount> weights_{};
  double full_time_cap_ = 0.0;  // for_fte(cap_, 1.0)
};

}  // namespace casesim::model
