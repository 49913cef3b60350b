#pragma once
// The numbers of a message between MPI ranks, as bytes in a fixed order:
// each number little-endian, a double as its IEEE 754 bits, so that every
// value arrives bit for bit, between machines that store numbers
// differently too. A message is read back in the order it was written.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace casesim::runner {

class OutgoingMessage {
 public:
  void add(std::uint64_t value);
  void add(std::span<const std::uint64_t> values);
  void add(std::span<const std::uint32_t> values);
  void add(std::span<const std::uint8_t> values);
  void add(std::span<const double> values);

  std::span<const std::byte> bytes() const { return bytes_; }

 private:
  std::vector<std::byte> bytes_;
};

class IncomingMessage {
 public:
  explicit IncomingMessage(std::vector<std::byte> bytes) : bytes_(std::move(bytes)) {}

  // Each throws std::logic_error when the message holds fewer bytes than asked
  // for: the ranks disagree about what they send.
  std::uint64_t take();
  void take(std::span<std::uint64_t> values);
  void take(std::span<std::uint32_t> values);
  void take(std::span<std::uint8_t> values);
  void take(std::span<double> values);

  bool finished() const { return position_ == bytes_.size(); }

 private:
  std::span<const std::byte> next(std::size_t count);

  std::vector<std::byte> bytes_;
  std::size_t position_ = 0;
};

}  // namespace casesim::runner
