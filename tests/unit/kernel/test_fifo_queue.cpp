#include "engine/kernel/fifo_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <deque>

namespace casesim::kernel {
namespace {

// The queue's content, front first, as std::deque holds it.
void expect_same(const FifoQueue<int>& queue, const std::deque<int>& expected) {
  ASSERT_EQ(queue.size(), expected.size());
  EXPECT_EQ(queue.empty(), expected.empty());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(queue[i], expected[i]) << "at " << i;
  if (!expected.empty()) {
    EXPECT_EQ(queue.front(), expected.front());
  }
}

// Every operation, where the ring wraps round its end and as it grows (16,
// 32, 64 places): a place in the ring is a mask of its size, so a wrong
// mask shows as a value out of order.
TEST(FifoQueue, KeepsOrderThroughWrapsAndGrowth) {
  FifoQueue<int> queue;
  std::deque<int> expected;
  std::uint32_t state = 12345;
  const auto next = [&] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  int value = 0;
  for (int step = 0; step < 5000; ++step) {
    // Growing for the first half (pushes outnumber pops), then shrinking.
    const std::uint32_t pick = next() % 10;
    const bool growing = step < 2500;
    if (pick < (growing ? 5u : 3u)) {
      queue.push(value);
      expected.push_back(value++);
    } else if (pick < (growing ? 6u : 4u)) {
      queue.push_front(value);
      expected.push_front(value++);
    } else if (pick < 9u) {
      if (expected.empty()) continue;
      EXPECT_EQ(queue.pop(), expected.front());
      expected.pop_front();
    } else {
      if (expected.empty()) continue;
      const int gone = expected[next() % expected.size()];
      EXPECT_TRUE(queue.erase(gone));
      expected.erase(std::find(expected.begin(), expected.end(), gone));
      EXPECT_FALSE(queue.erase(-1));
    }
    expect_same(queue, expected);
  }
}

}  // namespace
}  // namespace casesim::kernel
