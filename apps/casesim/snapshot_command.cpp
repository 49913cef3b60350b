#include "apps/casesim/snapshot_command.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <vector>

#include "apps/casesim/usage_error.hpp"
#include "engine/input/input_error.hpp"
#include "engine/snapshot/load_snapshot.hpp"
#include "engine/snapshot/pseudonymiser.hpp"

namespace casesim::cli {

namespace {

using snapshot::Stage;

// Highest precedence first, as a manager reads a caseload.
constexpr std::array<Stage, 6> kStages = {Stage::looked_after, Stage::cp_plan,    Stage::cin_plan,
                                          Stage::assessment,   Stage::section_47, Stage::referral};
constexpr std::array<const char*, 6> kStageColumns = {"LA", "CP", "CIN", "asmt", "s47", "ref"};

std::size_t column_of(Stage stage) {
  return static_cast<std::size_t>(std::find(kStages.begin(), kStages.end(), stage) - kStages.begin());
}

std::string weekday_name(kernel::Date date) {
  static constexpr std::array<const char*, 7> kNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                        "Thursday", "Friday", "Saturday"};
  return kNames[std::chrono::weekday(std::chrono::sys_days(date)).c_encoding()];
}

std::string fte_text(double fte) {
  std::string text = fmt::format("{:.2f}", fte);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string snapshot_summary(const snapshot::Snapshot& snap, const std::vector<std::string>& worker_names) {
  std::string out;
  const bool names = !worker_names.empty();

  // Caseloads: one row per worker, and one for children nobody holds.
  std::vector<std::array<int, 6>> caseloads(snap.workers.size() + 1, std::array<int, 6>{});
  std::array<int, 6> by_stage{};
  for (const auto& child : snap.children) {
    const std::size_t row = child.worker < 0 ? snap.workers.size() : static_cast<std::size_t>(child.worker);
    ++caseloads[row][column_of(child.stage)];
    ++by_stage[column_of(child.stage)];
  }

  double fte = 0;
  int agency = 0;
  int newly_qualified = 0;
  int absent = 0;
  std::size_t team_width = 4;
  std::size_t name_width = 4;
  std::size_t pseudonym_width = 10;
  for (std::size_t i = 0; i < snap.workers.size(); ++i) {
    const auto& worker = snap.workers[i];
    pseudonym_width = std::max(pseudonym_width, worker.pseudonym.size());
    fte += worker.fte;
    agency += worker.agency;
    newly_qualified += worker.newly_qualified;
    absent += worker.absent_until.has_value();
    team_width = std::max(team_width, worker.team.size());
    if (names) name_width = std::max(name_width, worker_names[i].size());
  }

  out += fmt::format("extract date {} ({})\n\n", kernel::format_iso_date(snap.extract_date),
                     weekday_name(snap.extract_date));
  out += fmt::format("workers: {} ({} FTE; {} agency, {} newly qualified, {} absent)\n", snap.workers.size(),
                     fte_text(fte), agency, newly_qualified, absent);
  std::string header = fmt::format("{:<{}}  ", "worker", pseudonym_width);
  if (names) header += fmt::format("{:<{}}  ", "name", name_width);
  header +=
      fmt::format("{:<{}}  {:>4}  {:<9}  {:<3}  {:<12}", "team", team_width, "FTE", "contract", "NQ", "absent until");
  for (const char* column : kStageColumns) header += fmt::format("  {:>4}", column);
  header += "  total\n";
  out += header;
  for (std::size_t i = 0; i <= snap.workers.size(); ++i) {
    std::string line;
    if (i < snap.workers.size()) {
      const auto& worker = snap.workers[i];
      line = fmt::format("{:<{}}  ", worker.pseudonym, pseudonym_width);
      if (names) line += fmt::format("{:<{}}  ", worker_names[i], name_width);
      line += fmt::format("{:<{}}  {:>4}  {:<9}  {:<3}  {:<12}", worker.team, team_width, fte_text(worker.fte),
                          worker.agency ? "agency" : "permanent", worker.newly_qualified ? "yes" : "no",
                          worker.absent_until ? kernel::format_iso_date(*worker.absent_until) : "-");
    } else {
      line =
          fmt::format("{:<{}}", "unallocated",
                      pseudonym_width + 2 + (names ? name_width + 2 : 0) + team_width + 2 + 4 + 2 + 9 + 2 + 3 + 2 + 12);
    }
    int total = 0;
    for (const int count : caseloads[i]) {
      line += fmt::format("  {:>4}", count);
      total += count;
    }
    out += line + fmt::format("  {:>5}\n", total);
  }

  out += "\nchildren by stage\n";
  for (std::size_t s = 0; s < kStages.size(); ++s) {
    out += fmt::format("  {:<20}{:>5}\n", snapshot::stage_name(kStages[s]), by_stage[s]);
  }
  out += fmt::format("  {:<20}{:>5}\n", "total", snap.children.size());

  std::vector<const snapshot::Child*> unknown;
  for (const auto& child : snap.children) {
    const bool visited =
        child.stage == Stage::looked_after || child.stage == Stage::cp_plan || child.stage == Stage::cin_plan;
    if (visited && !child.last_visit) unknown.push_back(&child);
  }
  out += fmt::format("\nlast visit unknown: {} {}\n", unknown.size(), unknown.size() == 1 ? "child" : "children");
  for (const auto* child : unknown) {
    out += fmt::format("  {}  {:<13}  {}\n", child->pseudonym, snapshot::stage_name(child->stage), child->source);
  }

  out += fmt::format("\nproblems: {}\n", snap.problems.empty() ? "none" : std::to_string(snap.problems.size()));
  for (const auto& problem : snap.problems) {
    out += "  " + input::input_error_text(problem.file, problem.line, problem.column, problem.problem) + "\n";
  }
  return out;
}

std::string team_report_text(const snapshot::TeamReport& report) {
  std::string out = fmt::format("\nteam: {} (--team); left out of the extract:\n", report.team);
  std::size_t width = 20;
  for (const auto& other : report.other_teams) width = std::max(width, other.team.size());
  for (const auto& other : report.other_teams) {
    out += fmt::format("  {:<{}}  {:>4} {}  {:>5} {}\n", other.team, width, other.workers,
                       other.workers == 1 ? "worker " : "workers", other.children,
                       other.children == 1 ? "child" : "children");
  }
  if (report.other_teams.empty()) out += "  no other team\n";
  const std::size_t unplaced = report.unplaced_rows.size();
  out += fmt::format("children with no allocated worker nor team, so in no team: {}\n", unplaced);
  for (const std::string& row : report.unplaced_rows) out += "  " + row + "\n";
  return out;
}

void snapshot_command(const SnapshotOptions& options, std::ostream& out) {
  std::vector<std::string> worker_names;
  snapshot::LoadOptions load;
  load.lenient = options.lenient;
  snapshot::TeamReport team_report;
  if (!options.team.empty()) {
    load.team = options.team;
    load.team_report = &team_report;
  }
  if (options.show_names) load.worker_names = &worker_names;
  snapshot::Snapshot snap;
  try {
    if (!options.salt_file.empty()) load.salt = snapshot::read_salt_file(options.salt_file);
    snap = snapshot::load_snapshot(options.directory, load);
  } catch (const snapshot::SnapshotError& error) {
    // Bad input, reported as the program reports any (exit status 2).
    throw UsageError(error.what());
  }
  out << "snapshot " << options.directory << (options.lenient ? " (lenient)" : "") << "\n";
  out << (options.salt_file.empty() ? "pseudonyms: keyed by the snapshot's own files\n"
                                    : "pseudonyms: keyed by the salt in " + options.salt_file + "\n");
  out << snapshot_summary(snap, worker_names);
  if (!options.team.empty()) out << team_report_text(team_report);
}

}  // namespace casesim::cli
