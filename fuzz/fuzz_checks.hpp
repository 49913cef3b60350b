#pragma once
// What every fuzz target asserts besides "no crash": a broken promise aborts,
// which libFuzzer reports as a crash and saves the input that caused it.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/scenario/load_scenario.hpp"

namespace casesim::fuzz {

inline void require(bool holds, const char* promise) {
  if (holds) return;
  std::fprintf(stderr, "fuzz check failed: %s\n", promise);
  std::abort();
}

// Users see what() as "FILE:LINE: FIELD: MESSAGE", naming the file they gave.
// (Not checked: that it is one line. A key is echoed as written, so a quoted
// key holding "\n" or a bare "\r" breaks the line; see docs/reliability.md,
// "Known gaps", and tests/reliability/fuzz_regressions.)
inline void require_clear_error(const scenario::ScenarioError& error, const std::string& file) {
  const std::string_view what = error.what();
  require(error.file() == file, "error names another file");
  require(what.substr(0, file.size()) == file, "message does not start with the file");
  require(!error.message().empty(), "empty error message");
}

}  // namespace casesim::fuzz
