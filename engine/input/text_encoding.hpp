#pragma once
// Which encoding a text file is in, as far as casesim needs to know: UTF-8 (the
// only one it reads), or what it is instead, so a message can say how to save
// it right. Excel's "Unicode Text" export is UTF-16; its plain "CSV (Comma
// delimited)" export is Windows-1252 (Latin-1, almost), whose accented letters
// are bytes that are not UTF-8.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace casesim::input {

// "UTF-16" or "UTF-32" when `bytes` start with that encoding's byte order
// mark, or, without one, when the first line's bytes alternate with zeros as
// mostly-ASCII text in UTF-16 does; nullopt otherwise.
std::optional<std::string> wide_encoding(std::string_view bytes);

// Length of the UTF-8 sequence starting at text[pos], or 0 if it is not
// well-formed (overlong forms, surrogates and code points past U+10FFFF are not).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos);

// The offset of the first byte that does not start a well-formed UTF-8
// sequence; nullopt when all of `text` is UTF-8.
std::optional<std::size_t> first_non_utf8_byte(std::string_view text);

// "0xE9".
std::string hex_byte(unsigned char byte);

}  // namespace casesim::input
