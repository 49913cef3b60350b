// Invariants over many random scenarios and seeds (RapidCheck): whatever the
// team, demand and policy, every referral is accounted for, a hard cap is never
// exceeded, and no count or clock is negative or impossible.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "engine/model/replication.hpp"
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
  p.section_47 = {share() * 4, *rc::gen::inRange(1, 20), share() * 8, share(), share(), *rc::gen::inRange(0, 5)};
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
  s.workforce.annual_leave_days_per_fte = *rc::gen::inRange(0, 40);
  s.workforce.sickness = {share() * 10, random_duration(60), share() * 3};
  auto& t = s.workforce.turnover;
  t.annual_rate = share();
  t.overload_multiplier = share() * 3;
  t.notice_weeks = *rc::gen::inRange(0, 8);
  t.recruitment_lag_weeks = random_duration(100);
  t.newly_qualified_recruit_share = share();
  t.agency_fill_share = share();
  t.agency_start_delay_weeks = *rc::gen::inRange(0, 6);
  t.agency_tenure_weeks = random_duration(200);
  t.handover_hours_per_case = share() * 3;
  s.workforce.manager = {share(), *rc::gen::inRange(0, 8), random_duration(100), share()};
  s.workforce.newly_qualified_cap_share = *rc::gen::inRange(1, 11) / 10.0;
  s.supervision = {*rc::gen::inRange(0, 9), share() * 3, share() / 10, share()};
  s.policy.caseload_cap = {*rc::gen::element(CaseloadCap::Basis::per_fte, CaseloadCap::Basis::per_worker),
                           static_cast<double>(*rc::gen::inRange(1, 30)),
                           *rc::gen::element(CaseloadCap::Kind::hard, CaseloadCap::Kind::soft),
                           *rc::gen::arbitrary<bool>()};
  s.policy.prioritisation = *rc::gen::element(Prioritisation::earliest_deadline, Prioritisation::highest_risk,
                                              Prioritisation::first_in_first_out);
  s.policy.absence_cover = *rc::gen::element(AbsenceCover::none, AbsenceCover::duty);
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
  const auto r = model::run_replication(setup, seed, replication);

  RC_ASSERT(r.ledger.balances());
  if (s.policy.caseload_cap.kind == scenario::CaseloadCap::Kind::hard) RC_ASSERT(r.most_over_cap <= 1e-9);
  RC_ASSERT(r.most_hours_over_available <= 1e-9);
  for (double v : r.summary) RC_ASSERT(std::isfinite(v) && v >= 0.0);
  for (double v : r.weekly) RC_ASSERT(std::isfinite(v) && v >= 0.0);
  RC_ASSERT(r.weekly.size() == model::kSeriesCount * static_cast<std::size_t>(s.run.horizon_weeks));
  RC_ASSERT(r.metric(Metric::visits_overdue) <= r.metric(Metric::visits_due));
  RC_ASSERT(r.metric(Metric::core_groups_late) <= r.metric(Metric::core_groups_due));
  RC_ASSERT(r.metric(Metric::reviews_late) <= r.metric(Metric::reviews_due));
  RC_ASSERT(r.metric(Metric::icpcs_late) <= r.metric(Metric::icpcs_held));
  RC_ASSERT(r.metric(Metric::supervision_missed) <= r.metric(Metric::supervision_due));
  RC_ASSERT(r.metric(Metric::decisions_late) <= r.metric(Metric::referrals_received));
  RC_ASSERT(r.metric(Metric::referrals_accepted) <= r.metric(Metric::referrals_received));
  RC_ASSERT(r.metric(Metric::urgent_not_identified) <= r.metric(Metric::urgent_referrals));
  RC_ASSERT(r.metric(Metric::children_unvisited_3_months) <= r.metric(Metric::children_unvisited_6_weeks));
  RC_ASSERT(r.metric(Metric::visit_days_overdue_mean) <= r.metric(Metric::visit_days_overdue_max));
  RC_ASSERT(r.metric(Metric::unallocated_wait_mean) <= r.metric(Metric::unallocated_wait_max));
  RC_ASSERT(r.metric(Metric::agency_share) <= 1.0);
  RC_ASSERT(r.metric(Metric::assessments_within_standard_share) <= 1.0);
  RC_ASSERT(r.metric(Metric::worker_days_over_cap_share) <= 1.0);
}

}  // namespace
}  // namespace casesim
