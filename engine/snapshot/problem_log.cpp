#include "engine/snapshot/problem_log.hpp"

#include "engine/snapshot/snapshot_error.hpp"

namespace casesim::snapshot {

void ProblemLog::report(const std::string& file, int line, const std::string& column, const std::string& problem) {
  if (!lenient_) throw SnapshotError(file, line, column, problem);
  problems_.push_back(Problem{file, line, column, problem});
}

}  // namespace casesim::snapshot
