// TeamModel: the working day. Each worker in post and at work does the due
// work their hours allow, in the order the prioritisation policy sets.
#include <algorithm>
#include <cmath>

#include "engine/model/team_model.hpp"

namespace casesim::model {

using kernel::Day;

namespace {

// Lower is more serious: enquiries, then child protection, looked-after
// children, child in need, and assessments.
constexpr std::uint8_t kRiskRank[] = {4, 0, 1, 3, 2};  // by Stage

}  // namespace

double TeamModel::visit_hours(const Case& c) const {
  const auto& p = scenario_.pathways;
  switch (c.stage) {
    case Stage::assessment:
    case Stage::section_47: return p.assessment.visit_hours;
    case Stage::cp_plan: return p.cp_plan.visits.hours;
    case Stage::cin_plan: return p.cin_plan.visits.hours;
    case Stage::looked_after: return p.looked_after.visit_hours;
  }
  return 0.0;
}

// When the next statutory visit falls due, counted from a visit on `day`.
Day TeamModel::next_visit_after(const Case& c, Day day) const {
  const auto& p = scenario_.pathways;
  int interval = 0;
  switch (c.stage) {
    case Stage::assessment: return kNever;  // the assessment's one visit is done
    case Stage::section_47:
    case Stage::cp_plan: interval = p.cp_plan.visits.interval_working_days; break;
    case Stage::cin_plan: interval = p.cin_plan.visits.interval_working_days; break;
    case Stage::looked_after:
      // Regulation 28: 6-weekly in the first year of the placement, then 3-monthly.
      interval = day - c.plan_start_day < 365 ? p.looked_after.visit_interval_first_year_working_days
                                              : p.looked_after.visit_interval_later_working_days;
      break;
  }
  return interval > 0 ? calendar_.add_working_days(day, interval) : kNever;
}

void TeamModel::do_daily_work(Day day) {
  const double duty_hours = scenario_.triage.duty_decisions_per_working_day * scenario_.triage.decision_hours;
  std::int32_t duty_to_cover = kNoWorker;
  double duty_spare = 0.0;
  const Day planning_horizon = calendar_.add_working_days(day, scenario_.pathways.planning_window_working_days);
  for (std::size_t p = 0; p < posts_.size(); ++p) {
    Post& post = posts_[p];
    if (!post.in_use || !present(post)) continue;
    // Days at work are full days; part-time shows in fewer days (see update_workforce).
    double available = setup_.case_hours_per_working_day(1.0) + overtime_hours_per_day_;
    if (static_cast<std::int32_t>(p) == duty_post_) available = std::max(0.0, available - duty_hours);
    if (overtime_hours_per_day_ > 0.0 && in_window(day)) tally_.overtime_hours += overtime_hours_per_day_;
    // Court work for children in care proceedings comes before the rest.
    const auto& lac = scenario_.pathways.looked_after;
    if (lac.court_hours_per_week > 0.0)
      for (const std::uint32_t slot : post.cases) {
        const Case& c = cases_[slot];
        if (c.stage == Stage::looked_after && day - c.plan_start_day < 7 * lac.court_weeks)
          post.hours_owed += lac.court_hours_per_week / 5.0;
      }
    const double owed = std::min(available, post.hours_owed);
    post.hours_owed -= owed;
    double hours = available - owed;

    // Assessments whose work is done complete once their information is in.
    for (std::size_t i = post.cases.size(); i-- > 0;) {
      if (i >= post.cases.size()) continue;
      const std::uint32_t slot = post.cases[i];
      const Case& c = cases_[slot];
      if (c.stage == Stage::assessment && c.assessment_hours_left <= 0.0 && sim_.now() >= c.assessment_ready_time)
        complete_assessment(slot, day);
    }

    tasks_.clear();
    collect_tasks(post, day, planning_horizon);
    sort_tasks();
    hours = work_tasks(day, p, hours, false);
    result_.most_hours_over_available = std::max(result_.most_hours_over_available, -hours);
    if (static_cast<std::int32_t>(p) == duty_post_) {
      duty_to_cover = static_cast<std::int32_t>(p);
      duty_spare = hours;
    }
  }

  // Absence cover: the duty worker's spare hours go to absent colleagues'
  // work that is due today or overdue.
  if (scenario_.policy.absence_cover == scenario::AbsenceCover::duty && duty_to_cover != kNoWorker && duty_spare > 0.0) {
    tasks_.clear();
    for (const Post& post : posts_)
      if (post.in_use && post.holder != Post::Holder::vacant && post.absent_today && post.works_today)
        collect_tasks(post, day, planning_horizon);
    std::erase_if(tasks_, [day](const Task& t) { return t.due > day; });
    sort_tasks();
    work_tasks(day, static_cast<std::size_t>(duty_to_cover), duty_spare, true);
  }
}

// Appends the post's workable tasks to tasks_: those due up to
// `planning_horizon` (the planning window from today, the same for everyone).
void TeamModel::collect_tasks(const Post& post, Day day, Day planning_horizon) {
  const int window = scenario_.pathways.planning_window_working_days;
  Day horizon_of_work = planning_horizon;
  // Leave is planned: in the week before it, a worker also does what falls
  // due while they are away.
  if (on_annual_leave(post, day + 7) && !on_annual_leave(post, day)) horizon_of_work = std::max(horizon_of_work, (day / 7 + 2) * 7 - 1);
  // Only first-in-first-out ordering reads when a task became workable.
  const bool fifo = scenario_.policy.prioritisation == scenario::Prioritisation::first_in_first_out;
  auto opened = [&](Day due) { return fifo ? calendar_.add_working_days(due, -window) : due; };
  for (const std::uint32_t slot : post.cases) {
    const Case& c = cases_[slot];
    const std::uint8_t risk = kRiskRank[static_cast<std::size_t>(c.stage)];
    auto add = [&](Action action, Day due, Day workable_from) {
      tasks_.push_back(Task{due, risk, c.escalated && due < day, action, c.referral, slot, workable_from});
    };
    if (c.visits_active && c.next_visit_due <= horizon_of_work) add(Action::visit, c.next_visit_due, opened(c.next_visit_due));
    if (c.stage == Stage::assessment && c.assessment_hours_left > 0.0) add(Action::assessment, c.assessment_due, c.decision_day);
    if (c.icpc_active && c.icpc_due <= horizon_of_work) add(Action::icpc, c.icpc_due, opened(c.icpc_due));
    if (c.core_group_active && c.core_group_due <= horizon_of_work)
      add(Action::core_group, c.core_group_due, opened(c.core_group_due));
    if (c.review_active && c.review_due <= horizon_of_work) add(Action::review, c.review_due, opened(c.review_due));
  }
}

void TeamModel::sort_tasks() {
  using P = scenario::Prioritisation;
  if (tasks_.size() < 2) return;
  auto tie = [](const Task& a, const Task& b) {
    return a.referral < b.referral || (a.referral == b.referral && a.action < b.action);
  };
  // Work flagged as overdue at supervision comes first, whatever the policy.
  switch (scenario_.policy.prioritisation) {
    case P::earliest_deadline:
      std::sort(tasks_.begin(), tasks_.end(), [&](const Task& a, const Task& b) {
        if (a.escalated != b.escalated) return a.escalated;
        if (a.due != b.due) return a.due < b.due;
        if (a.risk != b.risk) return a.risk < b.risk;
        return tie(a, b);
      });
      break;
    case P::highest_risk:
      std::sort(tasks_.begin(), tasks_.end(), [&](const Task& a, const Task& b) {
        if (a.escalated != b.escalated) return a.escalated;
        if (a.risk != b.risk) return a.risk < b.risk;
        if (a.due != b.due) return a.due < b.due;
        return tie(a, b);
      });
      break;
    case P::first_in_first_out:
      std::sort(tasks_.begin(), tasks_.end(), [&](const Task& a, const Task& b) {
        if (a.escalated != b.escalated) return a.escalated;
        if (a.workable_from != b.workable_from) return a.workable_from < b.workable_from;
        return tie(a, b);
      });
      break;
  }
}

// Works through tasks_ with `hours`; returns the hours left. A task that does
// not fit is passed over for a smaller one further down (a worker fits in
// what they can); only assessment work can be split across days.
double TeamModel::work_tasks(Day day, std::size_t post, double hours, bool cover) {
  if (tasks_.empty()) return hours;
  const Post& worker = posts_[post];
  const double drift = std::min(scenario_.supervision.drift_max,
                                scenario_.supervision.drift_per_week_since_supervision * weeks_since_supervision(worker, day));
  kernel::KeyedEngine drift_rng = case_drift_keys_.engine(
      (static_cast<std::uint64_t>(post) << 44) ^ (static_cast<std::uint64_t>(worker.serial) << 32) ^
          static_cast<std::uint64_t>(static_cast<std::uint32_t>(day)) ^ (cover ? 1ULL << 63 : 0ULL));
  for (std::size_t i = 0; i < tasks_.size() && hours > 1e-9; ++i) {
    const Task task = tasks_[i];
    const Case& c = cases_[task.slot];
    // A task may be stale: its case closed (and the slot was reused) or moved
    // earlier today.
    if (c.referral != task.referral || c.worker == kNoWorker) continue;
    if (!cover && c.worker != static_cast<std::int32_t>(post)) continue;
    if (drift > 0.0 && kernel::uniform01(drift_rng) < drift) {
      if (in_window(day)) ++tally_.drifted;
      trace("drifted", static_cast<std::int64_t>(c.child), worker_id(post), task.due);
      continue;
    }
    do_task(task, day, post, hours);
  }
  return hours;
}

// Whether a whole task of `needed` hours can be done with `hours` left today. A
// task longer than a working day (a conference report, say) is started on a
// fresh day and finished the next: the excess is owed from the next day's hours.
bool TeamModel::fits(double needed, double& hours, std::size_t post) {
  if (needed <= hours + 1e-9) {
    hours -= needed;
    return true;
  }
  const double full_day = setup_.case_hours_per_working_day(1.0);
  if (hours + 1e-9 >= full_day && hours > 0.0) {
    posts_[post].hours_owed += needed - hours;
    hours = 0.0;
    return true;
  }
  return false;
}

bool TeamModel::do_task(const Task& task, Day day, std::size_t post, double& hours) {
  Case& c = cases_[task.slot];
  const auto& p = scenario_.pathways;
  const std::int64_t who = worker_id(post);
  switch (task.action) {
    case Action::visit: {
      if (!c.visits_active) return false;
      if (!fits(visit_hours(c), hours, post)) return false;
      do_visit(c, day);
      trace("visit", static_cast<std::int64_t>(c.child), who, task.due,
            day > task.due ? calendar_.working_days_between(task.due, day) : 0);
      return true;
    }
    case Action::assessment: {
      if (c.stage != Stage::assessment || c.assessment_hours_left <= 0.0) return false;
      const double spent = std::min(hours, c.assessment_hours_left);
      hours -= spent;
      c.assessment_hours_left -= spent;
      if (c.assessment_hours_left <= 1e-9) {
        c.assessment_hours_left = 0.0;
        if (sim_.now() >= c.assessment_ready_time) complete_assessment(task.slot, day);
      }
      return true;
    }
    case Action::icpc: {
      if (!c.icpc_active || !fits(p.section_47.icpc_hours, hours, post)) return false;
      hold_icpc(task.slot, day);
      return true;
    }
    case Action::core_group: {
      if (!c.core_group_active || !fits(p.cp_plan.core_group_hours, hours, post)) return false;
      record_action(Action::core_group, c.core_group_due, day);
      trace("core_group", static_cast<std::int64_t>(c.child), who, c.core_group_due,
            day > c.core_group_due ? calendar_.working_days_between(c.core_group_due, day) : 0);
      if (p.cp_plan.core_group_interval_working_days > 0)
        c.core_group_due = calendar_.add_working_days(day, p.cp_plan.core_group_interval_working_days);
      else
        c.core_group_active = false;
      return true;
    }
    case Action::review: {
      const bool cp = c.stage == Stage::cp_plan;
      const double needed = cp ? p.cp_plan.review_hours : p.cin_plan.review_hours;
      if (!c.review_active || !fits(needed, hours, post)) return false;
      record_action(Action::review, c.review_due, day);
      trace("review", static_cast<std::int64_t>(c.child), who, c.review_due,
            day > c.review_due ? calendar_.working_days_between(c.review_due, day) : 0);
      if (cp && p.cp_plan.review_interval_months > 0)
        c.review_due = add_months(day, p.cp_plan.review_interval_months);
      else if (!cp && p.cin_plan.review_interval_working_days > 0)
        c.review_due = calendar_.add_working_days(day, p.cin_plan.review_interval_working_days);
      else
        c.review_active = false;
      return true;
    }
  }
  return false;
}

void TeamModel::do_visit(Case& c, Day day) {
  record_action(Action::visit, c.next_visit_due, day);
  if (day > c.next_visit_due) record_exposure(c, c.next_visit_due, day);
  record_visit_gap(c, c.last_visit_day, day);
  c.last_visit_day = day;
  c.escalated = false;
  const Day next = next_visit_after(c, day);
  if (next == kNever)
    c.visits_active = false;
  else
    c.next_visit_due = next;
  // Seeing the child is the first chance to recognise a missed urgent case.
  if (c.missed_urgent &&
      referral_uniform(c.referral, ReferralDraw::caught_at_visit) < scenario_.triage.caught_at_first_visit_share)
    catch_missed_urgent(c, day, "at the first visit");
}

}  // namespace casesim::model
