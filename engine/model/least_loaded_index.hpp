#pragma once
// The least-loaded worker with room, found in O(1) and kept up to date in
// O(log n) per caseload change: a tournament tree over the posts whose
// leaves hold each post's load per FTE, or "no room". The winner is the
// lowest (load per FTE, post), exactly what a scan of the posts in order
// keeping the first strictly lower load finds.
#include <cstdint>
#include <limits>
#include <vector>

namespace casesim::model {

class LeastLoadedIndex {
 public:
  static constexpr std::int32_t kNone = -1;

  // n posts, for a build: set every one of them with build = true, then
  // call finish_build(). (The same n as the last build keeps the tree's
  // memory and its empty leaves beyond n.)
  void reset(std::size_t n) {
    if (n == posts_ && !nodes_.empty()) return;
    posts_ = n;
    leaves_ = 1;
    while (leaves_ < n) leaves_ *= 2;
    nodes_.assign(2 * leaves_, Node{});
  }
  std::size_t posts() const { return leaves_; }

  // Sets post p's load per FTE, or that it has no room (then load is unread).
  // Call finish_build() after setting every post with build = true.
  void set(std::size_t p, bool has_room, double load_per_fte, bool build = false) {
    std::size_t i = leaves_ + p;
    nodes_[i] = has_room ? Node{load_per_fte, static_cast<std::int32_t>(p)} : Node{};
    if (build) return;
    // Up to the first node whose winner is unchanged: above it, nothing changes.
    for (i /= 2; i >= 1; i /= 2) {
      const Node winner = better(nodes_[2 * i], nodes_[2 * i + 1]);
      if (winner.post == nodes_[i].post && winner.load == nodes_[i].load) break;
      nodes_[i] = winner;
    }
  }
  void finish_build() {
    for (std::size_t i = leaves_ - 1; i >= 1; --i) nodes_[i] = better(nodes_[2 * i], nodes_[2 * i + 1]);
  }

  // The post with room and the lowest load per FTE (the lower post on a tie), or kNone.
  std::int32_t best() const { return nodes_.size() > 1 ? nodes_[1].post : kNone; }

 private:
  struct Node {
    double load = std::numeric_limits<double>::infinity();
    std::int32_t post = kNone;
  };
  static const Node& better(const Node& a, const Node& b) {
    if (b.post == kNone) return a;
    if (a.post == kNone) return b;
    return b.load < a.load ? b : a;  // a is the lower post
  }
  std::size_t posts_ = 0;
  std::size_t leaves_ = 1;
  std::vector<Node> nodes_{2};
};

}  // namespace casesim::model
