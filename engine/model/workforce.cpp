// TeamModel: the workforce. Annual leave, sickness, resignation and notice,
// vacancies, recruitment and agency cover, the team manager, supervision and
// escalation.
//
// Every random draw about a worker is keyed on (post, the post's n-th holder,
// day, what), so the same worker falls sick on the same day under every policy
// unless the policy changes the worker's overload, which the draw is compared with.
#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <functional>

#include "engine/model/team_model.hpp"
#include "engine/model/working_time.hpp"

namespace casesim::model {

using kernel::Day;

namespace {

// Recent sickness is smoothed over about three months of working days.
constexpr double kRecentSicknessSmoothing = 1.0 / 60.0;

enum WorkerDraw : std::uint32_t {
  kResign = 1,
  kSickness,
  kSicknessDuration,
  kRecruitmentLag,
  kAgencyFill,
  kAgencyTenure,
  kNewlyQualified,
  kOtherLeave
};

}  // namespace

double TeamModel::worker_uniform(std::size_t post, std::uint32_t serial, Day day, std::uint32_t what) const {
  const std::uint64_t key = ((static_cast<std::uint64_t>(post) << 16 | (serial & 0xffffu)) << 32) |
                            (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day) & 0xffffffu) << 8) |
                            (what & 0xffu);
  kernel::KeyedEngine engine = worker_day_keys_.engine(key);
  return kernel::uniform01(engine);
}

kernel::KeyedEngine TeamModel::worker_engine(std::size_t post, std::uint32_t serial, std::uint32_t what) const {
  const std::uint64_t key = (static_cast<std::uint64_t>(post) << 40) | (static_cast<std::uint64_t>(serial) << 8) | what;
  return kernel::make_keyed(seed_, replication_, stream_id(Stream::worker_events), key);
}

void TeamModel::start_worker(std::size_t p, Post::Holder holder, Day day, bool newly_qualified) {
  Post& post = posts_[p];
  staff_changed();
  post.holder = holder;
  ++post.serial;
  post.newly_qualified = newly_qualified;
  post.started_day = day;
  post.sick_until = 0;
  post.leaving_day = kNever;
  post.leave_year = -1;
  post.last_supervision = day;
  post.overload = 0.0;
  post.absent_today = false;
  const int interval = supervision_interval_weeks_;
  post.supervision_due = scenario_.supervision.modelled && interval > 0
                             ? calendar_.add_working_days(day, kWorkingDaysPerWeek * interval)
                             : kNever;
  post.recent_sickness = 0.0;
  post.ramps_up = true;
  const auto& turnover = scenario_.workforce.turnover;
  if (holder == Post::Holder::agency) {
    kernel::KeyedEngine engine = worker_engine(p, post.serial, kAgencyTenure);
    post.leaving_day = days_later(day, 7.0 * agency_tenure_(engine));
    // An agency worker covers a post that is being recruited to.
    if (post.permanent_starts == kNever && !post.temporary) {
      kernel::KeyedEngine lag = worker_engine(p, post.serial, kRecruitmentLag);
      post.permanent_starts = days_later(day, 7.0 * recruitment_lag_(lag));
    }
  }
  (void)turnover;
  trace(holder == Post::Holder::agency ? "agency_worker_starts" : "worker_starts", -1, worker_id(p), -1, post.fte,
        newly_qualified ? "newly qualified" : "");
}

