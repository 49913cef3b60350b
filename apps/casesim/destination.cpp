#include "apps/casesim/destination.hpp"

#include <climits>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "apps/casesim/usage_error.hpp"
#include "engine/input/input_file.hpp"

namespace casesim::cli {

namespace {

namespace fs = std::filesystem;

// The longest single name most Linux file systems take (ext4, xfs, tmpfs).
constexpr std::size_t kNameMax = NAME_MAX;

void refuse_too_long_name(const Destination& d) {
  const fs::path path(d.path);
  if (d.path.size() + kLongestWritingSuffix >= PATH_MAX)
    throw UsageError(fmt::format("{}: {} path of {} characters is too long; the limit is {}", d.option, d.kind,
                                 d.path.size(), PATH_MAX - 1 - kLongestWritingSuffix));
  const std::string name = path.filename().string();
  if (name.size() + kLongestWritingSuffix > kNameMax)
    throw UsageError(
        fmt::format("{}: {} name of {} characters is too long; the limit is {} (the file system's {} "
                    "less room for \".partial\" while it is written)",
                    d.option, d.kind, name.size(), kNameMax - kLongestWritingSuffix, kNameMax));
}

void refuse_an_input(const Destination& d, std::error_code& error) {
  for (const NamedInput& input : d.inputs) {
    if (input.path.empty()) continue;
    if (fs::equivalent(d.path, input.path, error))
      throw UsageError(
          fmt::format("{}: is {} this command reads; {} must name another file", d.path, input.role, d.option));
  }
}

}  // namespace

void check_destination(const Destination& d) {
  if (d.path.empty()) throw UsageError(fmt::format("{}: an empty file name; name the {} to write", d.option, d.kind));
  refuse_too_long_name(d);
  std::error_code error;
  const fs::file_status status = fs::status(d.path, error);
  if (!fs::exists(status)) return;
  if (fs::is_directory(status))
    throw UsageError(fmt::format("{}: it is a directory; {} must name a {}", d.path, d.option, d.kind));
  if (!fs::is_regular_file(status))
    throw UsageError(
        fmt::format("{}: {}; {} must name a {}", d.path, input::not_a_regular_file(d.path), d.option, d.kind));
  refuse_an_input(d, error);
  if (!d.force)
    throw UsageError(fmt::format("{}: {} exists; use --force to replace it, or {} to choose another name", d.path,
                                 d.kind, d.option));
}

}  // namespace casesim::cli
