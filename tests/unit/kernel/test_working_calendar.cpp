#include "engine/kernel/working_calendar.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace casesim::kernel {
namespace {

Date date(std::string_view iso) {
  const auto parsed = parse_iso_date(iso);
  if (!parsed) throw std::invalid_argument("bad date in test");
  return *parsed;
}

// England and Wales bank holidays for 2024-2027 as published by GOV.UK, typed in
// here so the kernel's tests do not depend on the shipped data file.
std::vector<Date> england_and_wales_2024_to_2027() {
  std::vector<Date> holidays;
  for (const char* iso :
       {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25",
        "2024-12-26", "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
        "2025-12-25", "2025-12-26", "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
        "2026-08-31", "2026-12-25", "2026-12-28", "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03",
        "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"}) {
    holidays.push_back(date(iso));
  }
  return holidays;
}

// Origin Monday 2025-12-01 (day 0), covering 2024-01-01 to 2027-12-31.
class WorkingCalendarTest : public ::testing::Test {
 protected:
  WorkingCalendar calendar{date("2025-12-01"), date("2024-01-01"), date("2027-12-31"),
                           england_and_wales_2024_to_2027()};

  Day day(std::string_view iso) const { return calendar.day_of(date(iso)); }
  std::string iso(Day d) const { return format_iso_date(calendar.date_of(d)); }
  std::string add(std::string_view from, int n) const { return iso(calendar.add_working_days(day(from), n)); }
};

TEST_F(WorkingCalendarTest, DaysAreCountedFromTheOrigin) {
  EXPECT_EQ(day("2025-12-01"), 0);
  EXPECT_EQ(day("2025-12-25"), 24);
  EXPECT_EQ(day("2025-11-28"), -3);
  // 2024 is a leap year: 2024-01-01 is 366 + 334 days before 2025-12-01.
  EXPECT_EQ(calendar.first_day(), -700);
  EXPECT_EQ(iso(-700), "2024-01-01");
  EXPECT_TRUE(calendar.covers(-700));
  EXPECT_FALSE(calendar.covers(-701));
  EXPECT_TRUE(calendar.covers(calendar.last_day()));
  EXPECT_FALSE(calendar.covers(calendar.last_day() + 1));
  EXPECT_EQ(iso(calendar.last_day()), "2027-12-31");
}

TEST_F(WorkingCalendarTest, WeekendsAndBankHolidaysAreNotWorkingDays) {
  EXPECT_TRUE(calendar.is_working_day(day("2025-12-05")));   // Friday
  EXPECT_FALSE(calendar.is_working_day(day("2025-12-06")));  // Saturday
  EXPECT_FALSE(calendar.is_working_day(day("2025-12-07")));  // Sunday
  EXPECT_TRUE(calendar.is_working_day(day("2025-12-08")));   // Monday
  EXPECT_TRUE(calendar.is_working_day(day("2025-12-24")));   // Christmas Eve is a working day
  EXPECT_FALSE(calendar.is_working_day(day("2025-12-25")));  // Christmas Day, a Thursday
  EXPECT_FALSE(calendar.is_working_day(day("2026-04-03")));  // Good Friday
  EXPECT_FALSE(calendar.is_working_day(day("2026-04-06")));  // Easter Monday
  EXPECT_TRUE(calendar.is_working_day(day("2026-04-07")));
  EXPECT_FALSE(calendar.is_working_day(day("2026-12-28")));  // Boxing Day substitute (26th is a Saturday)
}

TEST_F(WorkingCalendarTest, AddingWorkingDaysSkipsEaster) {
  // Thu 2 Apr 2026; Fri 3 Good Friday, Sat, Sun, Mon 6 Easter Monday: next is Tue 7.
  EXPECT_EQ(add("2026-04-02", 1), "2026-04-07");
  EXPECT_EQ(add("2026-04-07", -1), "2026-04-02");
}

TEST_F(WorkingCalendarTest, AddingWorkingDaysSkipsChristmasAndNewYear) {
  // From Fri 19 Dec 2025: Mon 22 (1), Tue 23 (2), Wed 24 (3), Thu 25 and Fri 26
  // holidays, weekend, Mon 29 (4), Tue 30 (5), Wed 31 (6), Thu 1 Jan holiday,
  // Fri 2 Jan (7).
  EXPECT_EQ(add("2025-12-19", 5), "2025-12-30");
  EXPECT_EQ(add("2025-12-19", 6), "2025-12-31");
  EXPECT_EQ(add("2025-12-19", 7), "2026-01-02");
  // Backwards the same way: Wed 31 (1), Tue 30 (2), Mon 29 (3), Wed 24 (4).
  EXPECT_EQ(add("2026-01-02", -4), "2025-12-24");
  EXPECT_EQ(add("2026-01-02", -7), "2025-12-19");
}

TEST_F(WorkingCalendarTest, NextWorkingDayAfterAFridayIsMondayOrTuesdayAfterABankHoliday) {
  EXPECT_EQ(add("2025-12-05", 1), "2025-12-08");
  // Mon 25 May 2026 is the spring bank holiday.
  EXPECT_EQ(add("2026-05-22", 1), "2026-05-26");
}

TEST_F(WorkingCalendarTest, AddingFromAWeekendCountsFromTheNeighbouringWorkingDays) {
  EXPECT_EQ(add("2025-12-06", 0), "2025-12-06");  // n == 0 is the day itself, working or not
  EXPECT_EQ(add("2025-12-06", 1), "2025-12-08");  // Saturday + 1: Monday
  EXPECT_EQ(add("2025-12-06", 2), "2025-12-09");
  EXPECT_EQ(add("2025-12-06", -1), "2025-12-05");  // Saturday - 1: Friday
  EXPECT_EQ(add("2025-12-07", -2), "2025-12-04");
  // Saturday 27 Dec 2025: Mon 29 is the first working day after it.
  EXPECT_EQ(add("2025-12-27", 1), "2025-12-29");
}

TEST_F(WorkingCalendarTest, AssessmentIsDue45WorkingDaysAfterTheReferral) {
  // No holidays between Mon 1 Sep and Mon 3 Nov 2025: 9 weeks of 5 days.
  EXPECT_EQ(add("2025-09-01", 45), "2025-11-03");
  // From Mon 1 Dec 2025, 9 weeks would be Mon 2 Feb 2026, but 25 Dec, 26 Dec and
  // 1 Jan fall on weekdays in between: 3 working days later is Thu 5 Feb.
  EXPECT_EQ(add("2025-12-01", 45), "2026-02-05");
  // From Wed 11 Mar 2026, 9 weeks is Wed 13 May; Good Friday, Easter Monday and
  // the early May holiday (4 May) push it 3 working days on: Thu 14, Fri 15, Mon 18.
  EXPECT_EQ(add("2026-03-11", 45), "2026-05-18");
}

TEST_F(WorkingCalendarTest, InitialChildProtectionConferenceIsDue15WorkingDaysAfterTheStrategyDiscussion) {
  // Fri 12 Dec 2025: 15-19 Dec (5), 22-24 (8), 29-31 (11), Fri 2 Jan (12), Mon 5 -
  // Wed 7 Jan (15).
  EXPECT_EQ(add("2025-12-12", 15), "2026-01-07");
  // Tue 19 May 2026: 20-22 (3), 25 holiday, 26-29 (7), 1-5 Jun (12), 8-10 Jun (15).
  EXPECT_EQ(add("2026-05-19", 15), "2026-06-10");
}

TEST_F(WorkingCalendarTest, WorkingDaysInAYearAreWeekdaysLessBankHolidays) {
  // 2026 starts on a Thursday and has 365 days = 52 weeks + one Thursday, so
  // 261 weekdays; its 8 bank holidays all fall on weekdays: 253 working days.
  EXPECT_EQ(calendar.working_days_between(day("2025-12-31"), day("2026-12-31")), 253);
  // 2024 is a leap year starting on a Monday: 52 weeks + Monday and Tuesday,
  // 262 weekdays, less 8 holidays.
  EXPECT_EQ(calendar.working_days_before(day("2025-01-01")) - calendar.working_days_before(day("2024-01-01")), 254);
  // The day after the range can still be asked how many working days precede it.
  EXPECT_EQ(calendar.working_days_before(calendar.last_day() + 1) - calendar.working_days_before(day("2027-01-01")),
            253);
}

TEST_F(WorkingCalendarTest, WorkingDaysBetweenCountsTheHalfOpenInterval) {
  EXPECT_EQ(calendar.working_days_between(day("2025-12-19"), day("2026-01-02")), 7);
  EXPECT_EQ(calendar.working_days_between(day("2026-01-02"), day("2025-12-19")), -7);
  EXPECT_EQ(calendar.working_days_between(day("2025-12-19"), day("2025-12-19")), 0);
  EXPECT_EQ(calendar.working_days_between(day("2025-12-06"), day("2025-12-07")), 0);  // a weekend
  // From a Saturday, one working day back is Friday, and (Fri, Sat] holds none:
  // the round trip only holds from working days.
  EXPECT_EQ(calendar.working_days_between(day("2025-12-06"), day("2025-12-05")), 0);
}

TEST_F(WorkingCalendarTest, AddingThenCountingWorkingDaysRoundTrips) {
  std::mt19937 random(20250101);
  std::uniform_int_distribution<Day> any_day(calendar.first_day(), calendar.last_day());
  std::uniform_int_distribution<int> any_count(-300, 300);
  int checked = 0;
  while (checked < 5000) {
    const Day from = any_day(random);
    if (!calendar.is_working_day(from)) continue;
    const int n = any_count(random);
    Day to = 0;
    try {
      to = calendar.add_working_days(from, n);
    } catch (const std::out_of_range&) {
      continue;  // near the ends of the range; covered by its own test
    }
    ASSERT_EQ(calendar.working_days_between(from, to), n) << iso(from) << " + " << n;
    ASSERT_EQ(calendar.is_working_day(to), n != 0 || calendar.is_working_day(from));
    ++checked;
  }
}

TEST_F(WorkingCalendarTest, WorkingDaysBetweenMatchesCountingDayByDayAndIsAntisymmetric) {
  std::mt19937 random(7);
  std::uniform_int_distribution<Day> any_day(calendar.first_day(), calendar.last_day());
  for (int i = 0; i < 2000; ++i) {
    const Day a = any_day(random);
    const Day b = any_day(random);
    const Day c = any_day(random);
    // The oracle: walk the days one by one.
    int counted = 0;
    for (Day d = std::min(a, b) + 1; d <= std::max(a, b); ++d) counted += calendar.is_working_day(d) ? 1 : 0;
    const int expected = b >= a ? counted : -counted;
    ASSERT_EQ(calendar.working_days_between(a, b), expected);
    ASSERT_EQ(calendar.working_days_between(b, a), -expected);
    ASSERT_EQ(calendar.working_days_between(a, b) + calendar.working_days_between(b, c),
              calendar.working_days_between(a, c));
  }
}

TEST_F(WorkingCalendarTest, AddingPastTheEndsOfTheRangeThrows) {
  // Wed 29 Dec 2027: Thu 30 (1), Fri 31 (2), then 2028, outside the range.
  EXPECT_EQ(add("2027-12-29", 2), "2027-12-31");
  EXPECT_THROW(calendar.add_working_days(day("2027-12-29"), 3), std::out_of_range);
  // 1 Jan 2024 is a holiday, so Tue 2 Jan is the first working day in range.
  EXPECT_EQ(add("2024-01-03", -1), "2024-01-02");
  EXPECT_THROW(calendar.add_working_days(day("2024-01-03"), -2), std::out_of_range);
  EXPECT_THROW(calendar.add_working_days(calendar.last_day() + 1, 0), std::out_of_range);
  EXPECT_THROW(calendar.working_days_between(0, calendar.last_day() + 1), std::out_of_range);
}

// add_working_days tests the range in single unsigned comparisons: every day
// in it and around it, and the extremes of a Day and of n, must answer as
// counting day by day does, or throw where counting walks out of the range.
TEST_F(WorkingCalendarTest, AddingWorkingDaysAnswersAsCountingDayByDayOrThrows) {
  auto counted = [&](Day from, int n) {
    if (!calendar.covers(from)) throw std::out_of_range("outside");
    Day d = from;
    for (int left = n > 0 ? n : -n; left > 0;) {
      d += n > 0 ? 1 : -1;
      if (!calendar.covers(d)) throw std::out_of_range("outside");
      if (calendar.is_working_day(d)) --left;
    }
    return d;
  };
  constexpr Day kMin = std::numeric_limits<Day>::min();
  constexpr Day kMax = std::numeric_limits<Day>::max();
  std::vector<Day> days{kMin, kMin + 1, kMax - 1, kMax};
  for (Day d = calendar.first_day() - 3; d <= calendar.last_day() + 3; ++d) days.push_back(d);
  for (const Day from : days)
    for (int n = -7; n <= 7; ++n) {
      bool threw = false;
      Day expected = 0;
      try {
        expected = counted(from, n);
      } catch (const std::out_of_range&) {
        threw = true;
      }
      if (threw)
        EXPECT_THROW(calendar.add_working_days(from, n), std::out_of_range) << from << " " << n;
      else
        EXPECT_EQ(calendar.add_working_days(from, n), expected) << from << " " << n;
    }
  for (const Day from : {kMin, calendar.first_day(), Day{0}, calendar.last_day(), kMax})
    for (const int n : {std::numeric_limits<int>::min(), -2000, 2000, std::numeric_limits<int>::max()})
      EXPECT_THROW(calendar.add_working_days(from, n), std::out_of_range) << from << " " << n;
}

TEST_F(WorkingCalendarTest, WorkingTimeAdvancesOnlyOnWorkingDays) {
  // Mon 1 Dec 2025 is day 0 and working day 0.
  EXPECT_DOUBLE_EQ(calendar.working_time_at(0.0), 0.0);
  EXPECT_DOUBLE_EQ(calendar.working_time_at(0.5), 0.5);
  EXPECT_DOUBLE_EQ(calendar.working_time_at(4.75), 4.75);  // Friday afternoon
  // Saturday and Sunday (days 5 and 6) wait at the start of Monday, working day 5.
  EXPECT_DOUBLE_EQ(calendar.working_time_at(5.0), 5.0);
  EXPECT_DOUBLE_EQ(calendar.working_time_at(5.3), 5.0);
  EXPECT_DOUBLE_EQ(calendar.working_time_at(6.9), 5.0);
  EXPECT_DOUBLE_EQ(calendar.working_time_at(7.25), 5.25);
  // 1-24 Dec hold 18 working days (1-5, 8-12, 15-19, 22-24), so Christmas Day
  // (day 24) waits at working time 18, which is Mon 29 Dec (day 28).
  EXPECT_DOUBLE_EQ(calendar.working_time_at(24.7), 18.0);
  EXPECT_DOUBLE_EQ(calendar.time_at_working_time(18.0), 28.0);
  EXPECT_DOUBLE_EQ(calendar.time_at_working_time(17.5), 23.5);  // Wednesday 24 Dec, midday
  EXPECT_EQ(calendar.working_day(18), day("2025-12-29"));
  EXPECT_EQ(calendar.working_days_before(day("2025-12-29")), 18);
  EXPECT_EQ(calendar.working_days_before(day("2025-12-25")), 18);
}

TEST_F(WorkingCalendarTest, WorkingTimeIsNegativeBeforeTheOrigin) {
  // Fri 28 Nov 2025 is day -3 and working day -1; the weekend before the origin
  // waits for Monday, working time 0.
  EXPECT_DOUBLE_EQ(calendar.working_time_at(-2.5), -0.5);
  EXPECT_DOUBLE_EQ(calendar.working_time_at(-1.5), 0.0);
  EXPECT_DOUBLE_EQ(calendar.time_at_working_time(-0.5), -2.5);
  EXPECT_EQ(calendar.working_day(-1), day("2025-11-28"));
  EXPECT_EQ(calendar.working_days_before(day("2025-11-28")), -1);
  EXPECT_EQ(calendar.working_days_before(day("2025-11-29")), 0);
}

TEST_F(WorkingCalendarTest, WorkingTimeRoundTripsOnWorkingDays) {
  std::mt19937 random(99);
  std::uniform_real_distribution<double> any_time(calendar.first_day(), calendar.last_day() + 1.0);
  int checked = 0;
  while (checked < 5000) {
    const double time = any_time(random);
    const double working_time = calendar.working_time_at(time);
    const auto whole_day = static_cast<Day>(std::floor(time));
    if (calendar.is_working_day(whole_day)) {
      ASSERT_NEAR(calendar.time_at_working_time(working_time), time, 1e-9);
      ASSERT_EQ(calendar.working_day(static_cast<std::int64_t>(std::floor(working_time))), whole_day);
    } else {
      // A non-working moment maps to the start of the next working day.
      ASSERT_EQ(working_time, std::floor(working_time));
      const double next_start = calendar.time_at_working_time(working_time);
      if (std::isfinite(next_start)) {
        ASSERT_EQ(next_start, calendar.add_working_days(whole_day, 1));
      }
    }
    ++checked;
  }
  for (int i = 0; i < 1000; ++i) {
    const double working_time = std::uniform_real_distribution<double>(-400.0, 400.0)(random);
    ASSERT_NEAR(calendar.working_time_at(calendar.time_at_working_time(working_time)), working_time, 1e-9);
  }
}

TEST_F(WorkingCalendarTest, WorkingTimeBeyondTheRangeNeverComes) {
  // Fri 31 Dec 2027 is the last working day in range (27 and 28 Dec are holidays).
  const std::int64_t last = calendar.working_days_before(day("2027-12-31"));
  EXPECT_EQ(calendar.working_day(last), day("2027-12-31"));
  EXPECT_DOUBLE_EQ(calendar.time_at_working_time(static_cast<double>(last) + 0.5), day("2027-12-31") + 0.5);
  const double infinity = std::numeric_limits<double>::infinity();
  EXPECT_EQ(calendar.time_at_working_time(static_cast<double>(last) + 1.0), infinity);
  EXPECT_EQ(calendar.time_at_working_time(1e9), infinity);
  EXPECT_EQ(calendar.time_at_working_time(infinity), infinity);
  EXPECT_EQ(calendar.working_time_at(infinity), infinity);
  EXPECT_THROW(calendar.working_day(last + 1), std::out_of_range);
  EXPECT_THROW(calendar.working_time_at(calendar.last_day() + 1.5), std::out_of_range);
  EXPECT_THROW(calendar.time_at_working_time(-1e9), std::out_of_range);
}

// The cache's answers are the calendar's, bit for bit: for moments a model
// meets (several in a day, then the next days, weekends and holidays among
// them), jumps back and forth, moments just before and at a day's end, and
// working times in the day looked up or anywhere else.
TEST_F(WorkingCalendarTest, ADayCacheAnswersExactlyAsTheCalendar) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> any_time(calendar.first_day(), calendar.last_day() + 1.0);
  std::uniform_real_distribution<double> fraction(0.0, 1.0);
  WorkingDayCache cache(calendar);
  double time = -40.0;
  for (int step = 0; step < 20000; ++step) {
    switch (random() % 5) {
      case 0: time = any_time(random); break;                                              // a jump
      case 1: time = std::floor(time) + 1.0; break;                                        // the next day's start
      case 2: time = std::nextafter(std::floor(time) + 1.0, -1e9); break;                  // the last moment of the day
      default: time = std::min(time + fraction(random) * 0.4, calendar.last_day() + 0.5);  // later that day or the next
    }
    if (!(time < calendar.last_day() + 1.0)) time = any_time(random);  // stay in the calendar
    const double working_time = calendar.working_time_at(time);
    ASSERT_EQ(cache.working_time_at(time), working_time) << "time " << time;
    // Working times in the day looked up (and just outside it), and anywhere
    // (before the calendar, both throw).
    for (const double w : {working_time, std::floor(working_time) + fraction(random), std::floor(working_time) + 1.0,
                           std::nextafter(std::floor(working_time), -1e9), working_time + 300.0 * fraction(random)}) {
      double expected = 0.0;
      try {
        expected = calendar.time_at_working_time(w);
      } catch (const std::out_of_range&) {
        ASSERT_THROW(cache.time_at_working_time(w), std::out_of_range) << "working time " << w;
        continue;
      }
      ASSERT_EQ(cache.time_at_working_time(w), expected) << "working time " << w << " after time " << time;
    }
  }
}

