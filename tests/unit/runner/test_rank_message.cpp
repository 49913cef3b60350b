// The bytes of a message between MPI ranks: a fixed byte order (so unlike
// machines agree), every value back bit for bit, and a short message caught.
#include "engine/runner/rank_message.hpp"

#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace casesim::runner {
namespace {

std::vector<unsigned> as_numbers(std::span<const std::byte> bytes) {
  std::vector<unsigned> numbers;
  for (const std::byte b : bytes) numbers.push_back(std::to_integer<unsigned>(b));
  return numbers;
}

TEST(RankMessage, NumbersAreLittleEndianWhateverTheMachine) {
  OutgoingMessage message;
  message.add(std::uint64_t{0x0102030405060708});
  message.add(std::vector<std::uint32_t>{0x0A0B0C0D});
  message.add(std::vector<std::uint8_t>{0xEE});
  message.add(std::vector<double>{1.0});  // IEEE 754: 0x3FF0000000000000
  EXPECT_EQ(as_numbers(message.bytes()), (std::vector<unsigned>{8,    7,    6, 5, 4, 3, 2, 1, 0x0D, 0x0C, 0x0B,
                                                                0x0A, 0xEE, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F}));
}

TEST(RankMessage, EveryValueComesBackBitForBitInTheOrderWritten) {
  const std::vector<double> doubles{
      0.1,           -0.0, std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::infinity(),
      std::nan("7"), 1e308};
  const std::vector<std::uint32_t> counts{0, 1, 0xFFFFFFFF};
  const std::vector<std::uint8_t> flags{0, 1, 255};
  const std::vector<std::uint64_t> pairs{3, 0xFFFFFFFFFFFFFFFF};
  OutgoingMessage out;
  out.add(std::uint64_t{42});
  out.add(doubles);
  out.add(counts);
  out.add(flags);
  out.add(pairs);
  const std::span<const std::byte> sent = out.bytes();
  IncomingMessage in(std::vector<std::byte>(sent.begin(), sent.end()));

  EXPECT_EQ(in.take(), 42u);
  std::vector<double> doubles_back(doubles.size());
  in.take(doubles_back);
  for (std::size_t i = 0; i < doubles.size(); ++i)
    EXPECT_EQ(std::bit_cast<std::uint64_t>(doubles_back[i]), std::bit_cast<std::uint64_t>(doubles[i])) << i;
  std::vector<std::uint32_t> counts_back(counts.size());
  in.take(counts_back);
  EXPECT_EQ(counts_back, counts);
  std::vector<std::uint8_t> flags_back(flags.size());
  in.take(flags_back);
  EXPECT_EQ(flags_back, flags);
  EXPECT_FALSE(in.finished());
  std::array<std::uint64_t, 2> pairs_back{};
  in.take(pairs_back);
  EXPECT_EQ(pairs_back[0], 3u);
  EXPECT_EQ(pairs_back[1], 0xFFFFFFFFFFFFFFFFu);
  EXPECT_TRUE(in.finished());
}

TEST(RankMessage, TakingMoreThanWasSentIsCaught) {
  OutgoingMessage out;
  out.add(std::vector<std::uint32_t>{1, 2, 3});  // 12 bytes, not two 8-byte numbers
  const std::span<const std::byte> sent = out.bytes();
  IncomingMessage in(std::vector<std::byte>(sent.begin(), sent.end()));
  EXPECT_EQ(in.take(), 0x0000000200000001u);
  EXPECT_THROW(in.take(), std::logic_error);
}

}  // namespace
}  // namespace casesim::runner
