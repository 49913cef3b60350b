#pragma once
// Cells of the CSV tables casesim writes (summary --csv, export): text quoted
// only when it must be, numbers exact.
#include <string>
#include <string_view>

namespace casesim::analysis {

// The text as one CSV field: quoted, with quotes doubled, only when it holds
// a comma, a quote or a line break.
std::string csv_text(std::string_view text);

// The shortest text that reads back as the same double (fmt's "{}"), so a
// table read back compares equal to the file; empty for NaN (not applicable).
std::string csv_number(double value);

}  // namespace casesim::analysis
