#pragma once
// Where a loader's row problems go: strictly, the first one stops loading (an
// exception); with --lenient, each is recorded and the loader degrades the
// row as docs/snapshot-format.md says, so an analyst sees every problem at once.
#include <string>
#include <vector>

#include "engine/snapshot/snapshot.hpp"

namespace casesim::snapshot {

class ProblemLog {
 public:
  explicit ProblemLog(bool lenient) : lenient_(lenient) {}

  // Strict: throws SnapshotError with these parts. Lenient: records a Problem
  // and returns, and the caller carries on with the row degraded or skipped.
  void report(const std::string& file, int line, const std::string& column, const std::string& problem);

  bool lenient() const { return lenient_; }
  std::vector<Problem> take() { return std::move(problems_); }

 private:
  bool lenient_;
  std::vector<Problem> problems_;
};

}  // namespace casesim::snapshot
