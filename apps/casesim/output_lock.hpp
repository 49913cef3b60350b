#pragma once
// One process at a time per results file. Two runs given the same --output
// would otherwise both write OUTPUT.partial: the second truncates the first's
// work and the first then renames an unreadable file to the final name. The
// lock is an flock on OUTPUT.lock, taken before anything is touched and held
// until the command ends; the system drops it when the process dies, so a
// killed run never leaves a stale lock behind (only its empty file).
#include <string>

namespace casesim::cli {

class OutputLock {
 public:
  // Locks `output`, or throws UsageError naming it when another process holds
  // the lock. Where the lock file cannot be created (a missing or read-only
  // directory) nothing is locked: the results cannot be written there either,
  // and the writer reports why.
  explicit OutputLock(const std::string& output);
  ~OutputLock();  // removes the lock file, then lets go
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  OutputLock(OutputLock&& other) noexcept;
  OutputLock& operator=(OutputLock&&) = delete;

  bool held() const { return descriptor_ >= 0; }

 private:
  std::string path_;
  int descriptor_ = -1;
};

}  // namespace casesim::cli
