#pragma once
// Typed values from a YamlNode tree, each checked once, with errors (InputError)
// that name the file, the line and the field's dotted path.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/input/yaml_tree.hpp"
#include "engine/kernel/date.hpp"

namespace casesim::input {

// Throws InputError naming `field` at the node's line, or for a list or
// mapping at the line of the key holding it.
[[noreturn]] void fail(const YamlNode& at, const std::string& field, const std::string& message);

// A range of real numbers, e.g. (0, 1]; high may be infinity.
struct NumberRange {
  double low;
  bool low_open;
  double high;
  bool high_open;
  bool contains(double value) const;
  // For "must be ...": "in (0, 1]", or "greater than 0" when high is infinite.
  std::string to_string() const;
};

// Each throws InputError at the node's file and line, naming `field`.
double read_number(const YamlNode& node, const std::string& field, NumberRange range);
long long read_whole_number(const YamlNode& node, const std::string& field, long long min, long long max);
std::uint64_t read_unsigned_64(const YamlNode& node, const std::string& field);
std::string read_text(const YamlNode& node, const std::string& field);
kernel::Date read_date(const YamlNode& node, const std::string& field);
// Only the YAML 1.2 core words true and false, unquoted: yes/no/on/off mean a
// boolean in YAML 1.1 and text in 1.2, so they are refused rather than guessed.
bool read_bool(const YamlNode& node, const std::string& field);
// Returns the index of the choice given.
std::size_t read_choice(const YamlNode& node, const std::string& field, const std::vector<std::string>& choices);
const std::vector<YamlNode>& read_list(const YamlNode& node, const std::string& field);

// The number an unquoted text node holds, as read_number would read it (any
// range); nullopt for anything else.
std::optional<double> number_in(const YamlNode& node);

// The fields of one mapping. Construction checks that the node is a mapping
// and that every key is allowed, so a typo is reported as unknown rather than
// as a missing field.
class MappingFields {
 public:
  MappingFields(const YamlNode& node, std::string path, const std::vector<std::string_view>& allowed);

  const YamlNode* optional(std::string_view name) const { return node_.find(name); }
  // Throws "required field missing" at the line holding this mapping.
  const YamlNode& required(std::string_view name) const;
  std::string path_of(std::string_view name) const;
  const YamlNode& node() const { return node_; }

 private:
  const YamlNode& node_;
  std::string path_;
};

}  // namespace casesim::input
