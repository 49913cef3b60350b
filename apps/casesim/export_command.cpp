#include "apps/casesim/export_command.hpp"

#include "analysis/tidy_tables.hpp"
#include "apps/casesim/destination.hpp"
#include "apps/casesim/usage_error.hpp"
#include "apps/casesim/written_file.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::cli {

namespace {

void write_table(const results::ResultsData& data, bool long_table, std::ostream& out) {
  if (long_table)
    analysis::write_long_table(data, out);
  else
    analysis::write_series_table(data, out);
}

}  // namespace

void export_command(const ExportOptions& options, std::ostream& out) {
  if (options.long_table == options.series)
    throw UsageError(options.long_table ? "export: --long and --series are two tables; choose one"
                                        : "export: choose the table: --long (the metrics) or --series (the weeks)");
  if (!options.output.empty())
    check_destination(
        {options.output, "--output", "CSV file", options.force, {{"the results file", options.results_path}}});
  const results::ResultsData data = results::read_results(options.results_path);
  if (options.output.empty()) {
    write_table(data, options.long_table, out);
    return;
  }
  WrittenFile file(options.output, "CSV file");
  write_table(data, options.long_table, file.stream());
  file.commit();
}

}  // namespace casesim::cli
