#include "engine/scenario/bank_holidays.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace casesim::scenario {

namespace detail {
extern const std::string_view kEnglandAndWalesBankHolidays;
}  // namespace detail

namespace {

constexpr std::string_view kEnglandAndWales = "england-and-wales";
constexpr std::string_view kCoversKey = "covers:";

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

[[noreturn]] void fail(int line_number, const std::string& message) {
  throw std::invalid_argument("bank holiday list, line " + std::to_string(line_number) + ": " + message);
}

// A four-digit year; the whole of `text` must be used.
std::optional<int> parse_year(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return year;
}

}  // namespace

std::vector<std::string> shipped_holiday_list_names() {
  return {std::string(kEnglandAndWales)};
}

std::optional<HolidayList> shipped_holiday_list(std::string_view name) {
  if (name == kEnglandAndWales) return parse_holiday_list(detail::kEnglandAndWalesBankHolidays);
  return std::nullopt;
}

HolidayList parse_holiday_list(std::string_view text) {
  HolidayList list;
  std::optional<int> covers_line;
  std::vector<int> date_lines;  // beside list.dates, to name the line of a duplicate

  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(start, end - start);
    start = end + 1;
    ++line_number;

    const auto hash = raw.find('#');
    const std::string_view content = trim(raw.substr(0, hash));
    if (content.empty()) {
      if (hash == std::string_view::npos) continue;
      const std::string_view comment = trim(raw.substr(hash + 1));
      if (comment.substr(0, kCoversKey.size()) != kCoversKey) continue;

      if (covers_line)
        fail(line_number, "second 'covers:' line (the first is line " + std::to_string(*covers_line) + ")");
      const std::string_view range = trim(comment.substr(kCoversKey.size()));
      const auto dash = range.find('-');
      const auto first_year = parse_year(trim(range.substr(0, dash)));
      const auto last_year = dash == std::string_view::npos ? std::nullopt : parse_year(trim(range.substr(dash + 1)));
      if (!first_year || !last_year) {
        fail(line_number,
             "expected '# covers: FIRST-LAST' with four-digit years, got '" + std::string(trim(raw)) + "'");
      }
      if (*first_year > *last_year) {
        fail(line_number, "covered years run backwards: " + std::string(range));
      }
      list.first_year = *first_year;
      list.last_year = *last_year;
      covers_line = line_number;
      continue;
    }

    const auto date = kernel::parse_iso_date(content);
    if (!date) fail(line_number, fmt::format("'{}' is not a real date in YYYY-MM-DD form", content));
    list.dates.push_back(*date);
    date_lines.push_back(line_number);
  }

  if (!covers_line) {
    throw std::invalid_argument("bank holiday list: no '# covers: FIRST-LAST' line naming the complete years");
  }

  // Sort by date, carrying line numbers along, so a duplicate names both lines.
  std::vector<std::size_t> order(list.dates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return list.dates[a] < list.dates[b]; });
  std::vector<kernel::Date> sorted;
  sorted.reserve(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i > 0 && list.dates[order[i]] == list.dates[order[i - 1]]) {
      fail(date_lines[order[i]], kernel::format_iso_date(list.dates[order[i]]) + " is already listed on line " +
                                     std::to_string(date_lines[order[i - 1]]));
    }
    sorted.push_back(list.dates[order[i]]);
  }
  list.dates = std::move(sorted);
  return list;
}

}  // namespace casesim::scenario
