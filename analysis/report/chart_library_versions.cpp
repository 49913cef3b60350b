#include "analysis/report/chart_libraries.hpp"

namespace casesim::analysis::report {

std::string_view chart_library_versions() {
  return CASESIM_CHART_LIBRARY_VERSIONS;
}

}  // namespace casesim::analysis::report
