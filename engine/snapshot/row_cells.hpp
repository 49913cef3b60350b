#pragma once
// Reading one CSV row's cells as typed values, reporting each bad cell as
// "file:line: header: problem" to a ProblemLog. Shared by the Annex A lists
// and workers.csv so every file reads dates and yes/no answers the same way.
//
// A problem never repeats what the cell holds, whatever its column: a row
// exported with a cell missing or an unquoted comma shifts a child's id, a
// date of birth or a worker's name into a date or yes/no column, and the
// message must not carry it to a terminal, a log or an email. The file, line
// and column say where to look.
#include <cstddef>
#include <optional>
#include <string>

#include "engine/kernel/date.hpp"
#include "engine/snapshot/csv_table.hpp"
#include "engine/snapshot/problem_log.hpp"

namespace casesim::snapshot {

class RowCells {
 public:
  RowCells(const CsvTable& table, const CsvRow& row, kernel::Date extract_date, ProblemLog& log)
      : table_(table), row_(row), extract_date_(extract_date), log_(log) {}

  const std::string& text(std::size_t column) const { return table_.field(row_, column); }
  const std::string& header(std::size_t column) const { return table_.header[column]; }
  int line() const { return row_.line; }
  void report(std::size_t column, const std::string& problem) const;
  void report_row(const std::string& problem) const;

  // A field beyond the header that is not blank: most likely an unquoted
  // comma that shifted the row's columns, so the row cannot be trusted.
  // Reports it and returns false.
  bool check_width() const;

  // Blank gives nullopt. An unreadable date, or one after the extract date,
  // is reported and gives `bad` set.
  struct DateCell {
    std::optional<kernel::Date> date;
    bool bad = false;
  };
  DateCell date(std::size_t column) const;

  // yes / y / true / 1 and no / n / false / 0, any case; blank is `blank_means`.
  // `extra_yes` / `extra_no` are further accepted words (normalised, e.g.
  // "agency" / "permanent"). Anything else is reported and gives nullopt.
  std::optional<bool> yes_no(std::size_t column, bool blank_means, const char* extra_yes = nullptr,
                             const char* extra_no = nullptr) const;

 private:
  const CsvTable& table_;
  const CsvRow& row_;
  kernel::Date extract_date_;
  ProblemLog& log_;
};

}  // namespace casesim::snapshot
