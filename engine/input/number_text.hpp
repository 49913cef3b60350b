#pragma once
// Numbers written as text, read one way everywhere: YAML 1.2's core schema,
// decimal only (no hex, octal or thousands separators), and never through the
// C locale, so "0,5" is not a number on any machine.
#include <optional>
#include <string_view>

namespace casesim::input {

// One or more of 0-9 and nothing else.
bool is_digits(std::string_view text);
// [-+]?[0-9]+
bool looks_whole(std::string_view text);
// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool looks_decimal(std::string_view text);
// YAML's .nan and [-+].inf, in the three spellings the core schema allows.
bool looks_non_finite(std::string_view text);

struct DecimalReading {
  enum class Status { number, not_a_number, not_finite };
  Status status = Status::not_a_number;
  double value = 0.0;
};

// `text` read as a YAML number: looks_decimal text is a number, except that a
// value too large for a double is not_finite (as .inf and .nan are) and one
// too small reads as 0.
DecimalReading read_decimal(std::string_view text);

// The value when read_decimal finds a number.
std::optional<double> decimal_number(std::string_view text);

}  // namespace casesim::input
