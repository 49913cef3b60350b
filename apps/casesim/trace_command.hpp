#pragma once
// `casesim trace`: every event of one replication as CSV, so a manager can
// follow one child's timeline and see why a visit was missed.
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace casesim::cli {

struct TraceOptions {
  std::string scenario_path;  // empty: the shipped baseline
  std::uint64_t replication = 0;
  std::optional<std::uint64_t> seed;
  std::string output;         // empty: standard output
  bool force = false;
};

void trace_command(const TraceOptions& options, std::ostream& out);

}  // namespace casesim::cli
