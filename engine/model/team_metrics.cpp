// TeamModel: what is measured. Statutory actions are recorded by their due
// date: an action counts in the measured window if it fell due in it.
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

#include "engine/model/team_model.hpp"
#include "engine/model/working_time.hpp"

namespace casesim::model {

using kernel::Day;

namespace {
constexpr Day kThreeMonthsDays = 91;
// Overload is smoothed over about four working weeks.
constexpr double kOverloadSmoothing = 1.0 / 20.0;

}  // namespace

void TeamModel::record_action(Action action, Day due, Day done_day) {
  if (!in_window(due)) return;
  ActionTally& t = tally_.actions[static_cast<std::size_t>(action)];
  ++t.due;
  if (done_day <= due) return;
  ++t.late;
  if (action == Action::visit) {
    const double late = calendar_.working_days_between(due, done_day);
    tally_.overdue_days_sum += late;
    tally_.overdue_days_max = std::max(tally_.overdue_days_max, late);
  }
}

// Everything a case still owes on `as_of_day` (its closure, or the end of the
// run): an action whose date has passed counts as late, late by the working
// days up to then (at least 1), and the visit gap and risk exposure run to then.
// record_owed_actions when something owed has passed its date.
void TeamModel::record_overdue_actions(Case& c, Day as_of_day) {
  c.clocks.for_each_owed([&](Action action, Day due) {
    if (!kind_of(action).recorded_by_due_date) return;
    if (action != Action::visit) {
      record_overdue_at(action, due, as_of_day);
    } else {
      record_visits_owed(c, due, as_of_day, false);
      record_exposure(c, due, as_of_day);
      if (due < as_of_day) record_past_standard(c, due, as_of_day);
      record_visit_gap(c, c.last_visit_day, as_of_day);
    }
  });
}

// Every statutory visit a child was owed from `due` until `until`: the first
// on `due` and, while none is made, the next a standard interval after each
// one missed, so a child unvisited for three intervals has missed three
// visits, not one. A visit made on `until` (`made`) meets the last of them,
// late if after its date; at closure or the end of the run all are late.
// record_visits_owed when the first is due before `until`.
void TeamModel::record_missed_visits(const Case& c, Day due, Day until, bool made) {
  for (Day owed = due;;) {
    const Day next = owed < until ? next_due_after(c, Action::visit, owed) : kNever;
    if (next == kNever || next >= until) {
      if (made)
        record_action(Action::visit, owed, until);
      else
        record_overdue_at(Action::visit, owed, until);
      return;
    }
    record_overdue_at(Action::visit, owed, until);
    owed = next;
  }
}

void TeamModel::record_overdue_at(Action action, Day due, Day as_of_day) {
  if (due >= as_of_day || !in_window(due)) return;
  ActionTally& t = tally_.actions[static_cast<std::size_t>(action)];
  ++t.due;
  ++t.late;
  if (action == Action::visit) {
    const double late = std::max(1, calendar_.working_days_between(due, as_of_day));
    tally_.overdue_days_sum += late;
    tally_.overdue_days_max = std::max(tally_.overdue_days_max, late);
  }
}

// Each working day: every worker's overload, their weighted cases above a
// manageable caseload (which does not move with the cap), with an equal share
// by FTE of the children waiting for a worker when the duty worker holds them.
void TeamModel::update_overload() {
  const double manageable = scenario_.workforce.manageable_cases_per_fte;
  if (manageable <= 0.0) return;
  double waiting_work = 0.0, team_fte = 0.0;
  if (scenario_.policy.unallocated_cover == scenario::UnallocatedCover::duty) {
    for (const auto* queue : {&unallocated_urgent_, &unallocated_})
      for (std::size_t i = 0; i < queue->size(); ++i) waiting_work += work_weight(cases_[(*queue)[i]].stage);
    for (const Post& post : posts_)
      if (post.in_use && post.holder != Post::Holder::vacant) team_fte += post.fte;
  }
  for (Post& post : posts_) {
    if (!post.in_use || post.holder == Post::Holder::vacant) continue;
    const double held = post.work + (team_fte > 0.0 ? waiting_work * post.fte / team_fte : 0.0);
    const double over = std::max(0.0, held / (manageable * post.fte) - 1.0);
    post.overload += (over - post.overload) * kOverloadSmoothing;
  }
}

// A child's visit standard in calendar days (working days at 5 a week), for
// the "unvisited 6 weeks / 3 months" measures: they count only children held
// to a shorter standard, so a child visited on time at theirs is never among them.
double TeamModel::visit_standard_days(const Case& c, Day day) const {
  const Interval& next = standards_.of(c.stage, Action::visit).next;
  int working_days = next.count;
  if (next.unit == Interval::Unit::by_placement_year && day - c.plan_start_day >= 365)
    working_days = next.count_after_first_year;
  if (next.unit == Interval::Unit::none || working_days <= 0) return std::numeric_limits<double>::infinity();
  return working_days * 7.0 / kWorkingDaysPerWeek;
}

VisitStandardGroup TeamModel::visit_standard_group(const Case& c, Day due) const {
  switch (c.stage) {
    case Stage::assessment: return VisitStandardGroup::assessment;
    case Stage::section_47: return VisitStandardGroup::section_47;
    case Stage::cp_plan: return VisitStandardGroup::cp_plan;
    case Stage::cin_plan: return VisitStandardGroup::cin_plan;
    case Stage::looked_after: break;
  }
  return due - c.plan_start_day < 365 ? VisitStandardGroup::looked_after_first_year
                                      : VisitStandardGroup::looked_after_later;
}

// A child past their own visit standard: a visit due on `due` not made by
// `until`, for some of the counted period. Each child counts once in each
// group of standards (a child moving from a CP to a CIN plan can count in both).
void TeamModel::record_past_standard(Case& c, Day due, Day until) {
  if (std::max(due, setup_.counting_from_day()) >= std::min(until, setup_.horizon_days())) return;
  if (c.past_standard_counted == 0) ++tally_.past_visit_standard_any;
  const auto group = static_cast<std::size_t>(visit_standard_group(c, due));
  if (c.past_standard_counted >> group & 1u) return;
  c.past_standard_counted = static_cast<std::uint8_t>(c.past_standard_counted | 1u << group);
  ++tally_.past_visit_standard[group];
}

// Gaps between visits are tracked for children on plans (child protection,
// child in need, looked after): the seed case is a child unvisited for months.
void TeamModel::record_counted_visit_gap(Case& c, Day from, Day to) {
  // record_visit_gap's one comparison is the test it stands for: a gap longer
  // than six weeks, or of more working days, at most, than the longest yet.
  // (The shortest gap is worked out once for each longest: clang's limit on
  // the steps of a constant expression is far below GCC's.)
  static_assert([] {
    for (int longest = 0; longest <= 60; ++longest) {
      const Day shortest = shortest_gap_worth_recording(longest);
      for (Day days = -3; days <= 100; ++days)
        if ((days >= shortest) != (days > kSixWeeksDays || most_working_days(0, days) > longest)) return false;
    }
    return true;
  }());
  if (to < setup_.warm_up_days()) return;
  if (c.stage != Stage::cp_plan && c.stage != Stage::cin_plan && c.stage != Stage::looked_after) return;
  const int working_days = calendar_.working_days_between(from, to);
  assert(working_days <= most_working_days(from, to));
  if (working_days > tally_.longest_visit_gap) {
    tally_.longest_visit_gap = working_days;
    gap_worth_recording_ = shortest_gap_worth_recording(tally_.longest_visit_gap);
  }
  const Day days = to - from;
  if (days <= kSixWeeksDays) return;  // every count below needs a longer gap (kThreeMonthsDays is longer)
  const double standard = visit_standard_days(c, from);
  if (days > kSixWeeksDays && standard < kSixWeeksDays && !c.unvisited_6_weeks_counted) {
    c.unvisited_6_weeks_counted = true;
    ++tally_.unvisited_6_weeks;
  }
  if (days > kThreeMonthsDays && standard < kThreeMonthsDays && !c.unvisited_3_months_counted) {
    c.unvisited_3_months_counted = true;
    ++tally_.unvisited_3_months;
  }
  if (c.stage == Stage::cp_plan && days > kSixWeeksDays && !c.cp_unvisited_6_weeks_counted) {
    c.cp_unvisited_6_weeks_counted = true;
    ++tally_.cp_unvisited_6_weeks;
  }
}

// Risk exposure: calendar days a child spends past their visit standard
// within the measured window, whatever their stage and whether or not a
// worker has their case (domain.md counts children on child protection and
// child in need plans; every child counts here, so a queue cannot hide one).
void TeamModel::record_exposure(const Case& c, Day due, Day until) {
  if (c.snapshot_child >= 0 && until > due) result_.child_visit_late[static_cast<std::size_t>(c.snapshot_child)] = 1;
  const Day from = std::max(due, setup_.warm_up_days());
  const Day to = std::min(until, setup_.horizon_days());
  if (to > from) tally_.risk_exposure += to - from;
}

// A day's FTE added at once gives an FTE tally what adding each post's in
// turn does when every sum on the way is exact: so when every FTE and the
// tally are whole numbers of 1/1024ths (1, 0.5 or 0.75, say: not 0.6) and
// far below 2^42, where doubles hold every such number. (Whole numbers of
// posts are exact far beyond any run.)
bool TeamModel::whole_1024ths(double x) {
  if (!(std::abs(x) < 0x1p41)) return false;
  const double scaled = x * 1024.0;  // exact: a power of two
  return static_cast<double>(static_cast<std::int64_t>(scaled)) == scaled;
}

// Counts post by post (on every day, unless every FTE the run can have is
// a whole number of 1/1024ths; else on a day after a staff change, noting
// the staff for the days after, kNoteStaff).
template <bool kNoteStaff>
void TeamModel::sample_day_post_by_post(Day day) {
  StaffDay& s = staff_day_;
  if constexpr (kNoteStaff) {
    s.staff_changes = staff_changes_;
    s.held_posts.clear();
    s.posts = s.posts_without_permanent = s.fte = s.agency_fte = s.permanent_fte = 0.0;
  }
  double fte = 0.0;
  for (std::size_t p = 0; p < posts_.size(); ++p) {
    const Post& post = posts_[p];
    if (!post.in_use) continue;
    if (!post.temporary) {
      tally_.post_days += 1.0;
      if (post.holder != Post::Holder::permanent) tally_.posts_without_permanent_days += 1.0;
      if constexpr (kNoteStaff) {
        s.posts += 1.0;
        if (post.holder != Post::Holder::permanent) s.posts_without_permanent += 1.0;
      }
    }
    if (post.holder == Post::Holder::vacant) continue;
    fte += post.fte;
    tally_.all_fte_days += post.fte;
    if (post.holder == Post::Holder::agency)
      tally_.agency_fte_days += post.fte;
    else
      tally_.permanent_fte_days += post.fte;
    if constexpr (kNoteStaff) {
      s.held_posts.push_back(static_cast<std::uint32_t>(p));
      (post.holder == Post::Holder::agency ? s.agency_fte : s.permanent_fte) += post.fte;
    }
    ++tally_.worker_days;
    count_caseload_day(post, worker_cap(post, day), tally_.worker_days_over_cap, tally_.caseload_per_fte_max);
  }
  if (fte > 0.0) {
    tally_.caseload_per_fte_sum += count_value(open_allocated_) / fte;
    ++tally_.caseload_samples;
  }
  if constexpr (kNoteStaff) {
    s.fte = fte;
    // Every FTE is a whole number of 1/1024ths: so are the tallies, unless
    // too large for the days left (they grow by at most the day's FTE a day).
    s.fte_days_at_once = whole_1024ths(tally_.all_fte_days) && whole_1024ths(tally_.agency_fte_days) &&
                         whole_1024ths(tally_.permanent_fte_days) &&
                         fte * static_cast<double>(setup_.horizon_days() - day) < 0x1p41;
  }
}

void TeamModel::sample_day(Day day) {
  update_overload();
  if (day < setup_.warm_up_days()) return;
#ifndef NDEBUG
  // Every day's counts are what counting post by post gives, bit for bit.
  const Tally before = tally_;
  sample_day_post_by_post<false>(day);
  const Tally post_by_post = tally_;
  tally_ = before;
#endif
  if (!whole_ftes_)
    sample_day_post_by_post<false>(day);
  else if (staff_day_.staff_changes != staff_changes_ || !staff_day_.fte_days_at_once)
    sample_day_post_by_post<true>(day);
  else
    sample_day_of_steady_staff(day);
#ifndef NDEBUG
  const auto same = [](double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;  // (std::bit_cast: not in the browser build's library)
  };
  assert(same(tally_.post_days, post_by_post.post_days) &&
         same(tally_.posts_without_permanent_days, post_by_post.posts_without_permanent_days) &&
         same(tally_.all_fte_days, post_by_post.all_fte_days) &&
         same(tally_.agency_fte_days, post_by_post.agency_fte_days) &&
         same(tally_.permanent_fte_days, post_by_post.permanent_fte_days) &&
         tally_.worker_days == post_by_post.worker_days &&
         tally_.worker_days_over_cap == post_by_post.worker_days_over_cap &&
         same(tally_.caseload_per_fte_max, post_by_post.caseload_per_fte_max) &&
         same(tally_.caseload_per_fte_sum, post_by_post.caseload_per_fte_sum) &&
         tally_.caseload_samples == post_by_post.caseload_samples);
#endif
}

// Between staff changes: the staff's counts at once (exact: see
// whole_1024ths), and what moves from day to day (each held post's cap and
// caseload) post by post.
void TeamModel::sample_day_of_steady_staff(Day day) {
  const StaffDay& s = staff_day_;
  assert(s.fte_days_at_once);
  tally_.post_days += s.posts;
  tally_.posts_without_permanent_days += s.posts_without_permanent;
  tally_.worker_days += s.held_posts.size();
  tally_.all_fte_days += s.fte;
  tally_.agency_fte_days += s.agency_fte;
  tally_.permanent_fte_days += s.permanent_fte;
  // The cap read from the allocation index while that holds today.
  std::uint64_t over_cap = 0;
  double most_per_fte = tally_.caseload_per_fte_max;
  if (allocation_index_day_ == day)
    for (const std::uint32_t p : s.held_posts) {
      assert(cap_in_index_[p] == worker_cap(posts_[p], day));
      count_caseload_day(posts_[p], cap_in_index_[p], over_cap, most_per_fte);
    }
  else
    for (const std::uint32_t p : s.held_posts)
      count_caseload_day(posts_[p], worker_cap(posts_[p], day), over_cap, most_per_fte);
  tally_.worker_days_over_cap += over_cap;
  tally_.caseload_per_fte_max = most_per_fte;
  if (s.fte > 0.0) {
    tally_.caseload_per_fte_sum += count_value(open_allocated_) / s.fte;
    ++tally_.caseload_samples;
  }
}

std::size_t TeamModel::overdue_actions(const Case& c, Day as_of_day) {
  if (c.clocks.earliest_due() >= as_of_day) return 0;
  std::size_t n = 0;
  c.clocks.for_each_owed([&](Action, Day due) { n += due < as_of_day; });
  return n;
}

TeamModel::Overdue TeamModel::overdue_actions(Day as_of_day) const {
  Overdue n;
  for_each_case_owing_before(as_of_day, [&](const Case& c) {
    n.actions += overdue_actions(c, as_of_day);
    n.visits += visit_overdue(c, as_of_day);
  });
  return n;
}

void TeamModel::sample_week(std::size_t week) {
  const auto weeks = static_cast<std::size_t>(setup_.weeks());
  const Day end_of_week = 7 * static_cast<Day>(week + 1);
  const std::size_t cp_children = open_cp_cases_;
  assert(cp_children == static_cast<std::size_t>(std::count_if(cases_.begin(), cases_.end(), [](const Case& c) {
           return c.open && c.stage == Stage::cp_plan;
         })));
  const Overdue overdue = overdue_actions(end_of_week);
  double fte = 0.0, absent = 0.0, agency = 0.0;
  for (const Post& post : posts_) {
    if (!post.in_use || post.holder == Post::Holder::vacant) continue;
    fte += post.fte;
    if (post.absent_today) absent += post.fte;
    if (post.holder == Post::Holder::agency) agency += post.fte;
  }
  auto put = [&](Series s, double v) { result_.weekly[index(s) * weeks + week] = v; };
  put(Series::caseload, static_cast<double>(open_allocated_));
  put(Series::caseload_per_fte, fte > 0.0 ? static_cast<double>(open_allocated_) / fte : 0.0);
  put(Series::unallocated, static_cast<double>(unallocated_.size() + unallocated_urgent_.size()));
  put(Series::overdue_visits, static_cast<double>(overdue.visits));
  put(Series::overdue_actions, static_cast<double>(overdue.actions));
  put(Series::cp_children, static_cast<double>(cp_children));
  put(Series::staff_fte, fte);
  put(Series::absent_fte, absent);
  put(Series::agency_fte, agency);
  sample_workers(week);
}

void TeamModel::finish() {
  const Day horizon = setup_.horizon_days();
  const double end_working = calendar_.working_time_at(horizon);
  const auto& triage = scenario_.triage;

  for (std::size_t i = 0; i < awaiting_decision_.size(); ++i) {
    const PendingReferral& r = awaiting_decision_[i];
    const Day due = calendar_.add_working_days(r.arrival_day, triage.decision_standard_working_days);
    if (r.counted && due < horizon) ++tally_.decisions_late;
  }
  result_.ledger.awaiting_decision = awaiting_decision_.size();

  // Cases still waiting count in every waiting measure with their wait so
  // far, however long ago they came: a case stored for months is the failure
  // these measures are for.
  for (const auto* queue : {&unallocated_urgent_, &unallocated_}) {
    for (std::size_t i = 0; i < queue->size(); ++i) {
      const Case& c = cases_[(*queue)[i]];
      ++tally_.queued_at_end;
      const double wait = end_working - c.queued_working_time;
      tally_.wait_sum += wait;
      tally_.wait_max = std::max(tally_.wait_max, wait);
      tally_.longest_current_wait = std::max(tally_.longest_current_wait, wait);
      if (wait > scenario_.metrics.unallocated_wait_threshold_working_days) ++tally_.cases_stored;
    }
  }
  result_.ledger.waiting_allocation = unallocated_.size() + unallocated_urgent_.size();
  result_.ledger.open_allocated = open_allocated_;

  for (Case& c : cases_) {
    if (!c.open) continue;
    const std::size_t stage = index(c.stage);
    ++result_.census.open[stage];
    result_.census.waiting[stage] += c.worker == kNoWorker;
    result_.census.visit_overdue[stage] += c.clocks.owed(Action::visit) && c.clocks.due(Action::visit) < horizon;
    record_owed_actions(c, horizon);
    const Day assessment_due = c.clocks.due(Action::assessment);
    if (c.clocks.owed(Action::assessment) && assessment_due < horizon && in_window(assessment_due))
      ++tally_.assessments_late;
  }

  for (const Post& post : posts_) {
    if (!post.in_use || post.holder == Post::Holder::vacant || post.supervision_due == kNever) continue;
    if (calendar_.add_working_days(post.supervision_due, kSupervisionWindowWorkingDays) < horizon &&
        in_window(post.supervision_due)) {
      ++tally_.supervision_due;
      ++tally_.supervision_missed;
    }
    if (scenario_.supervision.modelled)
      tally_.longest_without_supervision =
          std::max(tally_.longest_without_supervision, (horizon - post.last_supervision) / 7.0);
  }

  caseload_average_.advance(end_working);
  queue_average_.advance(end_working);

  // A broken invariant is a bug in the model: debug builds (and the sanitizer
  // run of the suite) check every replication; tests/property checks them
  // over random scenarios in every build.
  assert(result_.ledger.balances());
  assert(scenario_.policy.caseload_cap.kind == scenario::CaseloadCap::Kind::soft || result_.most_over_cap <= 1e-9);
  assert(result_.most_hours_over_available <= 1e-9);
  assert(tally_.actions[index(Action::visit)].late <= tally_.actions[index(Action::visit)].due);

  auto& s = result_.summary;
  // A share or mean with nothing to count is not applicable: NaN, never 0.
  auto ratio = [](double num, double den) { return den > 0.0 ? num / den : std::numeric_limits<double>::quiet_NaN(); };
  auto count = [](std::uint64_t n) { return static_cast<double>(n); };
  auto action = [&](Action x) -> const ActionTally& { return tally_.actions[index(x)]; };
  s[index(Metric::referrals_received)] = count(tally_.referrals_received);
  s[index(Metric::re_referrals)] = count(tally_.re_referrals);
  s[index(Metric::decisions_late)] = count(tally_.decisions_late);
  s[index(Metric::referrals_accepted)] = count(tally_.referrals_accepted);
  s[index(Metric::urgent_referrals)] = count(tally_.urgent_referrals);
  s[index(Metric::urgent_not_identified)] = count(tally_.urgent_not_identified);
  s[index(Metric::urgent_detection_delay_mean)] = ratio(tally_.urgent_detection_delay_sum, count(tally_.urgent_caught));
  s[index(Metric::cases_allocated)] = count(tally_.cases_allocated);
  s[index(Metric::unallocated_wait_mean)] = ratio(tally_.wait_sum, count(tally_.wait_count + tally_.queued_at_end));
  s[index(Metric::unallocated_at_end)] = count(result_.ledger.waiting_allocation);
  s[index(Metric::longest_current_wait)] = tally_.longest_current_wait;
  s[index(Metric::concerns_on_open_cases)] = count(tally_.concerns_on_open_cases);
  s[index(Metric::unallocated_wait_max)] = tally_.wait_max;
  s[index(Metric::cases_stored)] = count(tally_.cases_stored);
  s[index(Metric::cases_waited_share)] =
      ratio(count(tally_.waited + tally_.queued_at_end), count(tally_.wait_count + tally_.queued_at_end));
  s[index(Metric::unallocated_queue_mean)] = queue_average_.mean();
  s[index(Metric::assessments_completed)] = count(tally_.assessments_completed);
  s[index(Metric::assessments_late)] = count(tally_.assessments_late);
  s[index(Metric::assessments_within_standard_share)] =
      ratio(count(tally_.assessments_on_time), count(tally_.assessments_completed));
  for (const Action a : kActions) {
    if (!kind_of(a).recorded_by_due_date) continue;
    s[index(kind_of(a).due_metric)] = count(action(a).due);
    s[index(kind_of(a).late_metric)] = count(action(a).late);
  }
  s[index(Metric::visit_days_overdue_mean)] = ratio(tally_.overdue_days_sum, count(action(Action::visit).late));
  s[index(Metric::visit_days_overdue_max)] = tally_.overdue_days_max;
  s[index(Metric::longest_visit_gap)] = tally_.longest_visit_gap;
  s[index(Metric::children_unvisited_6_weeks)] = count(tally_.unvisited_6_weeks);
  s[index(Metric::children_unvisited_3_months)] = count(tally_.unvisited_3_months);
  s[index(Metric::cp_children_unvisited_6_weeks)] = count(tally_.cp_unvisited_6_weeks);
  s[index(Metric::children_past_visit_standard)] = count(tally_.past_visit_standard_any);
  const auto past = [&](VisitStandardGroup g) {
    return count(tally_.past_visit_standard[static_cast<std::size_t>(g)]);
  };
  s[index(Metric::children_past_visit_standard_assessment)] = past(VisitStandardGroup::assessment);
  s[index(Metric::children_past_visit_standard_section_47)] = past(VisitStandardGroup::section_47);
  s[index(Metric::children_past_visit_standard_cp)] = past(VisitStandardGroup::cp_plan);
  s[index(Metric::children_past_visit_standard_cin)] = past(VisitStandardGroup::cin_plan);
  s[index(Metric::children_past_visit_standard_looked_after_first_year)] =
      past(VisitStandardGroup::looked_after_first_year);
  s[index(Metric::children_past_visit_standard_looked_after_later)] = past(VisitStandardGroup::looked_after_later);
  s[index(Metric::visits_to_waiting_children)] = count(tally_.visits_by_cover);
  s[index(Metric::risk_exposure_child_days)] = tally_.risk_exposure;
  s[index(Metric::drifted_actions)] = count(tally_.drifted);
  s[index(Metric::cp_plans_started)] = count(tally_.cp_started);
  s[index(Metric::cin_plans_started)] = count(tally_.cin_started);
  s[index(Metric::looked_after_started)] = count(tally_.looked_after_started);
  s[index(Metric::cases_closed)] = count(tally_.cases_closed);
  s[index(Metric::caseload_mean)] = caseload_average_.mean();
  s[index(Metric::caseload_per_fte_mean)] = ratio(tally_.caseload_per_fte_sum, count(tally_.caseload_samples));
  s[index(Metric::caseload_per_fte_max)] = tally_.caseload_per_fte_max;
  s[index(Metric::worker_days_over_cap_share)] = ratio(count(tally_.worker_days_over_cap), count(tally_.worker_days));
  s[index(Metric::sickness_days)] = tally_.sickness_days;
  s[index(Metric::leavers)] = count(tally_.leavers);
  s[index(Metric::turnover_rate)] =
      ratio(count(tally_.permanent_leavers), tally_.permanent_fte_days / kWorkingDaysPerYear);
  s[index(Metric::vacancy_days)] = count(tally_.vacancy_days);
  s[index(Metric::vacancy_rate)] = ratio(tally_.posts_without_permanent_days, tally_.post_days);
  s[index(Metric::agency_share)] = ratio(tally_.agency_fte_days, tally_.all_fte_days);
  s[index(Metric::manager_changes)] = count(tally_.manager_changes);
  s[index(Metric::supervision_due)] = count(tally_.supervision_due);
  s[index(Metric::supervision_missed)] = count(tally_.supervision_missed);
  s[index(Metric::longest_without_supervision_weeks)] = tally_.longest_without_supervision;
  s[index(Metric::escalations)] = count(tally_.escalations);
  s[index(Metric::overtime_hours)] = tally_.overtime_hours;
  s[index(Metric::agency_cover_weeks)] = tally_.agency_cover_weeks;
}

}  // namespace casesim::model
