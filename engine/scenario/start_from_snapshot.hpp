#pragma once
// A scenario as it runs from a snapshot of a real team: it starts on the
// snapshot's extract date with no warm-up (the team is not an empty office),
// its team is the snapshot's workers, named by pseudonym, and its timeline is
// checked against that run and that team. A timeline may name a worker as
// workers.csv does; from here on they are named by pseudonym. Validation at the edge, like the
// loader's: the model then trusts the result.
#include <string>

#include "engine/scenario/scenario.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::scenario {

// Throws ScenarioError (naming `scenario_file`, or a timeline event's line)
// when the run from the extract date leaves the bank holiday list's years, or
// a timeline event falls outside the run or names a worker not in the snapshot.
Scenario start_from_snapshot(Scenario scenario, const snapshot::Snapshot& snapshot, const std::string& scenario_file);

}  // namespace casesim::scenario
