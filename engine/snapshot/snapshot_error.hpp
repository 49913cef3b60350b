#pragma once
// Bad snapshot input: where it is and what is wrong, as one line a council's
// analyst can act on.
#include <stdexcept>
#include <string>

namespace casesim::snapshot {

// what() is "FILE:LINE: COLUMN: PROBLEM": FILE is the file's name as given in
// the snapshot directory, LINE the 1-based physical line where the row starts
// (":LINE" left out when no line applies, as for a missing file), COLUMN the
// header as written in the file ("COLUMN: " left out when no column is to
// blame). Control characters in any part are escaped (\x0A), so the message
// stays one line whatever a spreadsheet put in a header.
class SnapshotError : public std::runtime_error {
 public:
  SnapshotError(std::string file, int line, std::string column, std::string problem);

  const std::string& file() const noexcept { return file_; }
  int line() const noexcept { return line_; }
  const std::string& column() const noexcept { return column_; }
  const std::string& problem() const noexcept { return problem_; }

 private:
  std::string file_;
  int line_;
  std::string column_;
  std::string problem_;
};

// The same text as SnapshotError::what() for these parts.
std::string snapshot_error_text(const std::string& file, int line, const std::string& column,
                                const std::string& problem);

}  // namespace casesim::snapshot
