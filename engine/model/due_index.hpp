#pragma once
// Which of a worker's cases may have work due, so that a working day looks at
// those and not at every case on the list. Each case is filed under the
// earliest day anything it owes could become workable (TeamModel::due_key):
// in a heap while that is beyond the worker's horizon of work, then in a
// plain list of cases with work in reach, where it stays, without heap work,
// until what it owes moves beyond the horizon again (a visit done). A case
// whose clocks change, or that moves to another worker, is filed again with a
// new stamp, and an entry whose stamp is no longer its case's is dropped. Filing
// early is harmless (the day's collection still checks each case exactly);
// filing late would lose work, so every change that can bring work forward
// files the case again.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "engine/kernel/working_calendar.hpp"

namespace casesim::model {

class DueIndex {
 public:
  struct Entry {
    kernel::Day key;
    std::uint32_t slot;
    std::uint64_t stamp;
  };

  void file(kernel::Day key, std::uint32_t slot, std::uint64_t stamp) {
    heap_.push_back(Entry{key, slot, stamp});
    std::push_heap(heap_.begin(), heap_.end(), later);
  }

  // Brings every entry filed under `horizon` or earlier into reach.
  void reach(kernel::Day horizon) {
    while (!heap_.empty() && heap_.front().key <= horizon) {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      in_reach_.push_back(heap_.back());
      heap_.pop_back();
    }
  }
  // The entries in reach (some may be stale: the caller checks the stamp).
  const std::vector<Entry>& in_reach() const { return in_reach_; }

  // After the day's work: drops stale entries, and files those whose key
  // (`key_of(entry)`, or `kDrop` for a stale one) is now beyond `horizon`
  // back into the heap.
  template <class KeyOf>
  void settle(kernel::Day horizon, kernel::Day drop, KeyOf&& key_of) {
    std::size_t kept = 0;
    for (const Entry& entry : in_reach_) {
      const kernel::Day key = key_of(entry);
      if (key == drop) continue;
      if (key <= horizon)
        in_reach_[kept++] = Entry{key, entry.slot, entry.stamp};
      else
        file(key, entry.slot, entry.stamp);
    }
    in_reach_.resize(kept);
  }

 private:
  static bool later(const Entry& a, const Entry& b) { return a.key > b.key; }
  std::vector<Entry> heap_;
  std::vector<Entry> in_reach_;
};

}  // namespace casesim::model
