#include "engine/kernel/working_calendar.hpp"

#include <cassert>
#include <cmath>
#include <stdexcept>
#include <string>

namespace casesim::kernel {

WorkingCalendar::WorkingCalendar(Date origin, Date first, Date last, const std::vector<Date>& holidays)
    : origin_(origin) {
  if (!origin.ok() || !first.ok() || !last.ok()) {
    throw std::invalid_argument("working calendar: origin, first and last must be real dates");
  }
  if (!(first <= origin && origin <= last)) {
    throw std::invalid_argument("working calendar: need first <= origin <= last, got first " + format_iso_date(first) +
                                ", origin " + format_iso_date(origin) + ", last " + format_iso_date(last));
  }
  origin_days_since_epoch_ = days_since_epoch(origin);
  first_day_ = day_of(first);
  last_day_ = day_of(last);

  const auto day_count = static_cast<std::size_t>(last_day_ - first_day_ + 1);
  // One weekday from the calendar, the rest by counting: a date per day made
  // the constructor a noticeable share of a short run.
  is_working_.resize(day_count);
  unsigned weekday = std::chrono::weekday{std::chrono::sys_days(first)}.c_encoding();  // 0 is Sunday
  for (std::size_t i = 0; i < day_count; ++i) {
    is_working_[i] = (weekday == 0 || weekday == 6) ? 0 : 1;
    weekday = weekday == 6 ? 0 : weekday + 1;
  }
  for (const Date& holiday : holidays) {
    const Day day = day_of(holiday);
    if (covers(day)) is_working_[static_cast<std::size_t>(day - first_day_)] = 0;
  }

  working_before_.resize(day_count + 1);
  working_days_.reserve(day_count);
  working_before_[0] = 0;
  for (std::size_t i = 0; i < day_count; ++i) {
    working_before_[i + 1] = working_before_[i] + is_working_[i];
    if (is_working_[i]) working_days_.push_back(first_day_ + static_cast<Day>(i));
  }
  day_count_ = static_cast<std::uint32_t>(day_count);
  working_day_count_ = working_days_.size();
  origin_working_offset_ = working_before_[static_cast<std::size_t>(-first_day_)];
}

Day WorkingCalendar::day_of(Date date) const {
  return days_since_epoch(date) - origin_days_since_epoch_;
}

Date WorkingCalendar::date_of(Day day) const {
  return date_from_days_since_epoch(origin_days_since_epoch_ + day);
}

bool WorkingCalendar::is_working_day(Day day) const {
  assert(covers(day));
  return is_working_[static_cast<std::size_t>(day - first_day_)] != 0;
}

bool WorkingDayCache::look_up(double time) {
  calendar_->working_time_at(time);  // throws for a time outside the calendar
  if (std::isinf(time)) return false;
  const auto day = static_cast<Day>(std::floor(time));
  start_ = static_cast<double>(day);
  working_before_ = static_cast<double>(calendar_->working_days_before(day));
  working_ = calendar_->is_working_day(day);
  return true;
}

void WorkingCalendar::throw_add_outside(Day from, int n) const {
  // A day outside the calendar is named by its number and the calendar's
  // range: it may be far from any date (date_of would overflow).
  if (!covers(from)) {
    throw std::out_of_range("add_working_days: day " + std::to_string(from) + " is outside the working calendar (" +
                            format_iso_date(date_of(first_day_)) + " to " + format_iso_date(date_of(last_day_)) + ")");
  }
  throw std::out_of_range("add_working_days: " + std::to_string(n) + " working days from " +
                          format_iso_date(date_of(from)) + " lies outside the working calendar (" +
                          format_iso_date(date_of(first_day_)) + " to " + format_iso_date(date_of(last_day_)) + ")");
}

void WorkingCalendar::throw_between_outside(Day from, Day to) const {
  throw std::out_of_range("working_days_between: day " + std::to_string(covers(from) ? to : from) +
                          " is outside the working calendar");
}

void WorkingCalendar::throw_time_outside(double time) {
  throw std::out_of_range("working_time_at: time " + std::to_string(time) + " is outside the working calendar");
}

void WorkingCalendar::throw_working_time_outside(double working_time) {
  if (std::isnan(working_time)) throw std::out_of_range("time_at_working_time: working time is NaN");
  throw std::out_of_range("time_at_working_time: working time " + std::to_string(working_time) +
                          " is before the working calendar");
}

void WorkingCalendar::throw_working_day_outside(std::int64_t k) {
  throw std::out_of_range("working_day: working day " + std::to_string(k) + " is outside the working calendar");
}

void WorkingCalendar::throw_before_outside(Day day) {
  throw std::out_of_range("working_days_before: day " + std::to_string(day) + " is outside the working calendar");
}

}  // namespace casesim::kernel
