#include "apps/casesim/report_command.hpp"

#include <filesystem>

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <vector>

#include "analysis/report/html_report.hpp"
#include "analysis/report/paired_differences.hpp"
#include "apps/casesim/destination.hpp"
#include "apps/casesim/finished_values.hpp"
#include "apps/casesim/unfinished_note.hpp"
#include "apps/casesim/usage_error.hpp"
#include "apps/casesim/written_file.hpp"
#include "engine/results/optimisation_record.hpp"
#include "engine/results/results_file.hpp"
#include "engine/snapshot/load_snapshot.hpp"
#include "engine/snapshot/pseudonymiser.hpp"

namespace casesim::cli {

namespace {

// Who each pseudonym of the file is: the snapshot pseudonymised again with the
// same key. Only for the local-only report; the names go nowhere else.
analysis::report::LocalNames names_from_snapshot(const ReportOptions& options, const results::ResultsData& data) {
  if (data.layout.children.empty())
    throw UsageError(
        fmt::format("--names: {} was not started from a snapshot, so it names no one", options.results_path));
  std::vector<std::string> worker_names;
  std::map<std::string, std::string> child_ids;
  snapshot::LoadOptions load;
  // The run took the snapshot as it was; a lenient run's rows are named when the snapshot is read leniently too.
  load.lenient = true;
  load.worker_names = &worker_names;
  load.child_ids = &child_ids;
  snapshot::Snapshot snap;
  try {
    if (!options.salt_file.empty()) load.salt = snapshot::read_salt_file(options.salt_file);
    snap = snapshot::load_snapshot(options.names_snapshot, load);
  } catch (const snapshot::SnapshotError& error) {
    throw UsageError(error.what());
  }
  analysis::report::LocalNames names;
  for (const auto& [pseudonym, id] : child_ids) names.add(pseudonym, id);
  for (std::size_t w = 0; w < snap.workers.size() && w < worker_names.size(); ++w)
    names.add(snap.workers[w].pseudonym, worker_names[w]);
  std::size_t matched = 0;
  for (const std::string& child : data.layout.children) matched += !names.name_of(child).empty();
  if (matched == 0)
    throw UsageError(fmt::format(
        "--names: none of the {} children in {} has a pseudonym from {}{}: give the snapshot the run started "
        "from, and the --salt-file it was run with (none if it was run without)",
        data.layout.children.size(), options.results_path, options.names_snapshot,
        options.salt_file.empty() ? " keyed by its own files" : " keyed by the salt in " + options.salt_file));
  return names;
}

}  // namespace

void report_command(const ReportOptions& options, std::ostream& out) {
  namespace fs = std::filesystem;
  const bool with_names = !options.names_snapshot.empty();
  const std::string output = !options.output.empty() ? options.output
                             : with_names
                                 ? fs::path(options.results_path).replace_extension(kNamesReportSuffix).string()
                                 : fs::path(options.results_path).replace_extension(".html").string();
  if (with_names && !output.ends_with(kNamesReportSuffix))
    throw UsageError(
        fmt::format("{}: the report with names must be named *{}, so that it is never taken for the "
                    "shareable report",
                    output, kNamesReportSuffix));
  if (!with_names && output.ends_with(kNamesReportSuffix))
    throw UsageError(
        fmt::format("{}: *{} is the name of the local-only report with names (--names)", output, kNamesReportSuffix));
  check_destination({output, "--output", "report", options.force, {{"the results file", options.results_path}}});

  analysis::report::ReportInput input;
  input.data = results::read_results(options.results_path);
  check_finished_weeks(input.data, options.results_path);
  input.results_path = options.results_path;
  input.differences = analysis::report::paired_differences_from_base(input.data);
  input.show_warm_up = options.show_warm_up;
  if (with_names) input.names = names_from_snapshot(options, input.data);
  if (results::has_optimisation_record(options.results_path))
    input.optimisation = results::read_optimisation_record(options.results_path);
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
  if (with_names)
    out << "This report shows real child ids and worker names: keep it on this machine, and share the report "
           "written without --names.\n";
}

}  // namespace casesim::cli
