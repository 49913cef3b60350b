#pragma once
// Error messages are one line on a terminal whatever the input held: control
// characters (a line break in a YAML key, a carriage return in a CSV cell) are
// shown escaped, as \x0A.
#include <string>
#include <string_view>

namespace casesim::input {

inline std::string one_line(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace casesim::input
