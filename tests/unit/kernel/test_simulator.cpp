#include "engine/kernel/simulator.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>
#include <vector>

namespace casesim::kernel {
namespace {

// What a handler saw: which event, and the clock when it ran.
struct Fired {
  std::uint32_t subject;
  double now;
  bool operator==(const Fired&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Fired& fired) {
  return out << "{" << fired.subject << " @ " << fired.now << "}";
}

TEST(Simulator, StartsAtTimeZeroWithNothingPending) {
  Simulator sim;
  EXPECT_EQ(sim.now(), 0.0);
  EXPECT_EQ(sim.events_processed(), 0u);
  EXPECT_EQ(sim.pending_events(), 0u);
}

TEST(Simulator, RunUntilRunsEventsBeforeEndAndLeavesThoseAtEndPending) {
  Simulator sim;
  sim.schedule_at(1.0, Event{0, 1});
  sim.schedule_at(2.0, Event{0, 2});
  sim.schedule_at(3.0, Event{0, 3});
  sim.schedule_at(1.5, Event{0, 4});
  std::vector<Fired> fired;
  auto record = [&](const Event& event) { fired.push_back({event.subject, sim.now()}); };

  EXPECT_EQ(sim.run_until(2.0, record), 2u);
  EXPECT_EQ(fired, (std::vector<Fired>{{1, 1.0}, {4, 1.5}}));
  EXPECT_EQ(sim.now(), 2.0);
  EXPECT_EQ(sim.pending_events(), 2u);

  // The event at exactly 2 runs in the next window, with the clock at 2.
  fired.clear();
  EXPECT_EQ(sim.run_until(3.0, record), 1u);
  EXPECT_EQ(fired, (std::vector<Fired>{{2, 2.0}}));
  EXPECT_EQ(sim.now(), 3.0);
  EXPECT_EQ(sim.pending_events(), 1u);
}

TEST(Simulator, ClockReadsEndEvenWhenNothingRan) {
  Simulator sim;
  EXPECT_EQ(sim.run_until(7.5, [](const Event&) {}), 0u);
  EXPECT_EQ(sim.now(), 7.5);
  sim.schedule_at(100.0, Event{});
  EXPECT_EQ(sim.run_until(10.0, [](const Event&) {}), 0u);
  EXPECT_EQ(sim.now(), 10.0);
  EXPECT_EQ(sim.pending_events(), 1u);
}

TEST(Simulator, EventsScheduledAtTheCurrentTimeRunInTheSameWindowAfterThoseAlreadyQueued) {
  Simulator sim;
  sim.schedule_at(1.0, Event{0, 1});
  sim.schedule_at(1.0, Event{0, 2});
  sim.schedule_at(1.0, Event{0, 3});
  std::vector<Fired> fired;
  sim.run_until(1.0 + 1e-9, [&](const Event& event) {
    fired.push_back({event.subject, sim.now()});
    // Event 1 schedules 10 now; 10 schedules 11 now (a chain at one instant).
    if (event.subject == 1) sim.schedule_in(0.0, Event{0, 10});
    if (event.subject == 10) sim.schedule_at(sim.now(), Event{0, 11});
  });
  EXPECT_EQ(fired, (std::vector<Fired>{{1, 1.0}, {2, 1.0}, {3, 1.0}, {10, 1.0}, {11, 1.0}}));
  EXPECT_EQ(sim.pending_events(), 0u);
}

TEST(Simulator, HandlerSchedulingLaterEventsInsideTheWindowRunsThem) {
  // A self-perpetuating clock tick every 0.25 from 0: ticks at 0, .25, ..., 2.75
  // run before 3; the one at 3 stays pending.
  Simulator sim;
  sim.schedule_at(0.0, Event{1, 0});
  std::vector<double> tick_times;
  const std::uint64_t ran = sim.run_until(3.0, [&](const Event& event) {
    tick_times.push_back(sim.now());
    sim.schedule_in(0.25, Event{1, event.subject + 1});
  });
  EXPECT_EQ(ran, 12u);
  ASSERT_EQ(tick_times.size(), 12u);
  for (std::size_t i = 0; i < tick_times.size(); ++i) EXPECT_EQ(tick_times[i], 0.25 * static_cast<double>(i));
  EXPECT_EQ(sim.pending_events(), 1u);
  EXPECT_EQ(sim.now(), 3.0);
}

TEST(Simulator, SchedulingInThePastThrows) {
  Simulator sim;
  sim.run_until(5.0, [](const Event&) {});
  EXPECT_THROW(sim.schedule_at(4.999, Event{}), std::logic_error);
  EXPECT_THROW(sim.schedule_in(-0.5, Event{}), std::logic_error);
  EXPECT_EQ(sim.pending_events(), 0u);
  const EventHandle at_now = sim.schedule_at(5.0, Event{});
  EXPECT_TRUE(sim.pending(at_now));
  EXPECT_THROW(sim.reschedule(at_now, 1.0), std::logic_error);
  EXPECT_TRUE(sim.pending(at_now));
  EXPECT_EQ(sim.pending_events(), 1u);
}

TEST(Simulator, NanTimeIsRejected) {
  Simulator sim;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(sim.schedule_at(nan, Event{}), std::invalid_argument);
  EXPECT_THROW(sim.schedule_in(nan, Event{}), std::invalid_argument);
  EXPECT_EQ(sim.pending_events(), 0u);
}

TEST(Simulator, EventsProcessedCountsAcrossWindows) {
  Simulator sim;
  for (int i = 0; i < 10; ++i) sim.schedule_at(static_cast<double>(i), Event{});
  auto ignore = [](const Event&) {};
  EXPECT_EQ(sim.run_until(4.0, ignore), 4u);  // 0, 1, 2, 3
  EXPECT_EQ(sim.events_processed(), 4u);
  EXPECT_EQ(sim.run_until(4.0, ignore), 0u);
  EXPECT_EQ(sim.events_processed(), 4u);
  EXPECT_EQ(sim.run_until(100.0, ignore), 6u);
  EXPECT_EQ(sim.events_processed(), 10u);
}

TEST(Simulator, EventsProcessedIsCurrentInsideTheHandler) {
  Simulator sim;
  for (int i = 0; i < 3; ++i) sim.schedule_at(1.0 + i, Event{});
  std::vector<std::uint64_t> seen;
  sim.run_until(10.0, [&](const Event&) { seen.push_back(sim.events_processed()); });
  // The event being handled is not yet counted; the ones before it are.
  EXPECT_EQ(seen, (std::vector<std::uint64_t>{0, 1, 2}));
  EXPECT_EQ(sim.events_processed(), 3u);
}

TEST(Simulator, CancelledAndRescheduledEventsRunAccordingly) {
  Simulator sim;
  const EventHandle visit = sim.schedule_at(2.0, Event{0, 1});
  const EventHandle review = sim.schedule_at(3.0, Event{0, 2});
  sim.schedule_at(4.0, Event{0, 3});
  std::vector<Fired> fired;
  EventHandle extra;
  sim.run_until(10.0, [&](const Event& event) {
    fired.push_back({event.subject, sim.now()});
    if (event.subject == 1) {
      EXPECT_TRUE(sim.cancel(review));
      EXPECT_FALSE(sim.reschedule(visit, 9.0));   // it is running: no longer pending
      extra = sim.schedule_in(5.0, Event{0, 4});  // at 7, pulled forward to 6 below
    }
    if (event.subject == 3) {
      EXPECT_TRUE(sim.reschedule(extra, 6.0));
    }
  });
  EXPECT_EQ(fired, (std::vector<Fired>{{1, 2.0}, {3, 4.0}, {4, 6.0}}));
  EXPECT_FALSE(sim.pending(review));
  EXPECT_EQ(sim.events_processed(), 3u);
}

TEST(Simulator, ExceptionFromHandlerLeavesCountsConsistent) {
  Simulator sim;
  for (int i = 0; i < 5; ++i) sim.schedule_at(1.0 + i, Event{0, static_cast<std::uint32_t>(i)});
  EXPECT_THROW(sim.run_until(10.0,
                             [](const Event& event) {
                               if (event.subject == 2) throw std::runtime_error("model invariant broken");
                             }),
               std::runtime_error);
  // Events 0 and 1 completed; event 2 was popped but its handler did not
  // finish, so it is not counted. The clock stays where the failure happened.
  EXPECT_EQ(sim.events_processed(), 2u);
  EXPECT_EQ(sim.now(), 3.0);
  EXPECT_EQ(sim.pending_events(), 2u);
}

}  // namespace
}  // namespace casesim::kernel
