#pragma once
// casesim's version as the build names it (the CMake project's version):
// printed by every command and recorded in every results file.
#include <string>

namespace casesim::runner {

std::string casesim_version();

}  // namespace casesim::runner
