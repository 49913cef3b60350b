#include "analysis/report/json.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

namespace casesim::analysis::report {

namespace {

void quote_to(std::string& out, const std::string& text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '<': out += "\\u003c"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        else
          out += c;
    }
  }
  out += '"';
}

}  // namespace

Json& Json::push(Json value) {
  auto* array = std::get_if<Array>(&value_);
  if (!array) throw std::logic_error("Json::push on a value that is not an array");
  array->push_back(std::move(value));
  return *this;
}

Json& Json::set(std::string key, Json value) {
  auto* object = std::get_if<Object>(&value_);
  if (!object) throw std::logic_error("Json::set on a value that is not an object");
  for (auto& [k, v] : *object)
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  object->emplace_back(std::move(key), std::move(value));
  return *this;
}

std::string Json::dump() const {
  std::string out;
  dump_to(out);
  return out;
}

void Json::dump_to(std::string& out) const {
  if (std::holds_alternative<std::nullptr_t>(value_)) {
    out += "null";
  } else if (const bool* b = std::get_if<bool>(&value_)) {
    out += *b ? "true" : "false";
  } else if (const double* x = std::get_if<double>(&value_)) {
    // Shortest text that reads back as the same double.
    out += std::isfinite(*x) ? fmt::format("{}", *x) : "null";
  } else if (const std::string* s = std::get_if<std::string>(&value_)) {
    quote_to(out, *s);
  } else if (const Array* a = std::get_if<Array>(&value_)) {
    out += '[';
    for (std::size_t i = 0; i < a->size(); ++i) {
      if (i) out += ',';
      (*a)[i].dump_to(out);
    }
    out += ']';
  } else {
    const Object& o = std::get<Object>(value_);
    out += '{';
    for (std::size_t i = 0; i < o.size(); ++i) {
      if (i) out += ',';
      quote_to(out, o[i].first);
      out += ':';
      o[i].second.dump_to(out);
    }
    out += '}';
  }
}

std::string json_quote(const std::string& text) {
  std::string out;
  quote_to(out, text);
  return out;
}

}  // namespace casesim::analysis::report
