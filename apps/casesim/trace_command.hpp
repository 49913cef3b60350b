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
  std::string output;         // with output_given: the CSV file
  bool output_given = false;  // false: standard output
  bool force = false;
  // As for `casesim run`: start from a team's snapshot (docs/snapshot-format.md).
  std::string start_from;  // the snapshot directory; empty: none
  bool lenient = false;    // report bad snapshot rows, count them, and go on
  std::string salt_file;   // the pseudonyms' key; empty: derived from the snapshot
  std::string team;        // with start_from: one team of an authority-wide extract
};

// The CSV's columns: date,day,time,event,child,worker,due_date,value,detail.
// A child is "C" and its number in the replication (C000094), or, for a child
// open in the snapshot a run started from, the snapshot's pseudonym
// (C-1a2b3c4d, as in the report's list); a worker is the scenario's or the
// snapshot's name for the post (a pseudonym, W-1a2b3c4d, from a snapshot).
// Nothing from a snapshot reaches the trace in clear: the snapshot holds only
// pseudonyms.

// Throws scenario::ScenarioError, snapshot::SnapshotError or UsageError for bad input.
void trace_command(const TraceOptions& options, std::ostream& out);

}  // namespace casesim::cli
