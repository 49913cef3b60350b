#include "engine/kernel/event_queue.hpp"

namespace casesim::kernel {

void EventQueue::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
  free_slots_.reserve(n);
}

void EventQueue::clear() {
  for (const Key& key : heap_) release(key.slot);
  heap_.clear();
  if (has_front_) release(front_.slot);
  has_front_ = false;
}

bool EventQueue::pending(EventHandle handle) const {
  return handle.slot < slots_.size() && slots_[handle.slot].generation == handle.generation &&
         slots_[handle.slot].heap_index != kFree;
}

bool EventQueue::cancel(EventHandle handle) {
  if (!pending(handle)) return false;
  if (slots_[handle.slot].heap_index == kInFront) {
    release(handle.slot);
    has_front_ = false;
    return true;
  }
  remove_at(slots_[handle.slot].heap_index);
  return true;
}

bool EventQueue::reschedule(EventHandle handle, double time) {
  if (!pending(handle)) return false;
  if (time != time) throw std::invalid_argument("EventQueue::reschedule: time is NaN");
  // A rescheduled event queues behind everything already at its new time, as if
  // it had just been scheduled: the rule a reader would guess.
  const Key key{time, next_sequence_++, handle.slot};
  if (slots_[handle.slot].heap_index == kInFront) {
    has_front_ = false;
    enter(key);
    return true;
  }
  // The front key goes back into the heap, so that the key moved cannot pass it there.
  if (has_front_) {
    has_front_ = false;
    push_to_heap(front_);
  }
  const std::size_t index = slots_[handle.slot].heap_index;
  if (index > 0 && before(key, heap_[(index - 1) / 2])) {
    sift_up(index, key);
  } else {
    sift_down(index, key);
  }
  return true;
}

void EventQueue::remove_at(std::size_t index) {
  release(heap_[index].slot);
  const Key last = heap_.back();
  heap_.pop_back();
  if (index == heap_.size()) return;  // it was the last key
  if (index > 0 && before(last, heap_[(index - 1) / 2])) {
    sift_up(index, last);
  } else {
    sift_down(index, last);
  }
}

}  // namespace casesim::kernel
