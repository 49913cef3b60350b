#include "engine/kernel/event_queue.hpp"

#include <cmath>

namespace casesim::kernel {

void EventQueue::set_bucket_width(double width) {
  if (!empty()) throw std::logic_error("EventQueue::set_bucket_width: events are pending");
  if (!(width >= 0.0) || std::isinf(width))
    throw std::invalid_argument("EventQueue::set_bucket_width: the width must be 0 (no buckets) or a positive number");
  per_width_ = width > 0.0 ? 1.0 / width : 0.0;
  next_bucket_ = width > 0.0 ? 0.0 : std::numeric_limits<double>::infinity();
}

void EventQueue::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
  if (per_width_ > 0.0) bucketed_.reserve(n);
  free_slots_.reserve(n);
}

void EventQueue::clear() {
  for (const Key& key : heap_) release(key.slot);
  heap_.clear();
  if (has_front_) release(front_.slot);
  has_front_ = false;
  if (in_buckets_ > 0)
    for (std::uint32_t& head : bucket_heads_) {
      for (std::uint32_t i = head; i != kNone;) {
        const std::uint32_t next = bucketed_[i].next;
        release(i);
        i = next;
      }
      head = kNone;
    }
  in_buckets_ = 0;
}

bool EventQueue::pending(EventHandle handle) const {
  return handle.slot < slots_.size() && slots_[handle.slot].generation == handle.generation &&
         slots_[handle.slot].where != kFree;
}

bool EventQueue::cancel(EventHandle handle) {
  if (!pending(handle)) return false;
  detach(handle.slot);
  release(handle.slot);
  settle();
  return true;
}

bool EventQueue::reschedule(EventHandle handle, double time) {
  if (!pending(handle)) return false;
  if (time != time) throw std::invalid_argument("EventQueue::reschedule: time is NaN");
  // A rescheduled event queues behind everything already at its new time, as if
  // it had just been scheduled: the rule a reader would guess.
  detach(handle.slot);
  route(Key{time, next_sequence_++, handle.slot});
  settle();
  return true;
}

void EventQueue::detach(std::uint32_t slot_index) {
  const std::uint32_t where = slots_[slot_index].where;
  if (where == kInFront)
    has_front_ = false;
  else if (where == kInBucket)
    take_from_bucket(slot_index);
  else
    remove_at(where);
}

void EventQueue::remove_at(std::size_t index) {
  const Key last = heap_.back();
  heap_.pop_back();
  if (index == heap_.size()) return;  // it was the last key
  if (index > 0 && before(last, heap_[(index - 1) / 2])) {
    sift_up(index, last);
  } else {
    sift_down(index, last);
  }
}

void EventQueue::take_from_bucket(std::uint32_t slot_index) {
  const Bucketed& entry = bucketed_[slot_index];
  if (entry.previous != kNone)
    bucketed_[entry.previous].next = entry.next;
  else
    bucket_heads_[ring_index(entry.time * per_width_)] = entry.next;
  if (entry.next != kNone) bucketed_[entry.next].previous = entry.previous;
  --in_buckets_;
}

// The next bucket's events join the heap, in any order: the heap orders them.
void EventQueue::open_next_bucket() {
  std::uint32_t& head = bucket_heads_[ring_index(next_bucket_)];
  std::uint32_t i = head;
  head = kNone;
  next_bucket_ += 1.0;
  while (i != kNone) {
    const Bucketed& entry = bucketed_[i];
    const std::uint32_t next = entry.next;
    --in_buckets_;
    push_to_heap(Key{entry.time, entry.sequence, i});
    i = next;
  }
}

}  // namespace casesim::kernel
