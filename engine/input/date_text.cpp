#include "engine/input/date_text.hpp"

#include <optional>
#include <vector>

#include "engine/input/number_text.hpp"

namespace casesim::input {

namespace {

int to_int(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

// "hh:mm" or "hh:mm:ss", hours 0-23, minutes and seconds 0-59.
bool is_time_of_day(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == ':') {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.size() < 2 || parts.size() > 3) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].size() != 2 || !is_digits(parts[i])) return false;
    if (to_int(parts[i]) > (i == 0 ? 23 : 59)) return false;
  }
  return true;
}

// The date part split at its separator, when it has exactly two of one kind.
std::optional<std::vector<std::string_view>> split_date(std::string_view text) {
  for (const char separator : {'/', '-', '.'}) {
    const auto first = text.find(separator);
    if (first == std::string_view::npos) continue;
    const auto second = text.find(separator, first + 1);
    if (second == std::string_view::npos || text.find(separator, second + 1) != std::string_view::npos) {
      return std::nullopt;
    }
    return std::vector<std::string_view>{text.substr(0, first), text.substr(first + 1, second - first - 1),
                                         text.substr(second + 1)};
  }
  return std::nullopt;
}

}  // namespace

std::variant<kernel::Date, std::string> parse_spreadsheet_date(std::string_view text) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  const std::string unreadable = "unreadable date " + quoted + "; expected dd/mm/yyyy or yyyy-mm-dd";

  std::string_view date_part = text;
  const auto time_at = text.find_first_of(" T");
  if (time_at != std::string_view::npos) {
    std::string_view time = text.substr(time_at + 1);
    while (!time.empty() && time.front() == ' ') time.remove_prefix(1);
    if (!is_time_of_day(time)) return unreadable;
    date_part = text.substr(0, time_at);
  }
  const auto parts = split_date(date_part);
  if (!parts || !is_digits((*parts)[0]) || !is_digits((*parts)[1]) || !is_digits((*parts)[2])) {
    return unreadable;
  }
  const auto& p = *parts;
  int year = 0;
  int month = 0;
  int day = 0;
  if (p[0].size() == 4 && date_part[4] == '-' && p[1].size() == 2 && p[2].size() == 2) {
    year = to_int(p[0]);
    month = to_int(p[1]);
    day = to_int(p[2]);
  } else if (p[0].size() <= 2 && p[1].size() <= 2 && p[2].size() == 4) {
    day = to_int(p[0]);
    month = to_int(p[1]);
    year = to_int(p[2]);
  } else if (p[0].size() <= 2 && p[1].size() <= 2 && p[2].size() == 2) {
    return "two-digit year is ambiguous in " + quoted + "; write the year in full (dd/mm/yyyy)";
  } else {
    return unreadable;
  }
  const kernel::Date date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                          std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return "not a real date: " + quoted;
  if (year < 1900) return "implausible year in " + quoted;
  return date;
}

}  // namespace casesim::input
