#include "engine/snapshot/team_choice.hpp"

#include <algorithm>

#include "engine/snapshot/column_match.hpp"
#include "engine/snapshot/snapshot_error.hpp"

namespace casesim::snapshot {

TeamReport keep_team(Snapshot& snapshot, std::string_view team, const std::string& workers_file,
                     std::vector<std::string>* worker_names) {
  const std::string wanted = normalise_key(team);
  TeamReport report;
  std::vector<std::int32_t> new_index(snapshot.workers.size(), -1);
  std::vector<Worker> kept;
  std::vector<std::string> kept_names;
  const auto other = [&](const std::string& name) -> TeamLeftOut& {
    const auto at = std::find_if(report.other_teams.begin(), report.other_teams.end(),
                                 [&](const TeamLeftOut& t) { return t.team == name; });
    if (at != report.other_teams.end()) return *at;
    report.other_teams.push_back({name, 0, 0});
    return report.other_teams.back();
  };
  for (std::size_t i = 0; i < snapshot.workers.size(); ++i) {
    Worker& worker = snapshot.workers[i];
    if (normalise_key(worker.team) != wanted) {
      ++other(worker.team).workers;
      continue;
    }
    if (report.team.empty()) report.team = worker.team;
    new_index[i] = static_cast<std::int32_t>(kept.size());
    kept.push_back(std::move(worker));
    if (worker_names) kept_names.push_back(std::move((*worker_names)[i]));
  }
  if (kept.empty()) {
    std::string teams;
    for (const TeamLeftOut& t : report.other_teams)
      teams += (teams.empty() ? "" : ", ") + t.team + " (" + std::to_string(t.workers) + ")";
    throw SnapshotError(workers_file, 0, "Team",
                        "no worker is in team '" + std::string(team) + "'; the teams here (workers): " + teams);
  }
  // In an extract of one team, a child waiting for a worker can only be that team's.
  const bool only_team = report.other_teams.empty();
  std::vector<Child> children;
  for (Child& child : snapshot.children) {
    if (child.worker < 0) {
      if (normalise_key(child.team) == wanted || (child.team.empty() && only_team)) {
        children.push_back(std::move(child));
      } else if (child.team.empty()) {
        report.unplaced_rows.push_back(child.source);
      } else {
        ++other(child.team).children;
      }
      continue;
    }
    const std::int32_t index = new_index[static_cast<std::size_t>(child.worker)];
    if (index < 0) {
      ++other(snapshot.workers[static_cast<std::size_t>(child.worker)].team).children;
      continue;
    }
    child.worker = index;
    children.push_back(std::move(child));
  }
  snapshot.workers = std::move(kept);
  snapshot.children = std::move(children);
  if (worker_names) *worker_names = std::move(kept_names);
  return report;
}

}  // namespace casesim::snapshot
