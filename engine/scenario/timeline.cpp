// Dated changes: their names, descriptions and the checks that need the run and the team.
#include "engine/scenario/timeline.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/scenario/load_scenario.hpp"

namespace casesim::scenario {

std::string_view timeline_kind_name(TimelineEvent::Kind kind) {
  using Kind = TimelineEvent::Kind;
  switch (kind) {
    case Kind::worker_leaves: return "worker_leaves";
    case Kind::agency_workers_leave: return "agency_workers_leave";
    case Kind::worker_starts: return "worker_starts";
    case Kind::worker_absent: return "worker_absent";
    case Kind::caseload_cap: return "caseload_cap";
    case Kind::supervision_interval: return "supervision_interval";
    case Kind::manager_absent: return "manager_absent";
    case Kind::manager_replaced: return "manager_replaced";
    case Kind::referral_rate: return "referral_rate";
  }
  return "unknown";
}

std::string describe(const TimelineEvent& e) {
  using Kind = TimelineEvent::Kind;
  const auto until = [&] { return e.until ? " to " + kernel::format_iso_date(*e.until) : std::string(); };
  switch (e.kind) {
    case Kind::worker_leaves: return fmt::format("{} leaves{}", e.worker, e.replaced ? " (replaced)" : "");
    case Kind::agency_workers_leave:
      return fmt::format("{} agency worker{} leave{}", e.count, e.count == 1 ? "" : "s",
                         e.replaced ? " (replaced)" : "");
    case Kind::worker_starts: {
      // Read in the answer's first sentence: "... and New NQSW, a newly
      // qualified permanent worker (1 FTE), starts on 6 April 2027".
      const std::string who =
          fmt::format("{} {}{} worker ({:g} FTE)", e.newly_qualified || !e.agency ? "a" : "an",
                      e.newly_qualified ? "newly qualified " : "", e.agency ? "agency" : "permanent", e.fte);
      return e.name.empty() ? who + " starts" : fmt::format("{}, {}, starts", e.name, who);
    }
    case Kind::worker_absent: return fmt::format("{} absent{}", e.worker, until());
    case Kind::caseload_cap: return fmt::format("caseload cap {:g}", e.cases);
    case Kind::supervision_interval: return fmt::format("supervision every {} weeks", e.weeks);
    case Kind::manager_absent: return fmt::format("manager absent{}", until());
    case Kind::manager_replaced:
      return fmt::format("manager replaced{}{}", e.weeks > 0 ? fmt::format(" after {} weeks vacant", e.weeks) : "",
                         e.interim ? " (interim)" : "");
    case Kind::referral_rate: return fmt::format("referrals x{:g}{}", e.factor, until());
  }
  return "";
}

int timeline_leavers(const std::vector<TimelineEvent>& timeline) {
  int leavers = 0;
  for (const TimelineEvent& e : timeline) {
    if (e.kind == TimelineEvent::Kind::worker_leaves) ++leavers;
    if (e.kind == TimelineEvent::Kind::agency_workers_leave) leavers += e.count;
  }
  return leavers;
}

void check_timeline(const std::vector<TimelineEvent>& timeline, kernel::Date start, int weeks,
                    const std::vector<std::string>& workers, std::string_view team_description) {
  const int first = kernel::days_since_epoch(start);
  const int end = first + 7 * weeks;  // exclusive
  const std::string last_day = kernel::format_iso_date(kernel::date_from_days_since_epoch(end - 1));
  std::vector<std::string> known = workers;
  for (const TimelineEvent& e : timeline) {
    const std::string path = "timeline[" + std::to_string(e.index) + "]";
    const auto fail = [&](const std::string& field, const std::string& message) {
      throw ScenarioError(e.file, e.line, path + field, message);
    };
    const int day = kernel::days_since_epoch(e.date);
    if (day < first || day >= end) {
      fail(".date", fmt::format("{} is outside the run ({} to {})", kernel::format_iso_date(e.date),
                                kernel::format_iso_date(start), last_day));
    }
    using Kind = TimelineEvent::Kind;
    if (e.kind == Kind::worker_leaves || e.kind == Kind::worker_absent) {
      if (std::find(known.begin(), known.end(), e.worker) == known.end()) {
        fail(".worker",
             fmt::format("'{}' is not one of {} nor started by an earlier event", e.worker, team_description));
      }
    }
    if (e.kind == Kind::worker_starts && !e.name.empty()) {
      if (std::find(known.begin(), known.end(), e.name) != known.end())
        fail(".name", fmt::format("'{}' is already a worker's name", e.name));
      known.push_back(e.name);
    }
  }
}

}  // namespace casesim::scenario
