#include "engine/runner/version.hpp"

namespace casesim::runner {

std::string casesim_version() {
  return CASESIM_VERSION;
}

}  // namespace casesim::runner
