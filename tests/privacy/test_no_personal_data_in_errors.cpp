// Messages about a snapshot's rows name the file, the line and the column,
// never what a cell of an identifying column holds (issue 18): a child's id, a
// worker's name, a date of birth. The cases that used to leak: a list or
// workers.csv exported without its header row, whose first row of data took the
// header's place and was printed as the headers "found"; and a row whose cells
// shifted, carrying a name or an id into a column whose bad value was quoted.
//
// Each case loads a malformed snapshot strictly and leniently, collects every
// message (the error, and each problem a lenient load lists), and searches them
// for every value of every identifying column of the snapshot's files, as
// written, in lower case, and (dates) as YYYY-MM-DD.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "engine/input/date_text.hpp"
#include "engine/snapshot/column_match.hpp"
#include "engine/snapshot/load_snapshot.hpp"
#include "tests/privacy/csv_cells.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::snapshot {
namespace {

namespace fs = std::filesystem;
using privacy::csv_lines;
using privacy::lowercase;
using reliability::TemporaryDirectory;

const fs::path kSource = CASESIM_SOURCE_DIR;
const fs::path kExample = kSource / "scenarios/snapshots/example";
const fs::path kBadSnapshots = kSource / "tests/bad_input/snapshots";

// Columns whose values identify a person, by their headers as normalise_key
// gives them: every header the loader reads a child id or a worker's name from,
// and the personal columns of Ofsted's template it ignores.
const std::set<std::string> kIdentifyingColumns = {
    "childuniqueid", "allocatedworker", "worker",   "workerid", "workername", "workeridorname", "name",
    "socialworker",  "dateofbirth",     "forename", "surname",  "firstname",  "lastname",       "upn",
    "nhsnumber",     "postcode",        "fullname"};

std::vector<std::string> trimmed_fields(const std::string& line) {
  std::vector<std::string> fields = privacy::csv_fields(line);
  for (std::string& field : fields) field = privacy::trimmed(field);
  return fields;
}

void insert_value(std::set<std::string>& values, const std::string& value) {
  values.insert(value);
  const auto date = input::parse_spreadsheet_date(value);
  if (const auto* d = std::get_if<kernel::Date>(&date)) values.insert(kernel::format_iso_date(*d));
}

// Every value of an identifying column in the CSV files of `directory`, whose
// first lines are their headers; a date also as YYYY-MM-DD. A file whose
// first line names no identifying column has lost its header row, and every
// value in it of five characters or more counts.
std::set<std::string> identifying_values(const fs::path& directory) {
  std::set<std::string> values;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.path().extension() != ".csv") continue;
    const std::vector<std::string> lines = csv_lines(entry.path());
    if (lines.empty()) continue;
    const std::vector<std::string> header = trimmed_fields(lines[0]);
    const bool headerless = std::none_of(header.begin(), header.end(), [](const std::string& cell) {
      return kIdentifyingColumns.count(normalise_key(cell)) > 0;
    });
    if (headerless) {
      for (const std::string& line : lines)
        for (const std::string& field : trimmed_fields(line))
          if (field.size() >= 5) insert_value(values, field);
      continue;
    }
    for (std::size_t column = 0; column < header.size(); ++column) {
      if (!kIdentifyingColumns.count(normalise_key(header[column]))) continue;
      for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::vector<std::string> fields = trimmed_fields(lines[i]);
        if (column < fields.size() && !fields[column].empty()) insert_value(values, fields[column]);
      }
    }
  }
  return values;
}

// Every message loading `directory` gives, strictly and leniently.
std::vector<std::string> messages_of(const fs::path& directory) {
  std::vector<std::string> messages;
  for (const bool lenient : {false, true}) {
    LoadOptions options;
    options.lenient = lenient;
    try {
      const Snapshot snapshot = load_snapshot(directory, options);
      for (const Problem& p : snapshot.problems)
        messages.push_back(input::input_error_text(p.file, p.line, p.column, p.problem));
    } catch (const SnapshotError& error) {
      messages.emplace_back(error.what());
    }
  }
  return messages;
}

// The identifying values found in `message`.
std::vector<std::string> leaks_in(const std::string& message, const std::set<std::string>& values) {
  std::vector<std::string> found;
  const std::string folded = lowercase(message);
  for (const std::string& value : values) {
    if (folded.find(lowercase(value)) != std::string::npos) found.push_back(value);
  }
  return found;
}

void expect_no_leaks(const std::vector<std::string>& messages, const std::set<std::string>& values,
                     const std::string& what) {
  for (const std::string& message : messages) {
    for (const std::string& value : leaks_in(message, values))
      ADD_FAILURE() << what << ": the message holds \"" << value << "\": " << message;
  }
}

// A copy of the example snapshot with one CSV changed line by line.
template <typename Change>
void copy_example_changing(const fs::path& to, const std::string& file, Change change) {
  fs::copy(kExample, to, fs::copy_options::recursive);
  std::vector<std::string> lines = csv_lines(kExample / file);
  change(lines);
  std::ofstream out(to / file, std::ios::binary);
  for (const std::string& line : lines) out << line << "\r\n";
}