// A worker leaves: their cases go to colleagues with room (each handover costs
// the receiver hours), or back to the unallocated queue, ahead of new work.
void TeamModel::worker_leaves(std::size_t p, Day day) {
  Post& post = posts_[p];
  const bool agency = post.holder == Post::Holder::agency;
  if (in_window(day)) {
    ++tally_.leavers;
    if (!agency) ++tally_.permanent_leavers;
  }
  trace(agency ? "agency_worker_leaves" : "worker_leaves", -1, worker_id(p), -1,
        static_cast<double>(post.cases.size()));
  const std::vector<Post::HeldCase> cases = post.cases;
  staff_changed();
  post.holder = Post::Holder::vacant;  // before reallocation, so nothing goes back to this post
  // The leaver's cases go to colleagues one by one: through the allocation
  // index, built once for them, not a scan of every post for each case (a
  // large team's leavers were a tenth of its run). Set aside again after, as
  // the rest of the day's staff changes expect.
  assert(day == today());
  build_allocation_index(day);
  for (auto it = cases.rbegin(); it != cases.rend(); ++it) {
    const std::uint32_t slot = it->slot;
    detach(slot);
    Case& c = cases_[slot];
    const std::int32_t receiver = choose_worker(c.stage);
    if (receiver != kNoWorker) {
      c.queued_working_time = working_now();
      c.from_queue = false;
      allocate(slot, static_cast<std::size_t>(receiver));
      posts_[static_cast<std::size_t>(receiver)].hours_owed += scenario_.workforce.turnover.handover_hours_per_case;
    } else {
      enqueue(slot, true);
    }
  }
  staff_changed();
  post.load = 0.0;
  post.leaving_day = kNever;
  post.absent_today = false;
  if (post.temporary) {
    post.in_use = false;
    agency_requested_ = false;
    return;
  }
  const auto& turnover = scenario_.workforce.turnover;
  if (post.permanent_starts == kNever) {
    kernel::KeyedEngine lag = worker_engine(p, post.serial, kRecruitmentLag);
    post.permanent_starts = days_later(day, 7.0 * recruitment_lag_(lag));
  }
  if (worker_uniform(p, post.serial, day, kAgencyFill) < turnover.agency_fill_share)
    post.agency_starts = day + 7 * turnover.agency_start_delay_weeks;
}

void TeamModel::advertise_post(std::size_t p, Day day) {
  staff_changed();
  Post& post = posts_[p];
  post.holder = Post::Holder::vacant;
  kernel::KeyedEngine lag = worker_engine(p, post.serial, kRecruitmentLag);
  post.permanent_starts = days_later(day, 7.0 * recruitment_lag_(lag));
  post.agency_starts = kNever;
}

void TeamModel::plan_annual_leave(std::size_t p, Day day) {
  Post& post = posts_[p];
  const int year = day / 364;
  post.leave_year = year;
  post.leave_weeks = 0;
  const int blocks =
      static_cast<int>(std::lround(scenario_.workforce.annual_leave_days_per_fte * post.fte / kWorkingDaysPerWeek));
  const std::uint64_t key = (static_cast<std::uint64_t>(p) << 40) | (static_cast<std::uint64_t>(post.serial) << 16) |
                            static_cast<std::uint64_t>(year);
  kernel::KeyedEngine engine = kernel::make_keyed(seed_, replication_, stream_id(Stream::annual_leave), key);
  // Distinct weeks of the 52, chosen uniformly.
  for (int b = 0; b < std::min(blocks, 52); ++b) {
    for (;;) {
      const auto week = static_cast<unsigned>(kernel::uniform01(engine) * 52.0);
      if (!(post.leave_weeks >> week & 1u)) {
        post.leave_weeks |= 1ULL << week;
        break;
      }
    }
  }
}

