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
//
// An event scheduled to come before everything pending (a model's "in a
// moment": the next arrival, a short delay) waits in a front slot beside the
// heap instead of rising to its root and being sifted out again: the front
// key, when there is one, comes before every key in the heap, so pop takes it
// without touching the heap. The order is the same total order.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
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

  bool empty() const { return !has_front_ && heap_.empty(); }
  std::size_t size() const { return heap_.size() + (has_front_ ? 1 : 0); }
  double next_time() const { return has_front_ ? front_.time : heap_.front().time; }  // precondition: !empty()
  ScheduledEvent pop();                                                               // precondition: !empty()

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
  static constexpr std::uint32_t kInFront = kFree - 1;  // heap_index of the front slot's event

  static bool before(const Key& a, const Key& b) {
    return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
  }
  void place(std::size_t index, const Key& key) {
    heap_[index] = key;
    slots_[key.slot].heap_index = static_cast<std::uint32_t>(index);
  }
  void release(std::uint32_t slot_index);
  void sift_up(std::size_t hole, const Key& key);
  void sift_down(std::size_t hole, const Key& key);
  void remove_at(std::size_t index);
  void push_to_heap(const Key& key) {
    heap_.emplace_back();
    sift_up(heap_.size() - 1, key);
  }
  void enter(const Key& key);

  // Before every key in heap_, when has_front_.
  Key front_{};
  bool has_front_ = false;
  std::vector<Key> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_sequence_ = 0;
};

// push, pop and the sifts are defined here, inline, because they are the
// simulator's inner loop. GCC would not inline push into a model handler that
// schedules from several places on its own; forcing it took the M/M/c benchmark
// from 0.82 to about 0.95 of a bare std::priority_queue (benchmarks/README.md).

[[gnu::always_inline]] inline EventHandle EventQueue::push(double time, Event event) {
  if (time != time) throw std::invalid_argument("EventQueue::push: time is NaN");
  std::uint32_t slot_index;
  if (!free_slots_.empty()) {
    slot_index = free_slots_.back();
    free_slots_.pop_back();
  } else {
    if (slots_.size() >= kFree) throw std::length_error("EventQueue: too many pending events");
    slot_index = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  slots_[slot_index].event = event;
  const Key key{time, next_sequence_++, slot_index};
  enter(key);
  return EventHandle{slot_index, slots_[slot_index].generation};
}

// A new key is later than every key of its time (its sequence number is the
// highest yet), so it goes in front only if strictly earlier than what is next.
[[gnu::always_inline]] inline void EventQueue::enter(const Key& key) {
  if (has_front_) {
    if (key.time < front_.time) {
      push_to_heap(front_);
      front_ = key;
      slots_[key.slot].heap_index = kInFront;
    } else {
      push_to_heap(key);
    }
  } else if (heap_.empty() || key.time < heap_.front().time) {
    has_front_ = true;
    front_ = key;
    slots_[key.slot].heap_index = kInFront;
  } else {
    push_to_heap(key);
  }
}

inline ScheduledEvent EventQueue::pop() {
  assert(!empty());
  if (has_front_) {
    has_front_ = false;
    const ScheduledEvent result{front_.time, slots_[front_.slot].event};
    release(front_.slot);
    return result;
  }
  const Key top = heap_.front();
  const ScheduledEvent result{top.time, slots_[top.slot].event};
  release(top.slot);
  const Key last = heap_.back();
  heap_.pop_back();
  if (heap_.empty()) return result;
  // Floyd's variant: walk the hole from the root to a leaf along the earlier
  // child (one comparison per level), then let the former last key rise from
  // there. The last key is usually late, so it rarely rises far; this does about
  // half the comparisons of a classic sift-down.
  const std::size_t n = heap_.size();
  std::size_t hole = 0;
  for (std::size_t child = 1; child < n; child = 2 * hole + 1) {
    if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
    place(hole, heap_[child]);
    hole = child;
  }
  sift_up(hole, last);
  return result;
}

inline void EventQueue::release(std::uint32_t slot_index) {
  Slot& slot = slots_[slot_index];
  slot.heap_index = kFree;
  ++slot.generation;
  free_slots_.push_back(slot_index);
}

// Both sifts move a hole at `hole` until `key` fits there, writing each moved
// key once (and its slot's back-pointer) instead of swapping.
inline void EventQueue::sift_up(std::size_t hole, const Key& key) {
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / 2;
    if (!before(key, heap_[parent])) break;
    place(hole, heap_[parent]);
    hole = parent;
  }
  place(hole, key);
}

inline void EventQueue::sift_down(std::size_t hole, const Key& key) {
  const std::size_t n = heap_.size();
  for (std::size_t child = 2 * hole + 1; child < n; child = 2 * hole + 1) {
    if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
    if (!before(heap_[child], key)) break;
    place(hole, heap_[child]);
    hole = child;
  }
  place(hole, key);
}

}  // namespace casesim::kernel
