// Kernel benchmarks: what the event queue and simulator cost against the
// simplest thing that could work, a std::priority_queue of (time, sequence, kind).
//
// Both sides run the same model code with the same random draws (same Boost
// engine and distributions); only the event calendar differs. The M/M/c model is
// the shape of the real workload (arrivals, services, a FIFO queue); the hold
// model isolates the calendar at a fixed number of pending events.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

#include <boost/random/exponential_distribution.hpp>

#include "engine/kernel/event_queue.hpp"
#include "engine/kernel/random_streams.hpp"
#include "engine/kernel/simulator.hpp"

namespace casesim::kernel {
namespace {

// ---------------------------------------------------------------------------
// The bare baseline: a binary heap of 24-byte entries ordered by (time, sequence).

struct BareEvent {
  double time;
  std::uint64_t sequence;
  std::uint32_t kind;
  std::uint32_t subject;
};

struct LaterThan {
  bool operator()(const BareEvent& a, const BareEvent& b) const {
    return a.time > b.time || (a.time == b.time && a.sequence > b.sequence);
  }
};

using BareQueue = std::priority_queue<BareEvent, std::vector<BareEvent>, LaterThan>;

// ---------------------------------------------------------------------------
// M/M/c: Poisson arrivals, c servers, exponential service, FIFO waiting line.

constexpr int kServers = 8;
constexpr double kServiceRate = 1.0;
constexpr double kUtilisation = 0.9;
constexpr double kArrivalRate = kUtilisation * kServers * kServiceRate;
// About 2 * 7.2 * 10000 = 144,000 events per run: long enough that start-up is
// negligible, short enough for many iterations.
constexpr double kMmcEndTime = 10000.0;

enum MmcEventKind : std::uint32_t { kArrival = 0, kDeparture = 1 };

class MmcModel {
 public:
  MmcModel()
      : arrivals_(make_stream(1, 0, 0)),
        services_(make_stream(1, 0, 1)),
        interarrival_(kArrivalRate),
        service_time_(kServiceRate) {}

  // `schedule(time, kind)` is the only thing that differs between calendars.
  template <class Schedule>
  void start(Schedule&& schedule) {
    schedule(interarrival_(arrivals_), kArrival);
  }

  template <class Schedule>
  void handle(std::uint32_t kind, double now, Schedule&& schedule) {
    if (kind == kArrival) {
      schedule(now + interarrival_(arrivals_), kArrival);
      if (busy_servers_ < kServers) {
        ++busy_servers_;
        ++served_;
        schedule(now + service_time_(services_), kDeparture);
      } else {
        waiting_since_.push_back(now);
      }
    } else if (!waiting_since_.empty()) {
      total_wait_ += now - waiting_since_.front();
      waiting_since_.pop_front();
      ++served_;
      schedule(now + service_time_(services_), kDeparture);
    } else {
      --busy_servers_;
    }
  }

  // Mean wait in the queue over customers who started service: equal on both
  // calendars, which shows they ran the same model.
  double mean_wait() const { return served_ == 0 ? 0.0 : total_wait_ / static_cast<double>(served_); }

