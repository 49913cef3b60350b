#pragma once
// The least-loaded worker with room, found in O(1) and kept up to date in
// O(log n) per caseload change (a small team is scanned: see below): a
// tournament tree over the posts whose leaves hold each post's load per FTE,
// or "no room". The winner is the lowest (load per FTE, post), exactly what a
// scan of the posts in order keeping the first strictly lower load finds.
//
// A team of up to kScannedUpTo posts keeps only the leaves, and best() scans
// them: a caseload change is then one store, where the walk to the root is a
// chain of dependent loads and stores (about 20 ns a change in the caseload
// benchmark's team of 10, two changes a referral), and a scan of a few
// leaves costs less than that chain. The scan's answer is kept until a
// change can alter it: a post that becomes better than it replaces it at
// once, and only the best post's getting worse (it took a case) calls for
// the next answer to be a scan. A team that is full (nobody has room, cases
// waiting) is then answered without a scan at every closure that frees no room,
// and, as the posts with room are counted, when its last post with room has
// just taken a case (each closure in a full team frees one place, filled at once).
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>
#include <vector>

namespace casesim::model {

class LeastLoadedIndex {
 public:
  static constexpr std::int32_t kNone = -1;

  // n posts, for a build: set every one of them with build = true, then
  // call finish_build(). (The same n as the last build keeps the tree's
  // memory and its empty leaves beyond n.)
  void reset(std::size_t n) {
    rescan_ = true;
    if (n == posts_ && !nodes_.empty()) return;
    posts_ = n;
    leaves_ = 1;
    while (leaves_ < n) leaves_ *= 2;
    nodes_.assign(2 * leaves_, Node{});
  }
  std::size_t posts() const { return leaves_; }
  // Whether best() scans the leaves rather than reading the tree's root.
  bool scanned() const { return posts_ <= kScannedUpTo; }
  static constexpr std::size_t kScannedUpTo = 16;

  // Sets post p's load per FTE, or that it has no room (then load is unread).
  // Call finish_build() after setting every post with build = true.
  void set(std::size_t p, bool has_room, double load_per_fte, bool build = false) {
    std::size_t i = leaves_ + p;
    // Only a finite load can win (as in the scan, which keeps the first load
    // below infinity): then "no room" is simply an infinite load.
    const Node node = has_room && load_per_fte < kNoRoom ? Node{load_per_fte, static_cast<std::int32_t>(p)} : Node{};
    if (build) {
      nodes_[i] = node;
      return;
    }
    if (scanned()) {
      with_room_ += static_cast<int>(node.load < kNoRoom) - static_cast<int>(nodes_[i].load < kNoRoom);
      nodes_[i] = node;
      if (!rescan_) keep_best(p, node.load);
      return;
    }
    nodes_[i] = node;
    // All the way to the root, without branching on the loads: stopping at the
    // first unchanged winner saved a level or two but its test, and the
    // comparisons' branches, went whichever way the loads happened to lie
    // (about three mispredicted branches a caseload change).
    Node* const nodes = nodes_.data();
    for (i /= 2; i >= 1; i /= 2) {
      const Node* kids = nodes + 2 * i;
      // The whole node at once (its padding too): one 16-byte load and store.
      std::memcpy(nodes + i, kids + second_is_better(kids[0], kids[1]), sizeof(Node));
    }
  }
  void finish_build() {
    rescan_ = true;
    if (scanned()) {
      with_room_ = 0;
      for (std::size_t p = 0; p < posts_; ++p) with_room_ += static_cast<int>(nodes_[leaves_ + p].load < kNoRoom);
      return;
    }
    for (std::size_t i = leaves_ - 1; i >= 1; --i)
      nodes_[i] = nodes_[2 * i + second_is_better(nodes_[2 * i], nodes_[2 * i + 1])];
  }

  // The post with room and the lowest load per FTE (the lower post on a tie), or kNone.
  std::int32_t best() const {
    if (!scanned()) return nodes_[1].post;
    if (rescan_ && with_room_ == 0) {
      // A full team (its last post with room has just taken a case): nobody, without a scan.
      best_ = kNone;
      best_load_ = kNoRoom;
      rescan_ = false;
    } else if (rescan_) {
      // Without a branch on the loads, which lie whichever way the day's
      // allocations and closures left them: a strictly lower load wins, so the
      // lower post keeps a tie, and a post without room (an infinite load) never wins.
      const Node* const leaf = nodes_.data() + leaves_;
      double lowest = kNoRoom;
      std::int32_t best = kNone;
      // Unrolled: the loop's own count and test were a third of its instructions.
#pragma GCC unroll 4
      for (std::size_t p = 0; p < posts_; ++p) {
        const bool lower = leaf[p].load < lowest;
        lowest = lower ? leaf[p].load : lowest;
        best = lower ? static_cast<std::int32_t>(p) : best;
      }
      best_ = best;
      best_load_ = lowest;
      rescan_ = false;
    }
    return best_;
  }

 private:
  static constexpr double kNoRoom = std::numeric_limits<double>::infinity();
  struct Node {
    double load = kNoRoom;  // finite whenever post is not kNone
    std::int32_t post = kNone;
  };
  static_assert(std::is_trivially_copyable_v<Node> && sizeof(Node) == 16);
  // 1 if b (the higher posts) wins: a lower load, so b has room (a, the lower
  // post, wins a tie; two without room leave kNone either way). One
  // comparison a level, without a branch.
  static std::size_t second_is_better(const Node& a, const Node& b) {
    return static_cast<std::size_t>(b.load < a.load);
  }
  // Post p's load (per FTE, infinite without room) is now `load`: the kept
  // answer still stands, or p replaces it, or the next answer is a scan.
  void keep_best(std::size_t p, double load) {
    const auto post = static_cast<std::int32_t>(p);
    if (post == best_) {
      if (load <= best_load_)
        best_load_ = load;  // lower or the same: still the lowest, and the lower post of any tie
      else
        rescan_ = true;  // another post may now be lower
    } else if (load < best_load_ || (load == best_load_ && load < kNoRoom && post < best_)) {
      best_ = post;
      best_load_ = load;
    }
  }

  std::size_t posts_ = 0;
  std::size_t leaves_ = 1;
  std::vector<Node> nodes_{2};
  // A scanned team's answer, kept until a change may alter it.
  mutable std::int32_t best_ = kNone;
  mutable double best_load_ = kNoRoom;
  mutable bool rescan_ = true;
  int with_room_ = 0;  // a scanned team's posts with room
};

}  // namespace casesim::model
