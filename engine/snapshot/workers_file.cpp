#include "engine/snapshot/workers_file.hpp"

#include <map>

#include "engine/input/number_text.hpp"
#include "engine/snapshot/column_match.hpp"
#include "engine/snapshot/row_cells.hpp"
#include "engine/snapshot/snapshot_error.hpp"

namespace casesim::snapshot {

namespace {

enum Column : std::size_t { kName, kTeam, kFte, kAgency, kNewlyQualified, kStarted, kAbsentUntil };

const std::vector<ColumnSpec>& worker_columns() {
  static const std::vector<ColumnSpec> kSpecs = {
      {"Worker", true, {"Worker ID", "Worker Name", "Worker ID or Name", "Name", "Social Worker"}},
      {"Team", true, {"Allocated Team"}},
      {"FTE", true, {"Full Time Equivalent"}},
      {"Agency", true, {"Agency Worker", "Agency or Permanent"}},
      {"Newly Qualified", true, {"NQ", "NQSW", "ASYE"}},
      {"Start Date", true, {"Role Start Date"}},
      {"Absent Until", false},
  };
  return kSpecs;
}

// FTE as a plain decimal number in (0, 1].
std::optional<double> read_fte(const std::string& text) {
  // A decimal as input/number_text reads it (portable to the browser build,
  // whose libc++ has no floating-point from_chars), without a leading '+'.
  if (text.empty() || text[0] == '+') return std::nullopt;
  const std::optional<double> value = input::decimal_number(text);
  if (!value || *value <= 0 || *value > 1) return std::nullopt;
  return value;
}

}  // namespace

WorkersTable read_workers_file(const CsvTable& table, kernel::Date extract_date, ProblemLog& log) {
  const auto columns = find_columns(table, worker_columns());
  auto column = [&columns](Column c) { return *columns[c]; };
  WorkersTable result;
  result.file = table.file;
  result.worker_header = table.header[column(kName)];
  if (table.rows.empty()) {
    throw SnapshotError(table.file, table.header_line, "", "no workers listed; the team needs at least one worker");
  }
  std::map<std::string, int> line_of_key;
  for (const CsvRow& csv_row : table.rows) {
    const RowCells cells(table, csv_row, extract_date, log);
    if (!cells.check_width()) continue;
    WorkerRow row;
    row.line = csv_row.line;
    row.as_written = cells.text(column(kName));
    row.key = normalise_key(row.as_written);
    if (row.key.empty()) {
      cells.report(column(kName), "missing; every worker needs an id or name");
      continue;
    }
    if (const auto it = line_of_key.find(row.key); it != line_of_key.end()) {
      cells.report(column(kName), "the same worker as line " + std::to_string(it->second) +
                                      " (names are matched ignoring case, spaces and punctuation)");
      continue;
    }
    Worker& worker = row.worker;
    worker.team = cells.text(column(kTeam));
    if (worker.team.empty()) {
      cells.report(column(kTeam), "missing; every worker needs a team");
      continue;
    }
    const auto fte = read_fte(cells.text(column(kFte)));
    if (!fte) {
      cells.report(column(kFte), "must be a number in (0, 1]");
      continue;
    }
    worker.fte = *fte;
    const auto agency = cells.yes_no(column(kAgency), false, "agency", "permanent");
    if (!agency) continue;
    worker.agency = *agency;
    const auto newly_qualified = cells.yes_no(column(kNewlyQualified), false);
    if (!newly_qualified) continue;
    worker.newly_qualified = *newly_qualified;
    const auto started = cells.date(column(kStarted));
    if (started.bad) continue;
    if (!started.date) {
      cells.report(column(kStarted), "missing; every worker needs a role start date");
      continue;
    }
    worker.started = *started.date;
    if (columns[kAbsentUntil] && !cells.text(column(kAbsentUntil)).empty()) {
      // The one column whose dates lie after the extract date: absence is
      // "until" a future date. One before the extract date is stale data.
      const RowCells unbounded(table, csv_row,
                               kernel::Date{std::chrono::year(9999), std::chrono::December, std::chrono::day(31)}, log);
      const auto until = unbounded.date(column(kAbsentUntil));
      if (until.bad) continue;
      if (*until.date < extract_date) {
        cells.report(column(kAbsentUntil), "before the extract date " + kernel::format_iso_date(extract_date) +
                                               " (leave it blank for a worker who is back at work)");
        continue;
      }
      worker.absent_until = until.date;
    }
    line_of_key.emplace(row.key, row.line);
    result.rows.push_back(std::move(row));
  }
  return result;
}

}  // namespace casesim::snapshot
