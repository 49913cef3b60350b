#include "engine/model/team_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/random/exponential_distribution.hpp>

#include "engine/model/streams.hpp"

namespace casesim::model {

using kernel::Day;

void TeamModel::TimeAverage::advance(double working_time) {
  const double lo = std::max(last, from);
  const double hi = std::min(working_time, to);
  if (hi > lo) area += value * (hi - lo);
  last = working_time;
}

TeamModel::TeamModel(const ModelSetup& setup, std::uint64_t seed, std::uint64_t replication)
    : setup_(setup),
      scenario_(setup.scenario()),
      calendar_(setup.calendar()),
      seed_(seed),
      replication_(replication),
      arrivals_rng_(kernel::make_stream(seed, replication, stream_id(Stream::referral_arrivals))),
      case_duration_(setup.scenario().cases.duration_working_days),
      workers_(setup.workers().size()) {
  const double window_start = calendar_.working_time_at(setup_.warm_up_days());
  const double window_end = calendar_.working_time_at(setup_.horizon_days());
  caseload_average_ = TimeAverage{window_start, window_end, 0.0, 0.0, 0.0};
  queue_average_ = TimeAverage{window_start, window_end, 0.0, 0.0, 0.0};
  result_.weekly.assign(kSeriesCount * static_cast<std::size_t>(setup_.weeks()), 0.0);
  sim_.reserve(64 + 2 * setup_.workers().size() * 32);
}

ReplicationResult TeamModel::run() {
  const Day horizon = setup_.horizon_days();
  schedule_next_arrival();
  const Day first_working_day = calendar_.add_working_days(-1, 1);
  if (first_working_day < horizon) sim_.schedule_at(first_working_day, {kWorkingDayStart, 0});
  if (7 < horizon) sim_.schedule_at(7, {kWeekEnd, 0});

  sim_.run_until(horizon, *this);
  sample_week(static_cast<std::size_t>(setup_.weeks() - 1));
  finish();
  result_.events = sim_.events_processed();
  return std::move(result_);
}

void TeamModel::operator()(const kernel::Event& event) {
  switch (event.kind) {
    case kReferralArrival: on_referral_arrival(); break;
    case kWorkingDayStart: on_working_day_start(today()); break;
    case kCaseClosure: on_case_closure(event.subject); break;
    case kWeekEnd: on_week_end(event.subject); break;
  }
}

// Arrivals are a Poisson process in working time: referrals come in on working
// days only, at the scenario's rate per working day.
void TeamModel::schedule_next_arrival() {
  const auto& referrals = scenario_.referrals;
  if (referrals.arrival_process == scenario::ReferralSettings::ArrivalProcess::regular) {
    // Counted from the index, not accumulated, so no rounding drift over a long run.
    next_arrival_working_time_ = static_cast<double>(referrals_ + 1) / referrals.rate_per_working_day;
  } else {
    boost::random::exponential_distribution<double> gap(referrals.rate_per_working_day);
    next_arrival_working_time_ += gap(arrivals_rng_);
  }
  const double time = calendar_.time_at_working_time(next_arrival_working_time_);
  if (time < setup_.horizon_days()) sim_.schedule_at(time, {kReferralArrival, 0});
}

void TeamModel::on_referral_arrival() {
  PendingReferral referral{referrals_++, today(), sim_.now() >= setup_.warm_up_days()};
  ++result_.ledger.received;
  if (referral.counted) ++tally_.referrals_received;
  const bool unlimited_duty = scenario_.triage.duty_decisions_per_working_day == 0;
  if (unlimited_duty || (duty_decisions_left_ > 0 && awaiting_decision_.empty())) {
    if (!unlimited_duty) --duty_decisions_left_;
    decide(referral);
  } else {
    awaiting_decision_.push(referral);
  }
  schedule_next_arrival();
}

void TeamModel::decide(const PendingReferral& referral) {
  const Day due = calendar_.add_working_days(referral.arrival_day, scenario_.triage.decision_standard_working_days);
  if (referral.counted && today() > due) ++tally_.decisions_late;

  // The referral's own draws, keyed on its index: the same referral gets the
  // same outcome and duration under every policy (common random numbers).
  kernel::KeyedEngine attributes =
      kernel::make_keyed(seed_, replication_, stream_id(Stream::referral_attributes), referral.index);
  const bool accepted = kernel::uniform01(attributes) < scenario_.referrals.accepted_share;
  if (!accepted) {
    ++result_.ledger.no_further_action;
    return;
  }
  kernel::KeyedEngine duration_rng =
      kernel::make_keyed(seed_, replication_, stream_id(Stream::case_durations), referral.index);

  const std::uint32_t slot = new_case_slot();
  Case& c = cases_[slot];
  c.referral = referral.index;
  c.decided_working_time = working_now();
  c.counted = sim_.now() >= setup_.warm_up_days();
  c.duration_working_days = case_duration_(duration_rng);
  c.worker = -1;
  if (c.counted) ++tally_.referrals_accepted;

  unallocated_.push(slot);
  queue_average_.set(working_now(), static_cast<double>(unallocated_.size()));
  allocate_waiting();
}

std::uint32_t TeamModel::new_case_slot() {
  if (!free_case_slots_.empty()) {
    const std::uint32_t slot = free_case_slots_.back();
    free_case_slots_.pop_back();
    return slot;
  }
  cases_.emplace_back();
  return static_cast<std::uint32_t>(cases_.size() - 1);
}

// First come, first served: the longest-waiting case goes to the least-loaded
// worker (cases per FTE, then the lower index) who is under their cap.
void TeamModel::allocate_waiting() {
  const auto& worker_setup = setup_.workers();
  while (!unallocated_.empty()) {
    std::size_t best = worker_setup.size();
    double best_load = std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < worker_setup.size(); ++j) {
      const auto held = static_cast<int>(workers_[j].cases.size());
      if (held >= worker_setup[j].caseload_cap) continue;
      const double load = held / worker_setup[j].fte;
      if (load < best_load) {
        best_load = load;
        best = j;
      }
    }
    if (best == worker_setup.size()) return;  // everyone is at their cap: the case waits
    allocate(unallocated_.pop(), best);
    queue_average_.set(working_now(), static_cast<double>(unallocated_.size()));
  }
}

