#pragma once
// A command-line mistake: main.cpp reports it and exits with status 2, like a
// bad scenario.
#include <stdexcept>

namespace casesim::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace casesim::cli
