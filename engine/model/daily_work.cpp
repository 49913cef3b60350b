// TeamModel: the working day. Each worker in post and at work does the due
// work their hours allow, in the order the prioritisation policy sets.
#include <algorithm>
#include <cassert>
#include <cmath>

#include "engine/model/team_model.hpp"
#include "engine/model/working_time.hpp"

namespace casesim::model {

using kernel::Day;

namespace {

// Lower is more serious: enquiries, then child protection, looked-after
// children, child in need, and assessments.
constexpr std::uint8_t kRiskRank[] = {4, 0, 1, 3, 2};  // by Stage

// Task::precedence.
constexpr std::uint8_t kBookedAppointment = 0;
constexpr std::uint8_t kFlaggedAtSupervision = 1;
constexpr std::uint8_t kOtherWork = 2;

// About half a megabyte of cases' hot lines: more than a core's level-2
// cache holds beside everything else.
constexpr std::size_t kPrefetchFromCaseSlots = 4096;

}  // namespace

// The post's worker does the work due by `horizon` (brought into reach), and
// the waiting children's due by `planning_horizon` if they cover them.
inline double TeamModel::work_due_tasks(std::size_t p, Day day, Day horizon, Day planning_horizon, double hours) {
  tasks_.clear();
  if (sweep_due_cases(p, day, horizon, true)) complete_ready_assessments(p, day, horizon);
  // The duty worker holds the children waiting for a worker: their due work
  // goes into the day's list beside the worker's own.
  if (covers_waiting_children(p)) collect_waiting_children_tasks(day, planning_horizon);
  sort_tasks();
  return work_tasks(day, static_cast<std::int32_t>(p), hours, false, horizon);
}

// Files a held entry again under its case's key now, as the next sweep
// would have: in reach if that is within the horizon (a task not done), else
// to wait (a visit done); dropped if the case owes nothing, or if its entry
// is stale (filed again since, moved or closed), as the sweep drops it.
inline void TeamModel::return_held_entry(const Task& task, std::int32_t post, Day horizon) {
  Case& c = cases_[task.slot];
  if (static_cast<std::uint32_t>(c.due_stamp) != task.entry_stamp || c.worker != post) return;
  c.due_filed_key = due_key(c);
  if (c.due_filed_key == kNever) return;
  posts_[static_cast<std::size_t>(post)].due_index.file_again(horizon,
                                                              DueIndex::Entry{c.due_filed_key, task.slot, c.due_stamp});
}

inline void TeamModel::return_held_entries(const Task* first, const Task* last, std::int32_t post, Day horizon) {
  for (; first != last; ++first)
    if (first->holds_entry) return_held_entry(*first, post, horizon);
}

// Assessments whose work is done complete once their information is in,
// before the day's work: in list order from the end, as cases leave and join
// the list; then the day's list is collected again. Out of line: a few days a
// worker's, and inline it kept registers aside in the loop over the workers.
[[gnu::noinline]] void TeamModel::complete_ready_assessments(std::size_t p, Day day, Day horizon) {
  // As they were: the list is made again below.
  return_held_entries(tasks_.data(), tasks_.data() + tasks_.size(), static_cast<std::int32_t>(p), horizon);
  Post& post = posts_[p];
  for (std::size_t i = post.cases.size(); i-- > 0;) {
    if (i >= post.cases.size()) continue;
    const std::uint32_t slot = post.cases[i].slot;
    const Case& c = cases_[slot];
    if (ready_to_complete(c)) complete_assessment(slot, day);
  }
  post.due_index.reach(horizon);  // what completing them filed
  tasks_.clear();
  sweep_due_cases(p, day, horizon, true);
}

// The absence cover's and the manager's lists, made at most once a day: out
// of line, so that the loop over the workers stays compact code (with these
// inlined, do_daily_work was 20 KB of code, 11 KB without; the caseload
// benchmark about 2.5% faster).
[[gnu::noinline]] double TeamModel::sort_and_work_tasks(Day day, std::int32_t doer, double hours, bool absence_cover) {
  sort_tasks();
  return work_tasks(day, doer, hours, absence_cover, kNever);  // (no task holds an entry)
}

void TeamModel::do_daily_work(Day day) {
  const double duty_hours = scenario_.triage.duty_decisions_per_working_day * scenario_.triage.decision_hours;
  std::int32_t duty_to_cover = kNoWorker;
  double duty_spare = 0.0;
  const Day planning_horizon = calendar_.add_working_days(day, scenario_.pathways.planning_window_working_days);
  // Posts open and close between working days, never during one: their
  // number is read once (a post is 3 lines: each read of the size divides by 3).
  const std::size_t posts = posts_.size();
  for (std::size_t p = 0; p < posts; ++p) {
    assert(posts_.size() == posts);
    Post& post = posts_[p];
    if (!post.in_use || !present(post)) continue;
    // Days at work are full days; part-time shows in fewer days (see update_workforce).
    double available = setup_.case_hours_per_working_day(ramp_share(post, day)) + overtime_hours_per_day_;
    if (static_cast<std::int32_t>(p) == duty_post_) available = std::max(0.0, available - duty_hours);
    if (overtime_hours_per_day_ > 0.0 && in_window(day)) tally_.overtime_hours += overtime_hours_per_day_;
    // Court work for children in care proceedings comes before the rest.
    const auto& lac = scenario_.pathways.looked_after;
    if (lac.court_hours_per_week > 0.0)
      for (std::uint32_t n = court_cases(post, day); n > 0; --n)
        post.hours_owed += lac.court_hours_per_week / kWorkingDaysPerWeek;
    const double owed = std::min(available, post.hours_owed);
    post.hours_owed -= owed;
    double hours = available - owed;

    // Only the cases the post's DueIndex holds up to today's horizon can have
    // work today (an assessment owed keeps its case there every day): with
    // none (between visits, or few cases) and no children waiting for the
    // worker to cover, there is no list to make.
    const Day horizon = horizon_of_work(post, day, planning_horizon);
    post.due_index.reach(horizon);
    if (!post.due_index.in_reach().empty() || (covers_waiting_children(p) && children_waiting()))
      hours = work_due_tasks(p, day, horizon, planning_horizon, hours);
    result_.most_hours_over_available = std::max(result_.most_hours_over_available, -hours);
    if (static_cast<std::int32_t>(p) == duty_post_) {
      duty_to_cover = static_cast<std::int32_t>(p);
      duty_spare = hours;
    }
  }

  // Absence cover: the duty worker's spare hours go to absent colleagues'
  // work that is due today or overdue, and their booked conferences.
  if (scenario_.policy.absence_cover == scenario::AbsenceCover::duty && duty_to_cover != kNoWorker) {
    tasks_.clear();
    absent_posts_.clear();
    for (std::size_t p = 0; p < posts_.size(); ++p) {
      Post& post = posts_[p];
      if (post.in_use && post.holder != Post::Holder::vacant && post.absent_today && post.works_today) {
        const Day horizon = horizon_of_work(post, day, planning_horizon);
        post.due_index.reach(horizon);
        sweep_due_cases(p, day, horizon, false);  // (some tasks are erased below)
      }
    }
    std::erase_if(tasks_, [day](const Task& t) { return t.due > day && t.precedence != kBookedAppointment; });
    sort_and_work_tasks(day, duty_to_cover, duty_spare, true);
  }

  // The team manager holds the waiting children, in the hours set aside for them.
  if (scenario_.policy.unallocated_cover == scenario::UnallocatedCover::manager && manager_.in_post &&
      manager_.sick_until <= day) {
    tasks_.clear();
    collect_waiting_children_tasks(day, planning_horizon);
    sort_and_work_tasks(day, kTeamManager, scenario_.team.manager.unallocated_work_hours_per_week / kWorkingDaysPerWeek,
                        false);
  }
}

// A case's court work ends on a day fixed when it becomes looked after, so
// the count holds until the earliest of those ends, or a change to the list.
std::uint32_t TeamModel::court_cases(Post& post, Day day) {
  if (day >= post.court_cases_until) {
    post.court_cases = 0;
    post.court_cases_until = kNever;
    for (const Post::HeldCase& held : post.cases)
      if (day < held.court_work_until) {
        ++post.court_cases;
        post.court_cases_until = std::min(post.court_cases_until, held.court_work_until);
      }
  }
  assert(std::count_if(post.cases.begin(), post.cases.end(), [&](const Post::HeldCase& held) {
           assert(held.court_work_until == court_work_until(cases_[held.slot]));
           return day < held.court_work_until;
         }) == static_cast<std::ptrdiff_t>(post.court_cases));
  return post.court_cases;
}

void TeamModel::file_due_work_under(Case& c, Day key) {
  c.due_stamp = ++due_stamps_;
  c.due_filed_key = key;
  posts_[static_cast<std::size_t>(c.worker)].due_index.file(key, slot_of(c), c.due_stamp);
}

// One pass over the post's cases in reach of `horizon`: drops stale entries,
// files those whose work is now beyond the horizon back to wait, and appends
// the workable tasks of the rest to tasks_. Returns whether any of them is an
// assessment ready to complete (its tasks are then collected again after
// completing it). With `hold`, a case owing a visit alone (most) leaves reach
// with its task, and the day's work files it again when the task has been
// done or passed over (return_held_entry): a visit done puts the case's next
// key beyond the horizon, and filing it then, while the case is at hand,
// spares the next day's sweep a pass over it whose one outcome, back to
// wait, it could not foretell (a branch the processor mostly guessed wrong).
// The day's list is the same: which cases are in reach, and the order in
// which the sweep meets them, never decide it (the day's order is total).
bool TeamModel::sweep_due_cases(std::size_t post, Day day, Day horizon, bool hold) {
  const auto p = static_cast<std::int32_t>(post);
  bool any_ready = false;
  // A large team's cases in reach lie scattered over more memory than the
  // cache holds: asking for all of them first lets their fetches overlap,
  // rather than each wait behind the work on the one before. (A small
  // team's are in the cache: the requests would only cost instructions.)
  if (cases_.size() >= kPrefetchFromCaseSlots)
    for (const DueIndex::Entry& e : posts_[post].due_index.in_reach()) {
      const char* hot = reinterpret_cast<const char*>(&cases_[e.slot]);
      __builtin_prefetch(hot);
      __builtin_prefetch(hot + 64);
    }
  posts_[post].due_index.settle(horizon, kNever, [&](const DueIndex::Entry& e) {
    Case& c = cases_[e.slot];
    // Gone from the list, or filed again since (that entry stands): dropped.
    if (c.due_stamp != e.stamp || c.worker != p) return kNever;
    c.due_filed_key = due_key(c);  // kept under it, or dropped if kNever
    if (c.due_filed_key <= horizon) {
      // (A case owing a visit alone owes no assessment: not asked.)
      if (!c.clocks.owes_only(Action::visit)) any_ready = any_ready || ready_to_complete(c);
      // Out of reach while its task holds it (the case stays under its key).
      if (push_due_tasks(c, e.slot, day, horizon, false, hold)) return kNever;
    }
    return c.due_filed_key;
  });
  return any_ready;
}

// Appends a case's workable tasks: planned ones due by `horizon_of_work` (or
// booked for today or before), and an assessment with work left. A waiting
// child's assessment cannot be worked on until a worker has the case.
// A task not booked for a day: done first if it is overdue and was flagged at supervision.
inline std::uint8_t TeamModel::unbooked_precedence(const Case& c, Day due, Day day) {
  return c.escalated && due < day ? kFlaggedAtSupervision : kOtherWork;
}

// When an unbooked planned task became workable: the planning window before
// its due date. Only first-in-first-out ordering reads it (else the due date).
inline Day TeamModel::planned_workable_from(Day due) const {
  return scenario_.policy.prioritisation == scenario::Prioritisation::first_in_first_out
             ? calendar_.add_working_days(due, -scenario_.pathways.planning_window_working_days)
             : due;
}

bool TeamModel::push_due_tasks(const Case& c, std::uint32_t slot, Day day, Day horizon_of_work, bool waiting_child,
                               bool hold) {
  const std::uint8_t risk = kRiskRank[static_cast<std::size_t>(c.stage)];
  // Most cases in reach owe a visit alone, unbooked: its task is the walk
  // below's, without the walk (whose set-up cost as much as the task), and
  // its due date is the one test of whether there is one. Its task holds
  // its entry (when asked to): the one task of the case.
  if (c.clocks.owes_only(Action::visit) && !c.clocks.any_booked()) {
    const Day due = c.clocks.due(Action::visit);
    if (due > horizon_of_work) return false;
    tasks_.push_back(Task{due, risk, unbooked_precedence(c, due, day), Action::visit, hold, c.referral, slot,
                          planned_workable_from(due), waiting_child, static_cast<std::uint32_t>(c.due_stamp)});
    return hold;
  }
  push_owed_tasks(c, slot, day, horizon_of_work, waiting_child);
  return false;
}

// push_due_tasks' walk over what a case owes. Out of line: with it inline,
// the sweep's loop kept its own pointer on the stack for the registers the
// walk needs.
[[gnu::noinline]] void TeamModel::push_owed_tasks(const Case& c, std::uint32_t slot, Day day, Day horizon_of_work,
                                                  bool waiting_child) {
  if (c.clocks.earliest_planned_due() > horizon_of_work && !c.clocks.owes_unplanned() && !c.clocks.any_booked()) return;
  const std::uint8_t risk = kRiskRank[static_cast<std::size_t>(c.stage)];
  c.clocks.for_each_owed([&](Action action, Day due) {
    Day workable_from = c.decision_day;
    std::uint8_t precedence = unbooked_precedence(c, due, day);
    if (is_planned(action)) {
      const Day booked = c.clocks.booked(action);
      if (booked != StatutoryClocks::kNotBooked) {
        if (booked > day) return;
        workable_from = booked;
        precedence = kBookedAppointment;
      } else {
        if (due > horizon_of_work) return;
        workable_from = planned_workable_from(due);
      }
    } else if (waiting_child || c.assessment_hours_left <= 0.0) {
      return;  // its work is done, and it completes when its information is in; or nobody has the case
    }
    tasks_.push_back(Task{due, risk, precedence, action, false, c.referral, slot, workable_from, waiting_child, 0});
  });
}

void TeamModel::collect_waiting_children_tasks(Day day, Day planning_horizon) {
  for (const auto* queue : {&unallocated_urgent_, &unallocated_})
    for (std::size_t i = 0; i < queue->size(); ++i) {
      const std::uint32_t slot = (*queue)[i];
      push_due_tasks(cases_[slot], slot, day, planning_horizon, true, false);
    }
}

namespace {

template <class Task, class Less>
[[gnu::noinline]] void sort_long_day_list(std::vector<Task>& tasks, Less less) {
  std::sort(tasks.begin(), tasks.end(), less);
}

// The day's list is a few tasks: an insertion sort, without std::sort's set-up,
// and inline (forced: GCC would not), as a call's set-up costs as much as
// sorting two or three tasks. The orders below are total, so any correct sort
// gives the same list.
template <class Task, class Less>
[[gnu::always_inline]] inline void sort_day_list(std::vector<Task>& tasks, Less less) {
  if (tasks.size() > 16) {
    sort_long_day_list(tasks, less);
    return;
  }
  for (std::size_t i = 1; i < tasks.size(); ++i) {
    if (!less(tasks[i], tasks[i - 1])) continue;  // in place: nothing to move
    const Task task = tasks[i];
    std::size_t j = i;
    for (; j > 0 && less(task, tasks[j - 1]); --j) tasks[j] = tasks[j - 1];
    tasks[j] = task;
  }
}

}  // namespace

inline void TeamModel::sort_tasks() {
  using P = scenario::Prioritisation;
  if (tasks_.size() < 2) return;
  auto tie = [](const Task& a, const Task& b) {
    return a.referral < b.referral || (a.referral == b.referral && a.action < b.action);
  };
  // Booked conferences, then work flagged as overdue at supervision, come first, whatever the policy.
  switch (scenario_.policy.prioritisation) {
    case P::earliest_deadline:
      sort_day_list(tasks_, [&](const Task& a, const Task& b) {
        if (a.precedence != b.precedence) return a.precedence < b.precedence;
        if (a.due != b.due) return a.due < b.due;
        if (a.risk != b.risk) return a.risk < b.risk;
        return tie(a, b);
      });
      break;
    case P::highest_risk:
      sort_day_list(tasks_, [&](const Task& a, const Task& b) {
        if (a.precedence != b.precedence) return a.precedence < b.precedence;
        if (a.risk != b.risk) return a.risk < b.risk;
        if (a.due != b.due) return a.due < b.due;
        return tie(a, b);
      });
      break;
    case P::first_in_first_out:
      sort_day_list(tasks_, [&](const Task& a, const Task& b) {
        if (a.precedence != b.precedence) return a.precedence < b.precedence;
        if (a.workable_from != b.workable_from) return a.workable_from < b.workable_from;
        return tie(a, b);
      });
      break;
  }
}

// Works through tasks_ with `hours`; returns the hours left. A task that does
// not fit is passed over for a smaller one further down (a worker fits in
// what they can); only assessment work can be split across days.
inline double TeamModel::work_tasks(Day day, std::int32_t doer, double hours, bool absence_cover, Day horizon) {
  if (tasks_.empty()) return hours;
  // Drift: a worker long without supervision lets due work slip (the manager's own is not modelled).
  double drift = 0.0;
  kernel::KeyedEngine drift_rng{0};
  // Unmodelled supervision lets nothing drift (weeks_since_supervision is 0).
  if (doer != kTeamManager && scenario_.supervision.modelled) {
    const auto post = static_cast<std::size_t>(doer);
    const Post& worker = posts_[post];
    drift = std::min(scenario_.supervision.drift_max,
                     scenario_.supervision.drift_per_week_since_supervision * weeks_since_supervision(worker, day));
    if (drift > 0.0)
      drift_rng = case_drift_keys_.engine(
          (static_cast<std::uint64_t>(post) << 44) ^ (static_cast<std::uint64_t>(worker.serial) << 32) ^
          static_cast<std::uint64_t>(static_cast<std::uint32_t>(day)) ^ (absence_cover ? 1ULL << 63 : 0ULL));
  }
  // Doing a task never changes the day's list: its end is read once, not
  // after every task (the case's stores could alias the vector's pointers),
  // and each task is read in place, field by field as it is needed (a copy
  // read every field of every task first, those passed over too).
  const Task* const end = tasks_.data() + tasks_.size();
  for (const Task* next = tasks_.data(); next != end; ++next) {
    const Task& task = *next;
    // Out of hours, only booked conferences (sorted first) still happen.
    if (hours <= 1e-9 && task.precedence != kBookedAppointment) {
      return_held_entries(next, end, doer, horizon);
      break;
    }
    const Case& c = cases_[task.slot];
    // A task may be stale: its case closed (and the slot was reused), was
    // allocated or moved earlier today.
    const bool stale =
        c.referral != task.referral ||
        (task.waiting_child ? c.worker != kNoWorker : c.worker == kNoWorker || (!absence_cover && c.worker != doer));
    if (!stale) {
      if (drift > 0.0 && kernel::uniform01(drift_rng) < drift) {
        if (in_window(day)) ++tally_.drifted;
        trace("drifted", static_cast<std::int64_t>(c.child), doer_id(doer), task.due);
      } else {
        do_task(task, day, doer, hours);
      }
    }
    if (task.holds_entry) return_held_entry(task, doer, horizon);
    assert(tasks_.data() + tasks_.size() == end);
  }
  return hours;
}

// Whether a whole task of `needed` hours can be done with `hours` left today. A
// task longer than a working day (a conference report, say) is started on a
// fresh day and finished the next: the excess is owed from the next day's hours.
// A booked conference is attended whatever the day holds: what it takes
// beyond the hours left is owed from the next days.
bool TeamModel::fits(double needed, double& hours, std::int32_t doer, bool booked) {
  if (needed <= hours + 1e-9) {
    hours -= needed;
    return true;
  }
  const double full_day = setup_.case_hours_per_working_day(1.0);
  if (doer != kTeamManager && ((hours + 1e-9 >= full_day && hours > 0.0) || booked)) {
    posts_[static_cast<std::size_t>(doer)].hours_owed += needed - hours;
    hours = 0.0;
    return true;
  }
  return false;
}

// Does one task if it is still owed and fits in the hours left: records it
// against its due date, and sets when the next falls due.
bool TeamModel::do_task(const Task& task, Day day, std::int32_t doer, double& hours) {
  Case& c = cases_[task.slot];
  if (!c.clocks.owed(task.action)) return false;
  if (is_split_over_days(task.action)) return work_on_assessment(task.slot, day, hours);
  const ActionStandard& standard = standards_.of(c.stage, task.action);
  if (!fits(standard.hours, hours, doer, task.precedence == kBookedAppointment)) return false;
  switch (task.action) {
    case Action::visit:
      // Counted, as every visit is, in the period of its due date.
      if (task.waiting_child && in_window(c.clocks.due(Action::visit))) ++tally_.visits_by_cover;
      do_visit(c, task.slot, standard, day);
      // Tested here, not only in trace: GCC would work out the worker's id
      // (and read the case's child) for every visit before the test.
      if (tracing())
        trace("visit", static_cast<std::int64_t>(c.child), doer_id(doer), task.due,
              day > task.due ? calendar_.working_days_between(task.due, day) : 0);
      return true;
    case Action::icpc:
      hold_icpc(task.slot, day, doer_id(doer));  // the conference decides the case's next stage
      return true;
    case Action::assessment: break;  // split over days: worked on above
    case Action::core_group:
    case Action::review: {
      const Day due = c.clocks.due(task.action);
      record_action(task.action, due, day);
      if (tracing())
        trace(kind_of(task.action).name, static_cast<std::int64_t>(c.child), doer_id(doer), due,
              day > due ? calendar_.working_days_between(due, day) : 0);
      const Day next = next_due_after(c, task.action, day);
      if (next == kNever)
        stop_action(c, task.slot, task.action);
      else
        start_action(c, task.slot, task.action, next);
      file_due_work(c);
      return true;
    }
  }
  return false;
}

// An assessment's hours are spread over days; it completes once they are
// done and its information is in.
bool TeamModel::work_on_assessment(std::uint32_t slot, Day day, double& hours) {
  Case& c = cases_[slot];
  if (c.assessment_hours_left <= 0.0) return false;
  const double spent = std::min(hours, c.assessment_hours_left);
  hours -= spent;
  c.assessment_hours_left -= spent;
  if (c.assessment_hours_left <= 1e-9) {
    c.assessment_hours_left = 0.0;
    if (sim_.now() >= c.assessment_ready_time) complete_assessment(slot, day);
  }
  return true;
}

inline void TeamModel::do_visit(Case& c, std::uint32_t slot, const ActionStandard& standard, Day day) {
  const Day due = c.clocks.due(Action::visit);
  // Worked out first, from the standard the visit was fitted by: after the
  // measures' stores, GCC would find the standard again.
  const Day next = due_after(standard.next, day, c.plan_start_day);
  record_visits_owed(c, due, day, true);
  if (day > due) {
    record_exposure(c, due, day);
    record_past_standard(c, due, day);
  }
  record_visit_gap(c, c.last_visit_day, day);
  c.last_visit_day = day;
  c.escalated = false;
  if (next == kNever)
    stop_action(c, slot, Action::visit);
  else
    start_action(c, slot, Action::visit, next);
  // Its live entry is filed no later than the case's key was before the
  // visit: a next visit due no earlier than this one (nearly every one)
  // cannot bring the key before it, and the case need not be looked at again.
  if (next < due) file_due_work(c);
  assert(c.worker == kNoWorker || c.due_filed_key <= due_key(c));
  // Seeing the child is the first chance to recognise a missed urgent case.
  if (c.missed_urgent &&
      referral_uniform(c.referral, ReferralDraw::caught_at_visit) < scenario_.triage.caught_at_first_visit_share)
    catch_missed_urgent(c, day, "at the first visit");
}

}  // namespace casesim::model
