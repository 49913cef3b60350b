#include "engine/kernel/working_calendar.hpp"

#include <cassert>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace casesim::kernel {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool is_weekend(Date date) {
  const std::chrono::weekday weekday{std::chrono::sys_days(date)};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

}  // namespace

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
  is_working_.resize(day_count);
  for (std::size_t i = 0; i < day_count; ++i) {
    is_working_[i] = is_weekend(date_of(first_day_ + static_cast<Day>(i))) ? 0 : 1;
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

void WorkingCalendar::throw_add_outside(Day from, int n) const {
  if (!covers(from)) {
    throw std::out_of_range("add_working_days: day " + std::to_string(from) + " (" + format_iso_date(date_of(from)) +
                            ") is outside the working calendar");
  }
  throw std::out_of_range("add_working_days: " + std::to_string(n) + " working days from " +
                          format_iso_date(date_of(from)) + " lies outside the working calendar (" +
                          format_iso_date(date_of(first_day_)) + " to " + format_iso_date(date_of(last_day_)) + ")");
}

void WorkingCalendar::throw_between_outside(Day from, Day to) const {
  throw std::out_of_range("working_days_between: day " + std::to_string(covers(from) ? to : from) +
                          " is outside the working calendar");
}

double WorkingCalendar::working_time_at(double time) const {
  // +infinity is what time_at_working_time returns for "never", so it maps back.
  if (time == kInfinity) return kInfinity;
  if (!(time >= first_day_ && time < static_cast<double>(last_day_) + 1.0)) {
    throw std::out_of_range("working_time_at: time " + std::to_string(time) + " is outside the working calendar");
  }
  const auto day = static_cast<Day>(std::floor(time));
  const auto offset = static_cast<std::size_t>(day - first_day_);
  const auto working_before = static_cast<double>(working_before_[offset] - origin_working_offset_);
  if (is_working_[offset] == 0) return working_before;
  return working_before + (time - day);
}

double WorkingCalendar::time_at_working_time(double working_time) const {
  if (std::isnan(working_time)) throw std::out_of_range("time_at_working_time: working time is NaN");
  if (working_time == kInfinity) return kInfinity;
  const double whole = std::floor(working_time);
  const double index = whole + static_cast<double>(origin_working_offset_);
  if (index < 0.0) {
    throw std::out_of_range("time_at_working_time: working time " + std::to_string(working_time) +
                            " is before the working calendar");
  }
  if (index >= static_cast<double>(working_days_.size())) return kInfinity;
  return working_days_[static_cast<std::size_t>(index)] + (working_time - whole);
}

Day WorkingCalendar::working_day(std::int64_t k) const {
  const std::int64_t index = k + origin_working_offset_;
  if (index < 0 || index >= static_cast<std::int64_t>(working_days_.size())) {
    throw std::out_of_range("working_day: working day " + std::to_string(k) + " is outside the working calendar");
  }
  return working_days_[static_cast<std::size_t>(index)];
}

std::int64_t WorkingCalendar::working_days_before(Day day) const {
  // day == last_day_ + 1 is answerable too: it only needs the days before it.
  if (day < first_day_ || day > last_day_ + 1) {
    throw std::out_of_range("working_days_before: day " + std::to_string(day) + " is outside the working calendar");
  }
  return working_before_[static_cast<std::size_t>(day - first_day_)] - origin_working_offset_;
}

}  // namespace casesim::kernel