void TeamModel::allocate(std::uint32_t slot, std::size_t worker) {
  Case& c = cases_[slot];
  const double now_working = working_now();
  const double wait = now_working - c.decided_working_time;
  if (c.counted) {
    tally_.wait_sum += wait;
    ++tally_.wait_count;
    tally_.wait_max = std::max(tally_.wait_max, wait);
    if (wait > scenario_.metrics.unallocated_wait_threshold_working_days) ++tally_.cases_stored;
  }
  if (sim_.now() >= setup_.warm_up_days()) ++tally_.cases_allocated;

  Worker& w = workers_[worker];
  c.worker = static_cast<std::int32_t>(worker);
  c.position = static_cast<std::uint32_t>(w.cases.size());
  w.cases.push_back(slot);
  result_.most_over_cap =
      std::max(result_.most_over_cap, static_cast<int>(w.cases.size()) - setup_.workers()[worker].caseload_cap);
  ++open_cases_;
  caseload_average_.set(now_working, static_cast<double>(open_cases_));

  c.last_visit_day = today();
  if (scenario_.cases.visit_interval_working_days > 0)
    c.next_visit_due = calendar_.add_working_days(today(), scenario_.cases.visit_interval_working_days);

  const double closes_at = calendar_.time_at_working_time(now_working + c.duration_working_days);
  if (closes_at < setup_.horizon_days()) sim_.schedule_at(closes_at, {kCaseClosure, slot});
}

void TeamModel::on_working_day_start(Day day) {
  const Day next = calendar_.add_working_days(day, 1);
  if (next < setup_.horizon_days()) sim_.schedule_at(next, {kWorkingDayStart, 0});

  if (scenario_.triage.duty_decisions_per_working_day > 0) {
    duty_decisions_left_ = scenario_.triage.duty_decisions_per_working_day;
    while (duty_decisions_left_ > 0 && !awaiting_decision_.empty()) {
      --duty_decisions_left_;
      decide(awaiting_decision_.pop());
    }
  }

  if (day >= setup_.warm_up_days()) {
    tally_.caseload_per_fte_sum += static_cast<double>(open_cases_) / setup_.team_fte();
    ++tally_.caseload_samples;
    for (std::size_t j = 0; j < workers_.size(); ++j)
      tally_.caseload_per_fte_max = std::max(
          tally_.caseload_per_fte_max, static_cast<double>(workers_[j].cases.size()) / setup_.workers()[j].fte);
  }

  if (scenario_.cases.visit_interval_working_days > 0)
    for (std::size_t j = 0; j < workers_.size(); ++j) do_visits(j, day);
}

