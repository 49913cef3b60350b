#include "engine/input/yaml_readers.hpp"

#include <charconv>
#include <cmath>
#include <sstream>
#include <system_error>

#include "engine/input/input_error.hpp"
#include "engine/input/number_text.hpp"

namespace casesim::input {

namespace {

std::string format_bound(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

bool is_plain_text(const YamlNode& node) {
  return node.kind == YamlNode::Kind::text && !node.quoted;
}

}  // namespace

void fail(const YamlNode& at, const std::string& field, const std::string& message) {
  // A block list or mapping starts at its first entry; its key's line names it better.
  const bool collection = at.kind == YamlNode::Kind::list || at.kind == YamlNode::Kind::mapping;
  throw InputError(at.file, collection ? at.holder_line : at.line, field, message);
}

bool NumberRange::contains(double value) const {
  const bool above_low = low_open ? value > low : value >= low;
  const bool below_high = high_open ? value < high : value <= high;
  return above_low && below_high;
}

std::string NumberRange::to_string() const {
  if (std::isinf(high)) return (low_open ? "greater than " : "at least ") + format_bound(low);
  return "in " + std::string(low_open ? "(" : "[") + format_bound(low) + ", " + format_bound(high) +
         (high_open ? ")" : "]");
}

double read_number(const YamlNode& node, const std::string& field, NumberRange range) {
  using Status = DecimalReading::Status;
  const DecimalReading reading = is_plain_text(node) ? read_decimal(node.text) : DecimalReading{};
  if (reading.status == Status::not_finite) fail(node, field, "must be a finite number, got " + shown(node.text));
  if (reading.status == Status::not_a_number) fail(node, field, "must be a number, got " + describe(node));
  if (!range.contains(reading.value)) fail(node, field, "must be " + range.to_string() + ", got " + shown(node.text));
  return reading.value;
}

std::optional<double> number_in(const YamlNode& node) {
  if (!is_plain_text(node)) return std::nullopt;
  return decimal_number(node.text);
}

long long read_whole_number(const YamlNode& node, const std::string& field, long long min, long long max) {
  if (!is_plain_text(node) || !looks_whole(node.text)) {
    fail(node, field, "must be a whole number, got " + describe(node));
  }
  std::string_view text = node.text;
  if (text[0] == '+') text.remove_prefix(1);
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    fail(node, field, "must be in " + std::to_string(min) + ".." + std::to_string(max) + ", got " + shown(node.text));
  }
  return value;
}

std::uint64_t read_unsigned_64(const YamlNode& node, const std::string& field) {
  if (!is_plain_text(node) || !looks_whole(node.text)) {
    fail(node, field, "must be a whole number, got " + describe(node));
  }
  std::string_view text = node.text;
  if (text[0] == '+') text.remove_prefix(1);
  unsigned long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text[0] == '-' || error != std::errc() || end != text.data() + text.size()) {
    fail(node, field, "must be in 0.." + std::to_string(UINT64_MAX) + ", got " + shown(node.text));
  }
  return static_cast<std::uint64_t>(value);
}

std::string read_text(const YamlNode& node, const std::string& field) {
  if (node.kind != YamlNode::Kind::text) fail(node, field, "must be text, got " + describe(node));
  for (char c : node.text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\n' && c != '\t') || byte == 0x7F) {
      fail(node, field, "must not contain control characters, got " + describe(node));
    }
  }
  return node.text;
}

kernel::Date read_date(const YamlNode& node, const std::string& field) {
  // YAML 1.2 has no date type: a date is text, quoted or not.
  if (node.kind == YamlNode::Kind::text) {
    if (const auto date = kernel::parse_iso_date(node.text)) return *date;
  }
  fail(node, field, "must be a real date in YYYY-MM-DD form, got " + describe(node));
}

bool read_bool(const YamlNode& node, const std::string& field) {
  const bool word = node.kind == YamlNode::Kind::text && (node.text == "true" || node.text == "false");
  if (word && !node.quoted) return node.text == "true";
  if (word) fail(node, field, "must be true or false without quotes, got " + describe(node));
  fail(node, field, "must be true or false, got " + describe(node));
}

std::size_t read_choice(const YamlNode& node, const std::string& field, const std::vector<std::string>& choices) {
  if (node.kind == YamlNode::Kind::text) {
    for (std::size_t i = 0; i < choices.size(); ++i) {
      if (node.text == choices[i]) return i;
    }
  }
  std::string allowed;
  for (const auto& choice : choices) allowed += (allowed.empty() ? "" : ", ") + choice;
  const std::string got = node.kind == YamlNode::Kind::text && !node.text.empty() ? shown(node.text) : describe(node);
  fail(node, field, "must be one of: " + allowed + ", got " + got);
}

const std::vector<YamlNode>& read_list(const YamlNode& node, const std::string& field) {
  if (node.kind != YamlNode::Kind::list) fail(node, field, "must be a list, got " + describe(node));
  return node.items;
}

MappingFields::MappingFields(const YamlNode& node, std::string path, const std::vector<std::string_view>& allowed)
    : node_(node), path_(std::move(path)) {
  if (node.kind != YamlNode::Kind::mapping) fail(node, path_, "must be a mapping, got " + describe(node));
  for (const YamlNode& key : node.keys) {
    bool known = false;
    for (std::string_view name : allowed) known = known || key.text == name;
    if (known) continue;
    std::string names;
    for (std::string_view name : allowed) names += (names.empty() ? "" : ", ") + std::string(name);
    fail(key, path_of(key.text), "unknown field; allowed: " + names);
  }
}

const YamlNode& MappingFields::required(std::string_view name) const {
  if (const YamlNode* value = optional(name)) return *value;
  throw InputError(node_.file, node_.holder_line, path_of(name), "required field missing");
}

std::string MappingFields::path_of(std::string_view name) const {
  return child_path(path_, name);
}

}  // namespace casesim::input
