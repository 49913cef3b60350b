#include "engine/kernel/date.hpp"

#include <gtest/gtest.h>

namespace casesim::kernel {
namespace {

using std::chrono::April;
using std::chrono::December;
using std::chrono::February;
using std::chrono::January;
using namespace std::chrono_literals;

TEST(IsoDate, ParsesRealDates) {
  EXPECT_EQ(parse_iso_date("2025-01-01"), Date(2025y, January, 1d));
  EXPECT_EQ(parse_iso_date("2026-04-07"), Date(2026y, April, 7d));
  EXPECT_EQ(parse_iso_date("1999-12-31"), Date(1999y, December, 31d));
  // 2024 is a leap year (divisible by 4, not a century), 2000 too (divisible by 400).
  EXPECT_EQ(parse_iso_date("2024-02-29"), Date(2024y, February, 29d));
  EXPECT_EQ(parse_iso_date("2000-02-29"), Date(2000y, February, 29d));
}

TEST(IsoDate, RejectsDatesThatDoNotExist) {
  EXPECT_FALSE(parse_iso_date("2025-02-29"));  // 2025 is not a leap year
  EXPECT_FALSE(parse_iso_date("2100-02-29"));  // a century not divisible by 400
  EXPECT_FALSE(parse_iso_date("2025-13-01"));
  EXPECT_FALSE(parse_iso_date("2025-00-10"));
  EXPECT_FALSE(parse_iso_date("2025-04-31"));  // April has 30 days
  EXPECT_FALSE(parse_iso_date("2025-01-00"));
  EXPECT_FALSE(parse_iso_date("2025-01-32"));
}

TEST(IsoDate, RejectsAnythingButExactlyYyyyMmDd) {
  EXPECT_FALSE(parse_iso_date("2025-1-1"));
  EXPECT_FALSE(parse_iso_date("2025-01-1"));
  EXPECT_FALSE(parse_iso_date("25-01-01"));
  EXPECT_FALSE(parse_iso_date("2025-01-01x"));
  EXPECT_FALSE(parse_iso_date("2025-01-01 "));
  EXPECT_FALSE(parse_iso_date(" 2025-01-01"));
  EXPECT_FALSE(parse_iso_date("2025/01/01"));
  EXPECT_FALSE(parse_iso_date("2025-0a-01"));
  EXPECT_FALSE(parse_iso_date("+025-01-01"));
  EXPECT_FALSE(parse_iso_date("2025-01-+1"));
  EXPECT_FALSE(parse_iso_date(""));
}

TEST(IsoDate, FormatsWithZeroPadding) {
  EXPECT_EQ(format_iso_date(Date(2025y, January, 1d)), "2025-01-01");
  EXPECT_EQ(format_iso_date(Date(2026y, December, 28d)), "2026-12-28");
  EXPECT_EQ(format_iso_date(Date(std::chrono::year(800), April, 7d)), "0800-04-07");
}

TEST(IsoDate, FormatThenParseRoundTripsEveryDayOfALeapYearAndItsNeighbours) {
  const int first = days_since_epoch(Date(2023y, January, 1d));
  const int last = days_since_epoch(Date(2025y, December, 31d));
  for (int day = first; day <= last; ++day) {
    const Date date = date_from_days_since_epoch(day);
    const auto parsed = parse_iso_date(format_iso_date(date));
    ASSERT_TRUE(parsed) << format_iso_date(date);
    EXPECT_EQ(*parsed, date);
  }
  // 365 + 366 + 365 days, 2024 being the leap year.
  EXPECT_EQ(last - first + 1, 1096);
}

TEST(IsoDate, DaysSinceEpochCountsFrom1970) {
  EXPECT_EQ(days_since_epoch(Date(1970y, January, 1d)), 0);
  EXPECT_EQ(days_since_epoch(Date(1969y, December, 31d)), -1);
  // 30 years from 1970 to 2000, 7 of them leap (1972, 76, 80, 84, 88, 92, 96):
  // 30 * 365 + 7 = 10957.
  EXPECT_EQ(days_since_epoch(Date(2000y, January, 1d)), 10957);
  EXPECT_EQ(date_from_days_since_epoch(10957), Date(2000y, January, 1d));
}

}  // namespace
}  // namespace casesim::kernel
