#pragma once
// What every replication of a scenario shares, worked out once: the scenario
// itself, its working-day calendar, the referral rate on each working day and
// the hours and statutory standards that follow from its settings. Immutable after
// construction, so replications read it from many threads.
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/kernel/working_calendar.hpp"
#include "engine/model/statutory_actions.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/snapshot/snapshot.hpp"

namespace casesim::model {

// A timeline event placed on the model's days, with its worker resolved to a post.
struct DatedChange {
  kernel::Day day = 0;        // the first working day on or after the event's date
  std::size_t event = 0;      // index into scenario().timeline
  std::int32_t post = -1;     // worker_leaves, worker_absent: the worker's post; worker_starts: the new post
  kernel::Day until_day = 0;  // worker_absent, manager_absent: absent on days before this
};

class ModelSetup {
 public:
  // With a snapshot, every replication starts from its workers and open
  // children on its extract date (the scenario's run must already start then:
  // see snapshot::start_from); its team replaces team.social_workers.
  explicit ModelSetup(scenario::Scenario scenario, std::shared_ptr<const snapshot::Snapshot> snapshot = nullptr);

  const scenario::Scenario& scenario() const { return scenario_; }
  const kernel::WorkingCalendar& calendar() const { return calendar_; }
  kernel::Day horizon_days() const { return horizon_days_; }
  kernel::Day warm_up_days() const { return warm_up_days_; }
  int weeks() const { return scenario_.run.horizon_weeks; }
  // Actions due on or after this day are counted: the end of the warm-up, or,
  // from a snapshot, every action already owed on the first day.
  kernel::Day counting_from_day() const { return counting_from_day_; }

  const snapshot::Snapshot* snapshot() const { return snapshot_.get(); }
  // The workers the team starts with (a snapshot's, or the scenario's list),
  // then the additional permanent and agency workers: posts 0..initial_posts()-1.
  std::size_t initial_posts() const { return initial_posts_; }
  // Posts for the workers timeline events start, after the initial ones.
  std::size_t posts_for_starts() const { return posts_for_starts_; }
  const std::vector<DatedChange>& dated_changes() const { return dated_changes_; }

  // Referral rate on working day k (k = 0 the first working day of the run):
  // the scenario's rate times its weekday and month multipliers.
  double referral_rate_on_working_day(std::int64_t k) const {
    return k < static_cast<std::int64_t>(referral_rate_.size()) ? referral_rate_[static_cast<std::size_t>(k)]
                                                                : scenario_.referrals.rate_per_working_day;
  }
  // Case-work hours in a working day for a worker of this FTE.
  double case_hours_per_working_day(double fte) const { return case_hours_per_fte_ * fte; }
  // How each statutory action is done at each stage.
  const StatutoryStandards& standards() const { return standards_; }

 private:
  void add_dated_starters();
  void place_timeline();

  scenario::Scenario scenario_;
  kernel::WorkingCalendar calendar_;
  kernel::Day horizon_days_ = 0;
  kernel::Day warm_up_days_ = 0;
  kernel::Day counting_from_day_ = 0;
  std::shared_ptr<const snapshot::Snapshot> snapshot_;
  std::size_t initial_posts_ = 0;
  std::size_t posts_for_starts_ = 0;
  std::vector<DatedChange> dated_changes_;
  std::vector<double> referral_rate_;
  double case_hours_per_fte_ = 0.0;
  StatutoryStandards standards_;
};

}  // namespace casesim::model
