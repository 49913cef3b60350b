#pragma once
// Reading a file casesim was given: only a regular file, and never more than a
// bound. A FIFO would block the read until some other process writes to it, a
// device such as /dev/zero never ends (memory grows until the machine gives
// out), and a directory has no content; each is refused as bad input, with
// what the path is, before anything is read.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace casesim::input {

// What kind of input a file is, for messages: "cannot read NOUN: REASON" and
// "larger than the LIMIT limit for a NOUN".
struct InputFileRules {
  std::string_view noun;  // "scenario", "salt file", "snapshot file"
  std::size_t max_bytes;
};

// The whole content of the regular file at `path`. Throws InputError naming
// `shown_as` (the file as the user knows it: the path given, or a name inside
// a snapshot directory) when the path is missing, unreadable, not a regular
// file, or larger than rules.max_bytes (checked on the bytes read too, so a
// file that grows while it is read is still refused).
std::string read_input_file(const std::filesystem::path& path, const std::string& shown_as, InputFileRules rules);

// For a file another library opens by name (HDF5 results): throws InputError
// as read_input_file does when `path` exists and is not a regular file. A path
// that does not exist, or cannot be examined, is left for the opener to
// report in its own words.
void refuse_special_file(const std::filesystem::path& path, const std::string& shown_as, std::string_view noun);

// What a path that is not a regular file is, for messages ("it is a FIFO
// (named pipe), not a regular file"); empty for a regular file, and the
// system's reason ("No such file or directory") when it cannot be examined.
std::string not_a_regular_file(const std::filesystem::path& path);

// A file named inside another (a base scenario, say): as written when
// absolute, else beside the file that names it, as a user reading that file
// expects whatever directory casesim runs in. Lexically normal.
std::filesystem::path named_beside(const std::string& naming_file, const std::string& written);

}  // namespace casesim::input
