#pragma once
// Internal to load_scenario: a small YAML tree that remembers where every value
// came from, and typed readers whose errors name that place.
//
// Why not YAML::Node: yaml-cpp 0.7 keeps both entries of a duplicated key and
// silently answers lookups with the first, expands aliases (billion laughs),
// and cannot say that a value came from an override rather than the file. The
// tree is built from yaml-cpp's parser events instead, rejecting those cases as
// they are read.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/kernel/date.hpp"

namespace casesim::scenario::detail {

struct YamlNode {
  enum class Kind { empty, text, list, mapping };
  Kind kind = Kind::empty;
  std::string text;             // text: the scalar after YAML unescaping
  bool quoted = false;          // text: written in quotes, so text even if it looks like a number
  std::vector<YamlNode> items;  // list: the items; mapping: the values
  std::vector<YamlNode> keys;   // mapping: the keys (text nodes), one per value
  std::string file;
  int line = 0;         // 1-based
  int holder_line = 0;  // the line of the key (or list entry) holding this node

  // nullptr when this is not a mapping or has no such key.
  const YamlNode* find(std::string_view key) const;
  YamlNode* find(std::string_view key);
};

// Deeper than this is never a scenario; refusing early also bounds recursion.
inline constexpr int kMaxYamlDepth = 32;

// Parses one YAML document (none gives an empty node). Every node records
// `file`; its line is its own, or `fixed_line` for all nodes when that is > 0
// (an override's value, written on one line of an experiment file). Errors name
// `root_field` as the path of the root. Rejects non-UTF-8 or binary text,
// duplicate keys, anchors and aliases, explicit tags, more than one document
// and nesting deeper than kMaxYamlDepth.
YamlNode parse_yaml(std::string_view text, const std::string& file, int fixed_line, const std::string& root_field);

// "got ..." wording: 1.4, "ten", an empty value, a list, a mapping.
std::string describe(const YamlNode& node);

// Throws ScenarioError naming `field` at the node's line, or for a list or
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

// Each throws ScenarioError at the node's file and line, naming `field`.
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

}  // namespace casesim::scenario::detail