// A worker does the visits that are due, earliest due date first (ties: the
// older referral), as far as their hours for the day allow.
void TeamModel::do_visits(std::size_t worker, Day day) {
  due_today_.clear();
  for (const std::uint32_t slot : workers_[worker].cases) {
    const Case& c = cases_[slot];
    if (c.next_visit_due <= day) due_today_.push_back({c.next_visit_due, c.referral, slot});
  }
  if (due_today_.empty()) return;
  std::sort(due_today_.begin(), due_today_.end(), [](const DueVisit& a, const DueVisit& b) {
    return a.due < b.due || (a.due == b.due && a.referral < b.referral);
  });
  double hours = setup_.workers()[worker].hours_per_working_day;
  const double visit_hours = scenario_.cases.visit_hours;
  for (const DueVisit& visit : due_today_) {
    // A visit is done whole or not at all; the tolerance absorbs rounding in FTE-scaled hours.
    if (hours + 1e-9 < visit_hours) break;
    hours -= visit_hours;
    record_visit(cases_[visit.slot], day);
  }
}

void TeamModel::record_visit(Case& c, Day done_day) {
  const Day due = c.next_visit_due;
  if (in_window(due)) {
    ++tally_.visits_due;
    if (done_day > due) {
      const double late = calendar_.working_days_between(due, done_day);
      ++tally_.visits_overdue;
      tally_.overdue_days_sum += late;
      tally_.overdue_days_max = std::max(tally_.overdue_days_max, late);
    }
  }
  record_gap(c.last_visit_day, done_day, done_day);
  c.last_visit_day = done_day;
  c.next_visit_due = calendar_.add_working_days(done_day, scenario_.cases.visit_interval_working_days);
}

// A visit still owed when a case closes, or when the run ends, counts as
// overdue if its due date has passed, late by the working days up to `as_of_day`.
void TeamModel::record_missed_visit(const Case& c, Day as_of_day) {
  const Day due = c.next_visit_due;
  if (due >= as_of_day || !in_window(due)) return;
  const double late = std::max(1, calendar_.working_days_between(due, as_of_day));
  ++tally_.visits_due;
  ++tally_.visits_overdue;
  tally_.overdue_days_sum += late;
  tally_.overdue_days_max = std::max(tally_.overdue_days_max, late);
}

void TeamModel::record_gap(Day from, Day to, Day counted_from) {
  if (counted_from < setup_.warm_up_days()) return;
  tally_.longest_visit_gap =
      std::max(tally_.longest_visit_gap, static_cast<double>(calendar_.working_days_between(from, to)));
}

void TeamModel::on_case_closure(std::uint32_t slot) {
  Case& c = cases_[slot];
  const Day day = today();
  if (scenario_.cases.visit_interval_working_days > 0) {
    record_missed_visit(c, day);
    record_gap(c.last_visit_day, day, day);
  }
  Worker& w = workers_[static_cast<std::size_t>(c.worker)];
  const std::uint32_t moved = w.cases.back();
  w.cases[c.position] = moved;
  cases_[moved].position = c.position;
  w.cases.pop_back();
  --open_cases_;
  caseload_average_.set(working_now(), static_cast<double>(open_cases_));
  ++result_.ledger.closed;
  if (sim_.now() >= setup_.warm_up_days()) ++tally_.cases_closed;
  free_case_slots_.push_back(slot);
  allocate_waiting();
}

void TeamModel::on_week_end(std::uint32_t week) {
  sample_week(week);
  const Day next_week_end = 7 * static_cast<Day>(week + 2);
  if (next_week_end < setup_.horizon_days()) sim_.schedule_at(next_week_end, {kWeekEnd, week + 1});
}

