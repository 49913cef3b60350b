#include "engine/snapshot/csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <memory>

#include "engine/snapshot/snapshot_error.hpp"

namespace casesim::snapshot {

namespace {

// libcsv's own defaults, set explicitly: the row-start tracking below must
// skip exactly what the parser skips before a row begins.
int is_csv_space(unsigned char c) {
  return c == ' ' || c == '\t' ? 1 : 0;
}
int is_csv_terminator(unsigned char c) {
  return c == '\r' || c == '\n' ? 1 : 0;
}

struct ParseState {
  std::vector<CsvRow> rows;
  CsvRow current;
};

void on_field(void* text, std::size_t length, void* data) {
  auto& state = *static_cast<ParseState*>(data);
  std::string_view field(static_cast<const char*>(text), text ? length : 0);
  while (!field.empty() && (field.front() == ' ' || field.front() == '\t')) field.remove_prefix(1);
  while (!field.empty() && (field.back() == ' ' || field.back() == '\t')) field.remove_suffix(1);
  state.current.fields.emplace_back(field);
}

void on_row(int /*terminator*/, void* data) {
  auto& state = *static_cast<ParseState*>(data);
  state.rows.push_back(std::move(state.current));
  state.current = CsvRow{};
}

bool all_blank(const CsvRow& row) {
  return std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return f.empty(); });
}

std::string parse_problem(int error) {
  switch (error) {
    case CSV_EPARSE: return "malformed CSV: a quote inside a field that is not quoted, or text after a closing quote";
    case CSV_ETOOBIG: return "malformed CSV: a field too large to read";
    case CSV_ENOMEM: return "malformed CSV: out of memory";
    default: return std::string("malformed CSV: ") + csv_strerror(error);
  }
}

struct ParserDeleter {
  void operator()(csv_parser* parser) const {
    csv_free(parser);
    delete parser;
  }
};

}  // namespace

const std::string& CsvTable::field(const CsvRow& row, std::size_t column) const {
  static const std::string kBlank;
  return column < row.fields.size() ? row.fields[column] : kBlank;
}

CsvTable parse_csv_table(std::string_view bytes, const std::string& file) {
  // Excel's "CSV UTF-8" starts with a byte order mark.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);

  std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
  csv_set_space_func(parser.get(), is_csv_space);
  csv_set_term_func(parser.get(), is_csv_terminator);

  ParseState state;
  int line = 1;
  bool in_row = false;
  std::size_t rows_seen = 0;
  // One byte at a time, so the line of each row's first byte is known (a
  // quoted field may hold line breaks, so rows and lines differ).
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (!in_row && !is_csv_space(byte) && !is_csv_terminator(byte)) {
      in_row = true;
      state.current.line = line;
    }
    if (csv_parse(parser.get(), &c, 1, on_field, on_row, &state) != 1) {
      throw SnapshotError(file, in_row ? state.current.line : line, "", parse_problem(csv_error(parser.get())));
    }
    if (state.rows.size() != rows_seen) {
      rows_seen = state.rows.size();
      in_row = false;
    }
    if (c == '\n') ++line;
  }
  if (csv_fini(parser.get(), on_field, on_row, &state) != 0) {
    throw SnapshotError(file, state.current.line, "", "malformed CSV: a quoted field is not closed");
  }

  CsvTable table;
  table.file = file;
  auto first = std::find_if(state.rows.begin(), state.rows.end(), [](const CsvRow& r) { return !all_blank(r); });
  if (first == state.rows.end()) {
    throw SnapshotError(file, 1, "", "empty file; expected a header row (a list with no rows still has its header)");
  }
  table.header = std::move(first->fields);
  table.header_line = first->line;
  for (auto it = std::next(first); it != state.rows.end(); ++it) {
    if (!all_blank(*it)) table.rows.push_back(std::move(*it));
  }
  return table;
}

}  // namespace casesim::snapshot
