#pragma once
// Who a pseudonym stands for, in the local-only report (`casesim report
// --names`): the child's id or the worker's name from the snapshot, found by
// pseudonymising the snapshot again with the same key. Empty in every other
// report, so a report section that shows a pseudonym through shown() prints
// the pseudonym alone there and the name beside it only in the local report.
#include <cstddef>
#include <map>
#include <string>

namespace casesim::analysis::report {

class LocalNames {
 public:
  // A second name for the same pseudonym replaces the first.
  void add(const std::string& pseudonym, const std::string& name);
  bool empty() const { return names_.empty(); }
  std::size_t size() const { return names_.size(); }
  // The name behind a pseudonym; empty when not known.
  std::string name_of(const std::string& pseudonym) const;
  // What a report shows for a pseudonym: "C-1a2b3c4d5e6f7a8b (1001114)" when
  // its name is known, the pseudonym alone otherwise. Plain text: escape it
  // for HTML like any other.
  std::string shown(const std::string& pseudonym) const;
  // `text` (a dated change, an answer's sentence) with every pseudonym in it
  // shown as shown() shows it: "W-1a2b3c4d5e6f7a8b (Kwame Mensah) leaves".
  std::string in_text(const std::string& text) const;

 private:
  std::map<std::string, std::string> names_;
};

}  // namespace casesim::analysis::report