void TeamModel::sample_week(std::size_t week) {
  const auto weeks = static_cast<std::size_t>(setup_.weeks());
  const Day end_of_week = 7 * static_cast<Day>(week + 1);
  std::size_t overdue = 0;
  if (scenario_.cases.visit_interval_working_days > 0)
    for (const Worker& w : workers_)
      for (const std::uint32_t slot : w.cases)
        if (cases_[slot].next_visit_due < end_of_week) ++overdue;
  auto& weekly = result_.weekly;
  weekly[index(Series::caseload) * weeks + week] = static_cast<double>(open_cases_);
  weekly[index(Series::caseload_per_fte) * weeks + week] = static_cast<double>(open_cases_) / setup_.team_fte();
  weekly[index(Series::unallocated) * weeks + week] = static_cast<double>(unallocated_.size());
  weekly[index(Series::overdue_visits) * weeks + week] = static_cast<double>(overdue);
}

void TeamModel::finish() {
  const Day horizon = setup_.horizon_days();
  const double end_working = calendar_.working_time_at(horizon);

  for (std::size_t i = 0; i < awaiting_decision_.size(); ++i) {
    const PendingReferral& r = awaiting_decision_[i];
    const Day due = calendar_.add_working_days(r.arrival_day, scenario_.triage.decision_standard_working_days);
    if (r.counted && due < horizon) ++tally_.decisions_late;
  }
  result_.ledger.awaiting_decision = awaiting_decision_.size();

  // Cases still waiting count towards the longest wait and the stored cases:
  // a case stored for months is the failure this metric is for.
  for (std::size_t i = 0; i < unallocated_.size(); ++i) {
    const Case& c = cases_[unallocated_[i]];
    if (!c.counted) continue;
    const double wait = end_working - c.decided_working_time;
    tally_.wait_max = std::max(tally_.wait_max, wait);
    if (wait > scenario_.metrics.unallocated_wait_threshold_working_days) ++tally_.cases_stored;
  }
  result_.ledger.waiting_allocation = unallocated_.size();
  result_.ledger.open_allocated = open_cases_;

  if (scenario_.cases.visit_interval_working_days > 0)
    for (const Worker& w : workers_)
      for (const std::uint32_t slot : w.cases) {
        record_missed_visit(cases_[slot], horizon);
        record_gap(cases_[slot].last_visit_day, horizon, horizon);
      }

  caseload_average_.advance(end_working);
  queue_average_.advance(end_working);

  auto& s = result_.summary;
  auto ratio = [](double sum, std::uint64_t n) { return n > 0 ? sum / static_cast<double>(n) : 0.0; };
  s[index(Metric::referrals_received)] = static_cast<double>(tally_.referrals_received);
  s[index(Metric::decisions_late)] = static_cast<double>(tally_.decisions_late);
  s[index(Metric::referrals_accepted)] = static_cast<double>(tally_.referrals_accepted);
  s[index(Metric::cases_allocated)] = static_cast<double>(tally_.cases_allocated);
  s[index(Metric::unallocated_wait_mean)] = ratio(tally_.wait_sum, tally_.wait_count);
  s[index(Metric::unallocated_wait_max)] = tally_.wait_max;
  s[index(Metric::cases_stored)] = static_cast<double>(tally_.cases_stored);
  s[index(Metric::unallocated_queue_mean)] = queue_average_.mean();
  s[index(Metric::visits_due)] = static_cast<double>(tally_.visits_due);
  s[index(Metric::visits_overdue)] = static_cast<double>(tally_.visits_overdue);
  s[index(Metric::visit_days_overdue_mean)] = ratio(tally_.overdue_days_sum, tally_.visits_overdue);
  s[index(Metric::visit_days_overdue_max)] = tally_.overdue_days_max;
  s[index(Metric::longest_visit_gap)] = tally_.longest_visit_gap;
  s[index(Metric::caseload_mean)] = caseload_average_.mean();
  s[index(Metric::caseload_per_fte_mean)] = ratio(tally_.caseload_per_fte_sum, tally_.caseload_samples);
  s[index(Metric::caseload_per_fte_max)] = tally_.caseload_per_fte_max;
  s[index(Metric::cases_closed)] = static_cast<double>(tally_.cases_closed);
}

ReplicationResult run_replication(const ModelSetup& setup, std::uint64_t seed, std::uint64_t replication) {
  TeamModel model(setup, seed, replication);
  return model.run();
}

}  // namespace casesim::model