// Each post's worker's day: leaving, starting, leave, sickness, absence.
void TeamModel::update_workers(Day day, bool no_draws) {
  const auto& turnover = scenario_.workforce.turnover;
  const auto& sickness = scenario_.workforce.sickness;
  const int leave_year = day / 364;
  bool all_steady = no_draws;
  for (std::size_t p = 0; p < posts_.size(); ++p) {
    Post& post = posts_[p];
    if (!post.in_use) continue;
    if (no_draws && steady_at_work(post, leave_year, day)) {
      post.absent_today = false;
      post.works_today = true;
      continue;
    }
    all_steady = false;
    if (post.holder != Post::Holder::vacant && post.leaving_day <= day) worker_leaves(p, day);
    if (post.holder == Post::Holder::agency && post.permanent_starts <= day) {
      // The recruit takes over the agency worker's cases directly.
      if (in_window(day)) ++tally_.leavers;
      trace("agency_worker_leaves", -1, worker_id(p), -1, static_cast<double>(post.cases.size()),
            "replaced by a recruit");
      post.hours_owed = turnover.handover_hours_per_case * static_cast<double>(post.cases.size());
      const bool nq = worker_uniform(p, post.serial, day, kNewlyQualified) < turnover.newly_qualified_recruit_share;
      post.permanent_starts = kNever;
      post.agency_starts = kNever;
      start_worker(p, Post::Holder::permanent, day, nq);
    }
    if (post.holder == Post::Holder::vacant) {
      if (post.permanent_starts <= day) {
        const bool nq = worker_uniform(p, post.serial, day, kNewlyQualified) < turnover.newly_qualified_recruit_share;
        post.permanent_starts = kNever;
        post.agency_starts = kNever;
        start_worker(p, Post::Holder::permanent, day, nq);
      } else if (post.agency_starts <= day) {
        post.agency_starts = kNever;
        start_worker(p, Post::Holder::agency, day, false);
      }
    }
    if (post.holder == Post::Holder::vacant) {
      if (in_window(day)) ++tally_.vacancy_days;
      continue;
    }

    if (post.leave_year != leave_year) plan_annual_leave(p, day);
    if (post.holder == Post::Holder::permanent && post.leaving_day == kNever && turnover.annual_rate > 0.0) {
      // Overload and recent sickness both make a worker likelier to leave.
      const double overload_factor =
          1.0 + turnover.overload_multiplier * post.overload + turnover.sickness_multiplier * post.recent_sickness;
      const double hazard = 1.0 - std::exp(-turnover.annual_rate * overload_factor / kWorkingDaysPerYear);
      if (worker_uniform(p, post.serial, day, kResign) < hazard) {
        post.leaving_day = day + 7 * turnover.notice_weeks;
        staff_changed();
        trace("resigns", -1, worker_id(p), post.leaving_day);
      }
    }
    const bool on_leave = on_annual_leave(post, day);
    if (!on_leave && post.sick_until <= day && sickness.episodes_per_fte_year > 0.0) {
      const double p_sick = sickness.episodes_per_fte_year * post.fte *
                            (1.0 + sickness.overload_multiplier * post.overload) / kWorkingDaysPerYear;
      if (worker_uniform(p, post.serial, day, kSickness) < p_sick) {
        kernel::KeyedEngine engine =
            worker_engine(p, post.serial, kSicknessDuration + 16 * static_cast<std::uint32_t>(day));
        const double days = std::max(1.0, sickness_duration_(engine));
        post.sick_until = working_days_later(day, days);
        trace("sick", -1, worker_id(p), post.sick_until, calendar_.working_days_between(day, post.sick_until));
      }
    }
    const bool sick = post.sick_until > day;
    post.recent_sickness += ((sick ? 1.0 : 0.0) - post.recent_sickness) * kRecentSicknessSmoothing;
    // Other leave: single days at random, at the scenario's yearly rate per FTE.
    const bool other_leave = scenario_.workforce.other_leave_days_per_fte > 0.0 && !sick && !on_leave &&
                             worker_uniform(p, post.serial, day, kOtherLeave) <
                                 scenario_.workforce.other_leave_days_per_fte / kWorkingDaysPerYear;
    post.absent_today = sick || on_leave || other_leave || post.absent_until > day;
    // A part-time worker works whole days, on a share of working days equal to
    // their FTE, spread evenly (a 0.6 FTE worker works 3 days in 5); posts are
    // staggered so part-timers are not all off on the same day.
    post.works_today = true;
    if (post.fte < 1.0) {
      const double k = static_cast<double>(calendar_.working_days_before(day) + static_cast<std::int64_t>(p) * 2);
      post.works_today = std::floor((k + 1.0) * post.fte + 1e-9) > std::floor(k * post.fte + 1e-9);
    }
    if (sick && in_window(day)) tally_.sickness_days += 1.0;
  }

  steady_leave_year_ = all_steady ? leave_year : kNoLeaveYear;
}

void TeamModel::update_workforce(Day day) {
  const auto& turnover = scenario_.workforce.turnover;
  const auto& sickness = scenario_.workforce.sickness;
  // Nothing is drawn for any worker (no resignations, sickness or odd days'
  // leave): a worker steady_at_work is at work (a benchmark's whole team,
  // every day), and a team all steady stays so until a staff change or the
  // next leave year.
  const bool no_draws = !(turnover.annual_rate > 0.0) && !(sickness.episodes_per_fte_year > 0.0) &&
                        !(scenario_.workforce.other_leave_days_per_fte > 0.0);
  const int leave_year = day / 364;
  if (!no_draws || steady_leave_year_ != leave_year) update_workers(day, no_draws);
  assert(steady_leave_year_ != leave_year || std::all_of(posts_.begin(), posts_.end(), [&](const Post& post) {
           return !post.in_use || (steady_at_work(post, leave_year, day) && !post.absent_today && post.works_today);
         }));

  // Agency cover requested by escalation arrives in a temporary post.
  if (agency_request_arrives_ <= day) {
    agency_request_arrives_ = kNever;
    std::size_t p = 0;
    while (p < posts_.size() && (posts_[p].in_use || posts_[p].reserved)) ++p;
    if (p == posts_.size()) posts_.emplace_back();
    Post& post = posts_[p];
    const std::uint32_t serial = post.serial;
    post = Post{};
    post.serial = serial;
    post.temporary = true;
    post.in_use = true;
    post.fte = 1.0;
    start_worker(p, Post::Holder::agency, day, false);
    const int weeks = scenario_.policy.escalation.agency_weeks;
    post.leaving_day = day + 7 * weeks;
    if (in_window(day)) tally_.agency_cover_weeks += weeks;
  }
  if (children_waiting()) allocate_waiting();
}

