// The shipped baseline against the national figures in shared/domain.md (DfE
// publications), each with the tolerance we accept and its source. The
// baseline's measured year is its third (two years of warm-up fill an empty
// office and bring staffing to its usual churn).
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/national_figures.hpp"
#include "analysis/statistics.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim {
namespace {

using model::Metric;

const std::vector<model::ReplicationResult>& run(const std::string& path) {
  static std::vector<std::pair<std::string, std::vector<model::ReplicationResult>>> cache;
  for (const auto& [p, r] : cache)
    if (p == path) return r;
  const model::ModelSetup setup(scenario::load_scenario(path));
  runner::RunPlan plan;
  plan.seed = setup.scenario().run.seed;
  plan.replications = 100;
  cache.emplace_back(path, runner::run_replications(setup, plan));
  return cache.back().second;
}

analysis::Summary metric(const std::string& path, Metric m) {
  std::vector<double> values;
  for (const auto& r : run(path)) values.push_back(r.metric(m));
  return analysis::summarise(values);
}

// The simulated mean lies within [low - tolerance, high + tolerance].
void expect_within(const analysis::Summary& s, double low, double high, double tolerance, const char* what) {
  EXPECT_GE(s.mean, low - tolerance) << what << ": " << s.mean << " (95% CI " << s.ci_low << " to " << s.ci_high << ")";
  EXPECT_LE(s.mean, high + tolerance) << what << ": " << s.mean << " (95% CI " << s.ci_low << " to " << s.ci_high
                                      << ")";
}

const std::string kBaseline = "scenarios/baseline.yaml";

TEST(Calibration, BaselineCaseloadPerFteIsTheNationalAverage) {
  // DfE, Children's social work workforce 2021-2024: about 16-17 cases per FTE. Tolerance 1 case.
  expect_within(metric(kBaseline, Metric::caseload_per_fte_mean), 16.0, 17.0, 1.0, "cases per FTE");
}

TEST(Calibration, BaselineAssessmentsWithin45WorkingDaysAreTheNationalShare) {
  // DfE, Characteristics of children in need: about 82-84% within 45 working days. Tolerance 5 points.
  expect_within(metric(kBaseline, Metric::assessments_within_standard_share), 0.82, 0.84, 0.05,
                "assessments within 45 working days");
}

TEST(Calibration, BaselineTurnoverIsTheNationalRate) {
  // DfE, Children's social work workforce: turnover about 16-18% a year. Tolerance 4 points
  // (a team of 8 has few leavers a year, so each replication's rate is noisy).
  expect_within(metric(kBaseline, Metric::turnover_rate), 0.16, 0.18, 0.04, "turnover");
}

TEST(Calibration, BaselineAgencyShareIsTheNationalRate) {
  // DfE, Children's social work workforce: agency workers about 16-18% of FTE. Tolerance 4 points.
  expect_within(metric(kBaseline, Metric::agency_share), 0.16, 0.18, 0.04, "agency share");
}

TEST(Calibration, BaselineVacancyRateIsNearTheNationalRate) {
  // DfE, Children's social work workforce: vacancy rate about 17-21%. Tolerance 5 points.
  expect_within(metric(kBaseline, Metric::vacancy_rate), 0.17, 0.21, 0.05, "vacancy rate");
}

TEST(Calibration, BaselineReReferralsAreTheNationalShare) {
  // DfE, Characteristics of children in need: about 21-22% of referrals are
  // re-referrals within 12 months. Tolerance 3 points.
  std::vector<double> shares;
  for (const auto& r : run(kBaseline))
    shares.push_back(r.metric(Metric::re_referrals) / r.metric(Metric::referrals_received));
  expect_within(analysis::summarise(shares), 0.21, 0.22, 0.03, "re-referral share");
}

// Bands and quartiles of a duration's counts summed over the baseline's
// replications, against the national figures the report also shows
// (analysis/national_figures: one home for DfE's published distributions).
void expect_national_distribution(model::Duration d, double share_tolerance, double quartile_tolerance) {
  const analysis::NationalDurations& national = analysis::national_durations(d);
  std::vector<double> counts(model::kDurationBins, 0.0);
  for (const auto& r : run(kBaseline))
    for (std::size_t b = 0; b < model::kDurationBins; ++b)
      counts[b] += r.durations[model::index(d) * model::kDurationBins + b];
  double total = 0.0;
  for (const double c : counts) total += c;
  ASSERT_GT(total, 1000.0) << national.title;
  for (const analysis::DurationBand& band : national.bands) {
    const std::size_t last =
        band.open_ended() ? model::kDurationBins - 1 : static_cast<std::size_t>(band.last_working_day);
    double in_band = 0.0;
    for (std::size_t b = static_cast<std::size_t>(band.first_working_day); b <= last; ++b) in_band += counts[b];
    EXPECT_NEAR(in_band / total, band.share, share_tolerance) << national.title << ", band " << band.label;
  }
  const std::array<double, 3> at = {0.25, 0.5, 0.75};
  for (std::size_t q = 0; q < 3; ++q) {
    double cumulative = 0.0;
    int quartile = -1;
    for (std::size_t b = 0; b < model::kDurationBins && quartile < 0; ++b)
      if ((cumulative += counts[b]) >= at[q] * total) quartile = static_cast<int>(b);
    EXPECT_NEAR(quartile, national.quartiles[q], quartile_tolerance) << national.title << ", quartile " << q + 1;
  }
}

TEST(Calibration, BaselineAssessmentDurationsAreTheNationalDistribution) {
  // DfE, Children in need 2025, table C2 (England): working days from start
  // to completion. Ours count from the referral, on which the 45-day clock
  // runs. Tolerance 3.5 points a band, 2 working days a quartile.
  expect_national_distribution(model::Duration::assessment_working_days, 0.035, 2);
}

TEST(Calibration, BaselineSection47ToConferenceIsTheNationalDistribution) {
  // DfE, children in need census 2023 (England): working days from the
  // strategy discussion to the initial child protection conference.
  // Tolerance 3.5 points a band, 1 working day a quartile.
  expect_national_distribution(model::Duration::icpc_working_days, 0.035, 1);
}

TEST(Calibration, TheHighPressureTeamMissesClearlyMoreSafeguardingActionsThanTheBaseline) {
  // Seed case 001 (domain.md): caseloads of 20-30, agency churn, temporary
  // managers and lapsing supervision. Its risks must be clearly (CIs apart) higher.
  const std::string hp = "scenarios/high-pressure.yaml";
  const auto caseload = metric(hp, Metric::caseload_per_fte_mean);
  EXPECT_GE(caseload.mean, 20.0);
  EXPECT_LE(caseload.mean, 30.0);
  for (const Metric m : {Metric::visits_overdue, Metric::children_past_visit_standard, Metric::supervision_missed,
                         Metric::urgent_not_identified, Metric::risk_exposure_child_days}) {
    const auto base = metric(kBaseline, m);
    const auto high = metric(hp, m);
    EXPECT_GT(high.ci_low, base.ci_high) << model::metric_definitions()[static_cast<std::size_t>(m)].name;
  }
}

}  // namespace
}  // namespace casesim
