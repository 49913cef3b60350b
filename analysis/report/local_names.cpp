#include "analysis/report/local_names.hpp"

namespace casesim::analysis::report {

void LocalNames::add(const std::string& pseudonym, const std::string& name) {
  names_[pseudonym] = name;
}

std::string LocalNames::name_of(const std::string& pseudonym) const {
  const auto found = names_.find(pseudonym);
  return found == names_.end() ? std::string() : found->second;
}

std::string LocalNames::shown(const std::string& pseudonym) const {
  const std::string name = name_of(pseudonym);
  return name.empty() ? pseudonym : pseudonym + " (" + name + ")";
}

}  // namespace casesim::analysis::report
