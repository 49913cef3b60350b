#pragma once
// What the caseload benchmark's C++ peers share: the spec's options and the
// Python peer's report (benchmarks/caseload/peer_heapq.py's lines, which the
// suite reads: tests/validation/caseload_benchmark_agrees_with_peer.py). One
// copy, so that the two programs print the same digits for the same waits
// and a change to the report cannot reach one of them only.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

#include <fmt/core.h>
#include <CLI/CLI.hpp>

namespace caseload_peer {

// The spec's parameters, with its defaults (/work/shared/caseload-benchmark.md).
struct Spec {
  int workers = 10;
  int cap = 18;
  double rate = 2.9;
  double duration = 60.0;
  int interval = 10;
  int visits_per_day = 2;
  int lookahead = 1;
  int days = 20000;
  std::uint64_t seed = 12345;
};

inline void add_spec_options(CLI::App& app, Spec& spec) {
  app.add_option("--workers", spec.workers)->check(CLI::Range(1, 10000));
  app.add_option("--cap", spec.cap)->check(CLI::Range(1, 10000));
  app.add_option("--rate", spec.rate)->check(CLI::Range(1e-6, 1e6));
  app.add_option("--duration", spec.duration)->check(CLI::Range(1e-6, 1e6));
  app.add_option("--interval", spec.interval)->check(CLI::Range(1, 10000));
  app.add_option("--visits", spec.visits_per_day)->check(CLI::Range(0, 10000));
  app.add_option("--lookahead", spec.lookahead)->check(CLI::Range(0, 10000));
  app.add_option("--days", spec.days)->check(CLI::Range(1, 100000000));
  app.add_option("--seed", spec.seed);
}

struct Counts {
  std::uint64_t events = 0, arrivals = 0, closures = 0, rounds = 0, visits = 0, late_visits = 0, overdue = 0;
  std::size_t queue_at_end = 0;
  long open_at_end = 0;
};

// P(wait > 0) in an M/M/c queue, by the stable Erlang-B recursion.
inline double erlang_c(int servers, double offered_load) {
  double blocking = 1.0;
  for (int k = 1; k <= servers; ++k) blocking = offered_load * blocking / (k + offered_load * blocking);
  const double rho = offered_load / servers;
  return blocking / (1.0 - rho + rho * blocking);
}

// Mean and 95% half-width of `values` from 20 consecutive batch means.
inline std::pair<double, double> batch_means_ci(const std::vector<double>& values) {
  constexpr std::size_t kBatches = 20;
  const std::size_t size = values.size() / kBatches;
  if (size == 0) return {NAN, NAN};
  std::vector<double> means(kBatches);
  for (std::size_t b = 0; b < kBatches; ++b) {
    double sum = 0.0;
    for (std::size_t i = b * size; i < (b + 1) * size; ++i) sum += values[i];
    means[b] = sum / static_cast<double>(size);
  }
  double mean = 0.0;
  for (double m : means) mean += m;
  mean /= kBatches;
  double var = 0.0;
  for (double m : means) var += (m - mean) * (m - mean);
  var /= kBatches - 1;
  return {mean, 2.093 * std::sqrt(var / kBatches)};  // t(0.975, 19 degrees of freedom)
}

inline void line(const char* key, const std::string& value) {
  fmt::print("{:32s} {}\n", key, value);
}

// The Python peer's lines: the counts, the unallocated waits (every allocated
// referral's, zeros included, in allocation order) against Erlang C, and the
// run's times (`wall` and `cpu` in seconds, model build and run).
inline void print_report(const Spec& spec, const Counts& c, const std::vector<double>& waits, double wall, double cpu) {
  std::vector<double> waited_flags;
  waited_flags.reserve(waits.size());
  double waited_sum = 0.0;
  std::size_t waited = 0;
  for (double w : waits) {
    waited_flags.push_back(w > 0.0 ? 1.0 : 0.0);
    if (w > 0.0) {
      waited_sum += w;
      ++waited;
    }
  }
  const auto [mean_wait, wait_hw] = batch_means_ci(waits);
  const auto [share, share_hw] = batch_means_ci(waited_flags);
  const int servers = spec.workers * spec.cap;
  const double p_wait = erlang_c(servers, spec.rate * spec.duration);
  const double wq = p_wait / (servers / spec.duration - spec.rate);
  line("events", fmt::format("{}", c.events));
  line("arrivals", fmt::format("{}", c.arrivals));
  line("closures", fmt::format("{}", c.closures));
  line("rounds", fmt::format("{}", c.rounds));
  line("visits", fmt::format("{}", c.visits));
  line("late_visits", fmt::format("{}", c.late_visits));
  line("overdue", fmt::format("{}", c.overdue));
  line("overdue per 1000 visits", fmt::format("{:.3f}", 1000.0 * static_cast<double>(c.overdue) /
                                                            static_cast<double>(std::max<std::uint64_t>(c.visits, 1))));
  line("allocated referrals", fmt::format("{}", waits.size()));
  line("mean unallocated wait (days)", fmt::format("{:.3f} +- {:.3f}  (Erlang C: {:.3f})", mean_wait, wait_hw, wq));
  line("fraction that waited", fmt::format("{:.4f} +- {:.4f}  (Erlang C: {:.4f})", share, share_hw, p_wait));
  line("mean wait of those that waited",
       fmt::format("{:.3f}", waited_sum / static_cast<double>(std::max<std::size_t>(waited, 1))));
  line("queue at T", fmt::format("{}", c.queue_at_end));
  line("open cases at T", fmt::format("{}", c.open_at_end));
  line("wall seconds", fmt::format("{:.3f}", wall));
  line("cpu seconds", fmt::format("{:.3f}", cpu));
  line("events/s", fmt::format("{:.0f}", static_cast<double>(c.events) / wall));
  line("us per simulated day (cpu)", fmt::format("{:.2f}", 1e6 * cpu / spec.days));
}

// Builds and runs a peer's model (`Run`: a constructor from the spec, run(),
// counts() and waits()), timing the two together, and prints the report.
template <class Run, class RunSpec>
int run_and_report(const RunSpec& spec) {
  const auto wall0 = std::chrono::steady_clock::now();
  const std::clock_t cpu0 = std::clock();
  Run run(spec);
  run.run();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
  const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
  print_report(spec, run.counts(), run.waits(), wall, cpu);
  return 0;
}

}  // namespace caseload_peer
