#include "engine/scenario/yaml_fields.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "engine/scenario/load_scenario.hpp"

namespace casesim::scenario::detail {

namespace {

std::string child_path(const std::string& parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return parent + "." + std::string(key);
}

std::string item_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned>(byte));
  return buffer;
}

// Length of the UTF-8 sequence starting at text[pos], or 0 if it is not
// well-formed (overlong forms, surrogates and code points past U+10FFFF are not).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 0;
  unsigned char second_min = 0x80, second_max = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < second_min || byte(pos + 1) > second_max) return 0;
  for (std::size_t i = pos + 2; i < pos + length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

// YAML requires printable Unicode; yaml-cpp does not check, and a stray binary
// file would otherwise produce confusing parse errors or garbage keys.
void check_text_encoding(std::string_view text, const std::string& file, int fixed_line, const std::string& field) {
  int line = 1;
  std::size_t line_start = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    const auto where = [&] {
      return " (byte " + hex_byte(byte) + " at column " + std::to_string(pos - line_start + 1) + ")";
    };
    const int reported_line = fixed_line > 0 ? fixed_line : line;
    if (byte == '\n') {
      ++line;
      line_start = pos + 1;
      ++pos;
      continue;
    }
    if ((byte < 0x20 && byte != '\t' && byte != '\r') || byte == 0x7F) {
      throw ScenarioError(file, reported_line, field, "binary data, not a YAML text file" + where());
    }
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) throw ScenarioError(file, reported_line, field, "not UTF-8 text" + where());
    pos += length;
  }
}

// Builds the tree from parser events; an alias is only ever an event here, never
// an expansion. yaml-cpp can emit odd events for broken YAML before it reports
// the syntax error, so the builder's own errors wait until the document has
// parsed: the first is kept and later events are ignored. Only the depth limit
// stops the parse at once, as it bounds yaml-cpp's recursion too.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& file, int fixed_line, const std::string& root_field)
      : file_(file), fixed_line_(fixed_line), root_field_(root_field) {}

  const std::optional<ScenarioError>& error() const { return error_; }
  YamlNode take_root() { return std::move(root_); }
  int line_of(const YAML::Mark& mark) const { return fixed_line_ > 0 ? fixed_line_ : mark.line + 1; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (error_ || !check_anchor(mark, anchor)) return;
    attach(leaf(mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (!error_) reject(line_of(mark), next_path(), "aliases are not allowed in scenarios");
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (error_ || !check_anchor(mark, anchor) || !check_tag(mark, tag)) return;
    YamlNode node = leaf(mark);
    node.kind = YamlNode::Kind::text;
    node.text = value;
    // yaml-cpp tags quoted scalars "!" and plain ones "?".
    node.quoted = tag == "!";
    attach(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::list);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, tag, anchor, YamlNode::Kind::mapping);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;
    std::string path;
    bool expecting_key = true;
    YamlNode pending_key;
    std::unordered_map<std::string, int> key_lines;
  };

  YamlNode leaf(const YAML::Mark& mark) const {
    YamlNode node;
    node.file = file_;
    node.line = line_of(mark);
    node.holder_line = node.line;
    return node;
  }

  // The path the next node will have once attached.
  std::string next_path() const {
    if (stack_.empty()) return root_field_;
    const Frame& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::list) return item_path(top.path, top.node.items.size());
    if (top.expecting_key) return top.path;
    return child_path(top.path, top.pending_key.text);
  }

  void reject(int line, const std::string& field, const std::string& message) {
    if (!error_) error_.emplace(file_, line, field, message);
  }

  // Anchors are only useful with aliases, and aliases can multiply a small
  // file into a huge tree.
  bool check_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return true;
    reject(line_of(mark), next_path(), "anchors and aliases are not allowed in scenarios");
    return false;
  }

  bool check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (tag == "?" || tag == "!" || tag.empty()) return true;
    reject(line_of(mark), next_path(), "YAML tags are not allowed in scenarios, got " + tag);
    return false;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind) {
    const std::string path = next_path();
    if (static_cast<int>(depth_) >= kMaxYamlDepth) {
      throw ScenarioError(file_, line_of(mark), path,
                          "nested more than " + std::to_string(kMaxYamlDepth) + " levels deep");
    }
    ++depth_;
    if (error_ || !check_anchor(mark, anchor) || !check_tag(mark, tag)) return;
    if (!stack_.empty() && stack_.back().node.kind == YamlNode::Kind::mapping && stack_.back().expecting_key) {
      reject(line_of(mark), path,
             "keys must be plain names, got a " + std::string(kind == YamlNode::Kind::list ? "list" : "mapping"));
      return;
    }
    Frame frame;
    frame.node = leaf(mark);
    frame.node.kind = kind;
    frame.path = path;
    stack_.push_back(std::move(frame));
  }

  void close() {
    --depth_;
    if (error_) return;
    YamlNode node = std::move(stack_.back().node);
    stack_.pop_back();
    attach(std::move(node));
  }

  void attach(YamlNode node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == YamlNode::Kind::list) {
      top.node.items.push_back(std::move(node));
      return;
    }
    if (top.expecting_key) {
      if (node.kind != YamlNode::Kind::text) {
        reject(node.line, top.path, "keys must be plain names, got " + describe(node));
        return;
      }
      const auto [first, inserted] = top.key_lines.emplace(node.text, node.line);
      if (!inserted) {
        reject(node.line, child_path(top.path, node.text),
               "duplicate key, first given on line " + std::to_string(first->second));
        return;
      }
      top.pending_key = std::move(node);
      top.expecting_key = false;
      return;
    }
    node.holder_line = top.pending_key.line;
    // yaml-cpp marks a missing value at the next token, often the next line.
    if (node.kind == YamlNode::Kind::empty) node.line = top.pending_key.line;
    top.node.keys.push_back(std::move(top.pending_key));
    top.node.items.push_back(std::move(node));
    top.pending_key = YamlNode{};
    top.expecting_key = true;
  }

  const std::string& file_;
  int fixed_line_;
  const std::string& root_field_;
  std::vector<Frame> stack_;
  std::size_t depth_ = 0;  // counted even while ignoring events after an error
  YamlNode root_;
  std::optional<ScenarioError> error_;
};

