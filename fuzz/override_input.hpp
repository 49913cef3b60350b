#pragma once
// How fuzz_overrides reads its input, shared with the test that replays its
// corpus and regressions: the first line is the field path, the rest the
// value's YAML, given as if from line 7 of an experiment file.
#include <string>
#include <string_view>

#include "engine/scenario/load_scenario.hpp"

namespace casesim::fuzz {

inline constexpr int kOverrideOriginLine = 7;
inline constexpr const char* kOverrideOriginFile = "experiment.yaml";

inline scenario::Override override_from_input(std::string_view input) {
  const auto newline = input.find('\n');
  scenario::Override override_;
  override_.path = std::string(input.substr(0, newline));
  override_.value_yaml = newline == std::string_view::npos ? std::string() : std::string(input.substr(newline + 1));
  override_.origin_file = kOverrideOriginFile;
  override_.origin_line = kOverrideOriginLine;
  return override_;
}

}  // namespace casesim::fuzz
