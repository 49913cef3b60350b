#include "analysis/report/local_names.hpp"

#include <cctype>

namespace casesim::analysis::report {

void LocalNames::add(const std::string& pseudonym, const std::string& name) {
  names_[pseudonym] = name;
}

std::string LocalNames::name_of(const std::string& pseudonym) const {
  const auto found = names_.find(pseudonym);
  return found == names_.end() ? std::string() : found->second;
}

std::string LocalNames::shown(const std::string& pseudonym) const {
  const std::string name = name_of(pseudonym);
  return name.empty() ? pseudonym : pseudonym + " (" + name + ")";
}

std::string LocalNames::in_text(const std::string& text) const {
  if (names_.empty()) return text;
  // A pseudonym is a capital letter, '-' and hex digits (C-..., W-...), not inside a longer word.
  const auto is_hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool starts = i + 2 < text.size() && text[i] >= 'A' && text[i] <= 'Z' && text[i + 1] == '-' &&
                        is_hex(text[i + 2]) && (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])));
    if (!starts) {
      out += text[i++];
      continue;
    }
    std::size_t end = i + 2;
    while (end < text.size() && is_hex(text[end])) ++end;
    out += shown(text.substr(i, end - i));
    i = end;
  }
  return out;
}

}  // namespace casesim::analysis::report
