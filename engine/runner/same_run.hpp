#pragma once
// Whether an unfinished results file holds the run now asked for, before it
// is resumed: same texts, variants, seed, replication plan, catalogue, weeks
// and streams. Anything else would mix two runs in one file.
#include <string>

#include "engine/results/results_file.hpp"

namespace casesim::runner {

// What makes the run recorded in `previous` another than the one `metadata`
// and `layout` describe, as "the seed (11 there, 12 now)"; empty when it is
// the same run. The first difference found, in the order a user would look
// for it (the experiment file, the scenario, the variants, the seed, ...).
// `metadata` is an experiment's (with its record) or a run's (`casesim run`,
// without): each resumes only its own kind of file.
std::string what_differs(const results::ResultsData& previous, const results::Metadata& metadata,
                         const results::Layout& layout);

}  // namespace casesim::runner
