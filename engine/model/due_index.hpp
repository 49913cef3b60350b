#pragma once
// Which of a worker's cases may have work due, so that a working day looks at
// those and not at every case on the list. Each case is filed under the
// earliest day anything it owes could become workable (TeamModel::due_key):
// while that is beyond the worker's horizon of work it waits to be reached,
// then it joins a plain list of cases with work in reach, where it stays
// until what it owes moves beyond the horizon again (a visit done). A case
// whose clocks change, or that moves to another worker, is filed again with a
// new stamp, and an entry whose stamp is no longer its case's is dropped.
// Filing early is harmless (the day's collection still checks each case
// exactly); filing late would lose work, so every change that can bring work
// forward files the case again.
//
// Entries waiting to be reached are kept in one binary heap by key: a
// worker holds a few dozen entries, so the heap is a few cache lines, and a
// day with nothing newly in reach reads only its top. (A wheel of a bucket a
// day made each post 1.6 kB of bucket headers and 64 heap blocks: a large
// team's working day was spent fetching them.) A horizon may step back after
// a worker's leave; entries beyond it simply stay in the heap. Which entries
// are in reach after reach(h) is exactly "every entry filed under h or
// earlier", in some order: callers must not depend on the order of in_reach().
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

  void file(kernel::Day key, std::uint32_t slot, std::uint64_t stamp) { wait(Entry{key, slot, stamp}); }

  // Brings every entry filed under `horizon` or earlier into reach.
  void reach(kernel::Day horizon) {
    while (!waiting_.empty() && waiting_.front().key <= horizon) {
      std::pop_heap(waiting_.begin(), waiting_.end(), Later{});
      in_reach_.push_back(waiting_.back());
      waiting_.pop_back();
    }
  }
  // The entries in reach (some may be stale: the caller checks the stamp).
  const std::vector<Entry>& in_reach() const { return in_reach_; }

  // Drops stale entries, and files those whose key (`key_of(entry)`, or
  // `drop` for a stale one) is now beyond `horizon` back to wait. TeamModel
  // does it once a working day, collecting the day's tasks in `key_of`.
  template <class KeyOf>
  void settle(kernel::Day horizon, kernel::Day drop, KeyOf&& key_of) {
    std::size_t kept = 0;
    for (const Entry& entry : in_reach_) {
      const kernel::Day key = key_of(entry);
      if (key == drop) continue;
      if (key <= horizon)
        in_reach_[kept++] = Entry{key, entry.slot, entry.stamp};
      else
        wait(Entry{key, entry.slot, entry.stamp});
    }
    in_reach_.resize(kept);
  }

  // Entries held, in reach or waiting (stale ones too).
  std::size_t size() const { return in_reach_.size() + waiting_.size(); }

 private:
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const { return a.key > b.key; }
  };
  void wait(const Entry& entry) {
    waiting_.push_back(entry);
    std::push_heap(waiting_.begin(), waiting_.end(), Later{});
  }

  std::vector<Entry> waiting_;  // a heap by key: not yet reached
  std::vector<Entry> in_reach_;
};

}  // namespace casesim::model
