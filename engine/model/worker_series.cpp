#include "engine/model/worker_series.hpp"

#include "engine/model/team_model.hpp"

namespace casesim::model {

std::size_t worker_columns(const ModelSetup& setup) {
  return setup.snapshot() == nullptr ? 0 : setup.initial_posts() + setup.posts_for_starts();
}

void TeamModel::sample_workers(std::size_t week) {
  const std::size_t workers = worker_columns(setup_);
  if (workers == 0) return;
  const auto weeks = static_cast<std::size_t>(setup_.weeks());
  if (result_.worker_weekly.empty()) result_.worker_weekly.assign(kWorkerSeries.size() * weeks * workers, 0.0);
  const auto at = [&](std::size_t series, std::size_t worker) -> double& {
    return result_.worker_weekly[(series * weeks + week) * workers + worker];
  };
  // A week may be sampled again (the last, at the end of the run): each sample starts afresh.
  for (std::size_t k = 0; k < workers; ++k) {
    at(kWorkerCaseload, k) = k < posts_.size() ? static_cast<double>(posts_[k].cases.size()) : 0.0;
    at(kWorkerOverdueVisits, k) = 0.0;
  }
  const Day end_of_week = 7 * static_cast<Day>(week + 1);
  for_each_case_owing_before(end_of_week, [&](const Case& c) {
    if (c.worker < 0 || static_cast<std::size_t>(c.worker) >= workers) return;
    if (visit_overdue(c, end_of_week)) at(kWorkerOverdueVisits, static_cast<std::size_t>(c.worker)) += 1.0;
  });
}

}  // namespace casesim::model
