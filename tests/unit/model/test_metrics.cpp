// The metric catalogue: every enumerator names its own entry, in results-file
// order, and every entry has a group. (Its other rules are static_asserts in
// engine/model/metrics.cpp.)
#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/model/metrics.hpp"

namespace casesim::model {
namespace {

TEST(MetricCatalogue, EachEnumeratorIsFoundByItsOwnName) {
  // A repeated name would be found at its first entry, so this also proves names unique.
  for (std::size_t m = 0; m < kMetricCount; ++m)
    EXPECT_EQ(metric_named(metric_definitions()[m].name), static_cast<Metric>(m)) << metric_definitions()[m].name;
  for (std::size_t s = 0; s < kSeriesCount; ++s)
    EXPECT_EQ(series_named(series_definitions()[s].name), static_cast<Series>(s)) << series_definitions()[s].name;
}

TEST(MetricCatalogue, EnumeratorsNameTheirResultsFileEntries) {
  EXPECT_EQ(index(Metric::referrals_received), 0u);
  EXPECT_EQ(definition(Metric::referrals_received).name, "referrals_received");
  EXPECT_EQ(definition(Metric::visits_overdue).name, "visits_overdue");
  EXPECT_EQ(definition(Metric::visits_overdue).unit, "visits");
  EXPECT_EQ(definition(Metric::caseload_per_fte_mean).unit, "cases per FTE");
  EXPECT_EQ(index(Metric::agency_cover_weeks), kMetricCount - 1);
  EXPECT_EQ(definition(Metric::agency_cover_weeks).name, "agency_cover_weeks");
  EXPECT_EQ(index(Series::caseload), 0u);
  EXPECT_EQ(definition(Series::caseload_per_fte).name, "caseload_per_fte");
  EXPECT_EQ(index(Series::agency_fte), kSeriesCount - 1);
  EXPECT_EQ(&definition(Metric::leavers), &metric_definitions()[index(Metric::leavers)]);
}

TEST(MetricCatalogue, MetricNamesListsEveryMetricInOrder) {
  const std::vector<std::string> names = metric_names();
  ASSERT_EQ(names.size(), kMetricCount);
  for (std::size_t m = 0; m < kMetricCount; ++m) EXPECT_EQ(names[m], metric_definitions()[m].name);
}

TEST(MetricCatalogue, NamesAreLowerCaseIdentifiers) {
  const std::regex identifier("[a-z][a-z0-9_]*");
  for (const QuantityDefinition& d : metric_definitions())
    EXPECT_TRUE(std::regex_match(std::string(d.name), identifier)) << d.name;
  for (const QuantityDefinition& d : series_definitions())
    EXPECT_TRUE(std::regex_match(std::string(d.name), identifier)) << d.name;
}

TEST(MetricCatalogue, EveryMetricAndSeriesHasAGroupAndEveryGroupAMetric) {
  std::set<MetricGroup> used;
  for (const QuantityDefinition& d : metric_definitions()) {
    EXPECT_LT(static_cast<int>(d.group), static_cast<int>(MetricGroup::count)) << d.name;
    used.insert(d.group);
  }
  EXPECT_EQ(used.size(), static_cast<std::size_t>(MetricGroup::count));
  for (const QuantityDefinition& d : series_definitions())
    EXPECT_LT(static_cast<int>(d.group), static_cast<int>(MetricGroup::count)) << d.name;
  EXPECT_EQ(definition(Metric::decisions_late).group, MetricGroup::referrals);
  EXPECT_EQ(definition(Metric::icpcs_late).group, MetricGroup::assessments_and_conferences);
  EXPECT_EQ(definition(Metric::vacancy_rate).group, MetricGroup::workforce);
  EXPECT_EQ(definition(Series::staff_fte).group, MetricGroup::workforce);
  EXPECT_EQ(definition(Series::caseload_per_fte).group, MetricGroup::caseloads);
}

TEST(MetricCatalogue, LateWorkIsTheStatutoryDeadlinesMissedAndStoredCases) {
  std::set<std::string> late;
  for (const QuantityDefinition& d : metric_definitions())
    if (d.late_work) late.emplace(d.name);
  EXPECT_EQ(late, (std::set<std::string>{"decisions_late", "cases_stored", "unallocated_at_end", "assessments_late",
                                         "icpcs_late", "core_groups_late", "reviews_late", "visits_overdue",
                                         "visit_days_overdue_mean", "visit_days_overdue_max",
                                         "children_past_visit_standard"}));
  EXPECT_TRUE(std::none_of(series_definitions().begin(), series_definitions().end(),
                           [](const QuantityDefinition& d) { return d.late_work; }));
}

TEST(MetricCatalogue, NamesOutsideTheCatalogueAreNotFound) {
  EXPECT_FALSE(metric_named("caseload"));  // a series, not a metric
  EXPECT_FALSE(series_named("caseload_mean"));
  EXPECT_FALSE(metric_named("Visits_overdue"));
  EXPECT_FALSE(metric_named(""));
  EXPECT_FALSE(metric_named("count"));
  static_assert(metric_named("escalations") == Metric::escalations, "lookups work at compile time");
}

}  // namespace
}  // namespace casesim::model
