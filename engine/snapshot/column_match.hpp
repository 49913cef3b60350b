#pragma once
// Finding a list's columns by their headers, matched loosely: councils' exports
// differ in case, spacing and punctuation ("Referral NFA?" / "referral_nfa").
// The same normalisation matches worker names and child ids.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/snapshot/csv_table.hpp"

namespace casesim::snapshot {

// ASCII letters lowercased and digits kept; every other ASCII character
// (space, punctuation, underscore) dropped; bytes of non-ASCII UTF-8 kept as
// they are. "Child Unique ID" and "child_unique_id" both give "childuniqueid".
std::string normalise_key(std::string_view text);

struct ColumnSpec {
  std::string_view header;  // the header as Ofsted's template (or docs/snapshot-format.md) writes it
  bool required = true;
  std::vector<std::string_view> other_headers = {};  // accepted alternatives (e.g. Gender / Sex)
};

// Where each spec's column is in the table, by index into `specs`. Throws
// SnapshotError at the header line when a required column is missing (naming
// it, every expected header and, when at least half the required headers were
// found so the row is a header row, the headers found; a row that is not is
// data, maybe personal, and its cells are not shown) or when two columns match
// the same spec.
// `hint` follows "required column missing" (e.g. " (a list in another year's layout?)").
std::vector<std::optional<std::size_t>> find_columns(const CsvTable& table, const std::vector<ColumnSpec>& specs,
                                                     const std::string& hint = "");

}  // namespace casesim::snapshot
