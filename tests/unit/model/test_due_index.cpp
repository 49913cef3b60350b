// DueIndex keeps what waits sorted by day; what it brings into reach must be
// exactly what a plain list would: every entry filed under the horizon or
// earlier, whatever the order of filing, the horizons (which may step back
// after a worker's leave) and the keys (far ahead, or long past).
#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "engine/model/due_index.hpp"

namespace casesim::model {
namespace {

using Day = kernel::Day;
using Key = std::tuple<Day, std::uint32_t, std::uint64_t>;

// The specification: entries wait in a list until a horizon reaches them.
struct PlainDueIndex {
  std::vector<DueIndex::Entry> waiting, in_reach;
  void file(Day key, std::uint32_t slot, std::uint64_t stamp) { waiting.push_back({key, slot, stamp}); }
  void reach(Day horizon) {
    std::erase_if(waiting, [&](const DueIndex::Entry& e) {
      if (e.key > horizon) return false;
      in_reach.push_back(e);
      return true;
    });
  }
  template <class KeyOf>
  void settle(Day horizon, Day drop, KeyOf&& key_of) {
    std::vector<DueIndex::Entry> kept;
    for (const auto& e : in_reach) {
      const Day key = key_of(e);
      if (key == drop) continue;
      if (key <= horizon)
        kept.push_back({key, e.slot, e.stamp});
      else
        waiting.push_back({key, e.slot, e.stamp});
    }
    in_reach = kept;
  }
};

std::vector<Key> sorted(std::span<const DueIndex::Entry> entries) {
  std::vector<Key> keys;
  for (const auto& e : entries) keys.emplace_back(e.key, e.slot, e.stamp);
  std::sort(keys.begin(), keys.end());
  return keys;
}

constexpr Day kDrop = std::numeric_limits<Day>::max();

TEST(DueIndex, BringsIntoReachExactlyWhatAPlainListWould) {
  for (std::uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937 rng(seed);
    auto draw = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    DueIndex index;
    PlainDueIndex plain;
    std::uint64_t stamp = 0;
    Day day = draw(-50, 50);
    const int filed_before_start = draw(0, 20);
    auto random_key = [&]() -> Day {
      switch (draw(0, 5)) {
        case 0: return std::numeric_limits<Day>::min();  // an assessment with hours left: every day
        case 1: return day + draw(-30, 0);               // overdue
        case 2: return day + draw(100, 400);             // far beyond the wheel
        default: return day + draw(0, 70);
      }
    };
    for (int i = 0; i < filed_before_start; ++i) {
      const Day key = random_key();
      const auto slot = static_cast<std::uint32_t>(draw(0, 30));
      index.file(key, slot, ++stamp);
      plain.file(key, slot, stamp);
    }
    for (int step = 0; step < 400; ++step) {
      day += draw(0, 3);
      // Usually tomorrow; sometimes further (the week before leave), so later horizons step back.
      const Day horizon = day + (draw(0, 9) == 0 ? draw(2, 90) : 1);
      index.reach(horizon);
      plain.reach(horizon);
      ASSERT_EQ(sorted(index.in_reach()), sorted(plain.in_reach)) << "seed " << seed << " step " << step;
      // The day's work files some cases again.
      for (int k = draw(0, 4); k > 0; --k) {
        const Day key = random_key();
        const auto slot = static_cast<std::uint32_t>(draw(0, 30));
        index.file(key, slot, ++stamp);
        plain.file(key, slot, stamp);
      }
      // A case's new key depends on the case alone (its slot), as TeamModel's due_key does.
      const std::uint64_t salt = rng();
      auto key_of = [&](const DueIndex::Entry& e) -> Day {
        const std::uint64_t h = (e.slot * 0x9e3779b97f4a7c15ULL) ^ salt ^ e.stamp;
        if (h % 7 == 0) return kDrop;
        return day + static_cast<Day>(h % 80) - 5;
      };
      index.settle(horizon, kDrop, key_of);
      plain.settle(horizon, kDrop, key_of);
      ASSERT_EQ(sorted(index.in_reach()), sorted(plain.in_reach)) << "seed " << seed << " step " << step;
      ASSERT_EQ(index.size(), plain.in_reach.size() + plain.waiting.size()) << "seed " << seed << " step " << step;
    }
  }
}

TEST(DueIndex, EntriesFiledBeforeTheFirstHorizonWaitForIt) {
  DueIndex index;
  index.file(10, 1, 1);
  index.file(500, 2, 2);
  index.file(std::numeric_limits<Day>::min(), 3, 3);
  index.reach(9);
  ASSERT_EQ(index.in_reach().size(), 1u);
  EXPECT_EQ(index.in_reach()[0].slot, 3u);
  index.reach(10);
  EXPECT_EQ(index.in_reach().size(), 2u);
  index.reach(499);
  EXPECT_EQ(index.in_reach().size(), 2u);
  index.reach(500);
  EXPECT_EQ(index.in_reach().size(), 3u);
}

TEST(DueIndex, AHorizonSteppingBackLeavesLaterEntriesWaiting) {
  DueIndex index;
  index.reach(20);  // the week before leave: a long horizon
  index.file(15, 1, 1);
  index.file(12, 2, 2);
  index.reach(11);  // back to the planning window
  EXPECT_TRUE(index.in_reach().empty());
  index.reach(12);
  ASSERT_EQ(index.in_reach().size(), 1u);
  EXPECT_EQ(index.in_reach()[0].slot, 2u);
  index.reach(21);
  EXPECT_EQ(index.in_reach().size(), 2u);
}

// A long list reached a little at a time: the reached entries before the
// start are dropped as it goes, and an entry filed earlier than every one
// waiting takes a reached entry's place; nothing is lost or brought early.
TEST(DueIndex, ALongListReachedInStepsBringsEachEntryOnItsDay) {
  DueIndex index;
  std::mt19937 rng(7);
  std::vector<Day> keys(200);
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = static_cast<Day>(i / 2);
  std::shuffle(keys.begin(), keys.end(), rng);
  std::uint64_t stamp = 0;
  for (const Day key : keys) index.file(key, static_cast<std::uint32_t>(key), ++stamp);
  std::size_t early = 0;
  for (Day horizon = 0; horizon < 100; ++horizon) {
    index.reach(horizon);
    // Every key up to the horizon twice, and the early filings below.
    ASSERT_EQ(index.in_reach().size(), 2 * static_cast<std::size_t>(horizon + 1) + early) << horizon;
    for (const auto& e : index.in_reach()) ASSERT_LE(e.key, horizon);
    ASSERT_EQ(index.size(), keys.size() + early);
    if (horizon % 10 == 5) {
      // Filed under today after today's reach: earlier than every entry
      // waiting, it is in reach from the next.
      index.file(horizon, 1000, ++stamp);
      ++early;
    }
  }
}

// After the reached entries are dropped, a few places are kept before the
// start for entries filed earlier than all waiting (a newly allocated case):
// more such filings than places, in a row, must still each be reached on
// its day, with nothing lost, duplicated or brought early.
TEST(DueIndex, ManyFilingsAheadOfAllWaitingAfterTheReachedAreDropped) {
  DueIndex index;
  PlainDueIndex plain;
  std::uint64_t stamp = 0;
  for (Day key = 0; key < 40; ++key) {
    index.file(key, static_cast<std::uint32_t>(key), ++stamp);
    plain.file(key, static_cast<std::uint32_t>(key), stamp);
  }
  auto settle_all_beyond = [](DueIndex::Entry) { return kDrop; };  // done with: dropped
  for (Day horizon = 0; horizon < 40; ++horizon) {
    index.reach(horizon);
    plain.reach(horizon);
    ASSERT_EQ(sorted(index.in_reach()), sorted(plain.in_reach)) << horizon;
    index.settle(horizon, kDrop, settle_all_beyond);
    plain.settle(horizon, kDrop, settle_all_beyond);
    // Filed under keys from long past to just beyond the horizon, earliest last.
    for (int k = 0; k < 7; ++k) {
      const Day key = horizon + 1 - 3 * k;
      index.file(key, 100 + static_cast<std::uint32_t>(k), ++stamp);
      plain.file(key, 100 + static_cast<std::uint32_t>(k), stamp);
    }
    ASSERT_EQ(index.size(), plain.in_reach.size() + plain.waiting.size()) << horizon;
  }
  index.reach(1000);
  plain.reach(1000);
  EXPECT_EQ(sorted(index.in_reach()), sorted(plain.in_reach));
}

// A case allocated today is filed under today, ahead of everything waiting;
// when its next work turns out to be days ahead, its entry moves to wait
// under that day, and is reached then, not before. Only the first waiting
// entry moves, and only the live one (its stamp): any other stays as it is.
TEST(DueIndex, TheFirstEntryWaitingMovesToALaterKey) {
  DueIndex index;
  index.file(5, 1, 1);
  index.file(8, 2, 2);
  index.file(12, 3, 3);
  index.reach(6);
  ASSERT_EQ(index.in_reach().size(), 1u);
  index.file(6, 4, 4);                    // after today's reach: first of those waiting
  EXPECT_FALSE(index.waits_first(4, 3));  // another stamp: not the live entry
  EXPECT_FALSE(index.waits_first(2, 2));  // not the first waiting
  ASSERT_TRUE(index.waits_first(4, 4));
  index.file_first_later(10);
  EXPECT_EQ(index.size(), 4u);
  index.reach(9);
  EXPECT_EQ(sorted(index.in_reach()), (std::vector<Key>{{5, 1, 1}, {8, 2, 2}}));
  index.reach(10);
  EXPECT_EQ(sorted(index.in_reach()), (std::vector<Key>{{5, 1, 1}, {8, 2, 2}, {10, 4, 4}}));
  // The only entry waiting moves too, behind none.
  index.reach(12);
  index.file(11, 5, 5);
  ASSERT_TRUE(index.waits_first(5, 5));
  index.file_first_later(30);
  index.reach(29);
  EXPECT_EQ(index.in_reach().size(), 4u);
  index.reach(30);
  EXPECT_EQ(sorted(index.in_reach()), (std::vector<Key>{{5, 1, 1}, {8, 2, 2}, {10, 4, 4}, {12, 3, 3}, {30, 5, 5}}));
  EXPECT_EQ(index.size(), 5u);
}

}  // namespace
}  // namespace casesim::model
