// Every directory in tests/bad_input/snapshots/ is a team snapshot that must be
// refused with exactly the message below (docs/snapshot-format.md lists each
// error). Most are a small valid snapshot with one change: snapshot.yaml (its
// lists on lines 3-8: referrals, assessments, section_47, cin, cp,
// looked_after; most name only cp: list7.csv), workers.csv (Priya Shah on line
// 2, Kwame Mensah on line 3) and list7.csv (child 1000001 on line 2, 1000002 on
// line 3).
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "engine/snapshot/load_snapshot.hpp"

namespace casesim::snapshot {
namespace {

const std::string kDir = "tests/bad_input/snapshots/";

struct BadCase {
  const char* directory;
  const char* expected;  // what(): "FILE:LINE: COLUMN: PROBLEM"
};

const BadCase kCases[] = {
    // The directory: manifest, files, CSV form.
    {"missing_manifest",
     "snapshot.yaml: missing; a snapshot directory needs a manifest giving at least "
     "extract_date (see docs/snapshot-format.md)"},
    {"manifest_not_yaml",
     "snapshot.yaml:3: not valid YAML: did not find expected ',' or ']' while parsing a flow sequence started on "
     "line 2"},
    {"manifest_date_wrong_form",
     "snapshot.yaml:1: extract_date: must be a real date in YYYY-MM-DD form, got "
     "\"15/01/2027\""},
    {"manifest_unknown_key", "snapshot.yaml:9: team: unknown field; allowed: extract_date, lists, workers"},
    // snapshot.yaml is read as scenarios are (input::parse_yaml): a YAML
    // library's own document tree would keep both cp entries.
    {"manifest_duplicate_key", "snapshot.yaml:9: lists.cp: duplicate key, first given on line 7"},
    {"manifest_alias", "snapshot.yaml:3: lists.referrals: anchors and aliases are not allowed in snapshot manifests"},
    {"manifest_list_file_missing", "snapshot.yaml:7: lists.cp: no file \"list-7.csv\" in the snapshot directory"},
    {"manifest_list_path_outside",
     "snapshot.yaml:7: lists.cp: must be the name of a file in the snapshot "
     "directory, got \"../list7.csv\""},
    {"no_file_for_list",
     "snapshot.yaml: lists.referrals: no file found for List 3 (referrals); name it list3.csv, "
     "give its name in snapshot.yaml, or write \"referrals: none\" under lists if the team holds no such list"},
    {"two_files_for_list",
     "snapshot.yaml: lists.cp: both child-protection.csv and list7.csv look like List 7 "
     "(child protection); give the file's name in snapshot.yaml"},
    {"missing_workers",
     "workers.csv: missing; the snapshot needs the team's workers (id or name, team, FTE, "
     "agency, newly qualified, start date, absent until; see docs/snapshot-format.md)"},
    {"empty_list", "list7.csv:1: empty file; expected a header row (a list with no rows still has its header)"},
    {"unterminated_quote", "list7.csv:4: malformed CSV: a quoted field is not closed"},
    {"stray_quote",
     "list7.csv:3: malformed CSV: a quote inside a field that is not quoted, or text after a closing "
     "quote"},
    // Encodings: Excel's "Unicode Text" (UTF-16) and its plain "CSV" (Windows-1252).
    {"encoding_utf16",
     "list7.csv: UTF-16 text (as Excel's \"Unicode Text\" saves it), not CSV UTF-8; in Excel, use File > Save As "
     "and choose \"CSV UTF-8 (Comma delimited) (*.csv)\""},
    {"encoding_utf16_without_mark",
     "workers.csv: UTF-16 text (as Excel's \"Unicode Text\" saves it), not CSV UTF-8; in Excel, use File > Save "
     "As and choose \"CSV UTF-8 (Comma delimited) (*.csv)\""},
    {"encoding_windows_1252",
     "workers.csv:3: Worker: not UTF-8 text (byte 0xFC); the file is probably Windows-1252 or Latin-1, as Excel's "
     "\"CSV (Comma delimited)\" saves it: in Excel, use File > Save As and choose \"CSV UTF-8 (Comma delimited) "
     "(*.csv)\""},
    {"encoding_windows_1252_header",
     "workers.csv:1: not UTF-8 text (byte 0xE9 in column 7 of the header row); the file is probably Windows-1252 or "
     "Latin-1, as Excel's \"CSV (Comma delimited)\" saves it: in Excel, use File > Save As and choose \"CSV UTF-8 "
     "(Comma delimited) (*.csv)\""},
    {"encoding_zero_byte", "list7.csv:3: binary data (a zero byte), not a CSV text file"},
    // Columns: a list or workers.csv in another layout.
    {"missing_column",
     "list7.csv:1: Date of the Last Statutory Visit: required column missing (a list in another "
     "year's layout?); expected: Child Unique ID, Child Protection Plan Start Date, Date of the Last Statutory "
     "Visit, Date of latest review conference, Child Protection Plan End Date, Allocated Worker; found: Child "
     "Unique ID, Child Protection Plan Start Date, Date of latest review conference, Child Protection Plan End "
     "Date, Allocated Worker"},
    {"wrong_year_format",
     "list4.csv:1: Continuous Assessment Start Date: required column missing (a list in "
     "another year's layout?); expected: Child Unique ID, Continuous Assessment Start Date, Continuous Assessment "
     "Date of Authorisation, Allocated Worker; found: Child Unique ID, Gender, Assessment Start Date, Assessment "
     "Completion Date, Allocated Worker"},
    {"workers_missing_column",
     "workers.csv:1: FTE: required column missing; expected: Worker, Team, FTE, Agency, "
     "Newly Qualified, Start Date; found: Worker, Team, Agency, Newly Qualified, Start Date, Absent Until"},
    {"workers_empty", "workers.csv:1: no workers listed; the team needs at least one worker"},
    // Exported without the header row: the first row of data, in its place, is
    // personal data and is not repeated.
    {"workers_without_header",
     "workers.csv:1: Worker: required column missing; expected: Worker, Team, FTE, Agency, Newly Qualified, Start "
     "Date; line 1 has none of them, so it may not be a header row (a file saved without its headers?); its cells "
     "are not shown, as they may be personal data"},
    {"list_without_header",
     "list7.csv:1: Child Unique ID: required column missing (a list in another year's layout?); expected: Child "
     "Unique ID, Child Protection Plan Start Date, Date of the Last Statutory Visit, Date of latest review "
     "conference, Child Protection Plan End Date, Allocated Worker; line 1 has none of them, so it may not be a "
     "header row (a file saved without its headers?); its cells are not shown, as they may be personal data"},
    // Cells.
    {"unreadable_date",
     "list7.csv:3: Child Protection Plan Start Date: not a real date (dates are read as day/month/year)"},
    {"two_digit_year",
     "list7.csv:3: Child Protection Plan Start Date: two-digit year is ambiguous; write the year in full "
     "(dd/mm/yyyy)"},
    {"date_after_extract",
     "list7.csv:3: Date of the Last Statutory Visit: after the extract date 2027-01-15 (dates are read as "
     "day/month/year)"},
    {"end_before_start",
     "list7.csv:3: Child Protection Plan End Date: before the Child Protection Plan Start Date on the same row"},
    {"missing_start_date",
     "list7.csv:3: Child Protection Plan Start Date: missing; an open record needs its start "
     "date"},
    {"missing_child_id", "list7.csv:3: Child Unique ID: missing; every row needs the child's id"},
    {"shifted_row", "list7.csv:3: row has a value in column 7 but the header has only 6 columns (an unquoted comma?)"},
    {"yes_no_unreadable", "list5.csv:2: Was an ICPC deemed unnecessary?: expected yes or no"},
    {"case_status_unknown",
     "list6.csv:2: Case Status: unknown value; expected looked after, CP plan, CIN plan, open assessment, "
     "section 47, referral or closed"},
    {"workers_fte_out_of_range", "workers.csv:3: FTE: must be a number in (0, 1]"},
    {"workers_duplicate",
     "workers.csv:4: Worker: the same worker as line 2 (names are matched ignoring case, "
     "spaces and punctuation)"},
    {"workers_absent_until_past",
     "workers.csv:3: Absent Until: before the extract date 2027-01-15 (leave it blank for a worker who is back "
     "at work)"},
    // Rows against workers.csv, each other and the other lists.
    {"unknown_worker",
     "list7.csv:3: Allocated Worker: worker not found in workers.csv (names are matched ignoring "
     "case, spaces and punctuation)"},
    {"duplicate_rows",
     "list7.csv:4: Child Unique ID: the same child has another open row at line 2 with different "
     "data; a list holds one open record per child"},
    {"missing_last_visit",
     "list7.csv:3: Date of the Last Statutory Visit: missing for a child at stage CP plan; "
     "the visit clock needs the last visit (with --lenient it is taken as unknown)"},
    {"case_status_conflict",
     "list6.csv:2: Case Status: says CIN plan, but list7.csv:2 is an open CP plan, which "
     "comes first"},
    {"case_status_without_record",
     "list6.csv:2: Case Status: says looked after, but the snapshot has no List 8 "
     "(children in care) (lists.looked_after: none)"},
    {"assessment_without_referral",
     "list4.csv:2: Continuous Assessment Start Date: no referral on or before this "
     "date for this child in List 3 or List 6; the assessment's 45 working days run from the referral (with "
     "--lenient this date is used)"},
};

class BadSnapshot : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadSnapshot, IsRefusedWithItsOneLineMessage) {
  const BadCase& bad = GetParam();
  try {
    load_snapshot(kDir + bad.directory, {});
    FAIL() << "no exception";
  } catch (const SnapshotError& error) {
    const std::string message = error.what();
    EXPECT_EQ(message, bad.expected);
    EXPECT_EQ(message.find('\n'), std::string::npos);
    // The file is named as it is in the snapshot directory.
    EXPECT_EQ(error.file(), message.substr(0, message.find(':')));
  }
}

// Leniently, a row's problem is collected (the same text, first in the list)
// and a problem with a whole file or the manifest still stops loading.
TEST_P(BadSnapshot, LenientLoadingCollectsTheSameProblemOrStillRefuses) {
  const BadCase& bad = GetParam();
  LoadOptions options;
  options.lenient = true;
  try {
    const Snapshot snapshot = load_snapshot(kDir + bad.directory, options);
    ASSERT_FALSE(snapshot.problems.empty());
    const Problem& first = snapshot.problems.front();
    EXPECT_EQ(input::input_error_text(first.file, first.line, first.column, first.problem), bad.expected);
    EXPECT_GT(first.line, 1);  // a row's problem, never the header's
  } catch (const SnapshotError& error) {
    EXPECT_EQ(std::string(error.what()), bad.expected);
  }
}

std::string case_name(const ::testing::TestParamInfo<BadCase>& param_info) {
  return param_info.param.directory;
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadSnapshot, ::testing::ValuesIn(kCases), case_name);

TEST(BadSnapshotCorpus, EveryDirectoryHasAnExpectedMessageAndEveryCaseADirectory) {
  std::set<std::string> directories;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    if (entry.is_directory()) directories.insert(entry.path().filename().string());
  }
  std::set<std::string> cases;
  for (const auto& bad : kCases) EXPECT_TRUE(cases.insert(bad.directory).second) << bad.directory << " listed twice";
  EXPECT_EQ(directories, cases);
  EXPECT_GE(cases.size(), 30u);
}

TEST(BadSnapshotDirectory, MissingDirectoryIsNamedInFull) {
  try {
    load_snapshot(kDir + "no_such_snapshot", {});
    FAIL() << "no exception";
  } catch (const SnapshotError& error) {
    EXPECT_EQ(std::string(error.what()), kDir + "no_such_snapshot: no such snapshot directory");
  }
}

TEST(BadSnapshotDirectory, FileIsNotASnapshotDirectory) {
  try {
    load_snapshot(kDir + "unknown_worker/workers.csv", {});
    FAIL() << "no exception";
  } catch (const SnapshotError& error) {
    EXPECT_EQ(std::string(error.what()),
              kDir + "unknown_worker/workers.csv: not a directory; a snapshot is a directory of CSV files");
  }
}

}  // namespace
}  // namespace casesim::snapshot
