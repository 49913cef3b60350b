#include "analysis/report/what_if_answer.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "analysis/children_at_risk.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/results_summary.hpp"
#include "analysis/what_if_effect.hpp"

namespace casesim::analysis::report {

namespace {

constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};

std::optional<std::chrono::year_month_day> parse_iso(const std::string& iso_date) {
  int year = 0, month = 0, day = 0;
  char tail = 0;
  if (iso_date.size() != 10 || std::sscanf(iso_date.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string iso(std::chrono::year_month_day date) {
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

// A count as a sentence gives it: whole above 10, one decimal below.
std::string about(double count) {
  const double size = std::abs(count);
  return size >= 10 ? fmt::format("{:.0f}", size) : fmt::format("{:.1f}", size);
}

// "on W-1a2b's caseload", "on W-1a2b's and W-3c4d's caseloads", with those
// waiting for allocation named as such.
std::string caseloads(const std::vector<std::string>& workers) {
  std::vector<std::string> named;
  bool waiting = false;
  for (const std::string& w : workers) {
    if (w.empty())
      waiting = true;
    else
      named.push_back(w + "'s");
  }
  std::string out;
  if (!named.empty()) {
    out = "on " + named.front();
    for (std::size_t i = 1; i < named.size(); ++i) out += (i + 1 == named.size() ? " and " : ", ") + named[i];
    out += named.size() == 1 ? " caseload" : " caseloads";
  }
  if (waiting) out += (out.empty() ? "" : ", and some ") + std::string("waiting for allocation");
  return out;
}

// The effect on late statutory visits, in one sentence, and its interval.
void visits_sentence(const results::ResultsData& data, WhatIfAnswer& answer) {
  const std::size_t m = find_metric(data, model::Metric::visits_overdue);
  if (m == kNotInFile) return;
  const ChangeEffect e = change_effect(data, m);
  const std::string changes = dated_changes_in_words(data.metadata);
  const std::string when = roughly_when(last_day_of_run(data.metadata));
  const Summary& d = e.difference;
  const bool clear = d.n >= 2 && (d.ci_low > 0 || d.ci_high < 0);
  if (clear) {
    const std::string direction = d.mean > 0 ? "more" : "fewer";
    std::string share;
    if (e.without.mean > 0) share = fmt::format(", {:.0f}% {}", 100 * std::abs(d.mean) / e.without.mean, direction);
    answer.sentences.push_back(fmt::format("If {}, about {} {} statutory visits will be late by {} ({} against {}{}).",
                                           changes, about(d.mean), direction, when, about(e.with.mean),
                                           about(e.without.mean), share));
  } else {
    answer.sentences.push_back(
        fmt::format("If {}, the change makes no clear difference to late statutory visits by {} (about {} with it, {} "
                    "without).",
                    changes, when, about(e.with.mean), about(e.without.mean)));
  }
  answer.footnotes.push_back(fmt::format(
      "Statutory visits made late or still owed past their date, from {} to {}: {} with the changes, {} without; "
      "the difference {:+.1f} (95% CI {:+.1f} to {:+.1f}), paired over {} replications in which both saw the same "
      "referrals, sickness and resignations.",
      readable_date(data.metadata.start_date), readable_date(last_day_of_run(data.metadata)), readable_estimate(e.with),
      readable_estimate(e.without), d.mean, d.ci_low, d.ci_high, d.n));
}

// The weeks in which the change adds most overdue visits.
void worst_weeks_sentence(const results::ResultsData& data, WhatIfAnswer& answer) {
  const std::size_t s = find_series(data, model::Series::overdue_visits);
  if (s == kNotInFile) return;
  const std::vector<WeekEffect> weeks = weekly_change_effect(data, s);
  const std::vector<WeekEffect> worst = worst_weeks(weeks, 3);
  if (worst.empty()) {
    answer.sentences.push_back("In no week are more statutory visits overdue than without the changes.");
    return;
  }
  const WeekEffect* top = &worst.front();
  for (const WeekEffect& w : worst)
    if (w.difference.mean > top->difference.mean) top = &w;
  const auto& dates = data.layout.week_start_dates;
  const auto month_of = [&](const WeekEffect& w) { return dates[w.week].substr(0, 7); };
  bool one_month = true;
  for (const WeekEffect& w : worst) one_month = one_month && month_of(w) == month_of(worst.front());
  std::string when;
  if (one_month && worst.size() > 1) {
    const auto date = parse_iso(dates[worst.front().week]);
    when = date ? fmt::format("The worst weeks are in {} {}", kMonths[static_cast<unsigned>(date->month()) - 1],
                              static_cast<int>(date->year()))
                : "The worst weeks are in " + dates[worst.front().week];
  } else {
    std::string listed;
    for (std::size_t i = 0; i < worst.size(); ++i)
      listed += (i == 0 ? "" : i + 1 == worst.size() ? " and " : ", ") + readable_date(dates[worst[i].week]);
    when = worst.size() == 1 ? "The worst week is the one starting " + listed
                             : "The worst weeks are those starting " + listed;
  }
  answer.sentences.push_back(fmt::format(
      "{}: in the week starting {}, about {} more children have a statutory visit overdue than without the "
      "changes ({} against {}).",
      when, readable_date(dates[top->week]), about(top->difference.mean), about(top->with), about(top->without)));
  answer.footnotes.push_back(fmt::format(
      "Week starting {}: children with a statutory visit overdue at the end of the week, the difference {:+.1f} "
      "(95% CI {:+.1f} to {:+.1f}) over {} paired replications.",
      readable_date(dates[top->week]), top->difference.mean, top->difference.ci_low, top->difference.ci_high,
      top->difference.n));
}

// Whose caseloads hold the children the change puts at risk.
void children_sentences(const results::ResultsData& data, WhatIfAnswer& answer) {
  if (data.layout.children.empty()) return;
  const ChildrenRanking ranking = rank_children(data, results::kWithTheChanges);
  const std::size_t put = children_put_at_risk(ranking.not_yet_overdue);
  if (put == 0) {
    answer.sentences.push_back(
        fmt::format("None of the {} children not already overdue is clearly more likely to have a statutory visit late "
                    "because of the change.",
                    ranking.not_yet_overdue.size()));
  } else {
    // The workers of the most affected children (at most ten of those the
    // change clearly puts at risk, in the ranking's order), the most frequent first.
    std::vector<std::pair<std::string, std::size_t>> counts;
    for (std::size_t i = 0, taken = 0; i < ranking.not_yet_overdue.size() && taken < 10; ++i) {
      if (!ranking.not_yet_overdue[i].clearly_put_at_risk()) continue;
      ++taken;
      if (!ranking.not_yet_overdue[i].worker_known) break;
      const std::string& worker = ranking.not_yet_overdue[i].worker;
      auto at = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == worker; });
      if (at == counts.end())
        counts.emplace_back(worker, 1);
      else
        ++at->second;
    }
    std::stable_sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> workers;
    for (std::size_t i = 0; i < std::min<std::size_t>(2, counts.size()); ++i) workers.push_back(counts[i].first);
    const std::string whose = workers.empty() ? std::string() : "; the most affected are " + caseloads(workers);
    answer.sentences.push_back(fmt::format(
        "{} of the {} children not already overdue are clearly more likely to have a statutory visit late because "
        "of the change{}.",
        put, ranking.not_yet_overdue.size(), whose));
  }
  if (!ranking.already_overdue.empty())
    answer.sentences.push_back(fmt::format(
        "{} more children already had a statutory visit overdue on {}, whatever changes: they are listed apart.",
        ranking.already_overdue.size(), readable_date(data.metadata.snapshot_extract_date)));
  answer.footnotes.push_back(
      "A child's chance of a late visit is the share of replications in which a statutory visit of theirs was made "
      "late or was still owed past its date at the end. \"Clearly more likely because of the change\": the rise in "
      "that chance, with the changes against without over the same replications (same referrals, sickness and "
      "resignations) run both ways, has a paired 95% CI above 0.");
}

}  // namespace

std::string dated_changes_in_words(const results::Metadata& m) {
  std::string out;
  const std::size_t n = std::min(m.timeline_dates.size(), m.timeline_events.size());
  for (std::size_t i = 0; i < n; ++i)
    out += (i == 0       ? ""
            : i + 1 == n ? " and "
                         : ", ") +
           fmt::format("{} on {}", m.timeline_events[i], readable_date(m.timeline_dates[i]));
  return out.empty() ? "the dated changes happen" : out;
}

std::string roughly_when(const std::string& iso_date) {
  const auto date = parse_iso(iso_date);
  if (!date) return iso_date;
  const unsigned day = static_cast<unsigned>(date->day());
  const std::string_view part = day <= 10 ? "early " : day <= 20 ? "mid-" : "late ";
  return fmt::format("{}{} {}", part, kMonths[static_cast<unsigned>(date->month()) - 1],
                     static_cast<int>(date->year()));
}

std::string last_day_of_run(const results::Metadata& m) {
  const auto start = parse_iso(m.start_date);
  if (!start) return m.start_date;
  return iso(std::chrono::year_month_day(std::chrono::sys_days(*start) + std::chrono::days(7 * m.horizon_weeks - 1)));
}

WhatIfAnswer what_if_answer(const results::ResultsData& data) {
  if (!data.metadata.what_if) throw std::invalid_argument("what_if_answer: not a paired what-if run");
  WhatIfAnswer answer;
  // Each part's sentences point to the footnote it added, if any.
  for (const auto part : {visits_sentence, worst_weeks_sentence, children_sentences}) {
    const std::size_t notes = answer.footnotes.size();
    part(data, answer);
    answer.footnote_of.resize(answer.sentences.size(), answer.footnotes.size() > notes ? answer.footnotes.size() : 0);
  }
  return answer;
}

}  // namespace casesim::analysis::report
