#pragma once
// One replication of a scenario: the public entry point of the model.
#include <array>
#include <cstdint>
#include <vector>

#include "engine/model/durations.hpp"
#include "engine/model/metrics.hpp"
#include "engine/model/model_setup.hpp"
#include "engine/model/statutory_actions.hpp"
#include "engine/model/trace.hpp"

namespace casesim::model {

// Whole-run counts (warm-up included) that must balance: every referral that
// arrived is exactly one of these at the end.
struct ReferralLedger {
  std::uint64_t received = 0;
  std::uint64_t open_at_start = 0;  // a snapshot's children, open when the run starts
  std::uint64_t awaiting_decision = 0;
  std::uint64_t no_further_action = 0;
  std::uint64_t joined_open_case = 0;  // a concern about a child whose case was open: joins that case
  std::uint64_t waiting_allocation = 0;
  std::uint64_t open_allocated = 0;
  std::uint64_t closed = 0;
  bool balances() const {
    return received + open_at_start ==
           awaiting_decision + no_further_action + joined_open_case + waiting_allocation + open_allocated + closed;
  }
};

// The children open at the end of the run, by stage: every open child is in
// exactly one stage, whether a worker has their case or they are waiting.
struct StageCensus {
  std::array<std::uint64_t, kStageCount> open{};
  std::array<std::uint64_t, kStageCount> waiting{};
  std::array<std::uint64_t, kStageCount> visit_overdue{};  // a statutory visit past its date
};

struct ReplicationResult {
  std::array<double, kMetricCount> summary{};
  // Series-major: series s, week w at weekly[s * weeks + w].
  std::vector<double> weekly;
  // Duration-major: duration d, bin b (working days, the last bin longer) at
  // durations[d * kDurationBins + b]: completions in the counted period.
  std::vector<std::uint32_t> durations = std::vector<std::uint32_t>(kDurationCount * kDurationBins, 0);
  ReferralLedger ledger;
  StageCensus census;
  // Highest (caseload - cap - allowance) of any worker at any allocation, where
  // the allowance is what escalation permits; never above 0 under a hard cap.
  double most_over_cap = 0.0;
  // Highest hours a worker used on any day minus the hours they had; never above 0.
  double most_hours_over_available = 0.0;
  std::uint64_t events = 0;
  // From a snapshot: for each of its children (in Snapshot::children order), 1
  // if a statutory visit was made late or was still owed past its date at the
  // end of the run (a visit already overdue on the first day counts). Empty
  // without a snapshot.
  std::vector<std::uint8_t> child_visit_late;
  // From a snapshot: each tracked worker's weekly series (worker_series.hpp),
  // series-major: series q, week w, worker k at
  // worker_weekly[(q * weeks + w) * worker_columns(setup) + k]. Empty without a snapshot.
  std::vector<double> worker_weekly;

  double metric(Metric m) const { return summary[index(m)]; }
};

// From a snapshot: for each of its children, 1 if a statutory visit is already
// overdue on the extract date. Empty without a snapshot.
std::vector<std::uint8_t> snapshot_visits_overdue_at_start(const ModelSetup& setup);

// `trace`, if given, receives every event of the replication (slow; for one replication).
ReplicationResult run_replication(const ModelSetup& setup, std::uint64_t seed, std::uint64_t replication,
                                  TraceSink* trace = nullptr);

}  // namespace casesim::model
