#include "apps/casesim/mechanism_warnings.hpp"

#include "engine/scenario/mechanisms.hpp"

namespace casesim::cli {

void warn_mechanisms_off(const scenario::Scenario& scenario, const std::string& file, std::ostream& err) {
  for (const std::string& line : scenario::undeclared_mechanisms_off(scenario))
    err << "casesim: warning: " << file << ": " << line << '\n';
}

}  // namespace casesim::cli
