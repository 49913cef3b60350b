#include "engine/input/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "engine/input/input_error.hpp"

namespace casesim::input {

namespace {

std::string file_type_problem(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return "it is a directory";
  if (S_ISFIFO(mode)) return "it is a FIFO (named pipe), not a regular file";
  if (S_ISCHR(mode)) return "it is a character device, not a regular file";
  if (S_ISBLK(mode)) return "it is a block device, not a regular file";
  if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

// "1 MiB", "64 KiB", "100 bytes".
std::string size_text(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  if (bytes >= kKiB * kKiB && bytes % (kKiB * kKiB) == 0) return std::to_string(bytes / (kKiB * kKiB)) + " MiB";
  if (bytes >= kKiB && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + " KiB";
  return std::to_string(bytes) + " bytes";
}

class OpenFile {
 public:
  explicit OpenFile(int descriptor) : descriptor_(descriptor) {}
  ~OpenFile() { ::close(descriptor_); }
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int descriptor() const { return descriptor_; }

 private:
  int descriptor_;
};

InputError cannot_read(const std::string& shown_as, std::string_view noun, const std::string& reason) {
  return InputError(shown_as, 0, "", "cannot read " + std::string(noun) + ": " + reason);
}

}  // namespace

std::string not_a_regular_file(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::strerror(errno);
  return file_type_problem(status.st_mode);
}

std::string read_input_file(const std::filesystem::path& path, const std::string& shown_as, InputFileRules rules) {
  // Looked at before it is opened: opening a FIFO blocks until a writer comes,
  // and opening a device can have effects of its own.
  if (const std::string problem = not_a_regular_file(path); !problem.empty()) {
    throw cannot_read(shown_as, rules.noun, problem);
  }
  // O_NONBLOCK: should a FIFO take the file's place after the check, opening
  // it does not wait; the fstat below then refuses it.
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (descriptor < 0) throw cannot_read(shown_as, rules.noun, std::strerror(errno));
  const OpenFile file(descriptor);
  struct stat status {};
  if (::fstat(descriptor, &status) != 0) throw cannot_read(shown_as, rules.noun, std::strerror(errno));
  if (const std::string problem = file_type_problem(status.st_mode); !problem.empty()) {
    throw cannot_read(shown_as, rules.noun, problem);
  }
  const auto too_large = [&] {
    return cannot_read(shown_as, rules.noun,
                       "larger than the " + size_text(rules.max_bytes) + " limit for a " + std::string(rules.noun));
  };
  if (static_cast<std::uintmax_t>(status.st_size) > rules.max_bytes) throw too_large();

  std::string text;
  text.reserve(static_cast<std::size_t>(status.st_size));
  std::array<char, 64 * 1024> chunk{};
  for (;;) {
    const ssize_t count = ::read(descriptor, chunk.data(), chunk.size());
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) throw cannot_read(shown_as, rules.noun, std::strerror(errno));
    if (count == 0) break;
    // The file may have grown since it was sized.
    if (text.size() + static_cast<std::size_t>(count) > rules.max_bytes) throw too_large();
    text.append(chunk.data(), static_cast<std::size_t>(count));
  }
  return text;
}

void refuse_special_file(const std::filesystem::path& path, const std::string& shown_as, std::string_view noun) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return;
  if (const std::string problem = file_type_problem(status.st_mode); !problem.empty()) {
    throw cannot_read(shown_as, noun, problem);
  }
}

std::filesystem::path named_beside(const std::string& naming_file, const std::string& written) {
  const std::filesystem::path path(written);
  return (path.is_absolute() ? path : std::filesystem::path(naming_file).parent_path() / path).lexically_normal();
}

}  // namespace casesim::input
