#include "engine/model/model_setup.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

namespace casesim::model {

namespace {

// The calendar spans well past the horizon, because clocks started near the
// end of a run fall due after it, and years before the start, for clocks that
// started before it.
constexpr int kCalendarYearsBefore = 5;
constexpr int kCalendarYearsAfter = 5;

// The earliest date a snapshot's clocks run from.
std::chrono::sys_days earliest_date(const snapshot::Snapshot& snapshot, std::chrono::sys_days from) {
  using std::chrono::sys_days;
  for (const auto& child : snapshot.children) {
    from = std::min(from, sys_days(child.referral_date));
    for (const auto& date : {child.stage_start, child.last_visit, child.last_review})
      if (date) from = std::min(from, sys_days(*date));
  }
  for (const auto& worker : snapshot.workers) from = std::min(from, sys_days(worker.started));
  return from;
}

kernel::WorkingCalendar make_calendar(const scenario::Scenario& s, const snapshot::Snapshot* snapshot) {
  using namespace std::chrono;
  const sys_days start{s.run.start_date};
  sys_days first = start - days(366 * kCalendarYearsBefore);
  if (snapshot) first = earliest_date(*snapshot, first) - days(31);
  const sys_days last = start + days(7 * s.run.horizon_weeks + 366 * kCalendarYearsAfter);
  return kernel::WorkingCalendar(s.run.start_date, kernel::Date(first), kernel::Date(last), s.calendar.holidays);
}

}  // namespace

ModelSetup::ModelSetup(scenario::Scenario scenario, std::shared_ptr<const snapshot::Snapshot> snapshot)
    : scenario_(std::move(scenario)),
      calendar_(make_calendar(scenario_, snapshot.get())),
      snapshot_(std::move(snapshot)),
      standards_(scenario_.pathways) {
  horizon_days_ = 7 * scenario_.run.horizon_weeks;
  warm_up_days_ = 7 * scenario_.run.warm_up_weeks;
  counting_from_day_ = warm_up_days_;
  if (snapshot_) {
    if (snapshot_->extract_date != scenario_.run.start_date || warm_up_days_ != 0)
      throw std::logic_error("ModelSetup: a snapshot run must start on the extract date with no warm-up");
    counting_from_day_ = calendar_.first_day();
  }
  case_hours_per_fte_ = scenario_.team.full_time_hours_per_week / 5.0 * (1.0 - scenario_.team.non_case_share);

  const auto& referrals = scenario_.referrals;
  const std::int64_t working_days = calendar_.working_days_before(horizon_days_) + 1;
  referral_rate_.reserve(static_cast<std::size_t>(working_days));
  // The working days come in order: the month is worked out again only when
  // one falls in the next (a date made for every working day was a
  // noticeable share of a short run's start).
  const std::chrono::sys_days origin{calendar_.origin()};
  std::chrono::sys_days next_month_starts = std::chrono::sys_days::min();
  unsigned month = 0;
  for (std::int64_t k = 0; k < working_days; ++k) {
    const std::chrono::sys_days date = origin + std::chrono::days(calendar_.working_day(k));
    if (date >= next_month_starts) {
      const std::chrono::year_month_day ymd{date};
      month = static_cast<unsigned>(ymd.month());
      next_month_starts = std::chrono::sys_days{(ymd.year() / ymd.month() + std::chrono::months(1)) / 1};
    }
    const unsigned weekday = std::chrono::weekday(date).iso_encoding();  // Monday = 1
    const double weekday_factor = weekday >= 1 && weekday <= 5 ? referrals.weekday_profile[weekday - 1] : 1.0;
    referral_rate_.push_back(referrals.rate_per_working_day * weekday_factor * referrals.month_profile[month - 1]);
  }
  add_dated_starters();
  place_timeline();
}

// Additional workers with a start after the first day become the timeline's
// worker_starts events on their date, after the file's events of that date,
// so the model treats them exactly as a dated change written by hand. One
// who would start after the run does not start.
void ModelSetup::add_dated_starters() {
  auto& team = scenario_.team;
  const auto add = [&](int& count, const std::optional<int>& after_weeks, bool agency) {
    if (!after_weeks || count == 0) return;
    using namespace std::chrono;
    const sys_days date = sys_days(scenario_.run.start_date) + days(7 * (scenario_.run.warm_up_weeks + *after_weeks));
    if (date < sys_days(scenario_.run.start_date) + days(horizon_days_)) {
      for (int i = 0; i < count; ++i) {
        scenario::TimelineEvent event;
        event.kind = scenario::TimelineEvent::Kind::worker_starts;
        event.date = kernel::Date(date);
        event.name = std::string(agency ? "added agency worker " : "added permanent worker ") + std::to_string(i + 1);
        event.agency = agency;
        event.index = scenario_.timeline.size();
        scenario_.timeline.push_back(std::move(event));
      }
    }
    count = 0;
  };
  add(team.additional_permanent_workers, team.additional_permanent_start_after_weeks, false);
  add(team.additional_agency_workers, team.additional_agency_start_after_weeks, true);
  std::stable_sort(scenario_.timeline.begin(), scenario_.timeline.end(),
                   [](const scenario::TimelineEvent& a, const scenario::TimelineEvent& b) { return a.date < b.date; });
}

// Resolves each timeline event's worker to a post and its date to the first
// working day on or after it. The loader (or snapshot::start_from) has already
// checked every name and date, so a miss here is a bug.
void ModelSetup::place_timeline() {
  std::vector<std::string> post_names;
  if (snapshot_) {
    for (const auto& worker : snapshot_->workers) post_names.push_back(worker.pseudonym);
  } else {
    for (const auto& worker : scenario_.team.social_workers) post_names.push_back(worker.name);
  }
  initial_posts_ = post_names.size() + static_cast<std::size_t>(scenario_.team.additional_permanent_workers) +
                   static_cast<std::size_t>(scenario_.team.additional_agency_workers);
  post_names.resize(initial_posts_);
  const auto first_working_day_from = [&](kernel::Date date) {
    const kernel::Day day = calendar_.day_of(date);
    return calendar_.add_working_days(calendar_.add_working_days(day, -1), 1);
  };
  using Kind = scenario::TimelineEvent::Kind;
  const auto& timeline = scenario_.timeline;
  for (std::size_t i = 0; i < timeline.size(); ++i) {
    const auto& event = timeline[i];
    DatedChange change;
    change.event = i;
    change.day = first_working_day_from(event.date);
    if (event.until) change.until_day = calendar_.day_of(*event.until) + 1;
    if (event.kind == Kind::worker_leaves || event.kind == Kind::worker_absent) {
      const auto at = std::find(post_names.begin(), post_names.end(), event.worker);
      if (at == post_names.end()) throw std::logic_error("ModelSetup: unknown timeline worker " + event.worker);
      change.post = static_cast<std::int32_t>(at - post_names.begin());
    }
    if (event.kind == Kind::worker_starts) {
      change.post = static_cast<std::int32_t>(post_names.size());
      post_names.push_back(event.name);
      ++posts_for_starts_;
    }
    if (event.kind == Kind::referral_rate) {
      const kernel::Day from = calendar_.day_of(event.date);
      const kernel::Day to = event.until ? change.until_day : horizon_days_;
      for (std::size_t k = 0; k < referral_rate_.size(); ++k) {
        const kernel::Day day = calendar_.working_day(static_cast<std::int64_t>(k));
        if (day >= from && day < to) referral_rate_[k] *= event.factor;
      }
    }
    dated_changes_.push_back(change);
  }
}

}  // namespace casesim::model
