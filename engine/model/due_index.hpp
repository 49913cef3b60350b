#pragma once
// Which of a worker's cases may have work due, so that a working day looks at
// those and not at every case on the list. Each case is filed under the
// earliest day anything it owes could become workable (TeamModel::due_key):
// while that is beyond the worker's horizon of work it waits to be reached,
// then it joins a plain list of cases with work in reach, where it stays
// until what it owes moves beyond the horizon again (a visit done), or the
// caller takes it out for a while (settle, file_again). A case
// whose clocks change, or that moves to another worker, is filed again with a
// new stamp, and an entry whose stamp is no longer its case's is dropped.
// Filing early is harmless (the day's collection still checks each case
// exactly); filing late would lose work, so every change that can bring work
// forward files the case again.
//
// Entries waiting to be reached are kept in one vector sorted by key,
// earliest first from a moving start: a worker holds a few dozen entries, so
// it is a few cache lines; reaching moves the start on, a day with nothing
// newly in reach reads one entry, and filing (mostly under a key later than
// most) inserts near the end. (A wheel of a bucket a day made each post
// 1.6 kB of bucket headers and up to 64 heap blocks: a large team's working
// day was spent fetching them.) A horizon may step back after a worker's
// leave; entries beyond it simply wait. Which entries are in reach after
// reach(h) is exactly "every entry filed under h or earlier", in some order:
// callers must not depend on the order of in_reach().
#include <algorithm>
#include <cassert>
#include <cstdint>
#include <span>
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

  // Brings every entry filed under `horizon` or earlier into reach. Inline
  // (forced, as GCC would not): called for every post on every working day.
  [[gnu::always_inline]] void reach(kernel::Day horizon) {
    // The start and size kept in locals: stored and read once, not again
    // after each entry copied.
    std::size_t start = start_;
    const std::size_t waiting = waiting_.size();
    // The places in reach are made ready for every entry waiting, first,
    // so that copying those reached tests nothing else: the copy through
    // push_back kept registers aside around its growing for every post.
    if (in_reach_.size() < reached_ + (waiting - start)) make_room_in_reach(waiting - start);
    Entry* const in_reach = in_reach_.data();
    std::size_t reached = reached_;
    while (start < waiting && waiting_[start].key <= horizon) in_reach[reached++] = waiting_[start++];
    reached_ = static_cast<std::uint32_t>(reached);
    // The reached entries before the start are dropped once they are half the vector.
    if (start == waiting) {
      waiting_.clear();
      start_ = 0;
    } else if (start >= kDropAtLeast + kRoomAtFront && 2 * start >= waiting + kRoomAtFront) {
      // A few reached places are kept before the start: a newly allocated
      // case, filed under a key earlier than all waiting, takes one of them
      // rather than moving every entry up.
      std::copy(waiting_.begin() + static_cast<std::ptrdiff_t>(start), waiting_.end(),
                waiting_.begin() + static_cast<std::ptrdiff_t>(kRoomAtFront));
      waiting_.resize(waiting - start + kRoomAtFront);
      start_ = static_cast<std::uint32_t>(kRoomAtFront);
    } else {
      start_ = static_cast<std::uint32_t>(start);
    }
  }
  // The entries in reach (some may be stale: the caller checks the stamp).
  std::span<const Entry> in_reach() const { return {in_reach_.data(), reached_}; }

  // Drops stale entries, and files those whose key (`key_of(entry)`, or
  // `drop` for a stale one) is now beyond `horizon` back to wait. TeamModel
  // does it once a working day, collecting the day's tasks in `key_of`.
  template <class KeyOf>
  void settle(kernel::Day horizon, kernel::Day drop, KeyOf&& key_of) {
    // Kept entries are written through a local pointer: key_of and wait
    // change other vectors, never this one, but GCC cannot tell and would
    // read in_reach_'s start again for each.
    Entry* const first = in_reach_.data();
    Entry* kept = first;
    for (const Entry& entry : in_reach()) {
      const kernel::Day key = key_of(entry);
      if (key == drop) continue;
      if (key <= horizon)
        *kept++ = Entry{key, entry.slot, entry.stamp};
      else
        wait(Entry{key, entry.slot, entry.stamp});
    }
    reached_ = static_cast<std::uint32_t>(kept - first);
  }

  // Files an entry that `key_of` took out of reach (returning `drop` for
  // it) back: in reach if its key is within `horizon`, where it held a
  // place (so there is room), else to wait.
  void file_again(kernel::Day horizon, const Entry& entry) {
    if (entry.key <= horizon) {
      assert(reached_ < in_reach_.size());
      in_reach_[reached_++] = entry;
    } else {
      wait(entry);
    }
  }

  // Whether the entry of `slot` with `stamp` is the first waiting: a case
  // allocated today was filed under today, for the assessment it owed,
  // ahead of every waiting entry (those reached today are in reach).
  bool waits_first(std::uint32_t slot, std::uint64_t stamp) const {
    return start_ < waiting_.size() && waiting_[start_].slot == slot && waiting_[start_].stamp == stamp;
  }
  // Moves the first waiting entry to wait under `later`, no earlier than
  // its key (its case's work now begins then), as settling would once it
  // came into reach: when an assessment is done at once, the case's next
  // work is days ahead.
  void file_first_later(kernel::Day later) {
    assert(start_ < waiting_.size() && waiting_[start_].key <= later);
    const Entry first = waiting_[start_++];
    wait(Entry{later, first.slot, first.stamp});
  }

  // Entries held, in reach or waiting (stale ones too; not those taken out).
  std::size_t size() const { return reached_ + waiting_.size() - start_; }

 private:
  // Reached entries are dropped from the front at least this many at a time:
  // with 8, a worker's couple of dozen waiting entries brought the start
  // near the threshold every few days, and the test was guessed wrong 76,000
  // times in the caseload benchmark's 130,000 worker-days (callgrind's branch
  // simulation); at 60 it fails for weeks, then holds once.
  static constexpr std::size_t kDropAtLeast = 60;
  static constexpr std::size_t kRoomAtFront = 4;

  void wait(const Entry& entry) {
    // Most are filed under a key no earlier than any waiting (a visit's next):
    // appended, with one comparison. (With none waiting, the last entry is a
    // reached one, and appending keeps the order too.)
    if (!waiting_.empty() && waiting_.back().key <= entry.key) {
      waiting_.push_back(entry);
      return;
    }
    if (start_ > 0 && (start_ == waiting_.size() || entry.key < waiting_[start_].key)) {
      waiting_[--start_] = entry;  // earliest of all: in a reached entry's place
      return;
    }
    // After the last entry with a key no later: searched from the end, where
    // most are filed, moving the later ones up on the way.
    std::size_t at = waiting_.size();
    waiting_.push_back(entry);
    for (; at > start_ && waiting_[at - 1].key > entry.key; --at) waiting_[at] = waiting_[at - 1];
    waiting_[at] = entry;
  }

  // Out of line: the places in reach grow a few times a run.
  [[gnu::noinline]] void make_room_in_reach(std::size_t waiting) {
    in_reach_.resize(std::max(2 * in_reach_.size(), reached_ + waiting));
  }

  // The two counts in 32 bits each, so that a Post keeps to three lines (a
  // worker holds a few dozen entries).
  std::vector<Entry> waiting_;  // from start_: not yet reached, by key, earliest first
  std::uint32_t start_ = 0;
  // The places in reach: the first reached_ hold the entries in reach.
  std::uint32_t reached_ = 0;
  std::vector<Entry> in_reach_;
};

}  // namespace casesim::model
