// TeamModel: starting a replication from a snapshot of a real team. Each open
// child is put into its stage by the same functions the run uses, on the
// stage's real start date, and then its clocks are set from its real dates:
// the next visit from the last one, the next review from the latest review.
#include <cmath>

#include "engine/model/team_model.hpp"

namespace casesim::model {

using kernel::Day;

void TeamModel::start_from_snapshot(const snapshot::Snapshot& snapshot) {
  for (std::size_t p = 0; p < snapshot.workers.size(); ++p) {
    const snapshot::Worker& worker = snapshot.workers[p];
    Post& post = posts_[p];
    post.fte = worker.fte;
    start_worker(p, worker.agency ? Post::Holder::agency : Post::Holder::permanent, 0, worker.newly_qualified);
    // A newly qualified worker's protected first year runs from their real start.
    post.started_day = calendar_.day_of(worker.started);
    if (worker.absent_until) post.absent_until = calendar_.day_of(*worker.absent_until) + 1;
  }
  // Referral keys 0..n-1 are the snapshot's children; new referrals follow.
  referrals_ = snapshot.children.size();
  result_.child_visit_late.assign(snapshot.children.size(), 0);
  for (std::size_t i = 0; i < snapshot.children.size(); ++i)
    open_snapshot_case(snapshot.children[i], static_cast<std::int32_t>(i));
  result_.ledger.open_at_start = snapshot.children.size();
  // Putting the children into their stages is history, not part of the run.
  tally_ = Tally{};
}

void TeamModel::open_snapshot_case(const snapshot::Child& child, std::int32_t child_index) {
  using SnapshotStage = snapshot::Stage;
  const auto& pathways = scenario_.pathways;
  const Day referral_day = calendar_.day_of(child.referral_date);
  const Day start_day = child.stage_start ? calendar_.day_of(*child.stage_start) : referral_day;

  const std::uint32_t slot = new_case_slot();
  Case& c = cases_[slot];
  c = Case{};
  c.open = true;
  c.referral = static_cast<std::uint64_t>(child_index);
  c.child = children_++;
  c.snapshot_child = child_index;
  c.referral_day = referral_day;
  c.decision_day = referral_day;
  c.urgent = child.stage == SnapshotStage::section_47 || child.stage == SnapshotStage::cp_plan;
  c.need = static_cast<std::uint8_t>(c.urgent || child.stage == SnapshotStage::looked_after ? scenario::Need::high
                                                                                            : scenario::Need::medium);
  c.stage = Stage::assessment;
  start_clock(c, slot, Action::assessment, referral_day);
  c.assessment_hours_left = pathways.assessment.hours;  // the lists do not say how far it has got
  plan_assessment(c);
  const bool allocated = child.worker >= 0;
  const auto worker = static_cast<std::size_t>(child.worker);
  // The assessment's visit, owed from the decision whether or not a worker
  // has the case: done if the child was seen since `from`; owed from its
  // standard if last seen before; wanted at once (not late) if the lists do not say.
  const auto owe_assessment_visit = [&](Day from) {
    const int within = pathways.assessment.visit_within_working_days;
    if (within <= 0) return;
    if (!child.last_visit)
      set_visit_due(c, slot, calendar_.add_working_days(0, within));
    else if (calendar_.day_of(*child.last_visit) < from)
      set_visit_due(c, slot, calendar_.add_working_days(from, within));
  };

  switch (child.stage) {
    case SnapshotStage::referral:
      // Accepted, waiting for a worker; an allocated one starts its assessment now.
      owe_assessment_visit(referral_day);
      if (allocated) {
        allocate(slot, worker);
      } else {
        enqueue(slot, false);
        c.queued_working_time = calendar_.working_time_at(referral_day);
      }
      return;
    case SnapshotStage::assessment:
      owe_assessment_visit(start_day);
      if (!allocated) {
        enqueue(slot, false);
        c.queued_working_time = calendar_.working_time_at(start_day);
        return;
      }
      attach(slot, worker);
      {
        c.assessment_started = true;
        kernel::KeyedEngine engine = referral_engine(c.referral, ReferralDraw::assessment_duration);
        const double ready_at = std::max(
            {0.0, c.assessment_planned_time,
             calendar_.time_at_working_time(calendar_.working_time_at(start_day) + assessment_duration_(engine))});
        c.assessment_ready_time = ready_at;
        if (ready_at < setup_.horizon_days()) c.assessment_ready = sim_.schedule_at(ready_at, {kAssessmentReady, slot});
      }
      return;
    case SnapshotStage::section_47:
      if (allocated) attach(slot, worker);
      begin_section_47(c, slot, start_day, false);
      break;
    case SnapshotStage::cp_plan:
      if (allocated) attach(slot, worker);
      begin_cp_plan(slot, start_day);
      break;
    case SnapshotStage::cin_plan:
      if (allocated) attach(slot, worker);
      begin_cin_plan(slot, start_day);
      break;
    case SnapshotStage::looked_after:
      if (allocated) attach(slot, worker);
      begin_looked_after(slot, start_day);
      break;
  }

  // Visits: the next is due a standard interval after the real last visit.
  // Unknown (allowed only for an enquiry, or with --lenient): never "seen
  // today"; an enquiry's child is to be seen within its standard from now, a
  // child on a plan at once.
  const Day last_visit = child.last_visit ? calendar_.day_of(*child.last_visit) : 0;
  const Day next_visit = next_due_after(c, Action::visit, last_visit);
  if (next_visit == kNever) {
    stop_action(c, slot, Action::visit);
  } else {
    c.last_visit_day = last_visit;
    if (child.last_visit)
      start_action(c, slot, Action::visit, next_visit);
    else if (child.stage == SnapshotStage::section_47)
      start_action(c, slot, Action::visit,
                   due_after(standards_.of(Stage::section_47, Action::visit).first, 0, c.plan_start_day));
    else
      start_action(c, slot, Action::visit, 0);
  }
  // Reviews: from the latest one if known; otherwise the schedule from the
  // stage's start stands (an overdue first review is overdue now).
  if (c.clocks.owed(Action::review) && child.last_review) {
    const Day last = calendar_.day_of(*child.last_review);
    move_action(c, slot, Action::review,
                child.stage == SnapshotStage::cp_plan
                    ? add_months(last, pathways.cp_plan.review_interval_months)
                    : calendar_.add_working_days(last, pathways.cin_plan.review_interval_working_days));
  }
  // Core groups and CIN reviews leave no dates in the lists: those the
  // schedule put in the past are taken as held, and the next follows it.
  const auto catch_up = [&](Action action, int interval) {
    while (c.clocks.due(action) < 0)
      move_action(c, slot, action, calendar_.add_working_days(c.clocks.due(action), interval));
  };
  if (c.clocks.owed(Action::core_group) && c.clocks.due(Action::core_group) < 0) {
    const int interval = pathways.cp_plan.core_group_interval_working_days;
    if (interval <= 0)
      stop_action(c, slot, Action::core_group);
    else
      catch_up(Action::core_group, interval);
  }
  if (child.stage == SnapshotStage::cin_plan && c.clocks.owed(Action::review) && !child.last_review)
    catch_up(Action::review, pathways.cin_plan.review_interval_working_days);
  if (!allocated) enqueue(slot, false);
}

std::vector<TeamModel::ChildClocks> TeamModel::snapshot_clocks() const {
  std::vector<ChildClocks> clocks(result_.child_visit_late.size());
  for (const Case& c : cases_) {
    if (!c.open || c.snapshot_child < 0) continue;
    ChildClocks& k = clocks[static_cast<std::size_t>(c.snapshot_child)];
    k.worker = c.worker;
    for (const Action action : kActions) k.due[index(action)] = c.clocks.owed(action) ? c.clocks.due(action) : kNever;
    // An enquiry's assessment clock still runs from the referral (the lists give its date).
    if (c.stage == Stage::section_47) k.due[index(Action::assessment)] = c.clocks.due(Action::assessment);
  }
  return clocks;
}

std::vector<std::size_t> TeamModel::caseloads() const {
  std::vector<std::size_t> loads;
  for (const Post& post : posts_) loads.push_back(post.cases.size());
  return loads;
}

std::vector<std::uint8_t> snapshot_visits_overdue_at_start(const ModelSetup& setup) {
  if (!setup.snapshot()) return {};
  const TeamModel model(setup, 0, 0, nullptr);
  std::vector<std::uint8_t> overdue;
  for (const auto& clocks : model.snapshot_clocks())
    overdue.push_back(static_cast<std::uint8_t>(clocks.due_of(Action::visit) < 0 ? 1 : 0));
  return overdue;
}

}  // namespace casesim::model
