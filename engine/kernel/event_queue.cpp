#include "engine/kernel/event_queue.hpp"

#include <cassert>
#include <stdexcept>

namespace casesim::kernel {

void EventQueue::reserve(std::size_t n) {
  heap_.reserve(n);
  slots_.reserve(n);
  free_slots_.reserve(n);
}

void EventQueue::clear() {
  for (const Key& key : heap_) {
    Slot& slot = slots_[key.slot];
    slot.heap_index = kFree;
    ++slot.generation;
    free_slots_.push_back(key.slot);
  }
  heap_.clear();
}

EventHandle EventQueue::push(double time, Event event) {
  if (!(time == time)) throw std::invalid_argument("EventQueue::push: time is NaN");
  std::uint32_t slot_index;
  if (!free_slots_.empty()) {
    slot_index = free_slots_.back();
    free_slots_.pop_back();
  } else {
    if (slots_.size() >= kFree) throw std::length_error("EventQueue: too many pending events");
    slot_index = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& slot = slots_[slot_index];
  slot.event = event;
  heap_.push_back(Key{time, next_sequence_++, slot_index});
  slot.heap_index = static_cast<std::uint32_t>(heap_.size() - 1);
  sift_up(heap_.size() - 1);
  return EventHandle{slot_index, slot.generation};
}

bool EventQueue::pending(EventHandle handle) const {
  return handle.slot < slots_.size() && slots_[handle.slot].generation == handle.generation &&
         slots_[handle.slot].heap_index != kFree;
}

bool EventQueue::cancel(EventHandle handle) {
  if (!pending(handle)) return false;
  remove_at(slots_[handle.slot].heap_index);
  return true;
}

bool EventQueue::reschedule(EventHandle handle, double time) {
  if (!pending(handle)) return false;
  if (!(time == time)) throw std::invalid_argument("EventQueue::reschedule: time is NaN");
  const std::size_t index = slots_[handle.slot].heap_index;
  // A rescheduled event queues behind everything already at its new time, as if
  // it had just been scheduled: the rule a reader would guess.
  heap_[index].time = time;
  heap_[index].sequence = next_sequence_++;
  sift_up(index);
  sift_down(slots_[handle.slot].heap_index);
  return true;
}

ScheduledEvent EventQueue::pop() {
  assert(!heap_.empty());
  const Key top = heap_.front();
  ScheduledEvent result{top.time, slots_[top.slot].event};
  remove_at(0);
  return result;
}

void EventQueue::place(std::size_t index, const Key& key) {
  heap_[index] = key;
  slots_[key.slot].heap_index = static_cast<std::uint32_t>(index);
}

void EventQueue::sift_up(std::size_t index) {
  const Key key = heap_[index];
  while (index > 0) {
    const std::size_t parent = (index - 1) / 2;
    if (!before(key, heap_[parent])) break;
    place(index, heap_[parent]);
    index = parent;
  }
  place(index, key);
}

void EventQueue::sift_down(std::size_t index) {
  const std::size_t n = heap_.size();
  const Key key = heap_[index];
  for (;;) {
    std::size_t child = 2 * index + 1;
    if (child >= n) break;
    if (child + 1 < n && before(heap_[child + 1], heap_[child])) ++child;
    if (!before(heap_[child], key)) break;
    place(index, heap_[child]);
    index = child;
  }
  place(index, key);
}

void EventQueue::remove_at(std::size_t index) {
  const std::uint32_t slot_index = heap_[index].slot;
  Slot& slot = slots_[slot_index];
  slot.heap_index = kFree;
  ++slot.generation;
  free_slots_.push_back(slot_index);

  const std::size_t last = heap_.size() - 1;
  if (index != last) {
    const std::uint32_t moved_slot = heap_[last].slot;
    place(index, heap_[last]);
    heap_.pop_back();
    sift_up(index);
    sift_down(slots_[moved_slot].heap_index);
  } else {
    heap_.pop_back();
  }
}

}  // namespace casesim::kernel
