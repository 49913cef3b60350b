// `casesim snapshot` run as a user runs it: the summary of the shipped example,
// with no child id or worker name from the input anywhere in what it prints
// (unless --show-names asks for workers' names), and exit status 2 with the
// loader's one line for bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "engine/snapshot/column_match.hpp"
#include "engine/snapshot/csv_table.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::snapshot {
namespace {

using reliability::casesim_program;
using reliability::run_program;

const std::string kExample = "scenarios/snapshots/example";

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Every value of the columns that hold personal data, in every CSV file of the
// example: child ids, and workers' names as workers.csv and the lists write them.
std::set<std::string> personal_values() {
  const std::set<std::string> personal_columns = {normalise_key("Child Unique ID"), normalise_key("Allocated Worker"),
                                                  normalise_key("Worker")};
  std::set<std::string> values;
  for (const auto& entry : std::filesystem::directory_iterator(kExample)) {
    if (entry.path().extension() != ".csv") continue;
    const CsvTable table = parse_csv_table(reliability::read_file(entry.path()), entry.path().filename().string());
    for (std::size_t c = 0; c < table.header.size(); ++c) {
      if (!personal_columns.count(normalise_key(table.header[c]))) continue;
      for (const auto& row : table.rows) {
        if (!table.field(row, c).empty()) values.insert(table.field(row, c));
      }
    }
  }
  return values;
}

TEST(SnapshotCommand, PrintsNoChildIdOrWorkerNameFromTheInput) {
  const auto values = personal_values();
  // 11 workers, and more ids than the 160 open children (closed records too).
  ASSERT_GT(values.size(), 200u);
  for (const std::vector<std::string>& extra : {std::vector<std::string>{}, std::vector<std::string>{"--lenient"}}) {
    std::vector<std::string> argv = {casesim_program(), "snapshot", kExample};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const auto outcome = run_program(argv);
    ASSERT_EQ(outcome.exit_status, 0) << outcome.err;
    const std::string printed = lowercase(outcome.out + outcome.err);
    for (const auto& value : values) {
      EXPECT_EQ(printed.find(lowercase(value)), std::string::npos) << "printed in clear: " << value;
    }
    // Surnames alone, too (a name printed as "SHAH, Priya" would otherwise pass).
    for (const char* surname : {"shah", "okafor", "whitfield", "gallagher", "rahman", "jennings", "adeyemi", "lowe",
                                "mensah", "mcbride", "brennan"}) {
      EXPECT_FALSE(std::regex_search(printed, std::regex(std::string("\\b") + surname + "\\b"))) << surname;
    }
  }
}

TEST(SnapshotCommand, SummaryShowsTheTeamAndChildrenByStage) {
  const auto outcome = run_program({casesim_program(), "snapshot", kExample});
  ASSERT_EQ(outcome.exit_status, 0) << outcome.err;
  const std::string& out = outcome.out;
  EXPECT_NE(out.find("extract date 2027-01-15 (Friday)"), std::string::npos) << out;
  EXPECT_NE(out.find("workers: 11 (10.6 FTE; 2 agency, 1 newly qualified, 1 absent)"), std::string::npos) << out;
  for (const char* line :
       {"  looked after           24\n", "  CP plan                22\n", "  CIN plan               58\n",
        "  open assessment        45\n", "  section 47 enquiry      6\n", "  referral                5\n",
        "  total                 160\n", "last visit unknown: 0 children\n", "problems: none\n"}) {
    EXPECT_NE(out.find(line), std::string::npos) << line << "\n" << out;
  }
  // The absent worker's row and the unallocated row end with their totals.
  EXPECT_NE(out.find("2027-02-12"), std::string::npos);
  EXPECT_NE(out.find("unallocated"), std::string::npos);
}

TEST(SnapshotCommand, ShowNamesPrintsWorkersNamesButNoChildIds) {
  // Names print only to a terminal: `script` gives the program one (util-linux, in every Debian).
  const auto outcome =
      run_program({"/usr/bin/script", "-qec",
                   casesim_program() + " snapshot " + std::string(kExample) + " --show-names", "/dev/null"});
  ASSERT_EQ(outcome.exit_status, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("Priya Shah"), std::string::npos);
  EXPECT_NE(outcome.out.find("Ellie Brennan"), std::string::npos);
  const CsvTable list6 =
      parse_csv_table(reliability::read_file(kExample + "/list6-children-in-need.csv"), "list6-children-in-need.csv");
  for (const auto& row : list6.rows) EXPECT_EQ(outcome.out.find(list6.field(row, 0)), std::string::npos);
}

TEST(SnapshotCommand, BadSnapshotExitsWithStatusTwoAndOneLine) {
  const auto outcome = run_program({casesim_program(), "snapshot", "tests/bad_input/snapshots/unknown_worker"});
  EXPECT_EQ(outcome.exit_status, 2);
  EXPECT_EQ(outcome.out, "");
  EXPECT_EQ(outcome.err,
            "casesim: list7.csv:3: Allocated Worker: worker not found in workers.csv (names are matched ignoring "
            "case, spaces and punctuation)\n");
}

TEST(SnapshotCommand, MissingDirectoryExitsWithStatusTwo) {
  const auto outcome = run_program({casesim_program(), "snapshot", "no/such/snapshot"});
  EXPECT_EQ(outcome.exit_status, 2);
  EXPECT_EQ(outcome.err, "casesim: no/such/snapshot: no such snapshot directory\n");
}

}  // namespace
}  // namespace casesim::snapshot
