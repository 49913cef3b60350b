#include "engine/input/number_text.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <system_error>

namespace casesim::input {

namespace {

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  return text;
}

// std::from_chars for a double, where the standard library has it (libstdc++).
// The browser build's libc++ 14 has none; there strtod gives the same
// correctly rounded value, and cannot meet another locale's decimal comma:
// WebAssembly's C library (musl) has only the "C" locale. Either way the text
// has already passed looks_decimal.
std::from_chars_result read_double(std::string_view text, double& value) {
#if defined(__cpp_lib_to_chars)
  return std::from_chars(text.data(), text.data() + text.size(), value);
#else
  const std::string terminated(text);
  char* end = nullptr;
  errno = 0;
  const double read = std::strtod(terminated.c_str(), &end);
  const char* stop = text.data() + (end - terminated.c_str());
  if (errno == ERANGE) return {stop, std::errc::result_out_of_range};  // as from_chars, value left alone
  if (end == terminated.c_str()) return {text.data(), std::errc::invalid_argument};
  value = read;
  return {stop, std::errc()};
#endif
}

}  // namespace

bool is_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool looks_whole(std::string_view text) {
  return is_digits(without_sign(text));
}

bool looks_decimal(std::string_view text) {
  text = without_sign(text);
  const auto exponent = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, exponent);
  if (exponent != std::string_view::npos && !looks_whole(text.substr(exponent + 1))) return false;
  const auto point = mantissa.find('.');
  if (point == std::string_view::npos) return is_digits(mantissa);
  const std::string_view whole = mantissa.substr(0, point);
  const std::string_view fraction = mantissa.substr(point + 1);
  if (whole.empty()) return is_digits(fraction);
  return is_digits(whole) && (fraction.empty() || is_digits(fraction));
}

bool looks_non_finite(std::string_view text) {
  for (std::string_view word : {".nan", ".NaN", ".NAN"}) {
    if (text == word) return true;
  }
  const std::string_view unsigned_text = without_sign(text);
  for (std::string_view word : {".inf", ".Inf", ".INF"}) {
    if (unsigned_text == word) return true;
  }
  return false;
}

DecimalReading read_decimal(std::string_view text) {
  using Status = DecimalReading::Status;
  if (looks_non_finite(text)) return {Status::not_finite, 0.0};
  if (!looks_decimal(text)) return {Status::not_a_number, 0.0};
  // std::from_chars takes a leading '-' but not a '+'.
  if (text[0] == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = read_double(text, value);
  if (error == std::errc::result_out_of_range) {
    const auto exponent = text.find_first_of("eE");
    const bool tiny = exponent != std::string_view::npos && exponent + 1 < text.size() && text[exponent + 1] == '-';
    return tiny ? DecimalReading{Status::number, 0.0} : DecimalReading{Status::not_finite, 0.0};
  }
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return {Status::not_a_number, 0.0};
  }
  return {Status::number, value};
}

std::optional<double> decimal_number(std::string_view text) {
  const DecimalReading reading = read_decimal(text);
  if (reading.status != DecimalReading::Status::number) return std::nullopt;
  return reading.value;
}

}  // namespace casesim::input
