#pragma once
// Dated changes to a team: the what-ifs a manager brings ("two agency workers
// leave in March, a newly qualified worker starts in April"). Each takes
// effect from the first working day on or after its date.
#include <optional>
#include <string>
#include <vector>

#include "engine/kernel/date.hpp"

namespace casesim::scenario {

struct TimelineEvent {
  enum class Kind {
    worker_leaves,         // `worker` leaves; their cases go to colleagues or back to the queue
    agency_workers_leave,  // `count` agency workers leave, those who started last first
    worker_starts,         // a new worker (`fte`, `newly_qualified`, `agency`, optional `name`) starts
    worker_absent,         // `worker` is absent from the date to `until`, inclusive
    caseload_cap,          // the cap becomes `cases` (in the policy's basis)
    supervision_interval,  // supervision is due every `weeks` weeks
    manager_absent,        // the manager is absent from the date to `until`, inclusive
    manager_replaced,      // the manager leaves; the post is vacant `weeks`, then a new (or `interim`) one starts
    referral_rate,         // referrals are `factor` times the usual rate, to `until` (or the end of the run)
  };
  Kind kind = Kind::worker_leaves;
  kernel::Date date;
  std::optional<kernel::Date> until;
  // A listed worker's name, a snapshot worker's pseudonym, or an earlier
  // worker_starts event's name.
  std::string worker;
  bool replaced = false;  // worker_leaves, agency_workers_leave: the post is recruited to as usual
  int count = 0;
  std::string name;  // worker_starts
  double fte = 1.0;
  bool newly_qualified = false;
  bool agency = false;
  double cases = 0.0;
  int weeks = 0;
  bool interim = false;
  double factor = 1.0;

  // Where it was written, for errors found only once a snapshot is applied.
  std::string file;
  int line = 0;
  std::size_t index = 0;  // its position in the file's timeline list
};

// The kind's name as written in a scenario file.
std::string_view timeline_kind_name(TimelineEvent::Kind kind);

// A short description for charts and reports: "2 agency workers leave".
std::string describe(const TimelineEvent& event);

// How many workers the timeline has leave (a worker_leaves event each, and
// each agency_workers_leave's count): the most a retention can keep.
int timeline_leavers(const std::vector<TimelineEvent>& timeline);

// Checks what depends on the run and the team: every date within the run
// (from `start` for `weeks` weeks), and every worker named is one of
// `workers` or started by an earlier event. Throws ScenarioError naming the
// event's file, line and field. `team_description` says what the names are
// ("the scenario's social workers", "the snapshot's workers").
void check_timeline(const std::vector<TimelineEvent>& timeline, kernel::Date start, int weeks,
                    const std::vector<std::string>& workers, std::string_view team_description);

}  // namespace casesim::scenario
