#pragma once
// One team out of an authority-wide extract (`--team`): the Annex A lists and
// workers.csv then hold every team, and a run is about one. The team's
// workers are those whose Team in workers.csv is the one named; a child goes
// with their allocated worker's team, or, waiting for a worker, with the
// Allocated Team of the row that gave their stage. A child with neither
// cannot be placed in a team (unless workers.csv has no other team) and is
// left out, listed by that row, so that nothing is dropped unseen.
#include <string>
#include <string_view>
#include <vector>

#include "engine/snapshot/snapshot.hpp"

namespace casesim::snapshot {

// What a team choice left out.
struct TeamLeftOut {
  std::string team;  // as written in workers.csv
  std::size_t workers = 0;
  std::size_t children = 0;
};

struct TeamReport {
  std::string team;                        // the team kept, as written in workers.csv
  std::vector<TeamLeftOut> other_teams;    // in workers.csv's order
  std::vector<std::string> unplaced_rows;  // "list3-referrals.csv:14" for each child with no worker nor team
};

// Keeps `team`'s workers and children (names compared ignoring case, spaces
// and punctuation, as workers are matched), renumbering the children's
// workers; `worker_names`, when not null, is kept index-aligned. Throws
// SnapshotError naming `workers_file` when no worker is in that team, listing
// the teams there are.
TeamReport keep_team(Snapshot& snapshot, std::string_view team, const std::string& workers_file,
                     std::vector<std::string>* worker_names);

}  // namespace casesim::snapshot
