#pragma once
// The table `casesim run` prints: each metric's mean and 95% confidence
// interval across replications.
#include <string>
#include <vector>

#include "analysis/statistics.hpp"

namespace casesim::cli {

struct TableRow {
  std::string metric;
  std::string unit;
  analysis::Summary summary;
};

std::string format_summary_table(const std::vector<TableRow>& rows);

// A number with enough significant figures to read, without pretending to
// precision the confidence interval does not support; "-" for NaN.
std::string readable_number(double v);

}  // namespace casesim::cli
