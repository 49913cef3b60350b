#include "engine/kernel/event_queue.hpp"

#include <algorithm>
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
  if (per_width_ > 0.0) {
    bucketed_.reserve(n);
    if (run_.size() < n) run_.resize(n);
  }
  free_slots_.reserve(n);
}

void EventQueue::clear() {
  for (const Key& key : heap_) release(key.slot);
  heap_.clear();
  if (has_front_) release(front_.slot);
  has_front_ = false;
  for (std::size_t i = run_next_; i < run_end_; ++i)
    if (run_[i].slot != kNone) release(run_[i].slot);
  run_next_ = 0;
  run_end_ = 0;
  in_run_ = 0;
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
  bucket_sizes_.fill(0);
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
  route(Key{time, take_sequence(), handle.slot});
  settle();
  return true;
}

void EventQueue::detach(std::uint32_t slot_index) {
  const std::uint32_t where = slots_[slot_index].where;
  if (where == kInFront)
    has_front_ = false;
  else if (where == kInBucket)
    take_from_bucket_or_run(slot_index);
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

// Every stored sequence number, wherever its event is, gets its rank among
// them: the order of the pending events (and of the run's cancelled entries,
// which detach's binary search passes over) is the same, and the numbers left
// are at least 2^31. Once every 2^32 - 1 schedules, so its cost is nothing.
void EventQueue::renumber() {
  std::vector<std::uint32_t*> numbers;
  numbers.reserve(size() + (run_end_ - run_next_));
  if (has_front_) numbers.push_back(&front_.sequence);
  for (Key& key : heap_) numbers.push_back(&key.sequence);
  for (std::size_t i = run_next_; i < run_end_; ++i) numbers.push_back(&run_[i].sequence);
  for (const std::uint32_t head : bucket_heads_)
    for (std::uint32_t i = head; i != kNone; i = bucketed_[i].next) numbers.push_back(&bucketed_[i].sequence);
  std::sort(numbers.begin(), numbers.end(), [](const std::uint32_t* a, const std::uint32_t* b) { return *a < *b; });
  std::uint32_t rank = 0;
  for (std::uint32_t* number : numbers) *number = rank++;
  // A run entry's key is in bucketed_ too, for detach's search.
  for (std::size_t i = run_next_; i < run_end_; ++i)
    if (run_[i].slot != kNone) bucketed_[run_[i].slot].sequence = run_[i].sequence;
  next_sequence_ = rank;
}

// An event leaves its bucket for the run when the bucket opens, and its
// bucket is then before next_bucket_: that tells the two apart without a
// store for every event at the opening.
void EventQueue::take_from_bucket_or_run(std::uint32_t slot_index) {
  const Bucketed& entry = bucketed_[slot_index];
  if (entry.time * per_width_ < next_bucket_) {
    const Key probe{entry.time, entry.sequence, slot_index};
    const auto at = std::lower_bound(run_.begin() + static_cast<std::ptrdiff_t>(run_next_),
                                     run_.begin() + static_cast<std::ptrdiff_t>(run_end_), probe,
                                     [](const Key& a, const Key& b) { return before(a, b); });
    assert(at->slot == slot_index);
    at->slot = kNone;
    --in_run_;
    skip_cancelled();
    return;
  }
  const std::size_t ring = ring_index(entry.time * per_width_);
  --bucket_sizes_[ring];
  if (entry.previous != kNone)
    bucketed_[entry.previous].next = entry.next;
  else
    bucket_heads_[ring] = entry.next;
  if (entry.next != kNone) bucketed_[entry.next].previous = entry.previous;
  --in_buckets_;
}

// The next bucket's events become the run, sorted (only when the run is used up).
void EventQueue::open_next_bucket() {
  assert(in_run_ == 0);
  const std::size_t ring = ring_index(next_bucket_);
  std::uint32_t i = bucket_heads_[ring];
  const std::size_t n = bucket_sizes_[ring];
  bucket_heads_[ring] = kNone;
  bucket_sizes_[ring] = 0;
  next_bucket_ += 1.0;
  run_next_ = 0;
  run_end_ = n;
  in_run_ = n;
  in_buckets_ -= n;
  if (n == 0) return;
  // Twice what is needed: in a steady state a bucket seldom has twice the
  // most any had before, so the run stops growing (no allocation per event).
  if (run_.size() < n) run_.resize(2 * n);
  Key* const run = run_.data();
  // Sorted by insertion as the list is walked, which for a bucket of a few
  // events costs less than std::sort; a large bucket is walked first and
  // sorted by std::sort, so it stays O(n log n).
  constexpr std::size_t kInsertionSortLimit = 16;
  if (n <= kInsertionSortLimit) {
    for (std::size_t filled = 0; i != kNone; ++filled) {
      const Bucketed& entry = bucketed_[i];
      const Key key{entry.time, entry.sequence, i};
      i = entry.next;
      std::size_t hole = filled;
      for (; hole > 0 && before(key, run[hole - 1]); --hole) run[hole] = run[hole - 1];
      run[hole] = key;
    }
  } else {
    for (std::size_t filled = 0; i != kNone; ++filled) {
      const Bucketed& entry = bucketed_[i];
      run[filled] = Key{entry.time, entry.sequence, i};
      i = entry.next;
    }
    std::sort(run, run + n, [](const Key& a, const Key& b) { return before(a, b); });
  }
}

}  // namespace casesim::kernel
