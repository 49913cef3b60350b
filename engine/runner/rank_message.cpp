#include "engine/runner/rank_message.hpp"

#include <cstring>
#include <stdexcept>
#include <string>

namespace casesim::runner {

namespace {

template <typename Unsigned>
void append_little_endian(std::vector<std::byte>& bytes, Unsigned value) {
  for (std::size_t i = 0; i < sizeof(Unsigned); ++i) bytes.push_back(static_cast<std::byte>(value >> (8 * i)));
}

template <typename Unsigned>
Unsigned from_little_endian(std::span<const std::byte> bytes) {
  Unsigned value = 0;
  for (std::size_t i = 0; i < sizeof(Unsigned); ++i)
    value |= static_cast<Unsigned>(static_cast<Unsigned>(bytes[i]) << (8 * i));
  return value;
}

// The bits of a double, and back (std::memcpy: the browser build's library
// has no std::bit_cast).
std::uint64_t bits_of(double value) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

double double_of(std::uint64_t bits) {
  double value = 0.0;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

}  // namespace

void OutgoingMessage::add(std::uint64_t value) {
  append_little_endian(bytes_, value);
}

void OutgoingMessage::add(std::span<const std::uint64_t> values) {
  for (const std::uint64_t value : values) append_little_endian(bytes_, value);
}

void OutgoingMessage::add(std::span<const std::uint32_t> values) {
  for (const std::uint32_t value : values) append_little_endian(bytes_, value);
}

void OutgoingMessage::add(std::span<const std::uint8_t> values) {
  for (const std::uint8_t value : values) bytes_.push_back(static_cast<std::byte>(value));
}

void OutgoingMessage::add(std::span<const double> values) {
  for (const double value : values) append_little_endian(bytes_, bits_of(value));
}

std::span<const std::byte> IncomingMessage::next(std::size_t count) {
  if (count > bytes_.size() - position_)
    throw std::logic_error("a message between ranks ended early: " + std::to_string(count) + " bytes asked for at " +
                           std::to_string(position_) + " of " + std::to_string(bytes_.size()));
  const std::span<const std::byte> taken(bytes_.data() + position_, count);
  position_ += count;
  return taken;
}

std::uint64_t IncomingMessage::take() {
  return from_little_endian<std::uint64_t>(next(8));
}

void IncomingMessage::take(std::span<std::uint64_t> values) {
  const std::span<const std::byte> bytes = next(8 * values.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = from_little_endian<std::uint64_t>(bytes.subspan(8 * i));
}

void IncomingMessage::take(std::span<std::uint32_t> values) {
  const std::span<const std::byte> bytes = next(4 * values.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = from_little_endian<std::uint32_t>(bytes.subspan(4 * i));
}

void IncomingMessage::take(std::span<std::uint8_t> values) {
  const std::span<const std::byte> bytes = next(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<std::uint8_t>(bytes[i]);
}

void IncomingMessage::take(std::span<double> values) {
  const std::span<const std::byte> bytes = next(8 * values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    values[i] = double_of(from_little_endian<std::uint64_t>(bytes.subspan(8 * i)));
}

}  // namespace casesim::runner
