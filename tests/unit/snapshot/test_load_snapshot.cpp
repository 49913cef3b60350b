// Loading a team snapshot: the shipped example against the numbers its
// generator documents (scenarios/snapshots/example/README.md), and small
// hand-written snapshots whose expected children are worked out by hand from
// the rules in docs/snapshot-format.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "engine/input/date_text.hpp"
#include "engine/kernel/working_calendar.hpp"
#include "engine/scenario/bank_holidays.hpp"
#include "engine/snapshot/csv_table.hpp"
#include "engine/snapshot/load_snapshot.hpp"
#include "engine/snapshot/pseudonymiser.hpp"
#include "tests/unit/snapshot/snapshot_fixture.hpp"

namespace casesim::snapshot {
namespace {

using testing::FixtureDirectory;
using testing::kTwoWorkers;
using testing::kWorkersHeader;

const std::string kExample = "scenarios/snapshots/example";

kernel::Date date(int y, unsigned m, unsigned d) {
  return kernel::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

int count_stage(const Snapshot& snapshot, Stage stage) {
  return static_cast<int>(std::count_if(snapshot.children.begin(), snapshot.children.end(),
                                        [stage](const Child& c) { return c.stage == stage; }));
}

std::vector<int> caseloads(const Snapshot& snapshot) {
  std::vector<int> held(snapshot.workers.size(), 0);
  for (const auto& child : snapshot.children) {
    if (child.worker >= 0) ++held[static_cast<std::size_t>(child.worker)];
  }
  return held;
}

// --- The shipped example (scripts/make-snapshot --seed 20270115) ---

TEST(ExampleSnapshot, HasTheGeneratorsTeamInWorkersCsvOrder) {
  std::vector<std::string> names;
  LoadOptions options;
  options.worker_names = &names;
  const Snapshot snapshot = load_snapshot(kExample, options);
  EXPECT_EQ(snapshot.extract_date, date(2027, 1, 15));
  ASSERT_EQ(snapshot.workers.size(), 11u);
  EXPECT_EQ(names.front(), "Priya Shah");
  EXPECT_EQ(names.back(), "Ellie Brennan");
  double fte = 0;
  int agency = 0;
  int newly_qualified = 0;
  for (const auto& worker : snapshot.workers) {
    fte += worker.fte;
    agency += worker.agency;
    newly_qualified += worker.newly_qualified;
    EXPECT_EQ(worker.team, "Northgate Children and Families Team");
  }
  EXPECT_NEAR(fte, 10.6, 1e-9);
  EXPECT_EQ(agency, 2);
  EXPECT_EQ(newly_qualified, 1);
  EXPECT_TRUE(snapshot.workers[8].agency);                    // Kwame Mensah
  EXPECT_TRUE(snapshot.workers[9].agency);                    // Laura McBride
  EXPECT_TRUE(snapshot.workers[4].newly_qualified);           // Aisha Rahman
  EXPECT_DOUBLE_EQ(snapshot.workers[5].fte, 0.6);             // Mark Jennings
  ASSERT_TRUE(snapshot.workers[3].absent_until.has_value());  // Tom Gallagher
  EXPECT_EQ(*snapshot.workers[3].absent_until, date(2027, 2, 12));
  EXPECT_EQ(snapshot.workers[10].started, date(2027, 1, 4));
  for (std::size_t i = 0; i < 11; ++i) EXPECT_EQ(snapshot.workers[i].absent_until.has_value(), i == 3) << i;
}

TEST(ExampleSnapshot, CaseloadsFollowTheChildrensAllocatedWorkers) {
  const Snapshot snapshot = load_snapshot(kExample, {});
  // README.md's table; the names in the lists are written in several ways
  // ("priya shah", "Priya SHAH", "Priya  Shah"), all matched to one worker.
  EXPECT_EQ(caseloads(snapshot), (std::vector<int>{17, 17, 17, 15, 11, 9, 17, 16, 17, 16, 0}));
}

TEST(ExampleSnapshot, HasTheGeneratorsChildrenByStage) {
  const Snapshot snapshot = load_snapshot(kExample, {});
  EXPECT_EQ(snapshot.children.size(), 160u);
  EXPECT_EQ(count_stage(snapshot, Stage::looked_after), 24);
  EXPECT_EQ(count_stage(snapshot, Stage::cp_plan), 22);
  EXPECT_EQ(count_stage(snapshot, Stage::cin_plan), 58);
  EXPECT_EQ(count_stage(snapshot, Stage::assessment), 45);
  EXPECT_EQ(count_stage(snapshot, Stage::section_47), 6);
  EXPECT_EQ(count_stage(snapshot, Stage::referral), 5);
  int unallocated_assessments = 0;
  int unallocated_referrals = 0;
  for (const auto& child : snapshot.children) {
    if (child.worker >= 0) continue;
    unallocated_assessments += child.stage == Stage::assessment;
    unallocated_referrals += child.stage == Stage::referral;
  }
  EXPECT_EQ(unallocated_assessments, 3);
  EXPECT_EQ(unallocated_referrals, 5);
  EXPECT_TRUE(snapshot.problems.empty());
}

TEST(ExampleSnapshot, OverdueVisitsAndLateAssessmentsMatchTheGenerator) {
  // The generator counted these in Python; here the kernel's working-day
  // calendar counts them again from what the loader read.
  const Snapshot snapshot = load_snapshot(kExample, {});
  const auto holidays = scenario::shipped_holiday_list("england-and-wales");
  ASSERT_TRUE(holidays.has_value());
  const kernel::WorkingCalendar calendar(snapshot.extract_date, date(2020, 1, 1), date(2028, 12, 31), holidays->dates);
  const kernel::Day today = calendar.day_of(snapshot.extract_date);
  std::map<Stage, int> overdue;
  int past_45 = 0;
  int from_40_to_45 = 0;
  for (const auto& child : snapshot.children) {
    int interval = 0;
    if (child.stage == Stage::cp_plan) interval = 10;
    if (child.stage == Stage::cin_plan) interval = 20;
    if (child.stage == Stage::looked_after) {
      const bool first_year = calendar.day_of(*child.stage_start) > today - 365;
      interval = first_year ? 30 : 60;
    }
    if (interval > 0) {
      ASSERT_TRUE(child.last_visit.has_value()) << child.source;
      if (calendar.add_working_days(calendar.day_of(*child.last_visit), interval) < today) ++overdue[child.stage];
    }
    if (child.stage == Stage::assessment) {
      const int age = calendar.working_days_between(calendar.day_of(child.referral_date), today);
      past_45 += age > 45;
      from_40_to_45 += age >= 40 && age <= 45;
    }
  }
  EXPECT_EQ(overdue[Stage::looked_after], 2);
  EXPECT_EQ(overdue[Stage::cp_plan], 5);
  EXPECT_EQ(overdue[Stage::cin_plan], 13);
  EXPECT_EQ(past_45, 4);
  EXPECT_EQ(from_40_to_45, 4);
}

TEST(ExampleSnapshot, PseudonymsAreStableAndHideTheIds) {
  const Snapshot first = load_snapshot(kExample, {});
  const Snapshot second = load_snapshot(kExample, {});
  const std::regex child_form("C-[0-9a-f]{8}");
  const std::regex worker_form("W-[0-9a-f]{8}");
  std::set<std::string> distinct;
  for (std::size_t i = 0; i < first.children.size(); ++i) {
    EXPECT_EQ(first.children[i].pseudonym, second.children[i].pseudonym);
    EXPECT_TRUE(std::regex_match(first.children[i].pseudonym, child_form)) << first.children[i].pseudonym;
    distinct.insert(first.children[i].pseudonym);
  }
  EXPECT_EQ(distinct.size(), first.children.size());
  // The generator worked these out in Python (hashlib.blake2b) from the
  // files' bytes: README.md's table. The two agency workers:
  EXPECT_EQ(first.workers[0].pseudonym, "W-badbcb78");   // Priya Shah
  EXPECT_EQ(first.workers[8].pseudonym, "W-127378ab");   // Kwame Mensah
  EXPECT_EQ(first.workers[9].pseudonym, "W-3448ad4d");   // Laura McBride
  EXPECT_EQ(first.workers[10].pseudonym, "W-8aaafb29");  // Ellie Brennan
  for (std::size_t i = 0; i < first.workers.size(); ++i) {
    EXPECT_EQ(first.workers[i].pseudonym, second.workers[i].pseudonym);
    EXPECT_TRUE(std::regex_match(first.workers[i].pseudonym, worker_form)) << first.workers[i].pseudonym;
  }
  // No pseudonym holds a child's id (7-digit numbers, which hex digits could spell).
  const CsvTable list6 = parse_csv_table(
      std::string(std::istreambuf_iterator<char>(std::ifstream(kExample + "/list6-children-in-need.csv").rdbuf()), {}),
      "list6");
  ASSERT_GT(list6.rows.size(), 160u);
  for (const auto& row : list6.rows) {
    for (const auto& child : first.children) EXPECT_EQ(child.pseudonym.find(list6.field(row, 0)), std::string::npos);
  }
  // A salt of the analyst's own gives other pseudonyms for the same people.
  LoadOptions salted;
  salted.salt = "a salt of the council's own choosing";
  const Snapshot other = load_snapshot(kExample, salted);
  EXPECT_NE(other.workers[0].pseudonym, first.workers[0].pseudonym);
  EXPECT_NE(other.children[0].pseudonym, first.children[0].pseudonym);
}

// --- Dates ---

kernel::Date parsed(const std::string& text) {
  const auto result = input::parse_spreadsheet_date(text);
  if (const auto* problem = std::get_if<std::string>(&result)) ADD_FAILURE() << text << ": " << *problem;
  return std::holds_alternative<kernel::Date>(result) ? std::get<kernel::Date>(result) : kernel::Date{};
}

std::string problem_of(const std::string& text) {
  const auto result = input::parse_spreadsheet_date(text);
  return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "read as a date";
}

TEST(SnapshotDate, ReadsDayMonthYearFirst) {
  for (const char* text : {"15/01/2027", "15/1/2027", "15-01-2027", "15.01.2027", "2027-01-15", "15/01/2027 00:00",
                           "15/01/2027 09:30:00", "2027-01-15T00:00:00"}) {
    EXPECT_EQ(parsed(text), date(2027, 1, 15)) << text;
  }
  EXPECT_EQ(parsed("05/01/2027"), date(2027, 1, 5));  // 5 January, never May 1st
  EXPECT_EQ(parsed("29/02/2028"), date(2028, 2, 29));
}

TEST(SnapshotDate, RefusesAnythingAmbiguousOrImpossible) {
  EXPECT_EQ(problem_of("29/02/2027"), "not a real date: \"29/02/2027\"");
  EXPECT_EQ(problem_of("01/13/2027"), "not a real date: \"01/13/2027\"");
  EXPECT_EQ(problem_of("5/1/27"), "two-digit year is ambiguous in \"5/1/27\"; write the year in full (dd/mm/yyyy)");
  EXPECT_EQ(problem_of("15/01/0027"), "implausible year in \"15/01/0027\"");
  for (const char* text : {"2027/01/15", "15/01-2027", "15 Jan 2027", "46402", "15/01/2027 25:00", "2027-1-15", ""}) {
    EXPECT_EQ(problem_of(text), "unreadable date \"" + std::string(text) + "\"; expected dd/mm/yyyy or yyyy-mm-dd")
        << text;
  }
}

// --- Pseudonyms ---

TEST(Pseudonymiser, KnownValuesPinTheScheme) {
  // Worked out independently with Python's hashlib.blake2b (keyed BLAKE2b):
  // key = BLAKE2b-256(len8 + "casesim snapshot pseudonym key v1" + len8 + salt),
  // pseudonym = first 4 bytes of BLAKE2b-128 keyed (len8 + domain + len8 + id),
  // len8 the length as 8 little-endian bytes. A change here renames every
  // child and worker in every council's dated events.
  const Pseudonymiser pseudonyms("0123456789abcdef0123456789abcdef");
  EXPECT_EQ(pseudonyms.child("1234567"), "C-13bc55ab");
  EXPECT_EQ(pseudonyms.worker("priyashah"), "W-7a74f53d");
  EXPECT_NE(pseudonyms.child("priyashah"), "C-7a74f53d");
}

TEST(Pseudonymiser, RefusesAShortSalt) {
  EXPECT_THROW(Pseudonymiser("short"), std::invalid_argument);
}

TEST(Pseudonymiser, SaltFileIsReadWithoutItsFinalNewline) {
  FixtureDirectory dir;
  dir.write("salt", "0123456789abcdef0123456789abcdef\n");
  EXPECT_EQ(read_salt_file(dir.path() / "salt"), "0123456789abcdef0123456789abcdef");
  dir.write("short", "abc\n");
  try {
    read_salt_file(dir.path() / "short");
    FAIL() << "no exception";
  } catch (const SnapshotError& error) {
    EXPECT_EQ(error.message(), "salt too short: 3 bytes, need at least 16 (e.g. openssl rand -hex 32 > " +
                                   (dir.path() / "short").string() + ")");
  }
}

// --- One child across lists, and precedence ---

TEST(LoadSnapshot, ChildOnSeveralListsIsOneChild) {
  FixtureDirectory dir;
  dir.write_snapshot({
      {3, "1001,01/10/2026,No,Priya Shah\n"},
      {4, "1001,02/10/2026,20/10/2026,Priya Shah\n"},
      {5, "1001,02/10/2026,,03/11/2026,Priya Shah\n"},
      {6, "1001,01/10/2026,12/01/2027,,CP plan,Priya Shah\n"},
      {7, "1001,03/11/2026,08/01/2027,,,Priya Shah\n"},
  });
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  ASSERT_EQ(snapshot.children.size(), 1u);
  const Child& child = snapshot.children[0];
  EXPECT_EQ(child.stage, Stage::cp_plan);
  EXPECT_EQ(child.worker, 0);
  EXPECT_EQ(child.stage_start, date(2026, 11, 3));
  EXPECT_EQ(child.last_visit, date(2027, 1, 8));  // List 7's statutory visit, not List 6's "last seen"
  EXPECT_EQ(child.last_review, std::nullopt);
  EXPECT_EQ(child.referral_date, date(2026, 10, 1));
  EXPECT_EQ(child.source, "list7.csv:2");
}

TEST(LoadSnapshot, StageFollowsPrecedenceWhenCaseStatusIsBlank) {
  FixtureDirectory dir;
  // A: open assessment and open enquiry -> assessment. B: CP plan and in care
  // -> looked after. C: List 6 alone -> CIN plan. D: List 6 and an open
  // enquiry -> section 47. E: a referral nothing has followed -> referral.
  dir.write_snapshot({
      {3, "A,01/12/2026,No,Priya Shah\nD,04/01/2027,No,Priya Shah\nE,13/01/2027,No,\n"},
      {4, "A,02/12/2026,,Priya Shah\n"},
      {5, "A,03/12/2026,,,Priya Shah\nD,05/01/2027,,,Kwame Mensah\n"},
      {6, "C,01/06/2026,06/01/2027,,,Kwame Mensah\nD,04/01/2027,,,,Priya Shah\n"},
      {7, "B,01/03/2026,11/01/2027,01/06/2026,,Priya Shah\n"},
      {8, "B,01/09/2026,14/01/2027,01/12/2026,,Kwame Mensah\n"},
  });
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  ASSERT_EQ(snapshot.children.size(), 5u);
  // Ordered by the row that gave the stage: list, then line.
  std::vector<std::string> sources;
  std::vector<Stage> stages;
  for (const auto& child : snapshot.children) {
    sources.push_back(child.source);
    stages.push_back(child.stage);
  }
  EXPECT_EQ(sources,
            (std::vector<std::string>{"list3.csv:4", "list4.csv:2", "list5.csv:3", "list6.csv:2", "list8.csv:2"}));
  EXPECT_EQ(stages, (std::vector<Stage>{Stage::referral, Stage::assessment, Stage::section_47, Stage::cin_plan,
                                        Stage::looked_after}));
  const Child& referral = snapshot.children[0];
  EXPECT_EQ(referral.worker, -1);
  EXPECT_EQ(referral.referral_date, date(2027, 1, 13));
  const Child& enquiry = snapshot.children[2];
  EXPECT_EQ(enquiry.worker, 1);  // the enquiry's worker, not List 6's
  EXPECT_EQ(enquiry.stage_start, date(2027, 1, 5));
  EXPECT_EQ(enquiry.referral_date, date(2027, 1, 4));
  EXPECT_EQ(enquiry.last_visit, std::nullopt);  // not needed before a plan
  const Child& cin = snapshot.children[3];
  EXPECT_EQ(cin.stage_start, std::nullopt);
  EXPECT_EQ(cin.referral_date, date(2026, 6, 1));
  EXPECT_EQ(cin.last_visit, date(2027, 1, 6));
  const Child& looked_after = snapshot.children[4];
  EXPECT_EQ(looked_after.worker, 1);
  EXPECT_EQ(looked_after.stage_start, date(2026, 9, 1));
  EXPECT_EQ(looked_after.last_review, date(2026, 12, 1));
  EXPECT_EQ(looked_after.referral_date, date(2026, 9, 1));  // no List 6 row or referral: its own start
}

TEST(LoadSnapshot, CaseStatusChoosesCinPlanOverAnOpenAssessment) {
  FixtureDirectory dir;
  dir.write_snapshot({
      {3, "7,01/12/2026,No,Priya Shah\n"},
      {4, "7,02/12/2026,,Priya Shah\n"},
      {6, "7,01/05/2026,07/01/2027,,CIN Plan,Kwame Mensah\n"},
  });
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  ASSERT_EQ(snapshot.children.size(), 1u);
  EXPECT_EQ(snapshot.children[0].stage, Stage::cin_plan);
  EXPECT_EQ(snapshot.children[0].worker, 1);
  EXPECT_EQ(snapshot.children[0].referral_date, date(2026, 5, 1));
}

TEST(LoadSnapshot, ClosedRecordsAreNotOpenCases) {
  FixtureDirectory dir;
  dir.write_snapshot({
      // 1: NFA. 2: an assessment started after the referral (and was authorised).
      {3, "1,05/01/2027,Yes,\n2,01/10/2026,No,Priya Shah\n"},
      {4, "2,02/10/2026,30/10/2026,Priya Shah\n"},
      // 3: conference found unnecessary. 4: conference held.
      {5, "3,02/11/2026,Yes,,Priya Shah\n4,02/11/2026,,20/11/2026,Priya Shah\n"},
      // 5: closure date. 6: Case Status closed without a date.
      {6, "5,01/01/2026,01/12/2026,10/12/2026,,Priya Shah\n6,01/01/2026,01/12/2026,,Closed,Priya Shah\n"},
      // 7: plan ended, by a worker who has left (not in workers.csv: not checked).
      {7, "7,01/01/2026,01/12/2026,,10/12/2026,Sam Whitlock\n"},
      {8, "8,01/01/2025,01/12/2026,,15/01/2027,Priya Shah\n"},
  });
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  EXPECT_TRUE(snapshot.children.empty());
  EXPECT_EQ(snapshot.workers.size(), 2u);  // workers holding nothing are still the team
}

TEST(LoadSnapshot, ReferralIsOpenUntilWorkStartsOnOrAfterItsDate) {
  FixtureDirectory dir;
  // 1: re-referred after an earlier assessment. 2: the latest referral is NFA.
  dir.write_snapshot({
      {3, "1,01/09/2026,No,Priya Shah\n1,06/01/2027,No,Priya Shah\n2,01/12/2026,No,\n2,05/01/2027,Yes,\n"},
      {4, "1,02/09/2026,01/10/2026,Priya Shah\n"},
  });
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  ASSERT_EQ(snapshot.children.size(), 1u);
  EXPECT_EQ(snapshot.children[0].stage, Stage::referral);
  EXPECT_EQ(snapshot.children[0].referral_date, date(2027, 1, 6));
  EXPECT_EQ(snapshot.children[0].source, "list3.csv:3");
}

TEST(LoadSnapshot, AnExactRepeatOfARowIsOneRecord) {
  FixtureDirectory dir;
  dir.write_snapshot({{7, "9,01/03/2026,11/01/2027,,,Priya Shah\n9,01/03/2026,11/01/2027,,,PRIYA SHAH\n"}});
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  ASSERT_EQ(snapshot.children.size(), 1u);
  EXPECT_EQ(snapshot.children[0].source, "list7.csv:2");
}

// --- Dates, CSV form, names ---

TEST(LoadSnapshot, ReadsDayMonthYearAndIsoDates) {
  FixtureDirectory dir;
  dir.write_snapshot({{7,
                       "1,5/3/2026,2027-01-11,15.12.2026,,Priya Shah\n"
                       "2,05-03-2026,11/01/2027 00:00,2026-12-15T00:00:00,,Priya Shah\n"}});
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  ASSERT_EQ(snapshot.children.size(), 2u);
  for (const auto& child : snapshot.children) {
    EXPECT_EQ(child.stage_start, date(2026, 3, 5));
    EXPECT_EQ(child.last_visit, date(2027, 1, 11));
    EXPECT_EQ(child.last_review, date(2026, 12, 15));
  }
}

TEST(LoadSnapshot, ExcelExportWithByteOrderMarkCrlfAndQuotedLineBreaks) {
  FixtureDirectory dir;
  dir.write_snapshot({});
  // The header has an extra quoted column holding a comma and a line break;
  // row 1 starts on line 3 and holds one too, so row 2 starts on line 5.
  dir.write("list7.csv",
            "\xEF\xBB\xBF"
            "Child Unique ID,\"Notes,\r\nfree text\",child protection plan start date,"
            "DATE OF THE LAST STATUTORY VISIT,date_of_latest_review_conference,"
            "Child Protection Plan End Date,Allocated Worker\r\n"
            "1,\"line one\r\nline two, with a comma\",01/03/2026,11/01/2027,,,Priya Shah\r\n"
            "2,,01/03/2026,32/01/2027,,,Priya Shah\r\n");
  LoadOptions lenient;
  lenient.lenient = true;
  const Snapshot snapshot = load_snapshot(dir.path(), lenient);
  ASSERT_EQ(snapshot.children.size(), 2u);
  EXPECT_EQ(snapshot.children[0].source, "list7.csv:3");
  EXPECT_EQ(snapshot.children[0].last_visit, date(2027, 1, 11));
  EXPECT_EQ(snapshot.children[1].source, "list7.csv:5");
  ASSERT_EQ(snapshot.problems.size(), 1u);
  EXPECT_EQ(snapshot.problems[0].file, "list7.csv");
  EXPECT_EQ(snapshot.problems[0].line, 5);
  EXPECT_EQ(snapshot.problems[0].column, "DATE OF THE LAST STATUTORY VISIT");
  EXPECT_EQ(snapshot.problems[0].problem, "not a real date: \"32/01/2027\"");
}

TEST(LoadSnapshot, WorkerNamesMatchIgnoringCaseSpacingAndPunctuation) {
  FixtureDirectory dir;
  dir.write_snapshot({{6,
                       "1,01/06/2026,06/01/2027,,,priya shah\n"
                       "2,01/06/2026,06/01/2027,,,PRIYA  SHAH\n"
                       "3,01/06/2026,06/01/2027,,,Priya-Shah.\n"
                       "4,01/06/2026,06/01/2027,,,kwame mensah\n"}});
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  EXPECT_EQ(caseloads(snapshot), (std::vector<int>{3, 1}));
}

TEST(LoadSnapshot, ListFilesAreFoundByLooseNamesOrMarkedNone) {
  FixtureDirectory dir;
  dir.write("snapshot.yaml", "extract_date: 2027-01-15\nlists:\n  looked_after: none\n");
  dir.write("Workers.CSV", kTwoWorkers);
  dir.write("Annex A List 3 - Referrals.csv", testing::kListHeaders.at(3) + "\n");
  dir.write("list_4.csv", testing::kListHeaders.at(4) + "\n");
  dir.write("Section 47 enquiries.csv", testing::kListHeaders.at(5) + "\n");
  dir.write("children-in-need.csv", testing::kListHeaders.at(6) + "\n1,01/06/2026,06/01/2027,,,\n");
  dir.write("List7 CP.csv", testing::kListHeaders.at(7) + "\n");
  dir.write("notes.txt", "not a list\n");
  const Snapshot snapshot = load_snapshot(dir.path(), {});
  ASSERT_EQ(snapshot.children.size(), 1u);
  EXPECT_EQ(snapshot.children[0].source, "children-in-need.csv:2");
  EXPECT_EQ(snapshot.children[0].worker, -1);
}

// --- Lenient loading ---

TEST(LoadSnapshot, LenientCollectsEveryProblemAndDegradesRowsAsDocumented) {
  FixtureDirectory dir;
  dir.write_snapshot(
      {
          {4, "10,02/12/2026,,Priya Shah\n"},  // no referral anywhere: its own start is used
          {6,
           "11,01/06/2026,06/01/2027,,,Jo Bloggs\n"            // unknown worker: unallocated
           "12,01/06/2026,,,,Priya Shah\n"                     // no last visit: unknown
           "13,01/06/2026,06/01/2027,,Adopted,Priya Shah\n"},  // unknown status: as blank
          {7,
           "14,01/03/2026,99/01/2027,,,Priya Shah\n"                 // unreadable visit: unknown
           "15,01/13/2026,11/01/2027,,,Priya Shah\n"},               // unreadable start: row skipped
          {8, "16,01/09/2026,14/01/2027,,20/01/2027,Priya Shah\n"},  // ceased in the future: skipped
      },
      kWorkersHeader + "Priya Shah,North,1.0,No,No,04/03/2019,\nPriya Shah,North,1.0,No,No,04/03/2019,\n");
  LoadOptions options;
  options.lenient = true;
  const Snapshot snapshot = load_snapshot(dir.path(), options);
  std::vector<std::string> problems;
  for (const auto& p : snapshot.problems)
    problems.push_back(input::input_error_text(p.file, p.line, p.column, p.problem));
  EXPECT_EQ(problems,
            (std::vector<std::string>{
                "workers.csv:3: Worker: the same worker as line 2 (names are matched ignoring case, spaces and "
                "punctuation)",
                "list6.csv:4: Case Status: unknown value \"Adopted\"; expected looked after, CP plan, CIN plan, open "
                "assessment, section 47, referral or closed",
                "list7.csv:2: Date of the Last Statutory Visit: not a real date: \"99/01/2027\"",
                "list7.csv:3: Child Protection Plan Start Date: not a real date: \"01/13/2026\"",
                "list8.csv:2: Date Ceased to be Looked After: 2027-01-20 (\"20/01/2027\") is after the extract date "
                "2027-01-15",
                "list4.csv:2: Continuous Assessment Start Date: no referral on or before this date for this child in "
                "List 3 or List 6; the assessment's 45 working days run from the referral (with --lenient this date "
                "is used)",
                "list6.csv:2: Allocated Worker: worker not found in workers.csv (names are matched ignoring case, "
                "spaces and punctuation)",
                "list6.csv:3: Date Child Was Last Seen: missing for a child at stage CIN plan; the visit clock needs "
                "the last visit (with --lenient it is taken as unknown)",
            }));
  // Children 10, 11, 12, 13 and 14 are kept; 15 and 16 are not.
  ASSERT_EQ(snapshot.children.size(), 5u);
  std::map<std::string, const Child*> by_source;
  for (const auto& child : snapshot.children) by_source[child.source] = &child;
  EXPECT_EQ(by_source.at("list4.csv:2")->referral_date, date(2026, 12, 2));
  EXPECT_EQ(by_source.at("list6.csv:2")->worker, -1);
  EXPECT_EQ(by_source.at("list6.csv:3")->last_visit, std::nullopt);
  EXPECT_EQ(by_source.at("list6.csv:4")->stage, Stage::cin_plan);
  EXPECT_EQ(by_source.at("list7.csv:2")->last_visit, std::nullopt);
  EXPECT_EQ(snapshot.workers.size(), 1u);
}

TEST(LoadSnapshot, StrictLoadingStopsAtTheFirstProblem) {
  FixtureDirectory dir;
  dir.write_snapshot({{7, "14,01/03/2026,99/01/2027,,,Priya Shah\n15,01/13/2026,11/01/2027,,,Priya Shah\n"}});
  try {
    load_snapshot(dir.path(), {});
    FAIL() << "no exception";
  } catch (const SnapshotError& error) {
    EXPECT_STREQ(error.what(), "list7.csv:2: Date of the Last Statutory Visit: not a real date: \"99/01/2027\"");
    EXPECT_EQ(error.line(), 2);
  }
}

}  // namespace
}  // namespace casesim::snapshot
