#pragma once
// The simulation clock and event loop of one replication. A value, not a
// singleton: every replication owns its own, so many run in parallel.
//
// The loop is a template over the model's handler so that dispatch is a direct
// (inlinable) call with a switch on Event::kind inside the model: no virtual
// call or std::function per event.
#include <cstdint>
#include <stdexcept>

#include "engine/kernel/event_queue.hpp"

namespace casesim::kernel {

class Simulator {
 public:
  Simulator() = default;
  // `bucket_width`: the time unit the model's events spread over (a day), or
  // 0 for none (EventQueue::set_bucket_width).
  explicit Simulator(double bucket_width) { queue_.set_bucket_width(bucket_width); }
  double now() const { return now_; }
  std::uint64_t events_processed() const { return events_processed_; }
  std::size_t pending_events() const { return queue_.size(); }
  void reserve(std::size_t n) { queue_.reserve(n); }

  // Inline (forced, as EventQueue::push is): a model schedules from many places.
  [[gnu::always_inline]] EventHandle schedule_at(double time, Event event) {
    if (time < now_) throw std::logic_error("Simulator::schedule_at: time is in the past");
    return queue_.push(time, event);
  }
  EventHandle schedule_in(double delay, Event event) { return schedule_at(now_ + delay, event); }
  bool cancel(EventHandle handle) { return queue_.cancel(handle); }
  bool reschedule(EventHandle handle, double time) {
    if (time < now_) throw std::logic_error("Simulator::reschedule: time is in the past");
    return queue_.reschedule(handle, time);
  }
  bool pending(EventHandle handle) const { return queue_.pending(handle); }

  // Runs every event whose time is before `end` (events at exactly `end` stay
  // pending), calling handler(event) with the clock set to the event's time;
  // afterwards the clock reads `end`. Returns the number of events run.
  // events_processed() counts handlers that returned.
  template <class Handler>
  std::uint64_t run_until(double end, Handler&& handler) {
    // Counted per event, not at the end, so the count is current inside a
    // handler and still right if a handler throws.
    const std::uint64_t processed_before = events_processed_;
    while (!queue_.empty() && queue_.next_time() < end) {
      const ScheduledEvent next = queue_.pop();
      now_ = next.time;
      handler(next.event);
      ++events_processed_;
    }
    if (end > now_) now_ = end;
    return events_processed_ - processed_before;
  }

 private:
  EventQueue queue_;
  double now_ = 0.0;
  std::uint64_t events_processed_ = 0;
};

}  // namespace casesim::kernel
