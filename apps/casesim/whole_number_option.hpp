#pragma once
// Whole-number command-line options read as text and checked here, so that a
// negative or oversized value is refused with its allowed range instead of
// wrapping round to a huge unsigned number (a silently wrong seed).
#include <charconv>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "apps/casesim/usage_error.hpp"

namespace casesim::cli {

// `text` as a whole number in [low, high]; throws UsageError naming the option
// and the allowed range otherwise.
inline std::uint64_t whole_number_option(const std::string& option, const std::string& text, std::uint64_t low,
                                         std::uint64_t high) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || ptr != end || value < low || value > high)
    throw UsageError(fmt::format("{}: must be a whole number from {} to {}, got {}", option, low, high, text));
  return value;
}

// The most replications --replications may ask for: big enough for any real
// study; beyond it the per-replication results alone would not fit in memory.
inline constexpr std::uint64_t kMaxReplications = 1'000'000;

// The most threads a run may ask for: beyond any machine's cores, and far below
// what exhausts memory for thread stacks.
inline constexpr std::uint64_t kMaxThreads = 1024;

}  // namespace casesim::cli
