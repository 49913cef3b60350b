#pragma once
// A CSV file as a header and rows of text, each row knowing the physical line
// it starts on, so every message can point at the line a spreadsheet user sees.
// The only code that knows the CSV format (quoting, embedded line breaks, a
// UTF-8 byte order mark, CRLF line ends).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casesim::snapshot {

struct CsvRow {
  int line = 0;                     // 1-based physical line on which the row starts
  std::vector<std::string> fields;  // as in the file, without quotes; surrounding spaces trimmed
};

struct CsvTable {
  std::string file;                 // name used in messages
  std::vector<std::string> header;  // the first row that is not blank
  int header_line = 1;
  std::vector<CsvRow> rows;  // the rest, without rows whose every field is blank

  // The row's field in column `column`, or "" when the row is shorter.
  const std::string& field(const CsvRow& row, std::size_t column) const;
};

// Parses `bytes` (one file's content). Throws SnapshotError naming `file` and
// the line for malformed CSV (an unterminated quote, a quote inside an
// unquoted field) and for a file with no header row.
CsvTable parse_csv_table(std::string_view bytes, const std::string& file);

}  // namespace casesim::snapshot