bool is_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  return text;
}

// YAML 1.2 core schema integers, decimal only.
bool looks_whole(std::string_view text) { return is_digits(without_sign(text)); }

// YAML 1.2 core schema floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
bool looks_decimal(std::string_view text) {
  text = without_sign(text);
  const auto exponent = text.find_first_of("eE");
  std::string_view mantissa = text.substr(0, exponent);
  if (exponent != std::string_view::npos && !looks_whole(text.substr(exponent + 1))) return false;
  const auto point = mantissa.find('.');
  if (point == std::string_view::npos) return is_digits(mantissa);
  const std::string_view whole = mantissa.substr(0, point);
  const std::string_view fraction = mantissa.substr(point + 1);
  if (whole.empty()) return is_digits(fraction);
  return is_digits(whole) && (fraction.empty() || is_digits(fraction));
}

bool looks_non_finite(std::string_view text) {
  for (std::string_view word : {".nan", ".NaN", ".NAN"}) {
    if (text == word) return true;
  }
  const std::string_view unsigned_text = without_sign(text);
  for (std::string_view word : {".inf", ".Inf", ".INF"}) {
    if (unsigned_text == word) return true;
  }
  return false;
}

bool looks_numeric(const YamlNode& node) {
  return node.kind == YamlNode::Kind::text && !node.quoted && (looks_decimal(node.text) || looks_non_finite(node.text));
}

// The text as written, for "got ..."; very long values are cut.
std::string shown(const std::string& text) {
  constexpr std::size_t kMaxShown = 60;
  if (text.size() <= kMaxShown) return text;
  std::size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return text.substr(0, cut) + "...";
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : shown(text)) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20 || byte == 0x7F) {
      out += "\\x" + hex_byte(byte).substr(2);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

std::string format_bound(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  if (kind != Kind::mapping) return nullptr;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].text == key) return &items[i];
  }
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  return const_cast<YamlNode*>(static_cast<const YamlNode&>(*this).find(key));
}

