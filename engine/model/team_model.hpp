#pragma once
// The first model slice of a social work team, on the discrete-event kernel:
// referrals arrive, the duty worker decides them, accepted cases are allocated
// under the caseload cap or wait unallocated, workers visit their children at
// the statutory interval as their hours allow, and cases close.
//
// One TeamModel is one replication: it owns its simulator, its random streams
// and its state, and reads the shared ModelSetup. See docs/model.md.
#include <cstdint>
#include <vector>

#include "engine/kernel/fifo_queue.hpp"
#include "engine/kernel/random_streams.hpp"
#include "engine/kernel/simulator.hpp"
#include "engine/model/duration_sampler.hpp"
#include "engine/model/replication.hpp"

namespace casesim::model {

class TeamModel {
 public:
  TeamModel(const ModelSetup& setup, std::uint64_t seed, std::uint64_t replication);
  ReplicationResult run();

  // The kernel calls this for every event.
  void operator()(const kernel::Event& event);

 private:
  enum EventKind : std::uint32_t { kReferralArrival, kWorkingDayStart, kCaseClosure, kWeekEnd };

  struct PendingReferral {
    std::uint64_t index = 0;
    kernel::Day arrival_day = 0;
    bool counted = false;  // arrived after the warm-up
  };

  struct Case {
    std::uint64_t referral = 0;  // keys the case's own random draws and breaks ties
    double decided_working_time = 0.0;
    bool counted = false;  // decided after the warm-up
    double duration_working_days = 0.0;
    std::int32_t worker = -1;
    std::uint32_t position = 0;  // index in its worker's case list
    kernel::Day next_visit_due = 0;
    kernel::Day last_visit_day = 0;
  };

  struct Worker {
    std::vector<std::uint32_t> cases;  // case slots
  };

  // Time-weighted mean over the measured window, in working time.
  struct TimeAverage {
    double from = 0.0, to = 0.0, last = 0.0, value = 0.0, area = 0.0;
    void advance(double working_time);
    void set(double working_time, double new_value) {
      advance(working_time);
      value = new_value;
    }
    double mean() const { return to > from ? area / (to - from) : 0.0; }
  };

  struct Tally {
    std::uint64_t referrals_received = 0, decisions_late = 0, referrals_accepted = 0;
    std::uint64_t cases_allocated = 0, cases_closed = 0, cases_stored = 0;
    double wait_sum = 0.0, wait_max = 0.0;
    std::uint64_t wait_count = 0;
    std::uint64_t visits_due = 0, visits_overdue = 0;
    double overdue_days_sum = 0.0, overdue_days_max = 0.0;
    double longest_visit_gap = 0.0;
    double caseload_per_fte_sum = 0.0, caseload_per_fte_max = 0.0;
    std::uint64_t caseload_samples = 0;
  };

  void on_referral_arrival();
  void on_working_day_start(kernel::Day day);
  void on_case_closure(std::uint32_t slot);
  void on_week_end(std::uint32_t week);

  void schedule_next_arrival();
  void decide(const PendingReferral& referral);
  void allocate_waiting();
  void allocate(std::uint32_t slot, std::size_t worker);
  void do_visits(std::size_t worker, kernel::Day day);
  void record_visit(Case& c, kernel::Day done_day);
  void record_missed_visit(const Case& c, kernel::Day as_of_day);
  void record_gap(kernel::Day from, kernel::Day to, kernel::Day counted_from);
  void finish();
  void sample_week(std::size_t week);

  std::uint32_t new_case_slot();
  double working_now() const { return calendar_.working_time_at(sim_.now()); }
  kernel::Day today() const { return static_cast<kernel::Day>(sim_.now()); }
  bool in_window(kernel::Day day) const { return day >= setup_.warm_up_days() && day < setup_.horizon_days(); }
  std::size_t caseload() const { return open_cases_; }

  const ModelSetup& setup_;
  const scenario::Scenario& scenario_;
  const kernel::WorkingCalendar& calendar_;
  std::uint64_t seed_;
  std::uint64_t replication_;

  kernel::Simulator sim_;
  kernel::StreamEngine arrivals_rng_;
  DurationSampler case_duration_;
  double next_arrival_working_time_ = 0.0;

  std::uint64_t referrals_ = 0;
  int duty_decisions_left_ = 0;
  kernel::FifoQueue<PendingReferral> awaiting_decision_;
  kernel::FifoQueue<std::uint32_t> unallocated_;
  std::vector<Case> cases_;
  std::vector<std::uint32_t> free_case_slots_;
  std::vector<Worker> workers_;
  std::size_t open_cases_ = 0;

  // Reused each working day so daily work allocates nothing.
  struct DueVisit {
    kernel::Day due;
    std::uint64_t referral;
    std::uint32_t slot;
  };
  std::vector<DueVisit> due_today_;

  Tally tally_;
  TimeAverage caseload_average_;
  TimeAverage queue_average_;
  ReplicationResult result_;
};

}  // namespace casesim::model
