#pragma once
// An optional record of everything that happens in one replication, for
// `casesim trace`: a manager can follow one child's timeline and see why a
// visit was missed. The model calls it only when a sink is attached, so a
// normal run pays one null-pointer test per traced action.
#include <cstdint>
#include <string_view>

namespace casesim::model {

// The worker id of the team manager in trace records (covering the due work
// of children waiting for a worker).
inline constexpr std::int64_t kTeamManagerId = -2;

struct TraceRecord {
  std::int32_t day = 0;       // days since the start date
  double time = 0.0;          // simulation time in days
  std::string_view event;     // e.g. "referral", "allocated", "visit", "visit_missed"
  std::int64_t child = -1;    // the child's number in this replication, -1 if none
  std::int64_t worker = -1;   // post * 1000 + worker serial, kTeamManagerId, or -1 if none
  std::int32_t due_day = -1;  // the statutory due date, where there is one
  double value = 0.0;         // e.g. working days late, hours
  std::string_view detail;    // e.g. the stage, the outcome
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void record(const TraceRecord& record) = 0;
};

}  // namespace casesim::model