YamlNode parse_yaml(std::string_view text, const std::string& file, int fixed_line, const std::string& root_field) {
  check_text_encoding(text, file, fixed_line, root_field);
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file, fixed_line, root_field);
  try {
    YAML::Parser parser(in);
    const bool has_document = parser.HandleNextDocument(builder);
    if (builder.error()) throw *builder.error();
    if (!has_document) {
      YamlNode empty;
      empty.file = file;
      empty.line = fixed_line;
      empty.holder_line = fixed_line;
      return empty;
    }
    // A second document would be silently ignored by anyone reading only the first.
    class FirstEventLine : public YAML::EventHandler {
     public:
      int line = -1;
      void OnDocumentStart(const YAML::Mark& mark) override { line = mark.line; }
      void OnDocumentEnd() override {}
      void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
      void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
      void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
      void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        throw_second();
      }
      void OnSequenceEnd() override {}
      void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        throw_second();
      }
      void OnMapEnd() override {}
      // Stops at the second document's first collection: nothing it holds
      // matters, and walking it could recurse without bound.
      struct Seen {};
      [[noreturn]] static void throw_second() { throw Seen{}; }
    } second;
    bool has_second = false;
    try {
      has_second = parser.HandleNextDocument(second);
    } catch (const FirstEventLine::Seen&) {
      has_second = true;
    }
    if (has_second) {
      throw ScenarioError(file, fixed_line > 0 ? fixed_line : second.line + 1, root_field,
                          "more than one YAML document; a scenario is a single mapping");
    }
  } catch (const YAML::Exception& error) {
    const int line = fixed_line > 0 ? fixed_line : (error.mark.is_null() ? 0 : error.mark.line + 1);
    throw ScenarioError(file, line, root_field, "not valid YAML: " + error.msg);
  }
  return builder.take_root();
}

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::empty:
      return "an empty value";
    case YamlNode::Kind::list:
      return "a list";
    case YamlNode::Kind::mapping:
      return "a mapping";
    case YamlNode::Kind::text:
      break;
  }
  return looks_numeric(node) ? shown(node.text) : quoted(node.text);
}

void fail(const YamlNode& at, const std::string& field, const std::string& message) {
  // A block list or mapping starts at its first entry; its key's line names it better.
  const bool collection = at.kind == YamlNode::Kind::list || at.kind == YamlNode::Kind::mapping;
  throw ScenarioError(at.file, collection ? at.holder_line : at.line, field, message);
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
  if (looks_numeric(node) && looks_non_finite(node.text))
    fail(node, field, "must be a finite number, got " + node.text);
  if (!looks_numeric(node)) fail(node, field, "must be a number, got " + describe(node));
  std::string_view text = node.text;
  if (text[0] == '+') text.remove_prefix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) {
    const auto exponent = text.find_first_of("eE");
    const bool tiny = exponent != std::string_view::npos && exponent + 1 < text.size() && text[exponent + 1] == '-';
    if (!tiny) fail(node, field, "must be a finite number, got " + shown(node.text));
    value = 0.0;
  } else if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    fail(node, field, "must be a number, got " + describe(node));
  }
  if (!range.contains(value)) fail(node, field, "must be " + range.to_string() + ", got " + shown(node.text));
  return value;
}

long long read_whole_number(const YamlNode& node, const std::string& field, long long min, long long max) {
  if (node.kind != YamlNode::Kind::text || node.quoted || !looks_whole(node.text)) {
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
  if (node.kind != YamlNode::Kind::text || node.quoted || !looks_whole(node.text)) {
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
  throw ScenarioError(node_.file, node_.holder_line, path_of(name), "required field missing");
}

std::string MappingFields::path_of(std::string_view name) const { return child_path(path_, name); }

}  // namespace casesim::scenario::detail