TEST_F(WorkingCalendarTest, ADayCacheHasTheCalendarsEdges) {
  WorkingDayCache cache(calendar);
  const double infinity = std::numeric_limits<double>::infinity();
  EXPECT_EQ(cache.working_time_at(infinity), infinity);
  EXPECT_EQ(cache.time_at_working_time(infinity), infinity);
  EXPECT_EQ(cache.time_at_working_time(1e9), infinity);
  EXPECT_THROW(cache.working_time_at(calendar.last_day() + 1.5), std::out_of_range);
  EXPECT_THROW(cache.working_time_at(calendar.first_day() - 0.5), std::out_of_range);
  EXPECT_THROW(cache.time_at_working_time(std::numeric_limits<double>::quiet_NaN()), std::out_of_range);
  EXPECT_THROW(cache.time_at_working_time(-1e9), std::out_of_range);
  // A failed look-up leaves the day looked up before it.
  EXPECT_DOUBLE_EQ(cache.working_time_at(7.25), 5.25);
  EXPECT_THROW(cache.working_time_at(calendar.last_day() + 1.5), std::out_of_range);
  EXPECT_DOUBLE_EQ(cache.working_time_at(7.5), 5.5);
  EXPECT_DOUBLE_EQ(cache.time_at_working_time(5.75), 7.75);
  // Christmas Day waits at the start of Mon 29 Dec (working time 18, day 28).
  EXPECT_DOUBLE_EQ(cache.working_time_at(24.7), 18.0);
  EXPECT_DOUBLE_EQ(cache.time_at_working_time(18.0), 28.0);
}

