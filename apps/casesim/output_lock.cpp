#include "apps/casesim/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include <fmt/format.h>

#include "apps/casesim/usage_error.hpp"

namespace casesim::cli {

namespace {

// Whether the descriptor still names the file at `path`: a process that ends
// removes its lock file, so one that opened the old file before then holds a
// lock on a file nobody else will look at, and must lock the new one instead.
bool still_at_path(int descriptor, const std::string& path) {
  struct stat opened {};
  struct stat named {};
  return fstat(descriptor, &opened) == 0 && stat(path.c_str(), &named) == 0 && opened.st_dev == named.st_dev &&
         opened.st_ino == named.st_ino;
}

}  // namespace

OutputLock::OutputLock(const std::string& output) : path_(output + ".lock") {
  for (;;) {
    const int descriptor = open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (descriptor < 0) return;
    if (flock(descriptor, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      close(descriptor);
      if (error == EWOULDBLOCK)
        throw UsageError(
            fmt::format("{}: another casesim is writing this results file now ({} is locked); wait for "
                        "it to finish, or choose another --output",
                        output, path_));
      return;
    }
    if (still_at_path(descriptor, path_)) {
      descriptor_ = descriptor;
      return;
    }
    close(descriptor);
  }
}

OutputLock::OutputLock(OutputLock&& other) noexcept
    : path_(std::move(other.path_)), descriptor_(std::exchange(other.descriptor_, -1)) {}

OutputLock::~OutputLock() {
  if (descriptor_ < 0) return;
  unlink(path_.c_str());
  close(descriptor_);
}

}  // namespace casesim::cli
