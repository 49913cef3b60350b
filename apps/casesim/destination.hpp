#pragma once
// Where a command writes a file, checked the same way for every command
// (run, experiment, optimise, report, trace) before any work: a mistake about
// the destination is the user's, found at once, and --force replaces only a
// regular file the command itself would write, never a device, a directory or
// one of the command's own inputs.
#include <cstddef>
#include <string>
#include <vector>

namespace casesim::cli {

// One of a command's inputs, which its output must not be: "the scenario".
struct NamedInput {
  std::string role;
  std::string path;
};

struct Destination {
  std::string path;                 // as given
  std::string option = "--output";  // the option that names it, for messages
  std::string kind;                 // "results file", "report", "trace"
  bool force = false;
  std::vector<NamedInput> inputs;  // empty paths are skipped
};

// The longest suffix casesim adds to a destination's name while writing it
// ("out.h5.partial.resuming"): the name with it must still fit the file system.
inline constexpr std::size_t kLongestWritingSuffix = sizeof(".partial.resuming") - 1;

// Throws UsageError for an empty name, a name too long for the file system
// (with kLongestWritingSuffix), a directory, a device, FIFO or socket, a path
// that is one of `inputs` (even through a link), and, without `force`, a file
// that exists. A destination whose directory is missing or read-only is left
// for the writer, which reports it as a failed write.
void check_destination(const Destination& destination);

}  // namespace casesim::cli