void TeamModel::update_manager(Day day) {
  const auto& m = scenario_.workforce.manager;
  const auto& sickness = scenario_.workforce.sickness;
  auto uniform = [&](std::uint32_t what) {
    const std::uint64_t key = (static_cast<std::uint64_t>(manager_.serial) << 40) |
                              (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day)) << 8) | what;
    kernel::KeyedEngine engine = kernel::make_keyed(seed_, replication_, stream_id(Stream::manager), key);
    return kernel::uniform01(engine);
  };
  if (manager_.in_post && manager_.leaving_day <= day) {
    manager_.in_post = false;
    manager_.starts = day + 7 * m.replacement_lag_weeks;
    trace("manager_leaves", -1, -1);
  }
  if (!manager_.in_post && manager_.starts <= day) {
    manager_.in_post = true;
    ++manager_.serial;
    manager_.interim = manager_.forced_interim >= 0 ? manager_.forced_interim == 1 : uniform(1) < m.interim_share;
    manager_.forced_interim = -1;
    manager_.sick_until = 0;
    manager_.starts = kNever;
    manager_.leaving_day = kNever;
    if (manager_.interim) {
      const std::uint64_t key = static_cast<std::uint64_t>(manager_.serial) << 8 | 2u;
      kernel::KeyedEngine engine = kernel::make_keyed(seed_, replication_, stream_id(Stream::manager), key);
      manager_.leaving_day = days_later(day, std::max(1.0, 7.0 * interim_tenure_(engine)));
    }
    if (in_window(day)) ++tally_.manager_changes;
    trace("manager_starts", -1, -1, -1, 0.0, manager_.interim ? "interim" : "permanent");
  }
  if (!manager_.in_post) return;
  if (!manager_.interim && manager_.leaving_day == kNever && m.annual_turnover > 0.0 &&
      uniform(3) < 1.0 - std::exp(-m.annual_turnover / kWorkingDaysPerYear))
    manager_.leaving_day = day + 7 * scenario_.workforce.turnover.notice_weeks;
  if (manager_.sick_until <= day && sickness.episodes_per_fte_year > 0.0 &&
      uniform(4) < sickness.episodes_per_fte_year / kWorkingDaysPerYear) {
    const std::uint64_t key = (static_cast<std::uint64_t>(manager_.serial) << 40) |
                              (static_cast<std::uint64_t>(static_cast<std::uint32_t>(day)) << 8) | 5u;
    kernel::KeyedEngine engine = kernel::make_keyed(seed_, replication_, stream_id(Stream::manager), key);
    manager_.sick_until = working_days_later(day, std::max(1.0, sickness_duration_(engine)));
    trace("manager_sick", -1, -1, manager_.sick_until);
  }
}

void TeamModel::choose_duty_worker(Day day) {
  (void)day;
  const std::size_t n = posts_.size();
  const std::size_t start = duty_post_ == kNoWorker ? 0 : static_cast<std::size_t>(duty_post_) + 1;
  duty_post_ = kNoWorker;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t p = (start + i) % n;
    if (posts_[p].in_use && present(posts_[p])) {
      duty_post_ = static_cast<std::int32_t>(p);
      return;
    }
  }
}