std::vector<std::string> example_csv_files() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(kExample))
    if (entry.path().extension() == ".csv") files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(NoPersonalDataInErrors, TheSearchFindsTheExamplesIdsNamesAndDatesOfBirth) {
  const std::set<std::string> values = identifying_values(kExample);
  EXPECT_TRUE(values.count("Priya Shah"));
  EXPECT_TRUE(values.count("1001114"));
  EXPECT_TRUE(values.count("20/01/2026"));  // a date of birth, as written
  EXPECT_TRUE(values.count("2026-01-20"));  // and as a message would write it
  const std::vector<std::string> found = leaks_in("found: 1001114, Male, WBRI, 20/01/2026, HANNAH WHITFIELD", values);
  for (const char* value : {"1001114", "20/01/2026", "Hannah Whitfield"})
    EXPECT_NE(std::find(found.begin(), found.end(), value), found.end()) << value;
}

// Every bad snapshot of the corpus, headerless ones included: what the
// messages say is checked in tests/bad_input/test_bad_snapshots.cpp; here,
// what they must not say. The corpus's snapshots share their people, so each
// is searched for the values of them all.
TEST(NoPersonalDataInErrors, NoMessageAboutABadSnapshotHoldsAnIdNameOrDateOfBirth) {
  std::vector<fs::path> snapshots;
  std::set<std::string> values;
  for (const auto& entry : fs::directory_iterator(kBadSnapshots)) {
    if (!entry.is_directory()) continue;
    snapshots.push_back(entry.path());
    values.merge(identifying_values(entry.path()));
  }
  EXPECT_TRUE(values.count("Priya Shah"));
  EXPECT_TRUE(values.count("1000001"));
  for (const fs::path& snapshot : snapshots) expect_no_leaks(messages_of(snapshot), values, snapshot.filename());
  EXPECT_GE(snapshots.size(), 40u);
}

// Each of the example's CSVs exported without its header row: refused for
// a missing column, and the row of data in the header's place is not shown.
TEST(NoPersonalDataInErrors, AFileWithoutItsHeaderRowIsRefusedWithoutShowingItsFirstRow) {
  const std::set<std::string> values = identifying_values(kExample);
  for (const std::string& file : example_csv_files()) {
    const TemporaryDirectory directory;
    const fs::path snapshot = directory / "snapshot";
    copy_example_changing(snapshot, file, [](std::vector<std::string>& lines) { lines.erase(lines.begin()); });
    const std::vector<std::string> messages = messages_of(snapshot);
    ASSERT_EQ(messages.size(), 2u) << file;
    for (const std::string& message : messages) {
      EXPECT_EQ(message.rfind(file + ":1: ", 0), 0u) << message;
      EXPECT_NE(message.find("required column missing"), std::string::npos) << message;
      EXPECT_NE(message.find("may not be a header row"), std::string::npos) << message;
    }
    expect_no_leaks(messages, values, file + " without its header row");
  }
}

// Rows whose cells shifted: cells missing (every later value moves left, a
// worker's name into Case Status or Allocated Team) or cells too many (values
// move right, a date of birth towards the dates casesim reads), one to three
// places, from the second or the fifth column on.
TEST(NoPersonalDataInErrors, ShiftedRowsAreReportedWithoutTheValuesTheyCarry) {
  const std::set<std::string> values = identifying_values(kExample);
  std::size_t problems = 0;
  for (const std::string& file : example_csv_files()) {
    for (const std::size_t column : {1u, 4u}) {
      for (const std::size_t places : {1u, 2u, 3u}) {
        for (const bool missing : {true, false}) {
          const TemporaryDirectory directory;
          const fs::path snapshot = directory / "snapshot";
          copy_example_changing(snapshot, file, [&](std::vector<std::string>& lines) {
            for (std::size_t i = 1; i < lines.size(); ++i) {
              std::vector<std::string> fields = trimmed_fields(lines[i]);
              const auto at = fields.begin() + static_cast<std::ptrdiff_t>(column);
              if (missing) {
                fields.erase(at, at + static_cast<std::ptrdiff_t>(places));
              } else {
                fields.insert(at, places, "");
              }
              std::string line;
              for (const std::string& field : fields) line += (line.empty() ? "" : ",") + field;
              lines[i] = line;
            }
          });
          const std::vector<std::string> messages = messages_of(snapshot);
          problems += messages.size();
          expect_no_leaks(messages, values,
                          file + ": " + std::to_string(places) + (missing ? " cells missing" : " cells too many") +
                              " from column " + std::to_string(column + 1));
        }
      }
    }
  }
  EXPECT_GT(problems, 100u);  // the shifts do make the loader complain
}

// The same through the program: what reaches standard error.
TEST(NoPersonalDataInErrors, TheProgramShowsNoneOfAHeaderlessFilesFirstRow) {
  const std::set<std::string> values = identifying_values(kExample);
  for (const std::string& file : {std::string("workers.csv"), std::string("list6-children-in-need.csv")}) {
    const TemporaryDirectory directory;
    copy_example_changing(directory / "snapshot", file,
                          [](std::vector<std::string>& lines) { lines.erase(lines.begin()); });
    const reliability::ProgramOutcome outcome =
        reliability::run_program({reliability::casesim_program(), "snapshot", "snapshot"}, reliability::in(directory));
    EXPECT_EQ(outcome.exit_status, 2);
    EXPECT_EQ(outcome.err.rfind("casesim: " + file + ":1: ", 0), 0u) << outcome.err;
    expect_no_leaks({outcome.err, outcome.out}, values, "casesim snapshot with " + file + " without its header row");
  }
}

}  // namespace
}  // namespace casesim::snapshot
