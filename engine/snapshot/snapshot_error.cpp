#include "engine/snapshot/snapshot_error.hpp"

#include <utility>

#include "engine/kernel/one_line.hpp"

namespace casesim::snapshot {

using kernel::one_line;

std::string snapshot_error_text(const std::string& file, int line, const std::string& column,
                                const std::string& problem) {
  std::string text = one_line(file);
  if (line > 0) text += ":" + std::to_string(line);
  if (!column.empty()) text += ": " + one_line(column);
  return text + ": " + one_line(problem);
}

SnapshotError::SnapshotError(std::string file, int line, std::string column, std::string problem)
    : std::runtime_error(snapshot_error_text(file, line, column, problem)),
      file_(std::move(file)),
      line_(line),
      column_(std::move(column)),
      problem_(std::move(problem)) {}

}  // namespace casesim::snapshot
