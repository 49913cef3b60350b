#include "engine/scenario/bank_holidays.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace casesim::scenario {
namespace {

using kernel::Date;
using kernel::format_iso_date;

// The message parse_holiday_list throws for `text`, or "" if it does not throw.
std::string parse_error(std::string_view text) {
  try {
    parse_holiday_list(text);
  } catch (const std::invalid_argument& error) {
    return error.what();
  }
  return "";
}

std::vector<std::string> dates_in_year(const HolidayList& list, int year) {
  std::vector<std::string> dates;
  for (const Date& date : list.dates) {
    if (static_cast<int>(date.year()) == year) dates.push_back(format_iso_date(date));
  }
  return dates;
}

HolidayList england_and_wales() {
  const auto list = shipped_holiday_list("england-and-wales");
  if (!list) throw std::runtime_error("england-and-wales is not shipped");
  return *list;
}

TEST(HolidayListParsing, ReadsDatesCommentsAndCoveredYears) {
  const HolidayList list = parse_holiday_list(
      "# a header\r\n"
      "# covers: 2025-2026\n"
      "\n"
      "2026-01-01  # New Year's Day\n"
      "   2025-12-25\t\n"
      "2025-12-26#Boxing Day");
  EXPECT_EQ(list.first_year, 2025);
  EXPECT_EQ(list.last_year, 2026);
  // Sorted, whatever order the lines came in.
  EXPECT_EQ((std::vector<std::string>{format_iso_date(list.dates[0]), format_iso_date(list.dates[1]),
                                      format_iso_date(list.dates[2])}),
            (std::vector<std::string>{"2025-12-25", "2025-12-26", "2026-01-01"}));
  EXPECT_EQ(list.dates.size(), 3u);
}

TEST(HolidayListParsing, ErrorsNameTheLine) {
  EXPECT_NE(parse_error("# covers: 2025-2025\n2025-01-01\n2025-02-29\n").find("line 3"), std::string::npos);
  EXPECT_NE(parse_error("# covers: 2025-2025\n2025-1-1\n").find("line 2"), std::string::npos);
  EXPECT_NE(parse_error("# covers: 2025-2025\n\n2025-01-01 holiday\n").find("line 3"), std::string::npos);
  EXPECT_NE(parse_error("# header\n# covers: 2025\n").find("line 2"), std::string::npos);
  EXPECT_NE(parse_error("# covers: 2026-2025\n").find("line 1"), std::string::npos);
  EXPECT_NE(parse_error("# covers: 2025-2025\n# covers: 2025-2026\n").find("line 2"), std::string::npos);
  // A duplicate names its own line and the earlier one.
  const std::string duplicate = parse_error("# covers: 2025-2025\n2025-12-26\n2025-12-25\n2025-12-26\n");
  EXPECT_NE(duplicate.find("line 4"), std::string::npos) << duplicate;
  EXPECT_NE(duplicate.find("line 2"), std::string::npos) << duplicate;
  EXPECT_NE(duplicate.find("2025-12-26"), std::string::npos) << duplicate;
  // The whole message for a line that is no date, quoting it.
  EXPECT_EQ(parse_error("# covers: 2025-2025\n2025-02-29\n"),
            "bank holiday list, line 2: '2025-02-29' is not a real date in YYYY-MM-DD form");
}

TEST(HolidayListParsing, RequiresTheCoveredYears) {
  EXPECT_NE(parse_error("2025-01-01\n").find("covers"), std::string::npos);
  EXPECT_EQ(parse_error("# covers: 2025-2025\n"), "");  // an empty list is allowed
}

TEST(ShippedHolidayLists, EnglandAndWalesIsTheOnlyName) {
  EXPECT_EQ(shipped_holiday_list_names(), std::vector<std::string>{"england-and-wales"});
  EXPECT_FALSE(shipped_holiday_list("scotland"));
  EXPECT_FALSE(shipped_holiday_list("England-and-Wales"));
}

TEST(ShippedHolidayLists, EnglandAndWalesCovers2000To2040) {
  const HolidayList list = england_and_wales();
  EXPECT_EQ(list.first_year, 2000);
  EXPECT_EQ(list.last_year, 2040);
  EXPECT_TRUE(std::is_sorted(list.dates.begin(), list.dates.end()));
  for (const Date& date : list.dates) {
    const std::chrono::weekday weekday{std::chrono::sys_days(date)};
    EXPECT_NE(weekday, std::chrono::Saturday) << format_iso_date(date);
    EXPECT_NE(weekday, std::chrono::Sunday) << format_iso_date(date);
  }
}

TEST(ShippedHolidayLists, AnOrdinaryYearHasEightBankHolidays) {
  // One-off extra days: 2002 Golden Jubilee, 2011 royal wedding, 2012 Diamond
  // Jubilee, 2022 Platinum Jubilee and the State Funeral, 2023 coronation. The
  // moved holidays of 2002, 2012, 2020 and 2022 do not change the count.
  const std::map<int, std::size_t> extra_days = {{2002, 1}, {2011, 1}, {2012, 1}, {2022, 2}, {2023, 1}};
  const HolidayList list = england_and_wales();
  for (int year = 2000; year <= 2040; ++year) {
    const auto extra = extra_days.find(year);
    EXPECT_EQ(dates_in_year(list, year).size(), 8 + (extra == extra_days.end() ? 0 : extra->second)) << year;
  }
}

TEST(ShippedHolidayLists, EnglandAndWalesMatchesPublishedDates) {
  const HolidayList list = england_and_wales();
  EXPECT_EQ(dates_in_year(list, 2024),
            (std::vector<std::string>{"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27",
                                      "2024-08-26", "2024-12-25", "2024-12-26"}));
  // Boxing Day 2026 is a Saturday: substitute Monday 28 December.
  EXPECT_EQ(dates_in_year(list, 2026),
            (std::vector<std::string>{"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25",
                                      "2026-08-31", "2026-12-25", "2026-12-28"}));
  // Christmas 2027 falls on a Saturday: substitutes Monday 27 and Tuesday 28.
  EXPECT_EQ(dates_in_year(list, 2027),
            (std::vector<std::string>{"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31",
                                      "2027-08-30", "2027-12-27", "2027-12-28"}));
  // Spring holiday moved to Thursday 2 June, Platinum Jubilee Friday 3 June, State
  // Funeral 19 September; Christmas on a Sunday gives Boxing Day 26 and a
  // substitute Christmas on the 27th.
  EXPECT_EQ(dates_in_year(list, 2022),
            (std::vector<std::string>{"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02",
                                      "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"}));
  // Early May holiday moved to Friday 8 May for VE day; Boxing Day on a Saturday.
  EXPECT_EQ(dates_in_year(list, 2020),
            (std::vector<std::string>{"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25",
                                      "2020-08-31", "2020-12-25", "2020-12-28"}));
  // Christmas on a Saturday, Boxing Day on a Sunday.
  EXPECT_EQ(dates_in_year(list, 2021),
            (std::vector<std::string>{"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31",
                                      "2021-08-30", "2021-12-27", "2021-12-28"}));
  // Coronation of King Charles III on Monday 8 May; New Year's Day on a Sunday.
  EXPECT_EQ(dates_in_year(list, 2023),
            (std::vector<std::string>{"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08",
                                      "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"}));
  // Golden Jubilee Monday 3 June, spring holiday moved to Tuesday 4 June.
  EXPECT_EQ(dates_in_year(list, 2002),
            (std::vector<std::string>{"2002-01-01", "2002-03-29", "2002-04-01", "2002-05-06", "2002-06-03",
                                      "2002-06-04", "2002-08-26", "2002-12-25", "2002-12-26"}));
  // Royal wedding Friday 29 April, the week after Easter Monday 25 April.
  EXPECT_EQ(dates_in_year(list, 2011),
            (std::vector<std::string>{"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02",
                                      "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27"}));
  // Spring holiday moved to Monday 4 June, Diamond Jubilee Tuesday 5 June.
  EXPECT_EQ(dates_in_year(list, 2012),
            (std::vector<std::string>{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04",
                                      "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"}));
  // 1 January 2000 was a Saturday: substitute Monday 3 January.
  EXPECT_EQ(dates_in_year(list, 2000).front(), "2000-01-03");
}

TEST(ShippedHolidayLists, CompiledInListMatchesTheDataFile) {
  // The data is embedded at configure time; a stale build would differ from the file.
  std::ifstream file(std::string(CASESIM_SOURCE_DIR) + "/data/bank-holidays/england-and-wales.txt");
  ASSERT_TRUE(file);
  std::ostringstream text;
  text << file.rdbuf();
  const HolidayList from_file = parse_holiday_list(text.str());
  const HolidayList shipped = england_and_wales();
  EXPECT_EQ(from_file.dates, shipped.dates);
  EXPECT_EQ(from_file.first_year, shipped.first_year);
  EXPECT_EQ(from_file.last_year, shipped.last_year);
}

}  // namespace
}  // namespace casesim::scenario
