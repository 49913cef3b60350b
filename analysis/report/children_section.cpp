#include "analysis/report/children_section.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "analysis/children_at_risk.hpp"
#include "analysis/report/html_report.hpp"
#include "analysis/report/local_names.hpp"
#include "analysis/report/plain_language.hpp"

namespace casesim::analysis::report {

namespace {

std::string worker_cell(const ChildAtRisk& c, const LocalNames& names) {
  if (!c.worker_known) return "<span class=\"na\" title=\"the results file does not say\">not recorded</span>";
  return c.worker.empty() ? "<span class=\"na\">waiting for allocation</span>"
                          : fmt::format("<code class=\"pseudonym\">{}</code>", html_escape(names.shown(c.worker)));
}

std::string percent(const Proportion& p) {
  return p.trials == 0 ? "n/a" : fmt::format("{:.1f}%", 100 * p.estimate);
}

std::string ranked_table(const ChildrenRanking& ranking, const std::string& base_name, const LocalNames& names) {
  const std::vector<ChildAtRisk>& ranked = ranking.not_yet_overdue;
  const std::size_t shown = std::min(kChildrenShown, children_with_any_risk(ranked));
  if (shown == 0) return {};
  std::string out = fmt::format(
      "<table class=\"children-at-risk\" data-variant=\"{}\">\n<thead><tr><th>#</th><th class=\"text\">Child "
      "(pseudonym)</th><th class=\"text\">Stage</th><th class=\"text\">Allocated worker</th>",
      ranking.variant);
  out += ranking.base ? fmt::format("<th>Chance of a late visit</th><th>{}</th><th>Rise because of the change</th>",
                                    html_escape("Chance " + base_name))
                      : std::string("<th>Chance of a late visit (95% interval)</th><th>Replications</th>");
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < shown; ++i) {
    const ChildAtRisk& c = ranked[i];
    out += fmt::format(
        "<tr><td>{}</td><td class=\"text\"><code class=\"pseudonym\">{}</code></td><td class=\"text\">{}</td>"
        "<td class=\"text\">{}</td>",
        i + 1, html_escape(names.shown(c.pseudonym)), html_escape(c.stage), worker_cell(c, names));
    out += ranking.base ? fmt::format("<td title=\"{}\">{}</td><td>{}</td><td>{:+.1f} points</td>",
                                      html_escape(readable_percent(c.late)), percent(c.late), percent(*c.base_late),
                                      100 * c.rise())
                        : fmt::format("<td>{}</td><td>{} of {}</td>", html_escape(readable_percent(c.late)),
                                      c.late.events, c.late.trials);
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string ranked_note(const ChildrenRanking& ranking) {
  const std::vector<ChildAtRisk>& ranked = ranking.not_yet_overdue;
  const std::size_t any = children_with_any_risk(ranked);
  const std::size_t shown = std::min(kChildrenShown, any);
  if (any == 0)
    return fmt::format(
        "<p class=\"note\">None of the {} children not yet overdue had a visit late in any replication.</p>\n",
        ranked.size());
  std::string out = fmt::format(
      "<p class=\"note\">Of the {} children not yet overdue, {} had a late visit in at "
      "least one replication",
      ranked.size(), any);
  if (ranking.base)
    out += fmt::format(", and the change clearly puts {} at risk (the paired 95% CI of their rise is above 0)",
                       children_put_at_risk(ranked));
  if (any > shown) out += fmt::format("; the first {} are listed", shown);
  return out + ".</p>\n";
}

std::string overdue_table(const ChildrenRanking& ranking, const std::string& extract_date, const LocalNames& names) {
  if (ranking.already_overdue.empty()) return {};
  std::string out = fmt::format(
      "<h4>Already overdue on {}: {} children</h4>\n<p class=\"note\">A statutory visit was already past its date "
      "on the extract date, so it is late in every replication whatever changes: act on these today.</p>\n"
      "<table class=\"children-overdue\" data-variant=\"{}\">\n<thead><tr><th class=\"text\">Child (pseudonym)</th>"
      "<th class=\"text\">Stage</th><th class=\"text\">Allocated worker</th></tr></thead>\n<tbody>\n",
      html_escape(extract_date), ranking.already_overdue.size(), ranking.variant);
  for (const ChildAtRisk& c : ranking.already_overdue)
    out += fmt::format(
        "<tr><td class=\"text\"><code class=\"pseudonym\">{}</code></td><td class=\"text\">{}</td>"
        "<td class=\"text\">{}</td></tr>\n",
        html_escape(names.shown(c.pseudonym)), html_escape(c.stage), worker_cell(c, names));
  return out + "</tbody>\n</table>\n";
}

}  // namespace

std::string children_section(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  if (data.layout.children.empty()) return {};
  const std::string extract_date = readable_date(data.metadata.snapshot_extract_date);
  std::string out = fmt::format(
      "<section id=\"children-at-risk\">\n<h2>Children most likely to have a statutory visit late</h2>\n"
      "<p class=\"note\">Each child open on {}, by pseudonym (never by name or case number: casesim report "
      "--names writes a copy for the manager's own machine that shows whose is whose), with their stage and allocated "
      "worker "
      "that day. The chance is the share of simulated futures (replications) in which at least one of the "
      "child's statutory visits was made after its date, or was still owed past its date at the end of the run; "
      "hover over it for its 95% Wilson interval. Children whose visit was already overdue that day are listed "
      "apart, below.</p>\n",
      html_escape(extract_date));
  const std::size_t variants = data.layout.variants.size();
  const std::size_t first = answer_variant(data);
  std::vector<std::size_t> order{first};
  for (std::size_t v = 0; v < variants; ++v)
    if (v != first) order.push_back(v);
  for (const std::size_t v : order) {
    const ChildrenRanking ranking = rank_children(data, v);
    const std::string base_name = ranking.base ? data.layout.variants[*ranking.base] : std::string();
    const std::string body = ranked_note(ranking) + ranked_table(ranking, base_name, input.names) +
                             overdue_table(ranking, extract_date, input.names);
    const std::string label = variant_label(input, v);
    const std::string heading = ranking.base ? fmt::format("{}, against {}", label, base_name) : label;
    if (variants == 1)
      out += body;
    else if (v == first)
      out += fmt::format("<h3>{}</h3>\n", html_escape(heading)) + body;
    else
      out += fmt::format("<details><summary>{}</summary>\n{}</details>\n", html_escape(heading), body);
  }
  return out + "</section>\n";
}

}  // namespace casesim::analysis::report
