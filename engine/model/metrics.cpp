#include "engine/model/metrics.hpp"

// The catalogue is header-only data; its rules are checked here, once, when
// the model compiles. The lists themselves make every enumerator's name its
// definition's name, and names unique (an enumerator cannot repeat).
// metric_names() is here because it allocates.
namespace casesim::model {

namespace {

// Names are written to results files and typed into experiment and optimise
// files: lower-case snake case, starting with a letter.
constexpr bool snake_case(std::string_view name) {
  if (name.empty() || name.front() < 'a' || name.front() > 'z') return false;
  for (const char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

template <std::size_t N>
constexpr bool well_formed(const std::array<QuantityDefinition, N>& definitions) {
  for (const QuantityDefinition& d : definitions)
    if (!snake_case(d.name) || d.unit.empty() || d.description.empty() || d.description.back() != '.' ||
        d.group == MetricGroup::count)
      return false;
  return true;
}

constexpr bool every_group_has_a_metric() {
  for (std::size_t g = 0; g < static_cast<std::size_t>(MetricGroup::count); ++g) {
    bool found = false;
    for (const QuantityDefinition& d : metric_definitions()) found = found || d.group == static_cast<MetricGroup>(g);
    if (!found) return false;
  }
  return true;
}

static_assert(well_formed(metric_definitions()) && well_formed(series_definitions()),
              "each metric and series needs a snake_case name, a unit, a description ending in a full stop "
              "and a group");
static_assert(every_group_has_a_metric(), "a metric group no metric belongs to");

}  // namespace

std::vector<std::string> metric_names() {
  std::vector<std::string> names;
  names.reserve(kMetricCount);
  for (const QuantityDefinition& d : metric_definitions()) names.emplace_back(d.name);
  return names;
}

}  // namespace casesim::model
