#include "analysis/report/what_if_section.hpp"

#include <fmt/format.h>

#include "analysis/report/html_report.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/report/what_if_answer.hpp"
#include "analysis/results_summary.hpp"
#include "analysis/what_if_effect.hpp"

namespace casesim::analysis::report {

namespace {

constexpr std::size_t kWorstWeeksShown = 5;

}  // namespace

std::string what_if_answer_section(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  if (!data.metadata.what_if) return {};
  WhatIfAnswer answer = what_if_answer(data);
  // The workers the changes name, by name as well in the local-only report.
  for (std::string& sentence : answer.sentences) sentence = input.names.in_text(sentence);
  // Each sentence carries the interval behind it as a hover and a footnote
  // mark; the footnotes below hold them for print and for phones, which have no hover.
  std::string out = "<section class=\"brief answer\" id=\"answer\">\n<h2>Because of the change</h2>\n";
  for (std::size_t i = 0; i < answer.sentences.size(); ++i) {
    const std::size_t note = i < answer.footnote_of.size() ? answer.footnote_of[i] : 0;
    if (note == 0) {
      out += "<p class=\"answer-sentence\">" + html_escape(answer.sentences[i]) + "</p>\n";
    } else {
      out += fmt::format(
          "<p class=\"answer-sentence\" title=\"{}\">{}<sup class=\"footnote-mark\"><a href=\"#answer-note-{}\">{}</a>"
          "</sup></p>\n",
          html_escape(answer.footnotes[note - 1]), html_escape(answer.sentences[i]), note, note);
    }
  }
  out += "<ol class=\"note footnotes\" id=\"answer-footnotes\">\n";
  for (std::size_t i = 0; i < answer.footnotes.size(); ++i)
    out += fmt::format("<li id=\"answer-note-{}\">{}</li>\n", i + 1, html_escape(answer.footnotes[i]));
  out += fmt::format(
      "</ol>\n<p class=\"note\">With and without the changes: the same team from the same day, run {} times each "
      "way over the same simulated futures (common random numbers), so the difference is the change alone.</p>\n"
      "</section>\n",
      data.layout.replications);
  return out;
}

std::string worst_weeks_section(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  if (!data.metadata.what_if) return {};
  const std::size_t s = find_series(data, model::Series::overdue_visits);
  if (s == kNotInFile) return {};
  const std::vector<WeekEffect> worst = worst_weeks(weekly_change_effect(data, s), kWorstWeeksShown);
  std::string out =
      "<section id=\"worst-weeks\">\n<h2>The worst weeks</h2>\n"
      "<p class=\"note\">The weeks in which the change adds most to the children with a statutory visit overdue at "
      "the end of the week: the mean over the replications with and without the changes, and the paired "
      "difference with its 95% interval.</p>\n";
  if (worst.empty())
    return out + "<p>In no week are more statutory visits overdue than without the changes.</p>\n</section>\n";
  out +=
      "<table class=\"worst-weeks\">\n<thead><tr><th class=\"text\">Week starting</th><th>With the changes</th>"
      "<th>Without</th><th>Difference (95% CI)</th></tr></thead>\n<tbody>\n";
  for (const WeekEffect& w : worst)
    out += fmt::format(
        "<tr><td class=\"text\"><time datetime=\"{}\">{}</time></td><td>{:.1f}</td><td>{:.1f}</td>"
        "<td>{:+.1f} ({:+.1f} to {:+.1f})</td></tr>\n",
        html_escape(data.layout.week_start_dates[w.week]),
        html_escape(readable_date(data.layout.week_start_dates[w.week])), w.with, w.without, w.difference.mean,
        w.difference.ci_low, w.difference.ci_high);
  return out + "</tbody>\n</table>\n</section>\n";
}

}  // namespace casesim::analysis::report
