#pragma once
// A table of bad YAML files (scenarios, experiments, optimise files), each
// with the exact message its loader must give; a directory holds the files.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <set>
#include <span>
#include <string>

namespace casesim::bad_input {

struct BadYaml {
  const char* file;      // the file's name without .yaml
  const char* expected;  // what() after the path
};

inline std::string case_name(const ::testing::TestParamInfo<BadYaml>& param_info) {
  return param_info.param.file;
}

// Every .yaml file in `directory` has exactly one case, and every case a file.
inline void expect_one_case_per_file(const std::string& directory, std::span<const BadYaml> cases,
                                     std::size_t at_least) {
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory))
    if (entry.path().extension() == ".yaml") files.insert(entry.path().stem().string());
  std::set<std::string> names;
  for (const BadYaml& bad : cases) EXPECT_TRUE(names.insert(bad.file).second) << bad.file << " listed twice";
  EXPECT_EQ(files, names);
  EXPECT_GE(names.size(), at_least);
}

}  // namespace casesim::bad_input
