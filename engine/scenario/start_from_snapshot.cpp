#include "engine/scenario/start_from_snapshot.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/scenario/bank_holidays.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/run_dates.hpp"

namespace casesim::scenario {

namespace {

// "W-" and 16 hex digits: safe to show, unlike what else a manager may write.
bool looks_like_pseudonym(const std::string& text) {
  if (text.size() < 3 || text.rfind("W-", 0) != 0) return false;
  return text.find_first_not_of("0123456789abcdef", 2) == std::string::npos;
}

std::string listed(const std::vector<std::string>& pseudonyms) {
  constexpr std::size_t kShown = 40;
  std::string out;
  for (std::size_t i = 0; i < pseudonyms.size() && i < kShown; ++i) out += (i ? ", " : "") + pseudonyms[i];
  if (pseudonyms.size() > kShown) out += fmt::format(" and {} more", pseudonyms.size() - kShown);
  return out;
}

// A worker named in the timeline by their id or name as in workers.csv is
// named from here on by their pseudonym, which is all that goes further. A
// name that matches nobody is not repeated in the error: it may be a real
// person's.
void name_workers_by_pseudonym(std::vector<TimelineEvent>& timeline, const snapshot::Snapshot& snapshot,
                               const std::vector<std::string>& pseudonyms) {
  const auto known = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  std::vector<std::string> started;
  for (TimelineEvent& e : timeline) {
    if (e.kind == TimelineEvent::Kind::worker_starts && !e.name.empty()) started.push_back(e.name);
    if (e.worker.empty() || known(pseudonyms, e.worker) || known(started, e.worker)) continue;
    if (snapshot.worker_pseudonym) {
      std::string pseudonym = snapshot.worker_pseudonym(e.worker);
      if (known(pseudonyms, pseudonym)) {
        e.worker = std::move(pseudonym);
        continue;
      }
    }
    const std::string field = "timeline[" + std::to_string(e.index) + "].worker";
    const std::string who = looks_like_pseudonym(e.worker) ? "'" + e.worker + "' is" : "the worker named here is";
    throw ScenarioError(e.file, e.line, field,
                        fmt::format("{} not one of the snapshot's workers (by their name or id in workers.csv, or "
                                    "their pseudonym) nor started by an earlier event; names are not repeated in "
                                    "messages. The snapshot's workers: {} (casesim snapshot lists them)",
                                    who, listed(pseudonyms)));
  }
}

}  // namespace

Scenario start_from_snapshot(Scenario scenario, const snapshot::Snapshot& snapshot, const std::string& scenario_file) {
  scenario.run.start_date = snapshot.extract_date;
  scenario.run.warm_up_weeks = 0;
  if (const auto problem = run_end_problem(snapshot.extract_date, scenario.run.horizon_weeks)) {
    throw ScenarioError(scenario_file, 0, "run.horizon_weeks", *problem + " (the run starts on the snapshot's date)");
  }
  if (scenario.calendar.bank_holidays != "none") {
    const auto list = shipped_holiday_list(scenario.calendar.bank_holidays);
    const kernel::Date end = kernel::date_from_days_since_epoch(kernel::days_since_epoch(snapshot.extract_date) +
                                                                7 * scenario.run.horizon_weeks);
    if (list && (static_cast<int>(snapshot.extract_date.year()) < list->first_year ||
                 static_cast<int>(end.year()) > list->last_year)) {
      throw ScenarioError(scenario_file, 0, "calendar.bank_holidays",
                          fmt::format("{} covers {}-{}, but the run from the snapshot spans {} to {}",
                                      scenario.calendar.bank_holidays, list->first_year, list->last_year,
                                      kernel::format_iso_date(snapshot.extract_date), kernel::format_iso_date(end)));
    }
  }
  scenario.team.social_workers.clear();
  std::vector<std::string> pseudonyms;
  for (const snapshot::Worker& worker : snapshot.workers) {
    scenario.team.social_workers.push_back({worker.pseudonym, worker.fte, worker.agency, worker.newly_qualified});
    pseudonyms.push_back(worker.pseudonym);
  }
  name_workers_by_pseudonym(scenario.timeline, snapshot, pseudonyms);
  check_timeline(scenario.timeline, scenario.run.start_date, scenario.run.horizon_weeks, pseudonyms,
                 "the snapshot's workers (casesim snapshot lists them)");
  return scenario;
}

}  // namespace casesim::scenario
