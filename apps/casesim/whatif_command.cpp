#include "apps/casesim/whatif_command.hpp"

#include <filesystem>
#include <fstream>
#include <numeric>

#include <fmt/format.h>

#include "apps/casesim/shipped_files.hpp"
#include "apps/casesim/start_options.hpp"
#include "apps/casesim/usage_error.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim::cli {

namespace {

// A question a manager asks runs about half a year ahead.
constexpr int kHorizonWeeks = 26;
constexpr int kReplications = 200;

std::string fte_text(double fte) {
  return fmt::format("{:.2f}", fte);
}

// "1.00 FTE, agency, newly qualified, absent until 2027-02-12"
std::string worker_text(const snapshot::Worker& worker) {
  std::string text = fte_text(worker.fte) + " FTE, " + (worker.agency ? "agency" : "permanent");
  if (worker.newly_qualified) text += ", newly qualified";
  if (worker.absent_until) text += ", absent until " + kernel::format_iso_date(*worker.absent_until);
  return text;
}

double team_fte(const std::vector<scenario::SocialWorker>& workers) {
  return std::accumulate(workers.begin(), workers.end(), 0.0,
                         [](double sum, const scenario::SocialWorker& w) { return sum + w.fte; });
}

}  // namespace

std::string what_if_text(const snapshot::Snapshot& team, const WhatIfInitOptions& options, const std::string& base_path,
                         const scenario::Scenario& baseline) {
  const std::string date = kernel::format_iso_date(team.extract_date);
  double fte = 0.0;
  for (const auto& worker : team.workers) fte += worker.fte;
  const double baseline_fte = team_fte(baseline.team.social_workers);
  const double per_fte = baseline.referrals.rate_per_working_day / baseline_fte;
  const double rate = per_fte * fte;
  std::string seed = date;
  std::erase(seed, '-');
  const std::string run_line = "casesim run WHAT-IF.yaml --start-from " + options.snapshot_directory +
                               (options.team.empty() ? "" : " --team \"" + options.team + "\"") +
                               (options.salt_file.empty() ? "" : " --salt-file " + options.salt_file);

  std::string out;
  out += fmt::format("# What-if for the team in {}{} as it was on {}, written by\n", options.snapshot_directory,
                     options.team.empty() ? "" : " (team " + options.team + ")", date);
  out += "# casesim whatif init. Fill in the dated changes at the end, then run it:\n#\n";
  out += "#   " + run_line + "\n#\n";
  out += "# Everything not written here is the shipped baseline's (base:), with its\n";
  out += "# sources; docs/scenario-format.md describes every field.\n";
  out += "base: " + base_path + "\n";
  out += "name: what-if\n";
  out += fmt::format("description: \"The team from {}: (say what changes).\"\n", date);
  out += "# From the snapshot's extract date (--start-from sets it), with no warm-up: a\n";
  out += "# real team is not an empty office.\n";
  out += fmt::format("run: {{start_date: {}, horizon_weeks: {}, warm_up_weeks: 0, replications: {}, seed: {}}}\n", date,
                     kHorizonWeeks, kReplications, seed);
  out += fmt::format("# The baseline's {:g} referrals a working day for {:g} FTE is {:.3f} per FTE;\n",
                     baseline.referrals.rate_per_working_day, baseline_fte, per_fte);
  out += fmt::format("# this team is {:g} FTE: {:.3f} x {:g} = {:.2f}.\n", fte, per_fte, fte, rate);
  out += fmt::format("referrals: {{rate_per_working_day: {:.2f}}}\n", rate);
  out += "#\n# The team (--start-from puts the snapshot's workers in place of the\n";
  out += "# baseline's). Name a worker in the timeline by their name in workers.csv or\n";
  out += "# by the pseudonym below; names never reach the results.\n";
  for (const auto& worker : team.workers) out += "#   " + worker.pseudonym + "  " + worker_text(worker) + "\n";
  out += "#\n# The dated changes (docs/scenario-format.md, timeline): uncomment `timeline:`\n";
  out += "# and the events wanted, and edit them.\n";
  out += "# timeline:\n";
  const std::string someone = team.workers.empty() ? "W-..." : team.workers.front().pseudonym;
  const int first = kernel::days_since_epoch(team.extract_date);
  const std::string later = kernel::format_iso_date(kernel::date_from_days_since_epoch(first + 28));
  const std::string until = kernel::format_iso_date(kernel::date_from_days_since_epoch(first + 42));
  out += fmt::format("#   - {{date: {}, event: worker_leaves, worker: {}}}\n", later, someone);
  out += fmt::format("#   - {{date: {}, event: agency_workers_leave, count: 1}}\n", later);
  out += fmt::format("#   - {{date: {}, event: worker_starts, newly_qualified: true}}\n", later);
  out += fmt::format("#   - {{date: {}, event: worker_absent, worker: {}, until: {}}}\n", later, someone, until);
  return out;
}

void whatif_init_command(const WhatIfInitOptions& options, std::ostream& out) {
  namespace fs = std::filesystem;
  if (!options.output.empty() && fs::exists(options.output) && !options.force)
    throw UsageError(fmt::format("{}: file exists; use --force to replace it", options.output));
  const auto team = start_snapshot(options.snapshot_directory, options.lenient, options.salt_file, options.team);
  const std::string baseline_path = baseline_scenario_path();
  const scenario::Scenario baseline = scenario::load_scenario(baseline_path);
  const fs::path written_in =
      fs::absolute(options.output.empty() ? fs::path("what-if.yaml") : fs::path(options.output)).parent_path();
  const std::string base_path = fs::absolute(baseline_path).lexically_normal().lexically_relative(written_in).string();
  const std::string text = what_if_text(*team, options, base_path, baseline);
  if (options.output.empty()) {
    out << text;
    return;
  }
  std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
  file << text;
  file.flush();
  if (!file) throw UsageError(fmt::format("{}: cannot write the what-if", options.output));
  out << fmt::format(
      "wrote {} ({} workers listed by pseudonym); fill in its timeline, then:\n  casesim run {} "
      "--start-from {}{}\n",
      options.output, team->workers.size(), options.output, options.snapshot_directory,
      options.team.empty() ? "" : " --team \"" + options.team + "\"");
}

}  // namespace casesim::cli
