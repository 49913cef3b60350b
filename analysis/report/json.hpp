#pragma once
// A small JSON value, enough to write Vega-Lite specifications and their data.
// Output is safe to place inside an HTML <script> element: '<' is written as
// \u003c, so no string can close the element.
#include <cstddef>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace casesim::analysis::report {

class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;  // keys keep their order

  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool b) : value_(b) {}
  Json(int n) : value_(static_cast<double>(n)) {}
  Json(std::size_t n) : value_(static_cast<double>(n)) {}
  Json(double x) : value_(x) {}  // NaN and infinities are written as null
  Json(const char* s) : value_(std::string(s)) {}
  Json(std::string s) : value_(std::move(s)) {}
  Json(Array a) : value_(std::move(a)) {}
  Json(Object o) : value_(std::move(o)) {}

  static Json array(Array a = {}) { return Json(std::move(a)); }
  static Json object(Object o = {}) { return Json(std::move(o)); }

  // Appends to an array or adds a key to an object; the wrong kind is std::logic_error.
  Json& push(Json value);
  Json& set(std::string key, Json value);

  std::string dump() const;

 private:
  void dump_to(std::string& out) const;
  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> value_;
};

// A JSON string literal for `text`, with the same escaping as Json::dump.
std::string json_quote(const std::string& text);

}  // namespace casesim::analysis::report
