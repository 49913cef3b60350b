#include "analysis/tidy_tables.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/csv_cells.hpp"

namespace casesim::analysis {

namespace {

bool completed(const results::ResultsData& data, std::size_t variant, std::size_t replication) {
  return data.completed[variant * data.layout.replications + replication] != 0;
}

std::vector<std::string> quoted_names(const std::vector<results::Quantity>& quantities) {
  std::vector<std::string> names;
  for (const results::Quantity& q : quantities) names.push_back(csv_text(q.name));
  return names;
}

std::vector<std::string> quoted_units(const std::vector<results::Quantity>& quantities) {
  std::vector<std::string> units;
  for (const results::Quantity& q : quantities) units.push_back(csv_text(q.unit));
  return units;
}

}  // namespace

void write_long_table(const results::ResultsData& data, std::ostream& out) {
  const std::size_t replications = data.layout.replications;
  const auto& experiment = data.metadata.experiment;
  const std::size_t parameters = experiment ? experiment->parameter_names.size() : 0;
  std::string header = "variant,replication,metric,value,unit";
  for (std::size_t p = 0; p < parameters; ++p) {
    header += ',';
    header += csv_text(experiment->parameter_names[p]);
  }
  out << header << '\n';
  const std::vector<std::string> metrics = quoted_names(data.layout.metrics);
  const std::vector<std::string> units = quoted_units(data.layout.metrics);
  std::string row;
  for (std::size_t v = 0; v < data.layout.variants.size(); ++v) {
    const std::string variant = csv_text(data.layout.variants[v]);
    // The variant's parameters end every one of its rows.
    std::string parameter_cells;
    for (std::size_t p = 0; p < parameters; ++p) {
      parameter_cells += ',';
      parameter_cells += csv_number(experiment->parameter_values[v * parameters + p]);
    }
    for (std::size_t r = 0; r < replications; ++r) {
      if (!completed(data, v, r)) continue;
      for (std::size_t m = 0; m < metrics.size(); ++m) {
        row.clear();
        fmt::format_to(std::back_inserter(row), "{},{},{},{},{}{}\n", variant, r, metrics[m],
                       csv_number(data.summary[m][v * replications + r]), units[m], parameter_cells);
        out << row;
      }
    }
  }
}

void write_series_table(const results::ResultsData& data, std::ostream& out) {
  const std::size_t replications = data.layout.replications;
  const std::size_t weeks = data.layout.week_start_dates.size();
  const std::size_t warm_up_weeks = static_cast<std::size_t>(std::max(0, data.metadata.warm_up_weeks));
  out << "variant,replication,series,week,week_start,warm_up,value,unit\n";
  const std::vector<std::string> series = quoted_names(data.layout.series);
  const std::vector<std::string> units = quoted_units(data.layout.series);
  std::string row;
  for (std::size_t v = 0; v < data.layout.variants.size(); ++v) {
    const std::string variant = csv_text(data.layout.variants[v]);
    for (std::size_t r = 0; r < replications; ++r) {
      if (!completed(data, v, r)) continue;
      for (std::size_t s = 0; s < series.size(); ++s) {
        const double* values = data.weekly[s].data() + (v * replications + r) * weeks;
        for (std::size_t w = 0; w < weeks; ++w) {
          row.clear();
          fmt::format_to(std::back_inserter(row), "{},{},{},{},{},{},{},{}\n", variant, r, series[s], w,
                         csv_text(data.layout.week_start_dates[w]), w < warm_up_weeks ? "true" : "false",
                         csv_number(values[w]), units[s]);
          out << row;
        }
      }
    }
  }
}

}  // namespace casesim::analysis
