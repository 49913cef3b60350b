#include "apps/casesim/written_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "engine/results/results_file.hpp"

namespace casesim::cli {

std::string write_failure_reason(int error) {
  return error != 0 ? std::strerror(error) : "the write failed";
}

namespace {

// The reason a write to `path` fails now: a stream that failed earlier keeps
// no errno, so one more byte is tried at the end of the file (which is about
// to be removed). 0 when that byte is written.
int reason_a_write_fails(const std::string& path) {
  const int descriptor = open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (descriptor < 0) return errno;
  const int error = write(descriptor, "\n", 1) == 1 && fsync(descriptor) == 0 ? 0 : errno;
  close(descriptor);
  return error;
}

}  // namespace

WrittenFile::WrittenFile(std::string path, std::string kind)
    : path_(std::move(path)), partial_(path_ + ".partial"), kind_(std::move(kind)) {
  errno = 0;
  file_.open(partial_, std::ios::binary | std::ios::trunc);
  if (!file_)
    throw results::ResultsError(
        fmt::format("{} '{}': cannot create it: {}", kind_, partial_, write_failure_reason(errno)));
}

WrittenFile::~WrittenFile() {
  if (committed_) return;
  file_.close();
  std::error_code ignored;
  std::filesystem::remove(partial_, ignored);
}

void WrittenFile::fail(const std::string& doing, int error) {
  file_.close();
  if (const int now = reason_a_write_fails(partial_); now != 0) error = now;
  std::error_code ignored;
  std::filesystem::remove(partial_, ignored);
  committed_ = true;  // nothing left to remove
  throw results::ResultsError(
      fmt::format("{} '{}': {}: {}; nothing was written", kind_, path_, doing, write_failure_reason(error)));
}

void WrittenFile::commit() {
  errno = 0;
  file_.flush();
  if (!file_) fail("writing it failed", errno);
  file_.close();
  if (!file_) fail("writing it failed", errno);
  std::error_code error;
  std::filesystem::rename(partial_, path_, error);
  if (error) fail("cannot give it its name", error.value());
  committed_ = true;
}

}  // namespace casesim::cli
