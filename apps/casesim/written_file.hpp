#pragma once
// A file a command writes (a report, a trace, a CSV): written to NAME.partial
// and renamed to NAME only once every byte is on disk, so a file under the
// final name is always complete. A failed write (a full disk, a file size
// limit) is reported with the system's reason and leaves nothing behind.
#include <fstream>
#include <string>

namespace casesim::cli {

class WrittenFile {
 public:
  // Opens PATH.partial; throws results::ResultsError with the reason when it
  // cannot be created. `kind` names the file in messages ("report").
  WrittenFile(std::string path, std::string kind);
  ~WrittenFile();  // removes PATH.partial unless committed
  WrittenFile(const WrittenFile&) = delete;
  WrittenFile& operator=(const WrittenFile&) = delete;

  std::ostream& stream() { return file_; }
  // Flushes, closes and checks every write, then renames PATH.partial to
  // PATH. Throws results::ResultsError with the reason, removing the partial
  // file, when any write failed.
  void commit();

 private:
  [[noreturn]] void fail(const std::string& doing, int error);

  std::string path_;
  std::string partial_;
  std::string kind_;
  std::ofstream file_;
  bool committed_ = false;
};

// "No space left on device": the reason for `error`, or a plain one when the
// system gave none (a stream that failed without setting errno).
std::string write_failure_reason(int error);

}  // namespace casesim::cli
