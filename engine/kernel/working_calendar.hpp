#pragma once
// Working days: Monday to Friday except listed holidays, over a fixed range of
// dates. Statutory clocks are counted in working days, so all of this is exact
// integer arithmetic on tables built once per scenario (shared read-only by
// every replication).
//
// Two time scales:
//  - Day: whole days relative to the origin (the run's start date is day 0;
//    negative days are before it). Simulation time t (double, in days) lies in
//    day floor(t).
//  - working time: continuous time that advances only on working days. Working
//    day k after the origin (k = 0 is the first working day on or after the
//    origin) occupies working time [k, k+1). Rates "per working day" and
//    durations "in working days" are in this scale.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/kernel/date.hpp"

namespace casesim::kernel {

using Day = std::int32_t;

class WorkingCalendar {
 public:
  // Covers the dates first..last inclusive (first <= origin <= last). Holidays
  // outside the range are ignored; weekend holidays change nothing (substitute
  // days must be listed themselves, as the official lists do).
  WorkingCalendar(Date origin, Date first, Date last, const std::vector<Date>& holidays);

  Date origin() const { return origin_; }
  Day first_day() const { return first_day_; }
  Day last_day() const { return last_day_; }
  bool covers(Day day) const { return day >= first_day_ && day <= last_day_; }

  Day day_of(Date date) const;  // may lie outside the covered range
  Date date_of(Day day) const;
  bool is_working_day(Day day) const;  // precondition: covers(day)

  // The n-th working day strictly after `from` (n > 0), strictly before it
  // (n < 0), or `from` itself (n == 0). "Within 1 working day of a referral made
  // on a Friday" is due the next Monday (Tuesday if that Monday is a holiday).
  // Throws std::out_of_range if the answer lies outside the covered range.
  // Inline: the model calls it for every task of every working day.
  Day add_working_days(Day from, int n) const {
    // covers(from) in one unsigned comparison: a day before the range wraps
    // round to an offset past its end (the range is far shorter than 2^32 days).
    const std::uint32_t offset = static_cast<std::uint32_t>(from) - static_cast<std::uint32_t>(first_day_);
    if (offset >= day_count_) throw_add_outside(from, n);
    // Index into working_days_ of the answer: working days in [first, from] are
    // the ones at or before `from`, so the first one after it has that index; the
    // first one before it has index (working days in [first, from)) - 1.
    std::int64_t index = 0;
    if (n > 0)
      index = std::int64_t{working_before_[offset + 1]} + n - 1;
    else if (n < 0)
      index = std::int64_t{working_before_[offset]} + n;
    else
      return from;
    // Likewise one comparison: a negative index wraps round past the end.
    if (static_cast<std::uint64_t>(index) >= working_day_count_) throw_add_outside(from, n);
    return working_days_[static_cast<std::size_t>(index)];
  }

  // Working days in (from, to]; negative (-(working days in (to, from])) when
  // to < from. For a working day d, working_days_between(d, add_working_days(d, n)) == n.
  int working_days_between(Day from, Day to) const {
    if (!covers(from) || !covers(to)) throw_between_outside(from, to);
    // working_before_[d - first + 1] counts [first, d]; the difference counts
    // (from, to], and comes out negated when to < from.
    return working_before_[static_cast<std::size_t>(to - first_day_ + 1)] -
           working_before_[static_cast<std::size_t>(from - first_day_ + 1)];
  }

