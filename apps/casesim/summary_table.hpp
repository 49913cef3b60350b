#pragma once
// The table `casesim run` prints: each metric's mean and 95% confidence
// interval across replications, and how the commands write a statistic that
// cannot be given.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/statistics.hpp"

namespace casesim::cli {

struct TableRow {
  std::string metric;
  std::string unit;
  analysis::Summary summary;  // over the replications where the metric applies (n)
};

// `replications`: how many ran. A metric that applies in none of them (a share
// or mean with nothing to count) reads "n/a"; one that applies in only some is
// averaged over those, and a note under the table says which and how many.
std::string format_summary_table(const std::vector<TableRow>& rows, std::size_t replications);

// Written for a statistic of a metric that applied in no replication: there
// was nothing to count, so there is no value (never 0).
inline constexpr std::string_view kNotApplicable = "n/a";

// A number with enough significant figures to read, without pretending to
// precision the confidence interval does not support; "-" for NaN.
std::string readable_number(double v);

// A summary's mean ("n/a" when n is 0) and its 95% interval "low to high"
// ("n/a" when n is 0, "-" when one value cannot give an interval), for a
// metric measured in `unit`.
std::string readable_mean(const analysis::Summary& s);
std::string readable_interval(const analysis::Summary& s, std::string_view unit = {});

// "low to high" for an interval of a metric's level measured in `unit`. Every
// metric counts, times or shares something, so none is below 0 and a share is
// at most 1; a normal interval of a small mean can reach past them ("-0.004")
// where the metric cannot, and is shown stopped there. Only the display: the
// results file and `summary --csv` keep the computed interval.
std::string readable_range(double low, double high, std::string_view unit);

// A note naming the rows that applied in fewer than `replications`, with how
// many ("a (150 of 200), b (0 of 200)"); empty when every row applied in all.
std::string applicability_note(const std::vector<TableRow>& rows, std::size_t replications);

}  // namespace casesim::cli
