#include "engine/snapshot/row_cells.hpp"

#include <variant>

#include "engine/input/date_text.hpp"
#include "engine/snapshot/column_match.hpp"

namespace casesim::snapshot {

void RowCells::report(std::size_t column, const std::string& problem) const {
  log_.report(table_.file, row_.line, table_.header[column], problem);
}

void RowCells::report_row(const std::string& problem) const {
  log_.report(table_.file, row_.line, "", problem);
}

bool RowCells::check_width() const {
  for (std::size_t i = table_.header.size(); i < row_.fields.size(); ++i) {
    if (!row_.fields[i].empty()) {
      report_row("row has a value in column " + std::to_string(i + 1) + " but the header has only " +
                 std::to_string(table_.header.size()) + " columns (an unquoted comma?)");
      return false;
    }
  }
  return true;
}

RowCells::DateCell RowCells::date(std::size_t column) const {
  const std::string& cell = text(column);
  if (cell.empty()) return {};
  auto parsed = input::parse_spreadsheet_date(cell);
  if (const auto* problem = std::get_if<std::string>(&parsed)) {
    report(column, *problem);
    return {std::nullopt, true};
  }
  const kernel::Date date = std::get<kernel::Date>(parsed);
  if (date > extract_date_) {
    report(column, kernel::format_iso_date(date) + " (\"" + cell + "\") is after the extract date " +
                       kernel::format_iso_date(extract_date_));
    return {std::nullopt, true};
  }
  return {date, false};
}

std::optional<bool> RowCells::yes_no(std::size_t column, bool blank_means, const char* extra_yes,
                                     const char* extra_no) const {
  const std::string& cell = text(column);
  if (cell.empty()) return blank_means;
  const std::string word = normalise_key(cell);
  if (word == "yes" || word == "y" || word == "true" || word == "1" || (extra_yes && word == extra_yes)) return true;
  if (word == "no" || word == "n" || word == "false" || word == "0" || (extra_no && word == extra_no)) return false;
  std::string expected = "yes or no";
  if (extra_yes && extra_no) expected = std::string(extra_yes) + " or " + extra_no + " (or yes or no)";
  report(column, "expected " + expected + ", got \"" + cell + "\"");
  return std::nullopt;
}

}  // namespace casesim::snapshot