  // Working time at simulation time t (days since the origin's midnight). Time
  // during a non-working day maps to the start of the next working day.
  // Inline, like the three below: a model asks several times for each thing
  // it schedules, and the calls cost more than the answers.
  double working_time_at(double time) const {
    // +infinity is what time_at_working_time returns for "never", so it maps back.
    if (time == std::numeric_limits<double>::infinity()) return time;
    if (!(time >= first_day_ && time < static_cast<double>(last_day_) + 1.0)) throw_time_outside(time);
    const auto day = static_cast<Day>(std::floor(time));
    const auto offset = static_cast<std::size_t>(day - first_day_);
    const auto working_before = static_cast<double>(working_before_[offset] - origin_working_offset_);
    if (is_working_[offset] == 0) return working_before;
    return working_before + (time - day);
  }
  // Simulation time at which working time w is reached: the start of the
  // working day for whole w. Returns +infinity beyond the covered range (the
  // moment never comes within it).
  double time_at_working_time(double working_time) const {
    if (std::isnan(working_time)) throw_working_time_outside(working_time);
    if (working_time == std::numeric_limits<double>::infinity()) return working_time;
    const double whole = std::floor(working_time);
    const double index = whole + static_cast<double>(origin_working_offset_);
    if (index < 0.0) throw_working_time_outside(working_time);
    if (index >= static_cast<double>(working_days_.size())) return std::numeric_limits<double>::infinity();
    return working_days_[static_cast<std::size_t>(index)] + (working_time - whole);
  }
  // The day on which working day k (counted from the origin, k = 0 the first
  // working day on or after it) falls; k may be negative.
  Day working_day(std::int64_t k) const {
    const std::int64_t index = k + origin_working_offset_;
    if (index < 0 || index >= static_cast<std::int64_t>(working_days_.size())) throw_working_day_outside(k);
    return working_days_[static_cast<std::size_t>(index)];
  }
  // Working days from the origin up to (not including) `day`: the k of `day` if
  // it is a working day.
  std::int64_t working_days_before(Day day) const {
    // day == last_day_ + 1 is answerable too: it only needs the days before it.
    if (day < first_day_ || day > last_day_ + 1) throw_before_outside(day);
    return working_before_[static_cast<std::size_t>(day - first_day_)] - origin_working_offset_;
  }

 private:
  // Out of line: building the message is the cold path.
  [[noreturn]] void throw_add_outside(Day from, int n) const;
  [[noreturn]] void throw_between_outside(Day from, Day to) const;
  [[noreturn]] static void throw_time_outside(double time);
  [[noreturn]] static void throw_working_time_outside(double working_time);  // NaN or before the range
  [[noreturn]] static void throw_working_day_outside(std::int64_t k);
  [[noreturn]] static void throw_before_outside(Day day);

  Date origin_;
  int origin_days_since_epoch_ = 0;  // days_since_epoch(origin_), for day_of and date_of
  Day first_day_ = 0;
  Day last_day_ = 0;
  std::uint32_t day_count_ = 0;          // last_day_ - first_day_ + 1
  std::uint64_t working_day_count_ = 0;  // working_days_.size()
  // is_working_[d - first_day_]
  std::vector<std::uint8_t> is_working_;
  // working_before_[d - first_day_] = working days in [first_day_, d); one extra
  // entry at the end so (from, to] counts are a subtraction.
  std::vector<std::int32_t> working_before_;
  // working_days_[i] = the i-th working day in the range, i from 0.
  std::vector<Day> working_days_;
  std::int64_t origin_working_offset_ = 0;  // working days in [first_day_, 0)
};

// WorkingCalendar's two conversions for moments of one day at a time: the
// day's entries are looked up once, and each answer is the calendar's own
// arithmetic from them, so it is exactly the calendar's. A model converts
// several times a day (the working time of every event, the time of what it
// schedules later that day), and the lookups cost more than the answers.
class WorkingDayCache {
 public:
  explicit WorkingDayCache(const WorkingCalendar& calendar) : calendar_(&calendar) {}

  // WorkingCalendar::working_time_at.
  double working_time_at(double time) {
    if (!(time >= start_ && time < start_ + 1.0) && !look_up(time)) return calendar_->working_time_at(time);
    if (!working_) return working_before_;
    return working_before_ + (time - start_);
  }
  // WorkingCalendar::time_at_working_time: from the day last looked up if the
  // working time falls in it, else from the calendar.
  double time_at_working_time(double working_time) const {
    if (working_ && working_time >= working_before_ && working_time < working_before_ + 1.0)
      return start_ + (working_time - working_before_);
    return calendar_->time_at_working_time(working_time);
  }

 private:
  // Looks up the day `time` falls in; false for a time in no day (+infinity).
  // Throws as the calendar does for a time outside it.
  bool look_up(double time);

  const WorkingCalendar* calendar_;
  double start_ = std::numeric_limits<double>::quiet_NaN();  // the day's first moment (NaN: none looked up)
  double working_before_ = 0.0;  // the working time then: working days from the origin to the day
  bool working_ = false;         // whether the day is a working day (else working time stands still)
};

}  // namespace casesim::kernel
