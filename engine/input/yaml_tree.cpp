#include "engine/input/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cstdio>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "engine/input/input_error.hpp"
#include "engine/input/number_text.hpp"
#include "engine/input/text_encoding.hpp"

namespace casesim::input {

namespace {

std::string item_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

// YAML requires printable Unicode; yaml-cpp does not check, and a stray binary
// file would otherwise produce confusing parse errors or garbage keys.
void check_text_encoding(std::string_view text, const std::string& file, int fixed_line, const std::string& field) {
  if (const auto wide = wide_encoding(text)) {
    throw InputError(file, fixed_line, field,
                     *wide + " text, not UTF-8; save the file as UTF-8 (in most editors: Save As, encoding UTF-8)");
  }
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
      throw InputError(file, reported_line, field, "binary data, not a YAML text file" + where());
    }
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) {
      throw InputError(file, reported_line, field,
                       "not UTF-8 text" + where() +
                           "; the file may be Latin-1 or Windows-1252: save it as UTF-8 (in most editors: Save As, "
                           "encoding UTF-8)");
    }
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
  TreeBuilder(const std::string& file, int fixed_line, const std::string& root_field, std::string_view document)
      : file_(file),
        fixed_line_(fixed_line),
        root_field_(root_field),
        in_documents_(" in " + std::string(document) + "s") {}

  const std::optional<InputError>& error() const { return error_; }
  YamlNode take_root() { return std::move(root_); }
  int line_of(const YAML::Mark& mark) const { return fixed_line_ > 0 ? fixed_line_ : mark.line + 1; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (error_ || !check_anchor(mark, anchor)) return;
    attach(leaf(mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (!error_) reject(line_of(mark), next_path(), "aliases are not allowed" + in_documents_);
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
    reject(line_of(mark), next_path(), "anchors and aliases are not allowed" + in_documents_);
    return false;
  }

  bool check_tag(const YAML::Mark& mark, const std::string& tag) {
    if (tag == "?" || tag == "!" || tag.empty()) return true;
    reject(line_of(mark), next_path(), "YAML tags are not allowed" + in_documents_ + ", got " + tag);
    return false;
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, YamlNode::Kind kind) {
    const std::string path = next_path();
    if (static_cast<int>(depth_) >= kMaxYamlDepth) {
      throw InputError(file_, line_of(mark), path,
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
  const std::string in_documents_;  // " in scenarios"
  std::vector<Frame> stack_;
  std::size_t depth_ = 0;  // counted even while ignoring events after an error
  YamlNode root_;
  std::optional<InputError> error_;
};

bool looks_numeric(const YamlNode& node) {
  return node.kind == YamlNode::Kind::text && !node.quoted && (looks_decimal(node.text) || looks_non_finite(node.text));
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

}  // namespace

std::string child_path(const std::string& parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  return parent + "." + std::string(key);
}

std::string shown(const std::string& text) {
  constexpr std::size_t kMaxShown = 60;
  if (text.size() <= kMaxShown) return text;
  std::size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return text.substr(0, cut) + "...";
}

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

YamlNode parse_yaml(std::string_view text, const std::string& file, int fixed_line, const std::string& root_field,
                    std::string_view document) {
  check_text_encoding(text, file, fixed_line, root_field);
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file, fixed_line, root_field, document);
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
      throw InputError(file, fixed_line > 0 ? fixed_line : second.line + 1, root_field,
                       "more than one YAML document; a " + std::string(document) + " is a single mapping");
    }
  } catch (const YAML::Exception& error) {
    const int line = fixed_line > 0 ? fixed_line : (error.mark.is_null() ? 0 : error.mark.line + 1);
    throw InputError(file, line, root_field, "not valid YAML: " + error.msg);
  }
  return builder.take_root();
}

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::empty: return "an empty value";
    case YamlNode::Kind::list: return "a list";
    case YamlNode::Kind::mapping: return "a mapping";
    case YamlNode::Kind::text: break;
  }
  return looks_numeric(node) ? shown(node.text) : quoted(node.text);
}

namespace {

// Plain text that would change meaning inside a flow collection is quoted.
std::string scalar_yaml(const YamlNode& node) {
  const bool needs_quotes = node.quoted || node.text.empty() ||
                            node.text.find_first_of(",[]{}#:\"'\n\t") != std::string::npos ||
                            node.text.front() == ' ' || node.text.back() == ' ';
  if (!needs_quotes) return node.text;
  std::string out = "\"";
  for (const char c : node.text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string flow_yaml(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::empty: return "";
    case YamlNode::Kind::text: return scalar_yaml(node);
    case YamlNode::Kind::list: {
      std::string out = "[";
      for (std::size_t i = 0; i < node.items.size(); ++i) out += (i ? ", " : "") + flow_yaml(node.items[i]);
      return out + "]";
    }
    case YamlNode::Kind::mapping: {
      std::string out = "{";
      for (std::size_t i = 0; i < node.items.size(); ++i)
        out += (i ? ", " : "") + scalar_yaml(node.keys[i]) + ": " + flow_yaml(node.items[i]);
      return out + "}";
    }
  }
  return "";
}

namespace {

void append_block(std::string& out, const YamlNode& mapping, const std::string& indent) {
  for (std::size_t i = 0; i < mapping.items.size(); ++i) {
    const YamlNode& value = mapping.items[i];
    out += indent + scalar_yaml(mapping.keys[i]) + ":";
    if (value.kind == YamlNode::Kind::mapping && !value.items.empty()) {
      out += "\n";
      append_block(out, value, indent + "  ");
    } else if (value.kind == YamlNode::Kind::list && !value.items.empty()) {
      out += "\n";
      for (const YamlNode& item : value.items) out += indent + "  - " + flow_yaml(item) + "\n";
    } else if (value.kind == YamlNode::Kind::empty) {
      out += "\n";
    } else {
      out += " " + flow_yaml(value) + "\n";
    }
  }
}

}  // namespace

std::string block_yaml(const YamlNode& mapping) {
  std::string out;
  append_block(out, mapping, "");
  return out;
}

}  // namespace casesim::input
