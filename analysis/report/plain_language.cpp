#include "analysis/report/plain_language.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "analysis/children_at_risk.hpp"
#include "analysis/results_summary.hpp"
#include "analysis/warm_up.hpp"

namespace casesim::analysis::report {

namespace {

constexpr std::string_view kDash = "\u2013";

std::string fill(std::string_view phrase, const std::string& value) {
  std::string out(phrase);
  const auto at = out.find("{v}");
  if (at != std::string::npos) out.replace(at, 3, value);
  return out;
}

// A headline measure across replications, its interval shown where the
// measure can go (with_shown_interval).
Summary metric_summary(const results::ResultsData& data, std::size_t metric, std::size_t variant) {
  return with_shown_interval(summarise(metric_values(data, metric, variant)), data.layout.metrics[metric].unit);
}

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

int decimals_for(double half_width) {
  if (!(half_width > 0) || !std::isfinite(half_width) || half_width >= 1) return 0;
  return std::min(3, static_cast<int>(-std::floor(std::log10(half_width))));
}

std::string interval_only(double low, double high, int decimals) {
  return fmt::format("{:.{}f}{}{:.{}f}", low, decimals, kDash, high, decimals);
}

std::string difference_text(const PairedDifference& d) {
  const int decimals = decimals_for((d.ci_high - d.ci_low) / 2);
  return fmt::format("paired difference {:+.{}f}, 95% CI {:+.{}f} to {:+.{}f}", d.mean, decimals, d.ci_low, decimals,
                     d.ci_high, decimals);
}

const PairedDifference* find_difference(const ReportInput& input, model::Metric metric, std::size_t variant) {
  const std::string_view name = model::definition(metric).name;
  for (const PairedDifference& d : input.differences)
    if (d.metric == name && d.variant == variant && d.base == 0) return &d;
  return nullptr;
}

// A headline in words; one with nothing to count in some replications says
// over how many it is, and in none, that it does not apply (never 0).
std::string headline_phrase(const HeadlineMetric& h, const Summary& s, std::size_t replications) {
  if (s.n == 0) return fmt::format("{} does not apply (nothing to count in any replication)", h.label);
  std::string phrase = fill(h.phrase, readable_estimate(s));
  if (s.n < replications) phrase += fmt::format(" (in the {} of {} replications where it applies)", s.n, replications);
  return phrase;
}

std::string measured_period(const results::Metadata& m) {
  const int measured = m.horizon_weeks - m.warm_up_weeks;
  if (!m.snapshot_extract_date.empty())
    return fmt::format("{} weeks each from the team as it was on {}", measured, readable_date(m.snapshot_extract_date));
  if (m.warm_up_weeks > 0)
    return fmt::format("{} weeks each, after a {}-week warm-up that is not counted", measured, m.warm_up_weeks);
  return fmt::format("{} weeks each", measured);
}

std::string warm_up_sentence(const results::ResultsData& data) {
  // A run from a snapshot starts from a real team, not an empty office: it has no warm-up by design.
  if (!data.metadata.snapshot_extract_date.empty()) return {};
  std::size_t series = find_series(data, model::Series::caseload);
  if (series == kNotInFile) {
    if (data.layout.series.empty() || data.layout.week_start_dates.empty()) return {};
    series = 0;
  }
  const WeeklyBand band = weekly_band(data, series, 0);
  if (band.replications == 0) return {};
  const WarmUpChoice choice = mser5_warm_up(band.mean);
  if (choice.batches < 2) return {};
  const std::string& name = data.layout.series[series].name;
  const int used = data.metadata.warm_up_weeks;
  std::string s = fmt::format(
      "The average weekly {} settles after about {} weeks by the MSER-5 rule; this run left out the first {} weeks.",
      name, choice.warm_up_weeks, used);
  if (static_cast<int>(choice.warm_up_weeks) > used)
    s += " The figures may still carry some of the start-up period: consider a longer warm-up.";
  return s;
}

// The answer variant's children from a snapshot, in one sentence (the
// ranking of children_at_risk.hpp: the already overdue apart).
std::string children_sentence(const results::ResultsData& data, const LocalNames& names) {
  if (data.layout.children.empty()) return {};
  const ChildrenRanking ranking = rank_children(data, answer_variant(data));
  const std::vector<ChildAtRisk>& ranked = ranking.not_yet_overdue;
  const std::string extract_date = readable_date(data.metadata.snapshot_extract_date);
  const std::string overdue = fmt::format("{} of the {} children open on {} had a statutory visit already overdue",
                                          ranking.already_overdue.size(), ranking.children(), extract_date);
  if (ranked.empty() || ranked.front().late.trials == 0) return overdue + ".";
  std::size_t at_least_half = 0;
  for (const ChildAtRisk& c : ranked) at_least_half += 2 * c.late.events >= c.late.trials && c.late.events > 0;
  const std::size_t any = children_with_any_risk(ranked);
  if (any == 0) return overdue + fmt::format("; none of the other {} had one late in any replication.", ranked.size());
  const ChildAtRisk& top = ranked.front();
  return overdue + fmt::format(
                       ". Of the other {}, {} had a statutory visit late in at least half of the replications and {} "
                       "in at least one; the first on the list below, {} ({}), in {}.",
                       ranked.size(), at_least_half, any, names.shown(top.pseudonym), top.stage,
                       readable_percent(top.late));
}

}  // namespace

std::string readable_date(const std::string& iso_date) {
  static constexpr std::string_view kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                                 "July",    "August",   "September", "October", "November", "December"};
  int year = 0, month = 0, day = 0;
  char tail = 0;
  if (iso_date.size() != 10 || std::sscanf(iso_date.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31)
    return iso_date;
  return fmt::format("{} {} {}", day, kMonths[month - 1], year);
}

const std::vector<HeadlineMetric>& headline_metrics() {
  using model::Metric;
  static const std::vector<HeadlineMetric> headlines{
      {Metric::visits_overdue, "on average {v} statutory visits were overdue", "overdue statutory visits",
       Better::lower},
      {Metric::children_unvisited_6_weeks, "{v} children on plans went more than 6 weeks without a visit",
       "children on plans unvisited for more than 6 weeks", Better::lower},
      {Metric::longest_visit_gap, "the longest any child on a plan went without a visit was {v} working days",
       "the longest time a child went unvisited (working days)", Better::lower},
      {Metric::cases_stored, "{v} accepted cases waited unallocated longer than the stored-case threshold",
       "cases stored unallocated", Better::lower},
      {Metric::unallocated_wait_max, "the longest any accepted case waited for a social worker was {v} working days",
       "the longest wait for allocation (working days)", Better::lower},
      {Metric::assessments_within_standard_share, "a share of {v} of assessments were completed within 45 working days",
       "the share of assessments completed within 45 working days", Better::higher},
      {Metric::decisions_late, "{v} referral decisions came later than the standard", "late referral decisions",
       Better::lower},
      {Metric::caseload_per_fte_mean, "caseloads averaged {v} cases per FTE", "caseload per FTE", Better::lower},
  };
  return headlines;
}

const std::vector<RiskDefinition>& risk_definitions() {
  using model::Metric;
  // The questions managers bring: will any child on a child protection plan
  // go 6 weeks unvisited, or any child 3 months (seed case 001), and will
  // any case be left a month without a worker.
  static const std::vector<RiskDefinition> risks{
      {Metric::cp_children_unvisited_6_weeks, 0,
       "at least one child on a child protection plan went more than 6 weeks without a visit"},
      {Metric::children_unvisited_3_months, 0, "at least one child on a plan went more than 3 months without a visit"},
      {Metric::unallocated_wait_max, 20,
       "at least one accepted case waited more than 4 weeks (20 working days) for a social worker"},
  };
  return risks;
}

std::string readable_number(double value, double half_width) {
  if (std::isnan(value)) return "-";
  if (std::isnan(half_width)) return fmt::format("{:.3g}", value);
  return fmt::format("{:.{}f}", value, decimals_for(half_width));
}

std::string readable_estimate(const Summary& s) {
  if (s.n == 0) return "n/a";
  if (s.n < 2) return readable_number(s.mean, std::nan(""));
  const int decimals = decimals_for(s.half_width());
  return fmt::format("{:.{}f} (95% CI {})", s.mean, decimals, interval_only(s.ci_low, s.ci_high, decimals));
}

std::string readable_percent(const Proportion& p) {
  if (p.trials == 0) return "n/a";
  const int decimals = decimals_for(100 * (p.ci_high - p.ci_low) / 2);
  return fmt::format("{:.{}f}% (95% CI {}%)", 100 * p.estimate, decimals,
                     interval_only(100 * p.ci_low, 100 * p.ci_high, decimals));
}

std::string variant_label(const ReportInput& input, std::size_t variant) {
  const std::string& name = input.data.layout.variants[variant];
  if (!input.parameters || variant >= input.parameters->values.size()) return name;
  const ParameterTable& t = *input.parameters;
  std::vector<std::string> changed;
  for (std::size_t p = 0; p < t.names.size(); ++p)
    if (variant == 0 || t.values[variant][p] != t.values[0][p])
      changed.push_back(fmt::format("{} = {}", t.names[p], t.values[variant][p]));
  if (changed.empty()) return name;
  std::string joined;
  for (const auto& c : changed) joined += (joined.empty() ? "" : ", ") + c;
  return fmt::format("{} ({})", name, joined);
}

std::vector<std::string> plain_language_summary(const ReportInput& input) {
  const results::ResultsData& data = input.data;
  std::vector<std::string> out;
  const std::size_t variants = data.layout.variants.size();

  std::size_t n = 0;
  for (std::size_t r = 0; r < data.layout.replications; ++r) n += data.completed[r] != 0;
  // The base variant (the first) in words.
  std::vector<std::string> phrases;
  for (const HeadlineMetric& h : headline_metrics()) {
    const std::size_t m = find_metric(data, h.metric);
    if (m == kNotInFile) continue;
    phrases.push_back(headline_phrase(h, metric_summary(data, m, 0), n));
  }
  std::string opening =
      fmt::format("Across {} replication{} ({}){}", n, n == 1 ? "" : "s", measured_period(data.metadata),
                  variants > 1 ? fmt::format(", with {}", variant_label(input, 0)) : "");
  if (phrases.empty()) {
    out.push_back(opening + ", the tables below give each measure's mean and 95% confidence interval.");
  } else {
    std::string sentence = opening + ", " + phrases[0];
    for (std::size_t i = 1; i < std::min<std::size_t>(2, phrases.size()); ++i) sentence += "; " + phrases[i];
    out.push_back(sentence + ".");
    if (phrases.size() > 2) {
      std::string rest = capitalised(phrases[2]);
      for (std::size_t i = 3; i < phrases.size(); ++i) rest += "; " + phrases[i];
      out.push_back(rest + ".");
    }
  }
  for (const RiskDefinition& r : risk_definitions()) {
    const std::size_t m = find_metric(data, r.metric);
    if (m == kNotInFile) continue;
    out.push_back(fmt::format("The chance that {} was {}.", r.event,
                              readable_percent(exceedance(metric_values(data, m, 0), r.threshold))));
  }
  if (const std::string c = children_sentence(data, input.names); !c.empty()) out.push_back(c);

  // Each other variant against the base, one sentence per headline metric.
  for (std::size_t v = 1; v < variants; ++v) {
    const std::string label = variant_label(input, v);
    const std::string& base = data.layout.variants[0];
    for (const HeadlineMetric& h : headline_metrics()) {
      const std::size_t m = find_metric(data, h.metric);
      if (m == kNotInFile) continue;
      const std::string before = readable_estimate(metric_summary(data, m, 0));
      const std::string after = readable_estimate(metric_summary(data, m, v));
      const PairedDifference* d = find_difference(input, h.metric, v);
      if (!d) {
        out.push_back(
            fmt::format("{}: {} with {}, {} with {} (no paired comparison is available, so no difference is "
                        "claimed).",
                        capitalised(std::string(h.label)), before, base, after, label));
      } else if (d->ci_low <= 0 && d->ci_high >= 0) {
        out.push_back(fmt::format("With {}, no difference in {} was detected: {} against {} with {} ({}).", label,
                                  h.label, after, before, base, difference_text(*d)));
      } else {
        out.push_back(fmt::format("With {}, {} {} from {} to {} ({}).", label, h.label, d->mean < 0 ? "falls" : "rises",
                                  before, after, difference_text(*d)));
      }
    }
    for (const RiskDefinition& r : risk_definitions()) {
      const std::size_t m = find_metric(data, r.metric);
      if (m == kNotInFile) continue;
      out.push_back(fmt::format("With {}, the chance that {} is {}, against {} with {}.", label, r.event,
                                readable_percent(exceedance(metric_values(data, m, v), r.threshold)),
                                readable_percent(exceedance(metric_values(data, m, 0), r.threshold)), base));
    }
  }
  if (const std::string w = warm_up_sentence(data); !w.empty()) out.push_back(w);
  return out;
}

}  // namespace casesim::analysis::report
