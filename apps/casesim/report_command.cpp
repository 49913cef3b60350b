#include "apps/casesim/report_command.hpp"

#include <filesystem>

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "analysis/paired.hpp"
#include "analysis/report/html_report.hpp"
#include "apps/casesim/destination.hpp"
#include "apps/casesim/unfinished_note.hpp"
#include "apps/casesim/written_file.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::cli {

namespace {

// Every metric, every variant against the first, replication k against
// replication k (common random numbers); unfinished slots are NaN and left out.
std::vector<analysis::report::PairedDifference> paired_differences_from_base(const results::ResultsData& data) {
  std::vector<analysis::report::PairedDifference> out;
  const std::size_t replications = data.layout.replications;
  const auto aligned = [&](std::size_t metric, std::size_t variant) {
    std::vector<double> values(replications);
    for (std::size_t r = 0; r < replications; ++r) {
      const std::size_t slot = variant * replications + r;
      values[r] = data.completed[slot] ? data.summary[metric][slot] : std::nan("");
    }
    return values;
  };
  for (std::size_t m = 0; m < data.layout.metrics.size(); ++m) {
    const std::vector<double> base = aligned(m, 0);
    for (std::size_t v = 1; v < data.layout.variants.size(); ++v) {
      const analysis::Summary d = analysis::paired_difference(aligned(m, v), base);
      if (d.n < 2) continue;  // no interval without two pairs
      out.push_back({data.layout.metrics[m].name, v, 0, d.n, d.mean, d.ci_low, d.ci_high});
    }
  }
  return out;
}

}  // namespace

void report_command(const ReportOptions& options, std::ostream& out) {
  namespace fs = std::filesystem;
  const std::string output =
      options.output.empty() ? fs::path(options.results_path).replace_extension(".html").string() : options.output;
  check_destination({output, "--output", "report", options.force, {{"the results file", options.results_path}}});

  analysis::report::ReportInput input;
  input.data = results::read_results(options.results_path);
  input.results_path = options.results_path;
  input.differences = paired_differences_from_base(input.data);
  if (const auto& e = input.data.metadata.experiment; e && !e->parameter_names.empty()) {
    // Only parameters that are a number in every variant can go into the metamodel.
    const std::size_t variants = input.data.layout.variants.size(), parameters = e->parameter_names.size();
    analysis::report::ParameterTable table;
    table.values.resize(variants);
    for (std::size_t p = 0; p < parameters; ++p) {
      bool numeric = true;
      for (std::size_t v = 0; v < variants; ++v)
        numeric = numeric && !std::isnan(e->parameter_values[v * parameters + p]);
      if (!numeric) continue;
      table.names.push_back(e->parameter_names[p]);
      for (std::size_t v = 0; v < variants; ++v) table.values[v].push_back(e->parameter_values[v * parameters + p]);
    }
    if (!table.names.empty()) input.parameters = std::move(table);
  }
  const std::string html = analysis::report::build_report_html(input);

  WrittenFile file(output, "report");
  file.stream() << html;
  file.commit();
  out << unfinished_run_note(input.data, options.results_path);
  out << fmt::format("report: {} ({:.1f} MB, opens offline in any browser)\n", output,
                     static_cast<double>(html.size()) / 1e6);
}

}  // namespace casesim::cli
