#pragma once
// A replication's per-worker weekly series as a results file holds them, for
// whatever records results (recording.hpp's file, the browser build's results
// in memory): one column for every worker of the file.
#include <vector>

#include "engine/model/replication.hpp"
#include "engine/results/results_file.hpp"

namespace casesim::runner {

// result.worker_weekly laid out for every worker of `layout`: a variant whose
// team has fewer (a what-if's run without the workers its timeline starts)
// has 0 in the others' columns. Empty when the layout has no workers.
std::vector<double> worker_columns_of(const results::Layout& layout, const model::ReplicationResult& result);

}  // namespace casesim::runner
