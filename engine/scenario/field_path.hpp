#pragma once
// A scenario field's path as experiments, optimise files and overrides write
// it: policy.caseload_cap.cases, team.social_workers[2].fte.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casesim::scenario {

struct FieldPathStep {
  std::string key;
  std::optional<std::size_t> index;  // social_workers[2]: the item of the list at `key`
};

// The steps of `path`; nullopt when it is not written like the examples above
// (an empty segment, a space, brackets out of place, or an index that is not
// one to six digits).
std::optional<std::vector<FieldPathStep>> split_field_path(std::string_view path);

// What follows the last dot: "cases" for policy.caseload_cap.cases. A sweep's
// variants and an optimise file's decisions are named by it by default.
std::string last_segment(const std::string& path);

}  // namespace casesim::scenario