// Supervision: the manager holds the sessions that are due, most overdue
// first, while their supervision hours last. A session reviews the worker's
// caseload: a missed urgent case is recognised, and overdue work is flagged
// to be done first.
void TeamModel::hold_supervision(Day day) {
  const auto& settings = scenario_.supervision;
  if (!settings.modelled || supervision_interval_weeks_ <= 0) return;
  const bool manager_present = manager_.in_post && manager_.sick_until <= day;
  double manager_hours =
      manager_present ? scenario_.team.manager.supervision_hours_per_week / kWorkingDaysPerWeek : 0.0;

  supervision_order_.clear();
  for (std::size_t p = 0; p < posts_.size(); ++p) {
    Post& post = posts_[p];
    if (!post.in_use || post.holder == Post::Holder::vacant || post.supervision_due == kNever) continue;
    // A session not held within a working week of its date is missed; the next is due an interval later.
    while (calendar_.add_working_days(post.supervision_due, kSupervisionWindowWorkingDays) < day) {
      if (in_window(post.supervision_due)) {
        ++tally_.supervision_due;
        ++tally_.supervision_missed;
      }
      trace("supervision_missed", -1, worker_id(p), post.supervision_due);
      post.supervision_due =
          calendar_.add_working_days(post.supervision_due, kWorkingDaysPerWeek * supervision_interval_weeks_);
    }
    if (calendar_.add_working_days(post.supervision_due, -kSupervisionWindowWorkingDays) <= day)
      supervision_order_.emplace_back(post.supervision_due, static_cast<std::uint32_t>(p));
  }
  // Most overdue first, then by post, while the manager's hours last: taken
  // from a heap of (due, post), as a large team has hundreds due and the
  // manager time for a few (a sort of them all was a tenth of its day).
  const auto later = std::greater<std::pair<Day, std::uint32_t>>{};
  std::make_heap(supervision_order_.begin(), supervision_order_.end(), later);
  for (auto end = supervision_order_.end(); end != supervision_order_.begin(); --end) {
    if (manager_hours + 1e-9 < settings.hours) break;  // no time for another session
    std::pop_heap(supervision_order_.begin(), end, later);
    const std::uint32_t p = (end - 1)->second;
    Post& post = posts_[p];
    if (!present(post)) continue;
    manager_hours -= settings.hours;
    post.hours_owed += settings.hours;
    if (in_window(post.supervision_due)) ++tally_.supervision_due;
    const double weeks = (day - post.last_supervision) / 7.0;
    if (in_window(day)) tally_.longest_without_supervision = std::max(tally_.longest_without_supervision, weeks);
    trace("supervision", -1, worker_id(p), post.supervision_due, weeks);
    post.last_supervision = day;
    post.supervision_due = calendar_.add_working_days(day, kWorkingDaysPerWeek * supervision_interval_weeks_);
    for (std::size_t i = post.cases.size(); i-- > 0;) {
      Case& c = cases_[post.cases[i].slot];
      if (c.missed_urgent && c.stage == Stage::assessment) catch_missed_urgent(c, day, "at supervision");
      if (overdue_actions(c, day) > 0) c.escalated = true;
    }
  }
}

// Escalation: at each review the manager compares the queue and the overdue
// work with the thresholds and, above them, brings in what the policy allows
// until the next review. Without a manager at work, nothing is escalated.
void TeamModel::review_escalation(Day day) {
  const auto& e = scenario_.policy.escalation;
  overtime_hours_per_day_ = 0.0;
  allow_over_cap(0.0);
  if (!e.enabled || !manager_.in_post || manager_.sick_until > day) return;
  const std::size_t waiting = unallocated_.size() + unallocated_urgent_.size();
  const bool queue_over = e.unallocated_threshold > 0 && waiting >= static_cast<std::size_t>(e.unallocated_threshold);
  const bool overdue_over =
      e.overdue_threshold > 0 && overdue_actions(day).actions >= static_cast<std::size_t>(e.overdue_threshold);
  if (!queue_over && !overdue_over) return;
  if (in_window(day)) ++tally_.escalations;
  overtime_hours_per_day_ = e.overtime_hours_per_worker_per_week / kWorkingDaysPerWeek;
  allow_over_cap(e.over_cap_cases);
  if (e.request_agency && !agency_requested_) {
    agency_requested_ = true;
    agency_request_arrives_ = day + 7 * e.agency_lag_weeks;
  }
  trace("escalation", -1, -1, -1, static_cast<double>(waiting), queue_over ? "unallocated queue" : "overdue work");
  allocate_waiting();
}

}  // namespace casesim::model
