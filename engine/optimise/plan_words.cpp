#include "engine/optimise/plan_words.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "engine/input/number_text.hpp"

namespace casesim::optimise {

namespace {

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};

std::string month_year(kernel::Date date) {
  return fmt::format("{} {}", kMonths[static_cast<unsigned>(date.month()) - 1], static_cast<int>(date.year()));
}

// "one" to "ten", then digits.
std::string count_words(long long n) {
  constexpr std::array<const char*, 11> kWords = {"no",  "one",   "two",   "three", "four", "five",
                                                  "six", "seven", "eight", "nine",  "ten"};
  return n >= 0 && n <= 10 ? kWords[static_cast<std::size_t>(n)] : std::to_string(n);
}

std::string workers(long long n, const char* kind) {
  return fmt::format("{} {} worker{}", count_words(n), kind, n == 1 ? "" : "s");
}

double mean_weeks(const scenario::DurationDistribution& d) {
  if (d.kind != scenario::DurationDistribution::Kind::bands) return d.mean;
  double mean = 0.0;
  for (const scenario::DurationBand& band : d.bands) mean += band.share * (band.from + band.to) / 2.0;
  return mean;
}

kernel::Date weeks_after(kernel::Date date, double weeks) {
  return kernel::Date(std::chrono::sys_days(date) + std::chrono::days(std::lround(7.0 * weeks)));
}

// One option in words; empty when it changes nothing (0 workers, `no`).
std::string option_in_words(const Decision& d, const DecisionValue& value, const Plan& plan, const Period& period) {
  if (d.is_retention()) {
    if (!value.retain_until) return "";
    return fmt::format("keep {} leaving worker{} until {}", count_words(d.retain_leavers),
                       d.retain_leavers == 1 ? "" : "s", long_date(*value.retain_until));
  }
  const bool permanent = d.field == "team.additional_permanent_workers";
  if (!permanent && d.field != "team.additional_agency_workers") return fmt::format("set {} to {}", d.name, value.text);
  const auto n = input::decimal_number(value.text);
  if (!n || *n <= 0) return "";
  const auto count = static_cast<long long>(*n);
  const char* kind = permanent ? "permanent" : "agency";
  switch (d.start.kind) {
    case Start::Kind::first_day:
      return fmt::format("{} {} from the first day", permanent ? "add" : "bring in", workers(count, kind));
    case Start::Kind::after_weeks:
      if (d.start.weeks == 0) return fmt::format("{} {} now", permanent ? "add" : "bring in", workers(count, kind));
      return fmt::format("{} {} starting {} (after {} weeks)", permanent ? "add" : "bring in", workers(count, kind),
                         long_date(weeks_after(period.first_day, d.start.weeks)), d.start.weeks);
    case Start::Kind::recruitment: {
      const kernel::Date starts =
          weeks_after(period.first_day, mean_weeks(plan.scenario.workforce.turnover.recruitment_lag_weeks));
      return fmt::format(
          "recruit {} now ({} about {}, after the usual recruitment lag{})", workers(count, kind),
          count == 1 ? "starts" : "they start", month_year(starts),
          std::chrono::sys_days(starts) >= std::chrono::sys_days(period.end) ? ", after this period" : "");
    }
  }
  return "";
}

}  // namespace

std::string long_date(kernel::Date date) {
  return fmt::format("{} {} {}", static_cast<unsigned>(date.day()), kMonths[static_cast<unsigned>(date.month()) - 1],
                     static_cast<int>(date.year()));
}

std::string period_in_words(const Period& period) {
  const kernel::Date last = kernel::Date(std::chrono::sys_days(period.end) - std::chrono::days(1));
  const std::string from = period.first_day.year() == last.year()
                               ? fmt::format("{} {}", static_cast<unsigned>(period.first_day.day()),
                                             kMonths[static_cast<unsigned>(period.first_day.month()) - 1])
                               : long_date(period.first_day);
  return fmt::format("{:g} weeks, {} to {}", period.weeks, from, long_date(last));
}

std::string plan_in_words(const Optimisation& o, const Plan& plan) {
  std::vector<std::string> parts;
  for (std::size_t d = 0; d < o.decisions.size(); ++d) {
    std::string words = option_in_words(o.decisions[d], o.decisions[d].values[plan.choice[d]], plan, o.period);
    if (!words.empty()) parts.push_back(std::move(words));
  }
  if (parts.empty()) return "Change nothing";
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i)
    text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

}  // namespace casesim::optimise
