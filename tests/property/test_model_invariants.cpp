// Invariants over many random scenarios and seeds (RapidCheck): whatever the
// team, demand and policy, every referral is accounted for, a hard cap is never
// exceeded, no count or clock is negative or impossible, every open child is
// counted in exactly one stage whether allocated or waiting, no share leaves
// [0, 1], and no child ever has two open cases.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "engine/model/replication.hpp"
#include "engine/model/trace.hpp"
#include "tests/support/test_scenarios.hpp"

namespace casesim {
namespace {

using model::Metric;
using Kind = scenario::DurationDistribution::Kind;

double share() {
  return *rc::gen::inRange(0, 101) / 100.0;
}

scenario::DurationDistribution random_duration(int max_quarter_days) {
  const Kind kind = *rc::gen::element(Kind::fixed, Kind::exponential, Kind::lognormal, Kind::gamma);
  const double mean = *rc::gen::inRange(1, max_quarter_days) / 4.0;
  const double sd =
      (kind == Kind::lognormal || kind == Kind::gamma) ? *rc::gen::inRange(1, max_quarter_days) / 4.0 : 0.0;
  return {kind, mean, sd};
}

// Shares that sum to 1: cut points of a sorted uniform sample.
template <std::size_t N>
std::array<double, N> random_mix() {
  std::array<double, N> cuts{};
  for (auto& c : cuts) c = share();
  std::sort(cuts.begin(), cuts.end());
  std::array<double, N> mix{};
  double last = 0.0;
  for (std::size_t i = 0; i + 1 < N; ++i) {
    mix[i] = cuts[i] - last;
    last = cuts[i];
  }
  mix[N - 1] = 1.0 - last;
  return mix;
}

// Bands of whole working days from 0 to about `most`, shares summing to 1.
scenario::DurationDistribution random_bands(int most) {
  std::vector<scenario::DurationBand> bands;
  const int count = *rc::gen::inRange(1, 5);
  const std::array<double, 4> mix = random_mix<4>();
  int from = 0;
  double total = 0.0;
  for (int b = 0; b < count; ++b) {
    const int to = from + *rc::gen::inRange(0, std::max(1, most / count));
    const double part = b + 1 == count ? 1.0 - total : mix[static_cast<std::size_t>(b)];
    bands.push_back({from, to, part});
    total += part;
    from = to + 1;
  }
  return scenario::DurationDistribution(std::move(bands));
}

// Counts each child's open cases from the trace, and remembers the most any
// child ever had at once.
class OpenCasesPerChild : public model::TraceSink {
 public:
  void record(const model::TraceRecord& r) override {
    if (r.event == "case_opened") most_ = std::max(most_, ++open_[r.child]);
    if (r.event == "closed") --open_[r.child];
  }
  int most() const { return most_; }

