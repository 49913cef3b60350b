#pragma once
// Bad input: where it is and what is wrong, as one line a user can act on. The
// one error type of every loader (scenarios, experiments, optimise files,
// snapshots); the program turns it into its message and exit status 2.
#include <stdexcept>
#include <string>

namespace casesim::input {

// what() is "FILE:LINE: FIELD: MESSAGE". FILE is the file as the user named it
// (or, in a snapshot, as it is named in the snapshot directory); LINE is
// 1-based, and ":LINE" is left out when no line applies (an unreadable or
// missing file); FIELD is a YAML field's dotted path or a CSV column's header
// as written, and "FIELD: " is left out when no single field is to blame (a
// file that is not YAML at all). Control characters in any part are escaped
// (\x0A), so the message stays one line whatever the input held.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, std::string field, std::string message);

  const std::string& file() const noexcept { return file_; }
  int line() const noexcept { return line_; }
  const std::string& field() const noexcept { return field_; }
  const std::string& message() const noexcept { return message_; }

 private:
  std::string file_;
  int line_;
  std::string field_;
  std::string message_;
};

// The same text as InputError::what() for these parts, for problems that are
// listed rather than thrown (a lenient snapshot load).
std::string input_error_text(const std::string& file, int line, const std::string& field, const std::string& message);

}  // namespace casesim::input
