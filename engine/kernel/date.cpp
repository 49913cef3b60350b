#include "engine/kernel/date.hpp"

#include <array>

namespace casesim::kernel {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Reads `count` digits at `text[pos]`; the caller has checked they are digits.
int read_digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

// Appends `value` zero-padded to at least `width` digits.
void append_padded(std::string& out, int value, int width) {
  if (value < 0) {
    out.push_back('-');
    value = -value;
  }
  std::array<char, 12> digits{};
  int count = 0;
  do {
    digits[static_cast<std::size_t>(count++)] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = count; i < width; ++i) out.push_back('0');
  while (count > 0) out.push_back(digits[static_cast<std::size_t>(--count)]);
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  // Fixed width on purpose: "2025-1-1" is more likely a typo than intent, and a
  // list of dates should read the same way everywhere.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  const Date date{std::chrono::year(read_digits(text, 0, 4)),
                  std::chrono::month(static_cast<unsigned>(read_digits(text, 5, 2))),
                  std::chrono::day(static_cast<unsigned>(read_digits(text, 8, 2)))};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string format_iso_date(Date date) {
  std::string out;
  out.reserve(10);
  append_padded(out, static_cast<int>(date.year()), 4);
  out.push_back('-');
  append_padded(out, static_cast<int>(static_cast<unsigned>(date.month())), 2);
  out.push_back('-');
  append_padded(out, static_cast<int>(static_cast<unsigned>(date.day())), 2);
  return out;
}

}  // namespace casesim::kernel
