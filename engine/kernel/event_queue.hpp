#pragma once
// The pending-event set of a discrete-event simulation: an indexed binary heap,
// with, when the model names a time unit its events spread over, a ring of
// buckets of that unit in front of it (a calendar queue's buckets).
//
// Why indexed: a model cancels and reschedules events (a worker goes sick, a case
// closes early), so every entry knows where it is and removal is cheap
// without tombstones. Entries live in a slot pool that is reused through a free
// list, so in the steady state pushing and popping allocate nothing.
//
// Order: earliest time first; equal times in the order they were scheduled
// (a sequence number), so runs are deterministic whatever the layout.
//
// Why buckets: a model of days holds its events of the next months (a case's
// plan ending, say) while it works through a handful a day. In one heap each
// of those costs a sift through every level, on the way in and on the way
// out. With a bucket width (set_bucket_width: a day, for such a model), an
// event more than the current bucket ahead waits in its bucket, a list
// threaded through the slots, in any order; when the heap has nothing left
// before the next bucket, that bucket's events join the heap. The heap then
// holds one bucket's events (and the rare ones beyond the ring), so its
// sifts are short, and putting an event in a bucket or taking it out is a
// few stores. Which tier an event is in depends only on floor(time / width),
// which never decreases as time grows: every event in a bucket comes after
// every event in the heap's tier, so the order is the same total order. With
// no width (the default) every event is in the heap.
//
// An event scheduled to come before everything pending (a model's "in a
// moment": the next arrival, a short delay) waits in a front slot beside the
// heap instead of rising to its root and being sifted out again: the front
// key, when there is one, comes before every other key. The order is the
// same total order.
#include <array>
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
  // How many bucket widths ahead the ring reaches; events beyond it wait in the heap.
  static constexpr std::size_t kBuckets = 512;

  EventQueue() { bucket_heads_.fill(kNone); }

  // Events `width` or more apart in time are kept apart in buckets (0: one
  // heap). Only while the queue is empty; the order is the same whatever it is.
  void set_bucket_width(double width);
  void reserve(std::size_t n);
  void clear();

  EventHandle push(double time, Event event);
  // Both return false, and change nothing, for a handle that is no longer pending.
  bool cancel(EventHandle handle);
  bool reschedule(EventHandle handle, double time);
  bool pending(EventHandle handle) const;

  bool empty() const { return !has_front_ && heap_.empty(); }  // nothing in a bucket either (see settle)
  std::size_t size() const { return heap_.size() + in_buckets_ + (has_front_ ? 1 : 0); }
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
    std::uint32_t where = kFree;  // its heap index, kInFront, kInBucket or kFree
  };
  // A slot's event while it is in a bucket: its key, and its neighbours in
  // the bucket's list. Kept beside the slots (bucketed_[slot]), not in them,
  // so that a slot stays 16 bytes for what every event reads.
  struct Bucketed {
    double time = 0.0;
    std::uint64_t sequence = 0;
    std::uint32_t next = 0, previous = 0;
  };
  static constexpr std::uint32_t kFree = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint32_t kInFront = kFree - 1;   // where of the front slot's event
  static constexpr std::uint32_t kInBucket = kFree - 2;  // where of an event in a bucket
  static constexpr std::uint32_t kNone = kFree;          // no slot: a list's end
  // Bucket numbers are whole doubles; beyond 2^52 they are not all distinct.
  static constexpr double kLastBucket = 4503599627370496.0;

  static bool before(const Key& a, const Key& b) {
    return a.time < b.time || (a.time == b.time && a.sequence < b.sequence);
  }
  void place(std::size_t index, const Key& key) {
    heap_[index] = key;
    slots_[key.slot].where = static_cast<std::uint32_t>(index);
  }
  void release(std::uint32_t slot_index);
  void sift_up(std::size_t hole, const Key& key);
  void sift_down(std::size_t hole, const Key& key);
  void remove_at(std::size_t index);  // the slot stays taken
  void push_to_heap(const Key& key) {
    heap_.emplace_back();
    sift_up(heap_.size() - 1, key);
  }
  void enter(const Key& key);
  // Puts a key where its time says: the heap's tier (enter), a bucket, or the heap beyond the ring.
  void route(const Key& key);
  // Takes a pending event out of wherever it is; its slot stays taken.
  void detach(std::uint32_t slot_index);
  std::size_t ring_index(double bucket) const {
    return static_cast<std::size_t>(static_cast<std::uint64_t>(bucket)) & (kBuckets - 1);
  }
  void put_in_bucket(const Key& key, double bucket);
  void take_from_bucket(std::uint32_t slot_index);
  void open_next_bucket();
  // Restores what next_time and pop read: the earliest event is the front
  // key or the heap's top. Inline: after every pop.
  void settle() {
    if (has_front_) return;
    while (in_buckets_ > 0 && (heap_.empty() || !(heap_.front().time * per_width_ < next_bucket_))) open_next_bucket();
    if (in_buckets_ == 0 && !heap_.empty()) follow_earliest();
  }
  // With nothing in a bucket, the next bucket moves on to follow the heap's
  // earliest event, so that what is scheduled soon after it is bucketed.
  void follow_earliest();

  // Before every other key, when has_front_.
  Key front_{};
  bool has_front_ = false;
  std::vector<Key> heap_;
  std::vector<Slot> slots_;
  std::vector<Bucketed> bucketed_;  // grown to slots_'s size as events go into buckets
  std::vector<std::uint32_t> free_slots_;
  std::uint64_t next_sequence_ = 0;
  // 1 / the bucket width (0: no buckets). An event at time t is in bucket
  // floor(t * per_width_): in the heap's tier if that is before next_bucket_,
  // in the ring if within kBuckets of it, else in the heap.
  double per_width_ = 0.0;
  double next_bucket_ = std::numeric_limits<double>::infinity();
  std::size_t in_buckets_ = 0;
  std::array<std::uint32_t, kBuckets> bucket_heads_;
};