 private:
  StreamEngine arrivals_;
  StreamEngine services_;
  boost::random::exponential_distribution<double> interarrival_;
  boost::random::exponential_distribution<double> service_time_;
  int busy_servers_ = 0;
  std::deque<double> waiting_since_;
  double total_wait_ = 0.0;
  std::uint64_t served_ = 0;
};

void mmc_kernel(benchmark::State& state) {
  std::uint64_t events = 0;
  double mean_wait = 0.0;
  for (auto _ : state) {
    MmcModel model;
    Simulator sim;
    auto schedule = [&sim](double time, std::uint32_t kind) { sim.schedule_at(time, Event{kind, 0}); };
    model.start(schedule);
    events += sim.run_until(kMmcEndTime, [&](const Event& event) { model.handle(event.kind, sim.now(), schedule); });
    mean_wait = model.mean_wait();
    benchmark::DoNotOptimize(mean_wait);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["events_per_run"] = static_cast<double>(events) / static_cast<double>(state.iterations());
  state.counters["mean_wait"] = mean_wait;
}

void mmc_priority_queue(benchmark::State& state) {
  std::uint64_t events = 0;
  double mean_wait = 0.0;
  for (auto _ : state) {
    MmcModel model;
    BareQueue queue;
    std::uint64_t sequence = 0;
    auto schedule = [&](double time, std::uint32_t kind) { queue.push(BareEvent{time, sequence++, kind, 0}); };
    model.start(schedule);
    while (!queue.empty() && queue.top().time < kMmcEndTime) {
      const BareEvent next = queue.top();
      queue.pop();
      model.handle(next.kind, next.time, schedule);
      ++events;
    }
    mean_wait = model.mean_wait();
    benchmark::DoNotOptimize(mean_wait);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(events));
  state.counters["events_per_run"] = static_cast<double>(events) / static_cast<double>(state.iterations());
  state.counters["mean_wait"] = mean_wait;
}

// ---------------------------------------------------------------------------
// Hold model: N pending events; each step pops the earliest and pushes one at
// now + Exp(mean_gap). One item = one event fired. The plain hold draws gaps
// of mean 1; hold_days (below) a plan's length, in a queue bucketed by the day.

void hold_kernel(benchmark::State& state, double mean_gap, double bucket_width) {
  const auto pending = static_cast<std::uint32_t>(state.range(0));
  StreamEngine engine = make_stream(1, 0, 2);
  boost::random::exponential_distribution<double> gap(1.0 / mean_gap);
  EventQueue queue;
  queue.set_bucket_width(bucket_width);
  queue.reserve(pending);
  for (std::uint32_t i = 0; i < pending; ++i) queue.push(gap(engine), Event{0, i});
  for (auto _ : state) {
    const ScheduledEvent next = queue.pop();
    queue.push(next.time + gap(engine), next.event);
  }
  benchmark::DoNotOptimize(queue.next_time());
  state.SetItemsProcessed(state.iterations());
}

void hold_priority_queue(benchmark::State& state, double mean_gap) {
  const auto pending = static_cast<std::uint32_t>(state.range(0));
  StreamEngine engine = make_stream(1, 0, 2);
  boost::random::exponential_distribution<double> gap(1.0 / mean_gap);
  std::vector<BareEvent> storage;
  storage.reserve(pending);
  BareQueue queue(LaterThan{}, std::move(storage));
  std::uint64_t sequence = 0;
  for (std::uint32_t i = 0; i < pending; ++i) queue.push(BareEvent{gap(engine), sequence++, 0, i});
  for (auto _ : state) {
    const BareEvent next = queue.top();
    queue.pop();
    queue.push(BareEvent{next.time + gap(engine), sequence++, next.kind, next.subject});
  }
  benchmark::DoNotOptimize(queue.top().time);
  state.SetItemsProcessed(state.iterations());
}

// Hold with churn that only an indexed queue supports directly: each step also
// cancels a random pending event and schedules a replacement (a worker's
// absence moving a visit), so the size stays N. One item = one event fired.
void hold_cancel_kernel(benchmark::State& state) {
  const auto pending = static_cast<std::uint32_t>(state.range(0));
  StreamEngine engine = make_stream(1, 0, 2);
  boost::random::exponential_distribution<double> gap(1.0);
  EventQueue queue;
  queue.reserve(pending);
  std::vector<EventHandle> handles(pending);
  for (std::uint32_t i = 0; i < pending; ++i) handles[i] = queue.push(gap(engine), Event{0, i});
  for (auto _ : state) {
    const ScheduledEvent next = queue.pop();
    handles[next.event.subject] = queue.push(next.time + gap(engine), next.event);
    const auto victim = static_cast<std::uint32_t>(engine() % pending);
    queue.cancel(handles[victim]);
    handles[victim] = queue.push(next.time + gap(engine), Event{0, victim});
  }
  benchmark::DoNotOptimize(queue.next_time());
  state.SetItemsProcessed(state.iterations());
}

// Hold over days, as the team model's queue is: each step schedules one a
// plan's length later (exponential, mean 60 days), so the queue holds months
// of events and a day a handful. The kernel's queue buckets them by the day
// (its width 1.0: the team model now sets 2.0); "kernel_one_heap" is the same queue
// without buckets.
constexpr double kPlanDays = 60.0;

// Names are "<model>/<calendar>[/N]": benchmarks/run pairs each kernel result
// with the priority_queue result of the same name.
BENCHMARK(mmc_kernel)->Name("mmc_c8_rho0.9/kernel")->Unit(benchmark::kMillisecond);
BENCHMARK(mmc_priority_queue)->Name("mmc_c8_rho0.9/priority_queue")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(hold_kernel, plain, 1.0, 0.0)->Name("hold/kernel")->Arg(64)->Arg(1024)->Arg(16384);
BENCHMARK_CAPTURE(hold_priority_queue, plain, 1.0)->Name("hold/priority_queue")->Arg(64)->Arg(1024)->Arg(16384);
BENCHMARK(hold_cancel_kernel)->Name("hold_cancel/kernel")->Arg(64)->Arg(1024)->Arg(16384);
BENCHMARK_CAPTURE(hold_kernel, days, kPlanDays, 1.0)->Name("hold_days/kernel")->Arg(256)->Arg(4096);
BENCHMARK_CAPTURE(hold_kernel, days_one_heap, kPlanDays, 0.0)->Name("hold_days/kernel_one_heap")->Arg(256)->Arg(4096);
BENCHMARK_CAPTURE(hold_priority_queue, days, kPlanDays)->Name("hold_days/priority_queue")->Arg(256)->Arg(4096);

}  // namespace
}  // namespace casesim::kernel
