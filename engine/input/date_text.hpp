#pragma once
// Dates as spreadsheets and councils' exports write them: day/month/year
// (Annex A's form), or ISO year-month-day. Anything that could be read two ways
// is refused. (A YAML date is stricter: input::read_date takes YYYY-MM-DD only.)
#include <string>
#include <string_view>
#include <variant>

#include "engine/kernel/date.hpp"

namespace casesim::input {

// Accepted: d/m/yyyy and dd/mm/yyyy (separators '/', '-' or '.', the same
// twice), yyyy-mm-dd, each optionally followed by a time of day (" 00:00",
// " 00:00:00", "T00:00:00"), which Excel adds and which is dropped. Returns the
// date, or the problem as a message ("not a real date: \"31/02/2026\"").
// Blank text is the caller's business (it means "none" in most columns).
std::variant<kernel::Date, std::string> parse_spreadsheet_date(std::string_view text);

}  // namespace casesim::input
