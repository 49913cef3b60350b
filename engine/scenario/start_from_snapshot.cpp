#include "engine/scenario/start_from_snapshot.hpp"

#include <fmt/format.h>

#include "engine/scenario/bank_holidays.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/run_dates.hpp"

namespace casesim::scenario {

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
  check_timeline(scenario.timeline, scenario.run.start_date, scenario.run.horizon_weeks, pseudonyms,
                 "the snapshot's workers (casesim snapshot lists them)");
  return scenario;
}

}  // namespace casesim::scenario
