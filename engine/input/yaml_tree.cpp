#include "engine/input/yaml_tree.hpp"

#include <yaml.h>

#include <algorithm>
#include <new>
#include <optional>
#include <unordered_map>

#include "engine/input/input_error.hpp"
#include "engine/input/number_text.hpp"
#include "engine/input/text_encoding.hpp"

namespace casesim::input {

namespace {

std::string item_path(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

// The line breaks YAML 1.1 (libyaml) counts besides "\n" and "\r", which
// editors do not show as line breaks.
struct UnseenLineBreak {
  std::string_view utf8;
  const char* name;
  const char* escape;  // in a double-quoted scalar
};
constexpr UnseenLineBreak kUnseenLineBreaks[] = {
    {"\xC2\x85", "next line (U+0085)", "\\N"},
    {"\xE2\x80\xA8", "line separator (U+2028)", "\\L"},
    {"\xE2\x80\xA9", "paragraph separator (U+2029)", "\\P"},
};

const UnseenLineBreak* unseen_line_break_at(std::string_view text, std::size_t pos) {
  for (const UnseenLineBreak& line_break : kUnseenLineBreaks) {
    if (text.substr(pos, line_break.utf8.size()) == line_break.utf8) return &line_break;
  }
  return nullptr;
}

// YAML requires printable Unicode; a stray binary file would otherwise produce
// confusing parse errors or garbage keys. Lines end in "\n" or "\r\n" only:
// YAML 1.1 also breaks lines at a lone "\r" and at three Unicode characters,
// which would shift every later line number away from the one an editor shows.
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
    // Printable ASCII, nearly every byte of a scenario, needs no other look.
    if (byte >= 0x20 && byte < 0x7F) {
      ++pos;
      continue;
    }
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
    if (byte == '\r' && (pos + 1 == text.size() || text[pos + 1] != '\n')) {
      throw InputError(file, reported_line, field,
                       "a carriage return without a line feed" + where() +
                           ", which YAML reads as a line break where most editors show none; save the file with "
                           "ordinary line endings");
    }
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) {
      throw InputError(file, reported_line, field,
                       "not UTF-8 text" + where() +
                           "; the file may be Latin-1 or Windows-1252: save it as UTF-8 (in most editors: Save As, "
                           "encoding UTF-8)");
    }
    if (const UnseenLineBreak* line_break = unseen_line_break_at(text, pos)) {
      throw InputError(file, reported_line, field,
                       "a Unicode " + std::string(line_break->name) + " at column " +
                           std::to_string(pos - line_start + 1) +
                           ", which YAML reads as a line break where most editors show none; write an ordinary line "
                           "break or a space instead");
    }
    pos += length;
  }
}

