#pragma once
// `casesim check FILE...`: whether each file would be accepted, without
// running anything: a scenario, an experiment, an optimise file (each with the
// base scenario it names, and every variant or plan set up for the model) or
// a snapshot directory (read strictly, as --start-from reads it).
#include <ostream>
#include <string>
#include <vector>

namespace casesim::cli {

// "ok: FILE: what it is" on `out` for each file accepted, the loader's one-line
// error (FILE:LINE: FIELD: MESSAGE) prefixed "casesim: " on `err` for each
// refused. Returns how many were refused.
std::size_t check_command(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err);

}  // namespace casesim::cli
