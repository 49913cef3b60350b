#pragma once
// Every what-if answers "because of the change": a run of a scenario with a
// timeline (dated changes) also runs the same team without the timeline,
// replication k of both with the streams of (seed, k), so their difference is
// paired, exactly as in a two-variant experiment whose base leaves the
// timeline out. The base comes first, as an experiment's does, so paired
// differences are "with the changes" minus "without the changes".
#include <memory>
#include <string>
#include <vector>

#include "engine/model/model_setup.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::runner {

inline constexpr const char* kWithoutTheChangesName = "without the changes";
inline constexpr const char* kWithTheChangesName = "with the changes";

// Whether a run of `scenario` is a paired what-if: it has a timeline, and the
// comparison was not turned off (`casesim run --no-comparison`).
bool runs_what_if_comparison(const scenario::Scenario& scenario, bool comparison_wanted);

// The variants' names and models, in the results file's order: for a paired
// what-if, the team without the timeline (results::kWithoutTheChanges) and
// with it (results::kWithTheChanges); otherwise the scenario alone, named by
// its name.
std::vector<std::string> run_variant_names(const scenario::Scenario& scenario, bool what_if);
std::vector<model::ModelSetup> run_setups(const scenario::Scenario& scenario,
                                          const std::shared_ptr<const snapshot::Snapshot>& start, bool what_if);

}  // namespace casesim::runner
