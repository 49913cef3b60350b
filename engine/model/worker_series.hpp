#pragma once
// Per-worker weekly series, for a run from a team's snapshot: each worker's
// caseload and their children with a statutory visit overdue at the end of
// each week, so a manager sees whose caseload a change loads and whose
// children it leaves unvisited. One column per post the team starts with
// (the snapshot's workers, then the scenario's additional workers) and per
// worker the timeline starts; a post's column follows whoever holds it (0
// once its worker has left and while it is vacant). Temporary agency posts
// added by escalation are not tracked.
#include <array>
#include <cstddef>
#include <string_view>

#include "engine/model/model_setup.hpp"

namespace casesim::model {

struct WorkerSeriesDefinition {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
};

inline constexpr std::array<WorkerSeriesDefinition, 2> kWorkerSeries{{
    {"caseload", "cases", "The worker's allocated cases at the end of the week."},
    {"overdue_visits", "children",
     "Children allocated to the worker whose statutory visit is overdue at the end of the week."},
}};
inline constexpr std::size_t kWorkerCaseload = 0;
inline constexpr std::size_t kWorkerOverdueVisits = 1;

// The workers tracked in a replication of `setup`: none without a snapshot.
std::size_t worker_columns(const ModelSetup& setup);

}  // namespace casesim::model