// push, pop, route and the sifts are defined here, inline, because they are the
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
    if (slots_.size() >= kInBucket) throw std::length_error("EventQueue: too many pending events");
    slot_index = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  slots_[slot_index].event = event;
  route(Key{time, next_sequence_++, slot_index});
  return EventHandle{slot_index, slots_[slot_index].generation};
}

[[gnu::always_inline]] inline void EventQueue::route(const Key& key) {
  const double bucket = key.time * per_width_;
  // Before the next bucket (and every time without buckets: 0 or NaN is not
  // at or after infinity): the heap's tier.
  if (!(bucket >= next_bucket_)) {
    enter(key);
    return;
  }
  if (bucket < next_bucket_ + static_cast<double>(kBuckets))
    put_in_bucket(key, bucket);
  else
    push_to_heap(key);  // beyond the ring
  settle();
}

// A new key is later than every key of its time (its sequence number is the
// highest yet), so it goes in front only if strictly earlier than what is next.
// Only for a key in the heap's tier: it comes before everything in a bucket.
[[gnu::always_inline]] inline void EventQueue::enter(const Key& key) {
  if (has_front_) {
    if (key.time < front_.time) {
      push_to_heap(front_);
      front_ = key;
      slots_[key.slot].where = kInFront;
    } else {
      push_to_heap(key);
    }
  } else if (heap_.empty() || key.time < heap_.front().time) {
    has_front_ = true;
    front_ = key;
    slots_[key.slot].where = kInFront;
  } else {
    push_to_heap(key);
  }
}

// Bucket numbers in the ring are whole and not negative (next_bucket_ starts
// at 0 and only grows): truncation is floor.
[[gnu::always_inline]] inline void EventQueue::put_in_bucket(const Key& key, double bucket) {
  std::uint32_t& head = bucket_heads_[ring_index(bucket)];
  slots_[key.slot].where = kInBucket;
  if (bucketed_.size() < slots_.size()) bucketed_.resize(slots_.size());
  Bucketed& entry = bucketed_[key.slot];
  entry.time = key.time;
  entry.sequence = key.sequence;
  entry.previous = kNone;
  entry.next = head;
  if (head != kNone) bucketed_[head].previous = key.slot;
  head = key.slot;
  ++in_buckets_;
}

inline void EventQueue::follow_earliest() {
  const double bucket = heap_.front().time * per_width_;
  if (bucket >= next_bucket_ && bucket < kLastBucket)
    next_bucket_ = static_cast<double>(static_cast<std::uint64_t>(bucket)) + 1.0;
}

inline ScheduledEvent EventQueue::pop() {
  assert(!empty());
  if (has_front_) {
    has_front_ = false;
    const ScheduledEvent result{front_.time, slots_[front_.slot].event};
    release(front_.slot);
    settle();
    return result;
  }
  const Key top = heap_.front();
  const ScheduledEvent result{top.time, slots_[top.slot].event};
  release(top.slot);
  const Key last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) {
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
  }
  settle();
  return result;
}

inline void EventQueue::release(std::uint32_t slot_index) {
  Slot& slot = slots_[slot_index];
  slot.where = kFree;
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