// Owns a libyaml parser over `text` and the event it last produced.
class YamlEvents {
 public:
  explicit YamlEvents(std::string_view text) {
    if (!yaml_parser_initialize(&parser_)) throw std::bad_alloc();
    // libyaml asserts on a null input, which an empty string_view may hold.
    static constexpr unsigned char kNothing[] = "";
    const auto* bytes = text.empty() ? kNothing : reinterpret_cast<const unsigned char*>(text.data());
    yaml_parser_set_input_string(&parser_, bytes, text.size());
  }
  YamlEvents(const YamlEvents&) = delete;
  YamlEvents& operator=(const YamlEvents&) = delete;
  ~YamlEvents() {
    if (holding_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }

  // The next event, or nullptr when the text is not valid YAML (see parser()).
  const yaml_event_t* next() {
    if (holding_) yaml_event_delete(&event_);
    holding_ = yaml_parser_parse(&parser_, &event_) != 0;
    return holding_ ? &event_ : nullptr;
  }
  const yaml_parser_t& parser() const { return parser_; }

 private:
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool holding_ = false;
};

std::string_view text_of(const yaml_char_t* text) {
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

// The YAML core schema's spellings of null: a value written so is a value left
// empty (yaml-cpp, which casesim read YAML with before libyaml, did the same).
bool is_null(const yaml_event_t& scalar) {
  if (scalar.data.scalar.style != YAML_PLAIN_SCALAR_STYLE || scalar.data.scalar.tag) return false;
  const std::string_view value(reinterpret_cast<const char*>(scalar.data.scalar.value), scalar.data.scalar.length);
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

// Builds the tree from libyaml's events; an alias is only ever an event here,
// never an expansion. The builder's own errors wait until the document has
// parsed, so a file that is not YAML at all is reported as such: the first is
// kept and later events are ignored. Only the depth limit stops the parse at
// once, as it bounds the recursion of everything that walks the tree.
class TreeBuilder {
 public:
  TreeBuilder(const std::string& file, int fixed_line, const std::string& root_field, std::string_view document)
      : file_(file),
        fixed_line_(fixed_line),
        root_field_(root_field),
        in_documents_(" in " + std::string(document) + "s") {}

  const std::optional<InputError>& error() const { return error_; }
  YamlNode take_root() { return std::move(root_); }
  int line_of(const yaml_mark_t& mark) const { return fixed_line_ > 0 ? fixed_line_ : static_cast<int>(mark.line) + 1; }

  // One event inside the document.
  void take(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_SCALAR_EVENT: scalar(event); break;
      case YAML_ALIAS_EVENT:
        if (!error_) reject(line_of(event.start_mark), next_path(), "aliases are not allowed" + in_documents_);
        break;
      case YAML_SEQUENCE_START_EVENT:
        open(event.start_mark, event.data.sequence_start.tag, event.data.sequence_start.anchor, YamlNode::Kind::list);
        break;
      case YAML_MAPPING_START_EVENT:
        open(event.start_mark, event.data.mapping_start.tag, event.data.mapping_start.anchor, YamlNode::Kind::mapping);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: close(); break;
      default: break;
    }
  }

 private:
  struct Frame {
    YamlNode node;
    std::string path;
    bool expecting_key = true;
    YamlNode pending_key;
    std::unordered_map<std::string, int> key_lines;
  };

  void scalar(const yaml_event_t& event) {
    const auto& data = event.data.scalar;
    if (error_ || !check_anchor(event.start_mark, data.anchor) || !check_tag(event.start_mark, data.tag)) return;
    YamlNode node = leaf(event.start_mark);
    if (!is_null(event)) {
      node.kind = YamlNode::Kind::text;
      node.text.assign(reinterpret_cast<const char*>(data.value), data.length);
      // The non-specific tag "!" makes a plain scalar text, as quotes do.
      node.quoted = data.style != YAML_PLAIN_SCALAR_STYLE || data.tag;
    }
    attach(std::move(node));
  }

  YamlNode leaf(const yaml_mark_t& mark) const {
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
  bool check_anchor(const yaml_mark_t& mark, const yaml_char_t* anchor) {
    if (!anchor) return true;
    reject(line_of(mark), next_path(), "anchors and aliases are not allowed" + in_documents_);
    return false;
  }

  // Only "!", the non-specific tag, is let through: it says "text" and nothing more.
  bool check_tag(const yaml_mark_t& mark, const yaml_char_t* tag) {
    const std::string_view text = text_of(tag);
    if (text.empty() || text == "!") return true;
    reject(line_of(mark), next_path(), "YAML tags are not allowed" + in_documents_ + ", got " + std::string(text));
    return false;
  }

  void open(const yaml_mark_t& mark, const yaml_char_t* tag, const yaml_char_t* anchor, YamlNode::Kind kind) {
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
    // A missing value is marked after its key's colon, or where the next token
    // starts: the key's line is the one to blame.
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

// The character libyaml's mark points at (line and column count characters
// from 0; check_text_encoding leaves "\n" and "\r\n" as the only line breaks),
// or "" past the end.
std::string_view character_at(std::string_view text, const yaml_mark_t& mark) {
  std::size_t pos = 0;
  for (std::size_t line = 0; line < mark.line; ++line) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  for (std::size_t column = 0; column < mark.column && pos < text.size(); ++column) {
    if (text[pos] == '\n') return {};
    pos += std::max<std::size_t>(1, utf8_sequence_length(text, pos));
  }
  if (pos >= text.size()) return {};
  return text.substr(pos, std::max<std::size_t>(1, utf8_sequence_length(text, pos)));
}

// libyaml's own words for a syntax error: the problem, then what it was
// reading and from which line when that is another line. A tab where YAML
// expects indentation gets words of its own, being the one mistake an editor
// hides.
std::string syntax_problem(const yaml_parser_t& parser, std::string_view text, bool whole_file) {
  const std::string problem = parser.problem ? parser.problem : "unknown error";
  if (parser.error == YAML_SCANNER_ERROR && problem == "found character that cannot start any token") {
    const std::string_view found = character_at(text, parser.problem_mark);
    const std::string column = std::to_string(parser.problem_mark.column + 1);
    if (found == "\t") return "a tab at column " + column + "; YAML indents with spaces, never tabs";
    if (!found.empty()) return "'" + std::string(found) + "' at column " + column + " cannot start a value";
  }
  std::string out = problem;
  if (parser.context) {
    out += std::string(" ") + parser.context;
    if (whole_file && parser.context_mark.line != parser.problem_mark.line)
      out += " started on line " + std::to_string(parser.context_mark.line + 1);
  }
  // libyaml gives up on a key (written without '?') 1024 characters on.
  constexpr std::size_t kMaxKeyLength = 1024;
  if (parser.context && std::string_view(parser.context) == "while scanning a simple key" &&
      parser.context_mark.line == parser.problem_mark.line &&
      parser.problem_mark.index > parser.context_mark.index + kMaxKeyLength) {
    out += "; a key may be at most " + std::to_string(kMaxKeyLength) + " characters long";
  }
  return out;
}

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
  YamlEvents events(text);
  TreeBuilder builder(file, fixed_line, root_field, document);
  bool has_document = false;
  while (true) {
    const yaml_event_t* event = events.next();
    if (!event) {
      const yaml_parser_t& parser = events.parser();
      if (parser.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
      // A reader error (bad encoding) has an offset but no mark; check_text_encoding
      // refuses such text first.
      int line = fixed_line;
      if (line <= 0 && parser.error != YAML_READER_ERROR) line = static_cast<int>(parser.problem_mark.line) + 1;
      throw InputError(file, line, root_field, "not valid YAML: " + syntax_problem(parser, text, fixed_line <= 0));
    }
    switch (event->type) {
      case YAML_STREAM_START_EVENT: break;
      case YAML_DOCUMENT_START_EVENT:
        // A second document would be silently ignored by anyone reading only the first.
        if (has_document) {
          throw InputError(file, builder.line_of(event->start_mark), root_field,
                           "more than one YAML document; a " + std::string(document) + " is a single mapping");
        }
        has_document = true;
        break;
      case YAML_DOCUMENT_END_EVENT:
        if (builder.error()) throw *builder.error();
        break;
      case YAML_STREAM_END_EVENT:
        if (has_document) return builder.take_root();
        {
          YamlNode empty;
          empty.file = file;
          empty.line = fixed_line;
          empty.holder_line = fixed_line;
          return empty;
        }
      default: builder.take(*event); break;
    }
  }
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

bool is_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x20 || byte == 0x7F;
}

// Plain text that would change meaning inside a flow collection is quoted.
// Control characters and line breaks are escaped: written as they are, parse_yaml
// would refuse them (check_text_encoding) where the file had an escape.
std::string scalar_yaml(const YamlNode& node) {
  const std::string& text = node.text;
  bool needs_quotes = node.quoted || text.empty() || text.find_first_of(",[]{}#:\"'") != std::string::npos ||
                      text.front() == ' ' || text.back() == ' ';
  for (std::size_t pos = 0; pos < text.size() && !needs_quotes; ++pos)
    needs_quotes = is_control(text[pos]) || unseen_line_break_at(text, pos);
  if (!needs_quotes) return text;
  std::string out = "\"";
  for (std::size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (is_control(c)) {
      out += "\\x";
      out += hex_byte(static_cast<unsigned char>(c)).substr(2);
    } else if (const UnseenLineBreak* line_break = unseen_line_break_at(text, pos)) {
      out += line_break->escape;
      pos += line_break->utf8.size() - 1;
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
      // Appended piece by piece: `" " + flow_yaml(value)` trips GCC 12's false -Wrestrict.
      out += ' ';
      out += flow_yaml(value);
      out += '\n';
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
