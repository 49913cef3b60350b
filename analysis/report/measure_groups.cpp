#include "analysis/report/measure_groups.hpp"

#include <array>
#include <optional>

namespace casesim::analysis::report {

namespace {

using model::MetricGroup;

struct GroupHeading {
  MetricGroup group;
  std::string_view heading;
};

// What a manager looks at first comes first.
constexpr std::array<GroupHeading, 9> kOrder{{
    {MetricGroup::visits, "Statutory visits"},
    {MetricGroup::allocation, "Waiting for a social worker"},
    {MetricGroup::assessments_and_conferences, "Assessments and conferences"},
    {MetricGroup::referrals, "Referrals and decisions"},
    {MetricGroup::caseloads, "Caseloads"},
    {MetricGroup::plans, "Plans and children looked after"},
    {MetricGroup::workforce, "Workforce"},
    {MetricGroup::supervision_and_escalation, "Supervision and escalation"},
    {MetricGroup::count, "Other measures"},
}};

template <typename FindDefinition>
std::vector<QuantityGroup> grouped(const std::vector<results::Quantity>& quantities, MetricGroup unknown,
                                   FindDefinition group_of) {
  std::vector<QuantityGroup> out;
  for (const GroupHeading& g : kOrder) {
    QuantityGroup group{g.group, g.heading, {}};
    for (std::size_t i = 0; i < quantities.size(); ++i)
      if (group_of(quantities[i].name).value_or(unknown) == g.group) group.members.push_back(i);
    if (!group.members.empty()) out.push_back(std::move(group));
  }
  return out;
}

}  // namespace

std::vector<QuantityGroup> group_metrics(const std::vector<results::Quantity>& metrics) {
  return grouped(metrics, MetricGroup::count, [](const std::string& name) -> std::optional<MetricGroup> {
    const auto metric = model::metric_named(name);
    if (!metric) return std::nullopt;
    return model::definition(*metric).group;
  });
}

std::vector<QuantityGroup> group_series(const std::vector<results::Quantity>& series) {
  return grouped(series, MetricGroup::caseloads, [](const std::string& name) -> std::optional<MetricGroup> {
    const auto found = model::series_named(name);
    if (!found) return std::nullopt;
    return model::definition(*found).group;
  });
}

}  // namespace casesim::analysis::report