 private:
  std::unordered_map<std::int64_t, int> open_;
  int most_ = 0;
};

// Metrics that are a share or a mean, "not applicable" (NaN) when they have
// nothing to count; every other metric is a count, total or maximum.
bool is_share_or_mean(Metric m) {
  switch (m) {
    case Metric::urgent_detection_delay_mean:
    case Metric::unallocated_wait_mean:
    case Metric::cases_waited_share:
    case Metric::assessments_within_standard_share:
    case Metric::visit_days_overdue_mean:
    case Metric::caseload_per_fte_mean:
    case Metric::worker_days_over_cap_share:
    case Metric::turnover_rate:
    case Metric::vacancy_rate:
    case Metric::agency_share: return true;
    default: return false;
  }
}

bool is_share(Metric m) {
  return m == Metric::cases_waited_share || m == Metric::assessments_within_standard_share ||
         m == Metric::worker_days_over_cap_share || m == Metric::vacancy_rate || m == Metric::agency_share;
}

scenario::Scenario random_scenario() {
  using namespace scenario;
  Scenario s;
  s.name = "random";
  s.calendar.bank_holidays = "none";
  s.run.horizon_weeks = *rc::gen::inRange(1, 40);
  s.run.warm_up_weeks = *rc::gen::inRange(0, s.run.horizon_weeks);
  s.referrals.arrival_process =
      *rc::gen::element(ReferralSettings::ArrivalProcess::poisson, ReferralSettings::ArrivalProcess::regular);
  s.referrals.rate_per_working_day = *rc::gen::inRange(1, 200) / 40.0;
  for (auto& w : s.referrals.weekday_profile) w = *rc::gen::inRange(1, 20) / 10.0;
  for (auto& m : s.referrals.month_profile) m = *rc::gen::inRange(1, 20) / 10.0;
  s.referrals.need_mix = random_mix<kNeedLevels>();
  s.referrals.re_referral_share = share();
  s.triage.duty_decisions_per_working_day = *rc::gen::inRange(0, 8);
  s.triage.decision_hours = *rc::gen::inRange(0, 8) / 4.0;
  s.triage.decision_standard_working_days = *rc::gen::inRange(0, 4);
  for (auto& row : s.triage.response_by_need) row = random_mix<kResponses>();
  const double base = share() / 2;
  s.triage.error = {base, share() / 10, share() / 10, base + share() / 2};
  s.triage.caught_at_first_visit_share = share();
  auto& p = s.pathways;
  p.planning_window_working_days = *rc::gen::inRange(0, 6);
  p.assessment.duration_working_days = random_duration(200);
  p.assessment.hours = *rc::gen::inRange(0, 60) / 2.0;
  const auto outcomes = random_mix<4>();
  p.assessment.outcomes = {outcomes[0], outcomes[1], outcomes[2], outcomes[3]};
  p.assessment.visit_hours = *rc::gen::inRange(0, 16) / 4.0;
  p.assessment.visit_within_working_days = *rc::gen::inRange(0, 10);
  p.assessment.weight = *rc::gen::inRange(1, 8) / 4.0;
  p.section_47 = {share() * 4, *rc::gen::inRange(1, 20), share() * 8, share(),
                  share(),     *rc::gen::inRange(0, 5),  std::nullopt};
  p.cp_plan.visits = {*rc::gen::inRange(0, 30), share() * 6};
  p.cp_plan.first_core_group_working_days = *rc::gen::inRange(0, 15);
  p.cp_plan.core_group_interval_working_days = *rc::gen::inRange(0, 40);
  p.cp_plan.core_group_hours = share() * 4;
  p.cp_plan.first_review_months = *rc::gen::inRange(0, 4);
  p.cp_plan.review_interval_months = *rc::gen::inRange(0, 7);
  p.cp_plan.review_hours = share() * 6;
  p.cp_plan.duration_working_days = random_duration(800);
  p.cp_plan.step_down_to_cin_share = share();
  p.cp_plan.weight = *rc::gen::inRange(1, 8) / 4.0;
  p.cin_plan.visits = {*rc::gen::inRange(0, 40), share() * 6};
  p.cin_plan.review_interval_working_days = *rc::gen::inRange(0, 70);
  p.cin_plan.review_hours = share() * 4;
  p.cin_plan.duration_working_days = random_duration(800);
  p.looked_after.first_visit_working_days = *rc::gen::inRange(0, 6);
  p.looked_after.visit_interval_first_year_working_days = *rc::gen::inRange(0, 40);
  p.looked_after.visit_interval_later_working_days = *rc::gen::inRange(0, 70);
  p.looked_after.visit_hours = share() * 6;
  p.looked_after.duration_working_days = random_duration(800);
  s.team.full_time_hours_per_week = *rc::gen::inRange(0, 45);
  s.team.non_case_share = share() / 2;
  const int workers = *rc::gen::inRange(1, 10);
  for (int i = 0; i < workers; ++i)
    s.team.social_workers.push_back({"SW" + std::to_string(i), *rc::gen::inRange(1, 11) / 10.0,
                                     *rc::gen::arbitrary<bool>(), *rc::gen::arbitrary<bool>()});
  s.team.manager.supervision_hours_per_week = *rc::gen::inRange(0, 12);
  s.team.manager.unallocated_work_hours_per_week = *rc::gen::inRange(0, 20);
  s.workforce.annual_leave_days_per_fte = *rc::gen::inRange(0, 40);
  s.workforce.sickness = {share() * 10, random_duration(60), share() * 3};
  auto& t = s.workforce.turnover;
  t.annual_rate = share();
  t.overload_multiplier = share() * 3;
  t.sickness_multiplier = share() * 5;
  t.notice_weeks = *rc::gen::inRange(0, 8);
  t.recruitment_lag_weeks = random_duration(100);
  t.newly_qualified_recruit_share = share();
  t.agency_fill_share = share();
  t.agency_start_delay_weeks = *rc::gen::inRange(0, 6);
  t.agency_tenure_weeks = random_duration(200);
  t.handover_hours_per_case = share() * 3;
  s.workforce.manager = {share(), *rc::gen::inRange(0, 8), random_duration(100), share()};
  s.workforce.newly_qualified_cap_share = *rc::gen::inRange(1, 11) / 10.0;
  s.workforce.manageable_cases_per_fte = *rc::gen::inRange(0, 30);
  s.supervision = {*rc::gen::arbitrary<bool>(), *rc::gen::inRange(0, 9), share() * 3, share() / 10, share()};
  s.policy.caseload_cap = {*rc::gen::element(CaseloadCap::Basis::per_fte, CaseloadCap::Basis::per_worker),
                           static_cast<double>(*rc::gen::inRange(1, 30)),
                           *rc::gen::element(CaseloadCap::Kind::hard, CaseloadCap::Kind::soft),
                           *rc::gen::arbitrary<bool>()};
  s.policy.prioritisation = *rc::gen::element(Prioritisation::earliest_deadline, Prioritisation::highest_risk,
                                              Prioritisation::first_in_first_out);
  s.policy.absence_cover = *rc::gen::element(AbsenceCover::none, AbsenceCover::duty);
  s.policy.unallocated_cover =
      *rc::gen::element(UnallocatedCover::none, UnallocatedCover::duty, UnallocatedCover::manager);
  if (*rc::gen::arbitrary<bool>()) s.pathways.assessment.planned_working_days = random_bands(90);
  if (*rc::gen::arbitrary<bool>()) s.pathways.section_47.booked_working_days = random_bands(30);
  s.policy.escalation = {*rc::gen::arbitrary<bool>(),
                         *rc::gen::inRange(0, 10),
                         *rc::gen::inRange(0, 20),
                         *rc::gen::arbitrary<bool>(),
                         *rc::gen::inRange(0, 6),
                         *rc::gen::inRange(1, 12),
                         share() * 8,
                         *rc::gen::inRange(0, 4),
                         *rc::gen::inRange(1, 4)};
  return s;
}

RC_GTEST_PROP(ModelInvariants, HoldForRandomScenariosAndSeeds, ()) {
  const scenario::Scenario s = random_scenario();
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  const auto replication = *rc::gen::inRange<std::uint64_t>(0, 1000);
  const model::ModelSetup setup(s);
  OpenCasesPerChild children;
  const auto r = model::run_replication(setup, seed, replication, &children);

  RC_ASSERT(r.ledger.balances());
  if (s.policy.caseload_cap.kind == scenario::CaseloadCap::Kind::hard) RC_ASSERT(r.most_over_cap <= 1e-9);
  RC_ASSERT(r.most_hours_over_available <= 1e-9);
  // One child, one open case: a concern about an open child joins that case.
  RC_ASSERT(children.most() <= 1);
  for (std::size_t m = 0; m < model::kMetricCount; ++m) {
    const auto metric = static_cast<Metric>(m);
    const double v = r.summary[m];
    if (std::isnan(v)) {
      RC_ASSERT(is_share_or_mean(metric));  // only a share or mean may have nothing to count
    } else {
      RC_ASSERT(std::isfinite(v) && v >= 0.0);
      if (is_share(metric)) RC_ASSERT(v <= 1.0);
    }
  }
  if (r.metric(Metric::assessments_completed) == 0)
    RC_ASSERT(std::isnan(r.metric(Metric::assessments_within_standard_share)));
  else
    RC_ASSERT(!std::isnan(r.metric(Metric::assessments_within_standard_share)));
  for (double v : r.weekly) RC_ASSERT(std::isfinite(v) && v >= 0.0);
  // Every child open at the end is in exactly one stage, allocated or waiting,
  // and every one whose visit is overdue is in the last week's overdue series.
  std::uint64_t open = 0, waiting = 0, overdue = 0;
  for (std::size_t stage = 0; stage < model::kStageCount; ++stage) {
    open += r.census.open[stage];
    waiting += r.census.waiting[stage];
    overdue += r.census.visit_overdue[stage];
    RC_ASSERT(r.census.waiting[stage] <= r.census.open[stage]);
    RC_ASSERT(r.census.visit_overdue[stage] <= r.census.open[stage]);
  }
  RC_ASSERT(open == r.ledger.open_allocated + r.ledger.waiting_allocation);
  RC_ASSERT(waiting == r.ledger.waiting_allocation);
  const std::size_t weeks = static_cast<std::size_t>(s.run.horizon_weeks);
  RC_ASSERT(static_cast<double>(overdue) == r.weekly[model::index(model::Series::overdue_visits) * weeks + weeks - 1]);
  RC_ASSERT(r.metric(Metric::unallocated_at_end) == static_cast<double>(r.ledger.waiting_allocation));
  // Children past their standard: each counted once overall, at most once per standard.
  double by_group = 0.0;
  for (const Metric m :
       {Metric::children_past_visit_standard_assessment, Metric::children_past_visit_standard_section_47,
        Metric::children_past_visit_standard_cp, Metric::children_past_visit_standard_cin,
        Metric::children_past_visit_standard_looked_after_first_year,
        Metric::children_past_visit_standard_looked_after_later})
    by_group += r.metric(m);
  RC_ASSERT(r.metric(Metric::children_past_visit_standard) <= by_group);
  RC_ASSERT((r.metric(Metric::children_past_visit_standard) == 0) == (by_group == 0));
  RC_ASSERT(r.weekly.size() == model::kSeriesCount * static_cast<std::size_t>(s.run.horizon_weeks));
  RC_ASSERT(r.metric(Metric::visits_overdue) <= r.metric(Metric::visits_due));
  RC_ASSERT(r.metric(Metric::core_groups_late) <= r.metric(Metric::core_groups_due));
  RC_ASSERT(r.metric(Metric::reviews_late) <= r.metric(Metric::reviews_due));
  RC_ASSERT(r.metric(Metric::icpcs_late) <= r.metric(Metric::icpcs_held));
  RC_ASSERT(r.metric(Metric::supervision_missed) <= r.metric(Metric::supervision_due));
  RC_ASSERT(r.metric(Metric::decisions_late) <= r.metric(Metric::referrals_received));
  RC_ASSERT(r.metric(Metric::referrals_accepted) <= r.metric(Metric::referrals_received));
  RC_ASSERT(r.metric(Metric::urgent_not_identified) <= r.metric(Metric::urgent_referrals));
  // A mean is at most the maximum, where it applies at all.
  const auto within_max = [&](Metric mean, Metric max) {
    return std::isnan(r.metric(mean)) || r.metric(mean) <= r.metric(max) + 1e-9;
  };
  RC_ASSERT(within_max(Metric::visit_days_overdue_mean, Metric::visit_days_overdue_max));
  RC_ASSERT(within_max(Metric::unallocated_wait_mean, Metric::unallocated_wait_max));
  RC_ASSERT(r.metric(Metric::longest_current_wait) <= r.metric(Metric::unallocated_wait_max) + 1e-9);
  RC_ASSERT(r.metric(Metric::visits_to_waiting_children) <= r.metric(Metric::visits_due));
}

}  // namespace
}  // namespace casesim
