#pragma once
// The pending-event set of a discrete-event simulation: an indexed binary heap.
//
// Why indexed: a model cancels and reschedules events (a worker goes sick, a case
// closes early), so every entry knows its heap position and removal is O(log n)
// without tombstones. Entries live in a slot pool that is reused through a free
// list, so in the steady state pushing and popping allocate nothing.
//
// Order: earliest time first; equal times in the order they were scheduled
// (a sequence number), so runs are deterministic whatever the heap layout.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace casesim::kernel {

// What happens, in the model's own terms: `kind` is the model's event type,
// `subject` the index of whatever it happens to (a worker, a case, ...).
struct Event {
  std::uint32_t kind = 0;
  std::uint32_t subject = 0;
};

// Names one scheduled event. Stale handles (the event fired or was cancelled)
// are detected by the generation count, never confused with a reused slot.
struct EventHandle {
  std::uint32_t slot = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t generation = 0;
  bool valid() const { return slot != std::numeric_limits<std::uint32_t>::max(); }
};

struct ScheduledEvent {
  double time = 0.0;
  Event event;
};

class EventQueue {
 public:
  void reserve(std::size_t n);
  void clear();

  EventHandle push(double time, Event event);
  // Both return false, and change nothing, for a handle that is no longer pending.
  bool cancel(EventHandle handle);
  bool reschedule(EventHandle handle, double time);
  bool pending(EventHandle handle) const;

  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  double next_time() const { return heap_.front().time; }  // precondition: !empty()
  ScheduledEvent pop();                                    // precondition: !empty()

 private:
  // The heap holds small keys (time, sequence, slot) so sifting moves 24 bytes;
  // payloads stay put in the slot pool.
  struct Key {
    double time;
    std::uint64_t sequence;
    std::uint32_t slot;
  };
  struct Slot {
    Event event;
    std::uint32_t generation = 0;
    std::uint32_t heap_index = kFree;
  };
  static constexpr std::uint32_t kFree = std::numeric_limits<std::uint32_t>::max();

  static bool before(const Key& a, const Key& b) {
    return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
  }
  void place(std::size_t index, const Key& key);
  void sift_up(std::size_t index);
  void sift_down(std::size_t index);
  void remove_at(std::size_t index);

  std::vector<Key> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace casesim::kernel
