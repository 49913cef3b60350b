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
// Entries waiting to be reached are kept by day on a wheel of kWheelDays
// buckets, one per day after the furthest horizon reached so far (filing and
// reaching are a push and a move, with no ordering work: the days' keys are
// whole days); entries further ahead wait in a heap and move onto the wheel
// as it turns. Entries filed at or before the furthest horizon reached (a
// horizon can step back after a worker's leave) wait in a short list until a
// horizon reaches them. Which entries are in reach after reach(h) is exactly
// "every entry filed under h or earlier", in some order: callers must not
// depend on the order of in_reach().
#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
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

  void file(kernel::Day key, std::uint32_t slot, std::uint64_t stamp) { place(Entry{key, slot, stamp}); }

  // Brings every entry filed under `horizon` or earlier into reach.
  void reach(kernel::Day horizon) {
    if (!started_) {
      started_ = true;
      reached_ = horizon;
      turn_far();
      return;
    }
    if (!behind_.empty()) {
      std::size_t kept = 0;
      for (const Entry& entry : behind_) {
        if (entry.key <= horizon)
          in_reach_.push_back(entry);
        else
          behind_[kept++] = entry;
      }
      behind_.resize(kept);
    }
    if (horizon <= reached_) return;
    // Each day up to the horizon (or a whole turn, every bucket, if it is further).
    const auto turn_to =
        static_cast<kernel::Day>(std::min<std::int64_t>(horizon, static_cast<std::int64_t>(reached_) + kWheelDays));
    for (kernel::Day day = reached_ + 1; day <= turn_to; ++day) {
      std::vector<Entry>& bucket = wheel_[bucket_of(day)];
      for (const Entry& entry : bucket) {
        if (entry.key <= horizon)
          in_reach_.push_back(entry);
        else
          behind_.push_back(entry);  // cannot happen: a bucket holds one day, within a turn
      }
      bucket.clear();
    }
    reached_ = horizon;
    turn_far();
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
        place(Entry{key, entry.slot, entry.stamp});
    }
    in_reach_.resize(kept);
  }

  // Entries held, in reach or waiting (stale ones too).
  std::size_t size() const {
    std::size_t n = in_reach_.size() + behind_.size() + far_.size();
    for (const auto& bucket : wheel_) n += bucket.size();
    return n;
  }

 private:
  static constexpr kernel::Day kWheelDays = 64;  // a power of two
  static std::size_t bucket_of(kernel::Day day) {
    return static_cast<std::size_t>(static_cast<std::uint32_t>(day) & (kWheelDays - 1));
  }
  struct Later {
    bool operator()(const Entry& a, const Entry& b) const { return a.key > b.key; }
  };

  void place(const Entry& entry) {
    if (!started_ || entry.key - static_cast<std::int64_t>(reached_) >= kWheelDays) {
      far_.push_back(entry);
      std::push_heap(far_.begin(), far_.end(), Later{});
    } else if (entry.key <= reached_) {
      behind_.push_back(entry);
    } else {
      wheel_[bucket_of(entry.key)].push_back(entry);
    }
  }
  // Moves what the wheel now spans from the heap: onto the wheel, or into
  // reach if the horizon has passed it.
  void turn_far() {
    while (!far_.empty() && far_.front().key - static_cast<std::int64_t>(reached_) < kWheelDays) {
      std::pop_heap(far_.begin(), far_.end(), Later{});
      const Entry entry = far_.back();
      far_.pop_back();
      if (entry.key <= reached_)
        in_reach_.push_back(entry);
      else
        wheel_[bucket_of(entry.key)].push_back(entry);
    }
  }

  bool started_ = false;  // reach() has been called: reached_ is set
  kernel::Day reached_ = 0;
  std::array<std::vector<Entry>, kWheelDays> wheel_;
  std::vector<Entry> far_;     // a heap by key: beyond the wheel (all, before the first reach)
  std::vector<Entry> behind_;  // at or before reached_, beyond the last horizon asked for
  std::vector<Entry> in_reach_;
};

}  // namespace casesim::model
