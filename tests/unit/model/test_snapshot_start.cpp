// Starting from a snapshot: the team and every child's clocks are set from the
// real dates. Expected days are worked out by hand (no bank holidays, so a
// working week is five working days); day 0 is the extract date, Friday
// 15 January 2027.
#include <gtest/gtest.h>

#include <limits>
#include <memory>

#include "engine/model/team_model.hpp"
#include "engine/scenario/start_from_snapshot.hpp"
#include "tests/support/dates.hpp"
#include "tests/support/trace_recorder.hpp"

namespace casesim::model {
namespace {

using kernel::Date;
using testing::date;

constexpr kernel::Day kNone = std::numeric_limits<kernel::Day>::max();

scenario::Scenario team_scenario() {
  scenario::Scenario s;
  s.name = "snapshot-start";
  s.run.start_date = date(2027, 1, 15);
  s.run.horizon_weeks = 4;
  s.run.warm_up_weeks = 0;
  s.calendar.bank_holidays = "none";
  s.referrals.rate_per_working_day = 0.01;
  auto& p = s.pathways;
  p.cp_plan.visits = {10, 1.0};
  p.cp_plan.first_core_group_working_days = 10;
  p.cp_plan.core_group_interval_working_days = 20;
  p.cp_plan.first_review_months = 3;
  p.cp_plan.review_interval_months = 6;
  p.cp_plan.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 500.0, 0.0};
  p.cin_plan.visits = {20, 1.0};
  p.cin_plan.review_interval_working_days = 60;
  p.cin_plan.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 500.0, 0.0};
  p.looked_after.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 500.0, 0.0};
  p.assessment.visit_within_working_days = 5;
  p.assessment.duration_working_days = {scenario::DurationDistribution::Kind::fixed, 500.0, 0.0};
  s.team.social_workers.push_back({"SW1", 1.0});  // replaced by the snapshot's workers
  return s;
}

snapshot::Snapshot team_snapshot() {
  snapshot::Snapshot snap;
  snap.extract_date = date(2027, 1, 15);
  snap.workers = {{"W-00000001", "Team A", 1.0, false, false, date(2020, 3, 2), std::nullopt},
                  {"W-00000002", "Team A", 0.6, true, false, date(2026, 9, 1), std::nullopt},
                  {"W-00000003", "Team A", 1.0, false, true, date(2026, 12, 1), date(2027, 1, 20)}};
  using Stage = snapshot::Stage;
  auto child = [](std::string id, Stage stage, int worker, Date referral) {
    snapshot::Child c;
    c.pseudonym = std::move(id);
    c.stage = stage;
    c.worker = worker;
    c.referral_date = referral;
    return c;
  };
  snapshot::Child cp = child("C-00000001", Stage::cp_plan, 0, date(2026, 10, 1));
  cp.stage_start = date(2026, 11, 2);
  cp.last_visit = date(2027, 1, 5);
  snapshot::Child assessment = child("C-00000002", Stage::assessment, 1, date(2026, 11, 20));  // 40 working days ago
  assessment.stage_start = date(2026, 11, 25);
  assessment.last_visit = date(2026, 11, 27);
  snapshot::Child cin = child("C-00000003", Stage::cin_plan, 0, date(2026, 6, 1));
  cin.last_visit = date(2026, 12, 1);
  snapshot::Child looked_after = child("C-00000004", Stage::looked_after, 2, date(2023, 12, 1));
  looked_after.stage_start = date(2024, 1, 10);
  looked_after.last_visit = date(2026, 11, 20);
  snapshot::Child referral = child("C-00000005", Stage::referral, -1, date(2027, 1, 13));
  snapshot::Child enquiry = child("C-00000006", Stage::section_47, 0, date(2027, 1, 11));
  enquiry.stage_start = date(2027, 1, 12);
  snap.children = {cp, assessment, cin, looked_after, referral, enquiry};
  return snap;
}

ModelSetup setup_from_snapshot() {
  auto snap = std::make_shared<const snapshot::Snapshot>(team_snapshot());
  return ModelSetup(scenario::start_from_snapshot(team_scenario(), *snap, "test.yaml"), snap);
}

TEST(SnapshotStart, CaseloadsAreTheSnapshotsAllocations) {
  const ModelSetup setup = setup_from_snapshot();
  const TeamModel model(setup, 1, 0, nullptr);
  EXPECT_EQ(model.caseloads(), (std::vector<std::size_t>{3, 1, 1}));
}

