// LeastLoadedIndex answers what a scan of the posts in order finds (the
// lowest load per FTE with room, the lower post on a tie) after any sequence
// of builds and single-post changes, including changes that leave a
// tournament's winner as it was, and ties, which the lower post must win;
// for teams it scans (up to kScannedUpTo posts, its answer kept between
// changes) and teams it keeps a tree for.
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "engine/model/least_loaded_index.hpp"

namespace casesim::model {
namespace {

struct Leaf {
  bool has_room = false;
  double load = 0.0;
};

std::int32_t scan(const std::vector<Leaf>& leaves) {
  std::int32_t best = LeastLoadedIndex::kNone;
  double best_load = std::numeric_limits<double>::infinity();
  for (std::size_t p = 0; p < leaves.size(); ++p)
    if (leaves[p].has_room && leaves[p].load < best_load) {
      best_load = leaves[p].load;
      best = static_cast<std::int32_t>(p);
    }
  return best;
}

TEST(LeastLoadedIndex, ChoosesWhatAScanOfThePostsChooses) {
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    std::mt19937 rng(seed);
    auto draw = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    LeastLoadedIndex index;
    std::vector<Leaf> leaves;
    for (int round = 0; round < 20; ++round) {
      // A build, sometimes for a different number of posts.
      if (leaves.empty() || draw(0, 3) == 0) leaves.resize(static_cast<std::size_t>(draw(1, 40)));
      index.reset(leaves.size());
      for (std::size_t p = 0; p < leaves.size(); ++p) {
        // Few distinct loads, so ties are common.
        leaves[p] = Leaf{draw(0, 4) != 0, draw(0, 6) / 2.0};
        index.set(p, leaves[p].has_room, leaves[p].load, true);
      }
      index.finish_build();
      ASSERT_EQ(index.best(), scan(leaves)) << "seed " << seed << " round " << round;
      for (int change = 0; change < 60; ++change) {
        const auto p = static_cast<std::size_t>(draw(0, static_cast<int>(leaves.size()) - 1));
        // Half the changes set a post to what it was, or to a load that ties.
        if (draw(0, 1) == 0) leaves[p] = Leaf{draw(0, 4) != 0, draw(0, 6) / 2.0};
        index.set(p, leaves[p].has_room, leaves[p].load);
        // Asked after some changes, not every one: a kept answer must follow
        // several changes in a row.
        if (draw(0, 2) != 0) continue;
        ASSERT_EQ(index.best(), scan(leaves)) << "seed " << seed << " round " << round << " change " << change;
      }
    }
  }
}

TEST(LeastLoadedIndex, NoPostWithRoomIsNone) {
  LeastLoadedIndex index;
  index.reset(3);
  for (std::size_t p = 0; p < 3; ++p) index.set(p, false, 1.0, true);
  index.finish_build();
  EXPECT_EQ(index.best(), LeastLoadedIndex::kNone);
  index.set(2, true, 5.0);
  EXPECT_EQ(index.best(), 2);
  index.set(0, true, 5.0);
  EXPECT_EQ(index.best(), 0);  // the tie goes to the lower post
  index.set(0, false, 5.0);
  EXPECT_EQ(index.best(), 2);
}

// A scan keeps the first load below infinity, so a post with room whose
// load per FTE is not finite is never chosen; the tree compares loads only,
// with "no room" as an infinite load, and must not let such a post win a tie.
TEST(LeastLoadedIndex, ANonFiniteLoadIsNeverChosen) {
  const double inf = std::numeric_limits<double>::infinity();
  LeastLoadedIndex index;
  index.reset(4);
  index.set(0, true, inf, true);
  index.set(1, false, 1.0, true);
  index.set(2, true, std::numeric_limits<double>::quiet_NaN(), true);
  index.set(3, false, 0.0, true);
  index.finish_build();
  EXPECT_EQ(index.best(), LeastLoadedIndex::kNone);
  index.set(3, true, 2.0);
  EXPECT_EQ(index.best(), 3);
  index.set(3, true, inf);
  EXPECT_EQ(index.best(), LeastLoadedIndex::kNone);
}

}  // namespace
}  // namespace casesim::model
