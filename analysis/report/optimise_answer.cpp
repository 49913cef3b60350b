#include "analysis/report/optimise_answer.hpp"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "analysis/report/html_report.hpp"
#include "analysis/report/plain_language.hpp"

namespace casesim::analysis::report {

namespace {

// The plan's result on each target: "mean visits_overdue <= 190: 172 (met)".
std::string targets_sentence(const results::OptimisationRecord& r, std::size_t plan) {
  const std::size_t targets = r.targets.size();
  std::string text;
  for (std::size_t t = 0; t < targets; ++t) {
    const std::size_t at = plan * targets + t;
    const double estimate = r.target_estimate[at];
    const double half_width = (r.target_ci_high[at] - r.target_ci_low[at]) / 2.0;
    const std::string value =
        std::isnan(estimate) ? "n/a" : readable_number(estimate, std::isnan(half_width) ? 0.0 : half_width);
    text += fmt::format("{}{}: {} ({})", text.empty() ? "" : "; ", r.targets[t], value, r.target_verdict[at]);
  }
  return text;
}

std::string percent_text(double level) {
  return fmt::format("{:g}%", std::round(level * 10000.0) / 100.0);
}

std::string cost_sentence(const results::OptimisationRecord& r, std::size_t plan, const char* subject) {
  return fmt::format("{} {} over the {} ({} a year at the full rate of its options).", subject,
                     money_text(r.cost_over_period[plan], r.currency), r.period,
                     money_text(r.cost_per_year[plan], r.currency));
}

}  // namespace

std::string money_text(double amount, const std::string& currency) {
  const auto whole = static_cast<long long>(std::llround(std::fabs(amount)));
  const std::string plain = std::to_string(whole);
  std::string digits;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) digits.push_back(',');
    digits.push_back(plain[i]);
  }
  return fmt::format("{}{}{}", amount < 0 && whole != 0 ? "-" : "", currency, digits);
}

std::vector<std::string> optimise_answer(const results::OptimisationRecord& r) {
  std::vector<std::string> sentences;
  const std::size_t plans = r.cost_per_year.size();
  const std::string confidence = percent_text(r.confidence);
  if (r.chosen_plan >= 0) {
    const auto a = static_cast<std::size_t>(r.chosen_plan);
    sentences.push_back(fmt::format("Recommended plan: {}.", r.plan_words[a]));
    sentences.push_back(cost_sentence(r, a, "It costs"));
    sentences.push_back(
        fmt::format("Against the targets, after {} replications: {}.", r.replications[a], targets_sentence(r, a)));
    sentences.push_back(fmt::format("With {} confidence this is the cheapest of the {} plans that meets every target.",
                                    confidence, plans));
    return sentences;
  }
  if (r.end == "none_feasible")
    sentences.push_back(fmt::format(
        "No plan meets every target: with {} confidence each of the {} plans misses at least one.", confidence, plans));
  else
    sentences.push_back(
        fmt::format("No plan could be shown to be the cheapest that meets every target: plans were still undecided "
                    "when the search reached its replication budget."));
  if (r.nearest_plan < 0) return sentences;
  const auto n = static_cast<std::size_t>(r.nearest_plan);
  const bool shown = r.status[n] == "feasible";
  sentences.push_back(
      fmt::format("{}: {}.", shown ? "The cheapest plan shown to meet every target" : "The nearest", r.plan_words[n]));
  sentences.push_back(cost_sentence(r, n, "It would cost"));
  sentences.push_back(
      fmt::format("Against the targets, after {} replications: {}.", r.replications[n], targets_sentence(r, n)));
  return sentences;
}

std::string optimise_answer_html(const results::OptimisationRecord& r) {
  std::string html = "<section class=\"brief\" id=\"answer\">\n<h2>The answer</h2>\n";
  for (const std::string& sentence : optimise_answer(r)) html += "<p>" + html_escape(sentence) + "</p>\n";
  return html + "</section>\n";
}

}  // namespace casesim::analysis::report