TEST(SnapshotStart, ClocksRunFromTheRealDates) {
  const ModelSetup setup = setup_from_snapshot();
  const TeamModel model(setup, 1, 0, nullptr);
  const auto clocks = model.snapshot_clocks();
  ASSERT_EQ(clocks.size(), 6u);

  // CP plan from Mon 2 Nov 2026, last visited Tue 5 Jan: the next visit is 10
  // working days later, Tue 19 Jan (day 4); the first review 3 months after the
  // plan, Tue 2 Feb (day 18); core groups 10 working days after the plan
  // (16 Nov) then every 20 (14 Dec, 11 Jan: taken as held) and next Mon 8 Feb (day 24).
  EXPECT_EQ(clocks[0].worker, 0);
  EXPECT_EQ(clocks[0].due_of(Action::visit), 4);
  EXPECT_EQ(clocks[0].due_of(Action::review), 18);
  EXPECT_EQ(clocks[0].due_of(Action::core_group), 24);

  // An assessment whose referral was 40 working days ago has 5 left: Fri 22 Jan
  // (day 7). The child was seen after it started, so no visit is owed.
  EXPECT_EQ(clocks[1].worker, 1);
  EXPECT_EQ(clocks[1].due_of(Action::assessment), 7);
  EXPECT_EQ(clocks[1].due_of(Action::visit), kNone);

  // CIN plan, last visited Tue 1 Dec: due 20 working days later, Tue 29 Dec, 17
  // days before the extract date: overdue on day one. Reviews every 60 working
  // days from the referral (1 Jun): 24 Aug, 16 Nov, then Mon 8 Feb (day 24).
  EXPECT_EQ(clocks[2].due_of(Action::visit), -17);
  EXPECT_EQ(clocks[2].due_of(Action::review), 24);

  // Looked after since 2024 (past the first year): visits at most every 60
  // working days; last visited Fri 20 Nov, so due Fri 12 Feb (day 28).
  EXPECT_EQ(clocks[3].worker, 2);
  EXPECT_EQ(clocks[3].due_of(Action::visit), 28);

  // An unallocated referral of Wed 13 Jan waits; its assessment is due 45
  // working days after it, Wed 17 Mar (day 61).
  EXPECT_EQ(clocks[4].worker, -1);
  EXPECT_EQ(clocks[4].due_of(Action::assessment), 61);

  // Strategy discussion Tue 12 Jan: conference within 15 working days, Tue 2 Feb
  // (day 18); last visit unknown, so the child is to be seen within the
  // enquiry's standard (1 working day) from now: Mon 18 Jan (day 3).
  EXPECT_EQ(clocks[5].due_of(Action::icpc), 18);
  EXPECT_EQ(clocks[5].due_of(Action::visit), 3);
  EXPECT_EQ(clocks[5].due_of(Action::assessment), 59);
}

TEST(SnapshotStart, AVisitOverdueOnDayOneCountsAtOnceAndEveryChildIsAccountedFor) {
  const ModelSetup setup = setup_from_snapshot();
  EXPECT_EQ(snapshot_visits_overdue_at_start(setup), (std::vector<std::uint8_t>{0, 0, 1, 0, 0, 0}));
  for (std::uint64_t replication = 0; replication < 20; ++replication) {
    const ReplicationResult result = run_replication(setup, 7, replication);
    ASSERT_EQ(result.child_visit_late.size(), 6u);
    EXPECT_EQ(result.child_visit_late[2], 1) << replication;
    EXPECT_GE(result.metric(Metric::visits_overdue), 1.0);
    EXPECT_EQ(result.ledger.open_at_start, 6u);
    EXPECT_TRUE(result.ledger.balances());
  }
}

TEST(SnapshotStart, AWorkerAbsentOnTheExtractDateIsAwayUntilTheirReturn) {
  // W-00000003 (post 2: worker id 2001) is absent up to and including Wed
  // 20 Jan (day 5), so takes the duty decisions only from Thu 21 Jan (day 6).
  scenario::Scenario busy = team_scenario();
  busy.referrals.rate_per_working_day = 3.0;
  auto snap = std::make_shared<const snapshot::Snapshot>(team_snapshot());
  const ModelSetup setup(scenario::start_from_snapshot(busy, *snap, "test.yaml"), snap);
  testing::TraceRecorder trace;
  run_replication(setup, 3, 0, &trace);
  int before = 0, after = 0;
  for (const auto& decision : trace.of("decision")) {
    if (decision.worker != 2001) continue;
    (decision.day < 6 ? before : after) += 1;
  }
  EXPECT_EQ(before, 0);
  EXPECT_GT(after, 0);
}

}  // namespace
}  // namespace casesim::model
