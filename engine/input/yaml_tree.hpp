#pragma once
// A small YAML tree that remembers where every value came from: the only way
// casesim reads YAML (scenarios, experiments, optimise files, snapshot.yaml).
// yaml_readers.hpp reads typed values from it with errors that name that place.
//
// Why not a YAML library's document tree (libyaml's yaml_parser_load, or
// yaml-cpp's YAML::Node before it): those keep both entries of a duplicated
// key, share an anchored node with each alias so that a walk expands them
// (billion laughs), and cannot say that a value came from an override rather
// than the file. The tree is built from libyaml's parser events instead,
// rejecting those cases as they are read.
#include <string>
#include <string_view>
#include <vector>

namespace casesim::input {

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
// (an override's value, written on one line of an experiment file). Errors are
// InputError naming `root_field` as the path of the root. Rejects non-UTF-8 or
// binary text, line breaks other than "\n" and "\r\n" (see yaml_tree.cpp),
// duplicate keys, anchors and aliases, explicit tags, more than one document
// and nesting deeper than kMaxYamlDepth. YAML's nulls (~, null) are empty
// values. `document` names what the text is, in the singular ("scenario"),
// for the messages that refuse a YAML feature: "anchors and aliases are not
// allowed in scenarios".
YamlNode parse_yaml(std::string_view text, const std::string& file, int fixed_line, const std::string& root_field,
                    std::string_view document);

// The dotted path of `key` in the mapping at `parent` ("" for the root):
// child_path("run", "seed") is "run.seed".
std::string child_path(const std::string& parent, std::string_view key);

// "got ..." wording: 1.4, "ten", an empty value, a list, a mapping.
std::string describe(const YamlNode& node);

// Text as written, for "got ..." (without quotes); very long values are cut.
std::string shown(const std::string& text);

// A value as one line of flow YAML that parses back to the same tree: how an
// experiment or an optimise file hands a value on as an override. Text that
// was quoted stays quoted, so it is read back as text.
std::string flow_yaml(const YamlNode& node);

// A mapping as block YAML, one field a line (lists one item a line, each item
// in flow style), that parses back to the same tree: how a scenario resolved
// from its bases is written out whole. Comments are not part of the tree.
std::string block_yaml(const YamlNode& mapping);

}  // namespace casesim::input