TEST(WorkingCalendar, IgnoresWeekendHolidaysAndHolidaysOutsideTheRange) {
  const WorkingCalendar plain(date("2026-01-05"), date("2026-01-01"), date("2026-01-31"), {});
  const WorkingCalendar with_extras(date("2026-01-05"), date("2026-01-01"), date("2026-01-31"),
                                    {date("2026-01-10"), date("2025-12-31"), date("2026-02-02")});
  // January 2026 starts on a Thursday: 22 weekdays, with nothing listed on any.
  EXPECT_EQ(plain.working_days_before(plain.last_day() + 1) - plain.working_days_before(plain.first_day()), 22);
  EXPECT_EQ(with_extras.working_days_before(plain.last_day() + 1) - with_extras.working_days_before(plain.first_day()),
            22);
  for (Day d = plain.first_day(); d <= plain.last_day(); ++d) {
    EXPECT_EQ(plain.is_working_day(d), with_extras.is_working_day(d));
  }
}

// The constructor counts weekdays on from the first date's: whichever weekday
// the range starts on, every day's weekday must agree with the date's own.
TEST(WorkingCalendar, WeekendsAgreeWithTheDateWhateverDayTheRangeStartsOn) {
  for (int start = 0; start < 7; ++start) {
    const Date first = Date{std::chrono::sys_days(date("2025-12-01")) + std::chrono::days(start)};
    const WorkingCalendar calendar{date("2026-01-05"), first, date("2026-03-31"), {}};
    for (Day day = calendar.first_day(); day <= calendar.last_day(); ++day) {
      const std::chrono::weekday weekday{std::chrono::sys_days(calendar.date_of(day))};
      const bool weekend = weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
      EXPECT_EQ(calendar.is_working_day(day), !weekend) << "range from day " << start << ", day " << day;
    }
  }
}

TEST(WorkingCalendar, RejectsAnOriginOutsideTheRange) {
  EXPECT_THROW(WorkingCalendar(date("2025-01-01"), date("2025-02-01"), date("2025-12-31"), {}), std::invalid_argument);
  EXPECT_THROW(WorkingCalendar(date("2026-01-01"), date("2025-02-01"), date("2025-12-31"), {}), std::invalid_argument);
  const WorkingCalendar single_day(date("2025-12-31"), date("2025-12-31"), date("2025-12-31"), {});
  EXPECT_TRUE(single_day.is_working_day(0));  // a Wednesday
  EXPECT_THROW(single_day.add_working_days(0, 1), std::out_of_range);
}

}  // namespace
}  // namespace casesim::kernel
