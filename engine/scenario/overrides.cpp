#include "engine/scenario/overrides.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "engine/input/yaml_readers.hpp"
#include "engine/scenario/field_path.hpp"
#include "engine/scenario/scenario_schema.hpp"

namespace casesim::scenario::detail {

namespace {

using input::fail;
using input::YamlNode;

[[noreturn]] void fail_override(const Override& override_, const std::string& message) {
  throw ScenarioError(override_.origin_file, override_.origin_line, override_.path, message);
}

YamlNode made_by(const Override& override_, YamlNode::Kind kind) {
  YamlNode node;
  node.kind = kind;
  node.file = override_.origin_file;
  node.line = override_.origin_line;
  node.holder_line = override_.origin_line;
  return node;
}

// Puts `value` under `key` in `mapping`, replacing what was there.
YamlNode& set_field(YamlNode& mapping, const std::string& key, YamlNode value, const Override& override_) {
  if (YamlNode* existing = mapping.find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  YamlNode key_node = made_by(override_, YamlNode::Kind::text);
  key_node.text = key;
  mapping.keys.push_back(std::move(key_node));
  mapping.items.push_back(std::move(value));
  return mapping.items.back();
}

}  // namespace

void apply_override(YamlNode& root, const Override& override_) {
  const std::optional<std::vector<FieldPathStep>> parsed = split_field_path(override_.path);
  if (!parsed) {
    fail_override(override_,
                  "not a field path (write it like policy.caseload_cap.cases or team.social_workers[2].fte)");
  }
  const std::vector<FieldPathStep>& steps = *parsed;
  std::string generic = "";  // schema key of the mapping `node`
  std::string actual = "";   // path in the tree, for errors about the file's own content
  YamlNode* node = &root;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const FieldPathStep& step = steps[i];
    const bool last = i + 1 == steps.size();
    const MappingSchema& mapping = schema_of(generic);
    const auto field = std::find_if(mapping.fields.begin(), mapping.fields.end(),
                                    [&](const FieldShape& f) { return f.name == step.key; });
    if (field == mapping.fields.end())
      fail_override(override_, "no such field; allowed here: " + joined_names(mapping));
    const std::string field_path = actual.empty() ? step.key : actual + "." + step.key;
    const bool is_list = field->shape == Shape::list_of_values || field->shape == Shape::list_of_mappings;
    if (step.index && !is_list) fail_override(override_, "no such field: " + field_path + " is not a list");
    if (!step.index && is_list && !last) {
      fail_override(override_, "no such field: " + field_path + " is a list; give an item, e.g. " + field_path + "[0]");
    }
    const bool holds_fields = step.index ? field->shape == Shape::list_of_mappings : field->shape == Shape::mapping;
    if (!last && !holds_fields) fail_override(override_, "no such field: " + field_path + " has no fields");

    if (node->kind != YamlNode::Kind::mapping) {
      fail(*node, actual, "must be a mapping, got " + input::describe(*node));
    }
    YamlNode* child = node->find(step.key);
    if (step.index) {
      const std::size_t count = child && child->kind == YamlNode::Kind::list ? child->items.size() : 0;
      if (child && child->kind != YamlNode::Kind::list) {
        fail(*child, field_path, "must be a list, got " + input::describe(*child));
      }
      if (*step.index >= count) {
        fail_override(override_, "no such item: " + field_path + " has " + std::to_string(count) +
                                     (count == 1 ? " item" : " items"));
      }
      child = &child->items[*step.index];
    }
    if (last) {
      YamlNode value = input::parse_yaml(override_.value_yaml, override_.origin_file, override_.origin_line,
                                         override_.path, "scenario");
      if (step.index) {
        *child = std::move(value);
      } else {
        set_field(*node, step.key, std::move(value), override_);
      }
      return;
    }
    if (!child) child = &set_field(*node, step.key, made_by(override_, YamlNode::Kind::mapping), override_);
    generic = child_schema(generic, *field);
    actual = field_path;
    if (step.index) {
      // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "[" + std::to_string(...).
      actual += '[';
      actual += std::to_string(*step.index);
      actual += ']';
    }
    node = child;
  }
}

}  // namespace casesim::scenario::detail
