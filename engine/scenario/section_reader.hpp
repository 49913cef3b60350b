#pragma once
// One mapping of a scenario file read against its schema (scenario_schema.hpp):
// the helpers every section reader in read_sections.cpp uses.
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/input/yaml_readers.hpp"
#include "engine/input/yaml_tree.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/scenario_schema.hpp"

namespace casesim::scenario::detail {

constexpr input::NumberRange positive_up_to(double high) {
  return {0.0, true, high, false};
}
constexpr input::NumberRange zero_up_to(double high) {
  return {0.0, false, high, false};
}
inline constexpr input::NumberRange kShare{0.0, false, 1.0, false};

int read_int(const input::YamlNode& node, const std::string& field, int min, int max);

// An enum's values by the names a file writes them with.
template <typename Enum>
using Choices = std::vector<std::pair<std::string, Enum>>;

template <typename Enum>
Enum read_enum(const input::YamlNode& node, const std::string& field, const Choices<Enum>& choices) {
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.first);
  return choices[input::read_choice(node, field, names)].second;
}

// A share sum or a bound in a message, to ten significant digits.
std::string format_sum(double sum);

// One mapping of the scenario, read against its schema. The optional readers
// leave `out` at its default when the field is left out.
class Section {
 public:
  Section(const input::YamlNode& node, std::string path, std::string schema_key);

  const input::YamlNode* find(std::string_view name) const { return fields_.optional(name); }
  const input::YamlNode& required(std::string_view name) const { return fields_.required(name); }
  std::string path_of(std::string_view name) const { return fields_.path_of(name); }
  const std::string& path() const { return path_; }
  const input::YamlNode& node() const { return fields_.node(); }
  const MappingSchema& schema() const { return schema_of(schema_key_); }

  // The mapping at field `name`, when given.
  std::optional<Section> section(std::string_view name) const;

  void number(std::string_view name, double& out, input::NumberRange range) const;
  void whole(std::string_view name, int& out, int min, int max) const;
  void boolean(std::string_view name, bool& out) const;
  template <typename Enum>
  void choice(std::string_view name, Enum& out, const Choices<Enum>& choices) const {
    if (const input::YamlNode* value = find(name)) out = read_enum(*value, path_of(name), choices);
  }
  // A duration distribution whose mean is at most `max_mean` (see
  // DurationDistribution's bounds in scenario.hpp).
  void duration(std::string_view name, DurationDistribution& out, double max_mean) const;
  // A list of bands of whole numbers ({from, to, share}), in order, shares summing to 1.
  void banded_duration(std::string_view name, std::optional<DurationDistribution>& out) const;

  // A mapping of shares in schema order, each in [0, 1]; those left out are 0,
  // and together they must sum to 1.
  template <std::size_t N>
  std::array<double, N> shares() const {
    std::array<double, N> values{};
    read_shares(values);
    return values;
  }

  // Multipliers in schema order, every one required and in (0, 1000], rescaled to
  // average 1 so the profile shapes the rate without changing its mean.
  template <std::size_t N>
  std::array<double, N> profile() const {
    std::array<double, N> values{};
    read_profile(values);
    return values;
  }

 private:
  void read_shares(std::span<double> values) const;
  void read_profile(std::span<double> values) const;

  input::MappingFields fields_;
  std::string path_;
  std::string schema_key_;
};

}  // namespace casesim::scenario::detail
