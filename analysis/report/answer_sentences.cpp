#include "analysis/report/answer_sentences.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "analysis/proportion.hpp"
#include "analysis/report/counted_period.hpp"
#include "analysis/report/plain_language.hpp"
#include "analysis/results_summary.hpp"
#include "engine/model/metrics.hpp"

namespace casesim::analysis::report {

namespace {

struct KnownWords {
  model::Metric metric;
  MeasureWords words;
};

// The measures a first screen speaks about most, in a manager's words.
const std::vector<KnownWords>& known_words() {
  using model::Metric;
  using enum MeasureKind;
  static const std::vector<KnownWords> words{
      {Metric::children_past_visit_standard,
       {count, "children past their visit standard", "children went past their visit standard", ""}},
      {Metric::visits_overdue, {count, "late or missed statutory visits", "statutory visits were late or missed", ""}},
      {Metric::cp_children_unvisited_6_weeks,
       {count, "children on a child protection plan unvisited for more than 6 weeks",
        "children on a child protection plan went more than 6 weeks without a visit", ""}},
      {Metric::children_unvisited_6_weeks,
       {count, "children on plans unvisited for more than 6 weeks",
        "children on plans went more than 6 weeks without a visit", ""}},
      {Metric::cases_stored,
       {count, "cases stored unallocated", "cases waited unallocated longer than the stored-case threshold", ""}},
      {Metric::unallocated_at_end,
       {count, "cases waiting for a social worker at the end", "cases were waiting for a social worker at the end",
        ""}},
      {Metric::assessments_late, {count, "late assessments", "assessments were late", ""}},
      {Metric::decisions_late, {count, "late referral decisions", "referral decisions came late", ""}},
      {Metric::icpcs_late,
       {count, "late initial child protection conferences", "initial child protection conferences were late", ""}},
      {Metric::core_groups_late, {count, "late core group meetings", "core group meetings were late or not held", ""}},
      {Metric::reviews_late, {count, "late reviews", "reviews were late or not held", ""}},
      {Metric::risk_exposure_child_days,
       {count, "days children spent past their visit standard",
        "days in all were spent by children past their visit standard", ""}},
      {Metric::leavers, {count, "social workers who left", "social workers left", ""}},
      {Metric::unallocated_wait_mean, {level, "the average wait for a social worker", "", "working days"}},
      {Metric::unallocated_wait_max, {level, "the longest wait for a social worker", "", "working days"}},
      {Metric::longest_visit_gap, {level, "the longest any child on a plan went without a visit", "", "working days"}},
      {Metric::visit_days_overdue_mean, {level, "the average lateness of a late visit", "", "working days"}},
      {Metric::caseload_per_fte_mean, {level, "the average caseload", "", "cases per FTE"}},
      {Metric::assessments_within_standard_share,
       {share, "the share of assessments done within 45 working days", "", ""}},
      {Metric::agency_share, {share, "the agency share of the team", "", ""}},
      {Metric::vacancy_rate, {share, "the vacancy rate", "", ""}},
  };
  return words;
}

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string percent(double share) {
  return std::fabs(share) >= 0.1 ? fmt::format("{:.0f}%", 100 * share) : fmt::format("{:.1f}%", 100 * share);
}

// A level as the sentence shows it: "41", "83%", "4.2 working days".
std::string shown_level(const MeasureWords& words, double value) {
  switch (words.kind) {
    case MeasureKind::share: return percent(value);
    case MeasureKind::level: return plain_number(value) + (words.unit.empty() ? "" : " " + words.unit);
    case MeasureKind::count: return plain_number(value);
  }
  return plain_number(value);
}

// The interval of a level, kept within what the measure can be: never below 0, a share never above 100%.
std::string level_detail(const std::string& label, const MeasureWords& words, const Summary& s) {
  if (s.n == 0) return label + ": nothing to count in any run";
  if (s.n < 2) return fmt::format("{}: {} (one run, no interval)", label, shown_level(words, s.mean));
  const double high = words.kind == MeasureKind::share ? std::min(1.0, s.ci_high) : s.ci_high;
  const auto bound = [&](double x) { return words.kind == MeasureKind::share ? percent(x) : plain_number(x); };
  return fmt::format("{}: {} (95% CI {} to {}{}, {} runs)", label, shown_level(words, s.mean),
                     bound(std::max(0.0, s.ci_low)), bound(high),
                     words.kind == MeasureKind::level && !words.unit.empty() ? " " + words.unit : "", s.n);
}

std::string difference_detail(const MeasureWords& words, const PairedDifference& d) {
  const double scale = words.kind == MeasureKind::share ? 100 : 1;
  const std::string unit = words.kind == MeasureKind::share ? " percentage points" : "";
  return fmt::format(
      "difference, run by run with the same chance events: {:+.3g}{} (95% CI {:+.3g} to {:+.3g}, {} pairs)",
      scale * d.mean, unit, scale * d.ci_low, scale * d.ci_high, d.pairs);
}

std::size_t completed_runs(const results::ResultsData& data, std::size_t variant) {
  std::size_t n = 0;
  for (std::size_t r = 0; r < data.layout.replications; ++r)
    n += data.completed[variant * data.layout.replications + r] != 0;
  return n;
}

const PairedDifference* find_difference(const ReportInput& input, const std::string& metric, std::size_t variant) {
  for (const PairedDifference& d : input.differences)
    if (d.metric == metric && d.variant == variant && d.base == 0) return &d;
  return nullptr;
}

// The measure a file's first sentence is about: the experiment's main
// metric, else children past their visit standard, else late visits.
std::size_t main_metric(const results::ResultsData& data) {
  if (const auto& e = data.metadata.experiment; e && !e->metrics.empty())
    if (const std::size_t m = find_metric(data, e->metrics.front()); m != kNotInFile) return m;
  for (const model::Metric metric : {model::Metric::children_past_visit_standard, model::Metric::visits_overdue})
    if (const std::size_t m = find_metric(data, metric); m != kNotInFile) return m;
  return kNotInFile;
}

bool is_clear(const PairedDifference* d) {
  return d != nullptr && d->pairs > 1 && (d->ci_low > 0 || d->ci_high < 0);
}

AnswerSentence compare(const ReportInput& input, std::size_t m, std::size_t v) {
  const results::ResultsData& data = input.data;
  // The variant's own name: the settings it changes are in the details, not in a manager's sentence.
  AnswerSentence s =
      comparison_sentence(measure_words(data.layout.metrics[m]), data.layout.variants[v], data.layout.variants[0],
                          summarise(metric_values(data, m, 0)), summarise(metric_values(data, m, v)),
                          find_difference(input, data.layout.metrics[m].name, v));
  s.metric = data.layout.metrics[m].name;
  s.variant = data.layout.variants[v];
  return s;
}

std::vector<AnswerSentence> run_answer(const ReportInput& input, const std::string& period) {
  const results::ResultsData& data = input.data;
  const std::size_t runs = completed_runs(data, 0);
  std::vector<AnswerSentence> out;
  const auto level = [&](std::size_t m, const std::string& when) {
    AnswerSentence s = level_sentence(measure_words(data.layout.metrics[m]), summarise(metric_values(data, m, 0)), when,
                                      when.empty() ? 0 : runs, "");
    s.metric = data.layout.metrics[m].name;
    return s;
  };
  if (const std::size_t m = main_metric(data); m != kNotInFile) out.push_back(level(m, period));
  // A chance is what a manager asks of the worst case: will any child on a plan go 6 weeks unseen?
  for (const RiskDefinition& r : risk_definitions()) {
    const std::size_t m = find_metric(data, r.metric);
    if (m == kNotInFile) continue;
    const Proportion p = exceedance(metric_values(data, m, 0), r.threshold);
    if (p.trials == 0) continue;
    out.push_back(
        {fmt::format("In {} of the simulated runs, {}.", percent(p.estimate), r.event),
         fmt::format("{} of {} runs (95% CI {} to {})", p.events, p.trials, percent(p.ci_low), percent(p.ci_high)),
         data.layout.metrics[m].name, "", true});
    break;
  }
  for (const model::Metric metric :
       {model::Metric::unallocated_wait_mean, model::Metric::assessments_within_standard_share}) {
    if (out.size() >= 4) break;
    if (const std::size_t m = find_metric(data, metric); m != kNotInFile) out.push_back(level(m, ""));
  }
  return out;
}

std::vector<AnswerSentence> experiment_answer(const ReportInput& input, const std::string& period) {
  const results::ResultsData& data = input.data;
  const std::size_t variants = data.layout.variants.size();
  const std::size_t m = main_metric(data);
  if (m == kNotInFile) return {};
  std::vector<AnswerSentence> out;
  AnswerSentence first = level_sentence(measure_words(data.layout.metrics[m]), summarise(metric_values(data, m, 0)),
                                        period, completed_runs(data, 0), data.layout.variants[0] + " (the base)");
  first.metric = data.layout.metrics[m].name;
  first.variant = data.layout.variants[0];
  out.push_back(std::move(first));

  // Up to three variants each; more, the best and the worst on the main measure.
  std::vector<std::size_t> shown;
  if (variants <= 4) {
    for (std::size_t v = 1; v < variants; ++v) shown.push_back(v);
  } else {
    std::size_t lowest = 1, highest = 1;
    std::vector<double> means(variants, std::nan(""));
    for (std::size_t v = 1; v < variants; ++v) {
      means[v] = summarise(metric_values(data, m, v)).mean;
      if (means[v] < means[lowest]) lowest = v;
      if (means[v] > means[highest]) highest = v;
    }
    shown = {lowest};
    if (highest != lowest) shown.push_back(highest);
  }
  for (const std::size_t v : shown) out.push_back(compare(input, m, v));

  // Room for one more: the largest clear change among the experiment's other measures.
  if (out.size() < 4 && data.metadata.experiment) {
    std::optional<std::pair<std::size_t, std::size_t>> largest;
    double largest_change = 0;
    for (std::size_t k = 1; k < data.metadata.experiment->metrics.size(); ++k) {
      const std::size_t other = find_metric(data, data.metadata.experiment->metrics[k]);
      if (other == kNotInFile) continue;
      const double base = std::fabs(summarise(metric_values(data, other, 0)).mean);
      for (const std::size_t v : shown) {
        const PairedDifference* d = find_difference(input, data.layout.metrics[other].name, v);
        if (!is_clear(d) || !(base > 0)) continue;
        const double change = std::fabs(d->mean) / base;
        if (change > largest_change) largest_change = change, largest = {{other, v}};
      }
    }
    if (largest) out.push_back(compare(input, largest->first, largest->second));
  }
  return out;
}

}  // namespace

MeasureWords measure_words(const results::Quantity& q) {
  if (const auto metric = model::metric_named(q.name))
    for (const KnownWords& k : known_words())
      if (k.metric == *metric) return k.words;
  std::string noun = q.name;
  std::replace(noun.begin(), noun.end(), '_', ' ');
  if (q.unit == "share") return {MeasureKind::share, noun, "", ""};
  const bool per_item = noun.ends_with(" mean") || noun.ends_with(" max") || q.unit == "working days" ||
                        q.unit.find("per ") != std::string::npos || q.unit == "weeks" || q.unit == "hours";
  if (per_item) return {MeasureKind::level, noun, "", q.unit};
  return {MeasureKind::count, noun + " (" + q.unit + ")", noun + " (" + q.unit + ")", ""};
}

std::string plain_number(double value) {
  if (std::isnan(value)) return "n/a";
  const double size = std::fabs(value);
  if (size >= 10 || size == 0) return fmt::format("{:.0f}", value);
  if (size >= 1) {
    std::string s = fmt::format("{:.1f}", value);
    return s.ends_with(".0") ? s.substr(0, s.size() - 2) : s;
  }
  return fmt::format("{:.2g}", value);
}

AnswerSentence level_sentence(const MeasureWords& words, const Summary& level, const std::string& period,
                              std::size_t runs, const std::string& base_label) {
  std::string lead = period.empty() ? "" : capitalised(period);
  if (!base_label.empty()) lead += (lead.empty() ? "With " : ", with ") + base_label;
  // The runs behind the figure, said once: a sentence after the first leaves them out (runs 0).
  const std::string across =
      runs == 0 ? "" : fmt::format(", on average across {} simulated run{}", runs, runs == 1 ? "" : "s");
  AnswerSentence s;
  s.detail = level_detail("average", words, level);
  if (level.n == 0) {
    s.text = (lead.empty() ? capitalised(words.noun) : lead + ", " + words.noun) +
             " does not apply: there was nothing to count in any run.";
    return s;
  }
  const std::string value = shown_level(words, level.mean);
  if (words.kind == MeasureKind::count)
    s.text = lead.empty() ? fmt::format("About {} {}{}.", value, words.clause, across)
                          : fmt::format("{}, about {} {}{}.", lead, value, words.clause, across);
  else
    s.text = lead.empty() ? fmt::format("{} was {}{}.", capitalised(words.noun), value, across)
                          : fmt::format("{}, {} was {}{}.", lead, words.noun, value, across);
  return s;
}

AnswerSentence comparison_sentence(const MeasureWords& words, const std::string& variant, const std::string& base,
                                   const Summary& base_level, const Summary& variant_level,
                                   const PairedDifference* difference) {
  AnswerSentence s;
  s.detail = level_detail(variant, words, variant_level) + "; " + level_detail(base, words, base_level);
  if (difference) s.detail += "; " + difference_detail(words, *difference);
  const std::string with = fmt::format("With {} instead of {}", variant, base);
  if (base_level.n == 0 || variant_level.n == 0) {
    s.text = fmt::format("{}, {} cannot be compared: there was nothing to count{}.", with, words.noun,
                         base_level.n == 0 && variant_level.n == 0 ? " in either"
                         : base_level.n == 0                       ? " with " + base
                                                                   : " with " + variant);
    return s;
  }
  // The unit once, after both levels: "4.1 against 2.3 working days".
  const std::string levels =
      words.kind == MeasureKind::level
          ? fmt::format("{} against {}", plain_number(variant_level.mean), shown_level(words, base_level.mean))
          : fmt::format("{} against {}", shown_level(words, variant_level.mean), shown_level(words, base_level.mean));
  if (!is_clear(difference)) {
    s.text = fmt::format("{}, the difference in {} is not clear ({}).", with, words.noun, levels);
    return s;
  }
  const double d = difference->mean;
  const bool up = d > 0;
  // The relative change, when the base is not 0 (and a share's is in points,
  // not per cent of a per cent). Beyond ten times the base ("37079% higher",
  // from a base near 0) a percentage says less than the two levels beside it.
  const double ratio = base_level.mean != 0 ? std::fabs(d / base_level.mean) : 0.0;
  const std::string relative =
      words.kind != MeasureKind::share && base_level.mean != 0 && ratio <= 10.0
          ? fmt::format(", {} {}", percent(ratio),
                        words.kind == MeasureKind::count ? (up ? "more" : "fewer") : (up ? "higher" : "lower"))
          : "";
  switch (words.kind) {
    case MeasureKind::count:
      s.text = fmt::format("{}, about {} {} {} ({}{}).", with, plain_number(std::fabs(d)), up ? "more" : "fewer",
                           words.clause, levels, relative);
      break;
    case MeasureKind::level:
      s.text = fmt::format("{}, {} is {} {} ({}{}).", with, words.noun, shown_level(words, std::fabs(d)),
                           up ? "higher" : "lower", levels, relative);
      break;
    case MeasureKind::share:
      s.text = fmt::format("{}, {} is {} percentage points {} ({}).", with, words.noun,
                           plain_number(100 * std::fabs(d)), up ? "higher" : "lower", levels);
      break;
  }
  return s;
}

std::vector<AnswerSentence> answer_sentences(const ReportInput& input) {
  const std::string period = period_words(counted_period(input.data.metadata));
  return input.data.layout.variants.size() > 1 ? experiment_answer(input, period) : run_answer(input, period);
}

}  // namespace casesim::analysis::report
