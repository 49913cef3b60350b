#pragma once
// The report shows measures and weekly series by the part of the work they
// are about (the catalogue's MetricGroup), not as one long block: statutory
// visits first, then waiting for a worker, assessments and conferences, and
// on. A name the catalogue does not know (a file from another version of
// casesim) goes under "Other measures" (metrics) or with caseloads (series).
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/metrics.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::analysis::report {

struct QuantityGroup {
  model::MetricGroup group = model::MetricGroup::count;  // count: the catalogue does not know them
  std::string_view heading;                              // "Statutory visits"
  std::vector<std::size_t> members;                      // indices into the file's list, in its order
};

// The groups that have members, in the report's order.
std::vector<QuantityGroup> group_metrics(const std::vector<results::Quantity>& metrics);
std::vector<QuantityGroup> group_series(const std::vector<results::Quantity>& series);

}  // namespace casesim::analysis::report
