#include "engine/snapshot/column_match.hpp"

#include "engine/snapshot/snapshot_error.hpp"

namespace casesim::snapshot {

namespace {

bool matches(const ColumnSpec& spec, const std::string& normalised_header) {
  if (normalise_key(spec.header) == normalised_header) return true;
  for (const auto other : spec.other_headers) {
    if (normalise_key(other) == normalised_header) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace

std::string normalise_key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 'A' && byte <= 'Z') {
      out.push_back(static_cast<char>(byte - 'A' + 'a'));
    } else if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || byte >= 0x80) {
      out.push_back(c);
    }
  }
  return out;
}

std::vector<std::optional<std::size_t>> find_columns(const CsvTable& table, const std::vector<ColumnSpec>& specs,
                                                     const std::string& hint) {
  std::vector<std::string> normalised;
  normalised.reserve(table.header.size());
  for (const auto& header : table.header) normalised.push_back(normalise_key(header));

  std::vector<std::optional<std::size_t>> found(specs.size());
  for (std::size_t s = 0; s < specs.size(); ++s) {
    for (std::size_t c = 0; c < normalised.size(); ++c) {
      if (!matches(specs[s], normalised[c])) continue;
      if (found[s]) {
        throw SnapshotError(table.file, table.header_line, table.header[c],
                            "column appears twice (columns " + std::to_string(*found[s] + 1) + " and " +
                                std::to_string(c + 1) + "); remove one");
      }
      found[s] = c;
    }
  }
  for (std::size_t s = 0; s < specs.size(); ++s) {
    if (found[s] || !specs[s].required) continue;
    std::vector<std::string> expected;
    for (const auto& spec : specs) {
      if (spec.required) expected.emplace_back(spec.header);
    }
    throw SnapshotError(
        table.file, table.header_line, std::string(specs[s].header),
        "required column missing" + hint + "; expected: " + joined(expected) + "; found: " + joined(table.header));
  }
  return found;
}

}  // namespace casesim::snapshot
