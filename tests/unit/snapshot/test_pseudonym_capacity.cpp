// Pseudonyms have room for an authority: 32 bits did not (issue 18). Among
// 100,000 children two share a 32-bit pseudonym with probability
// 1 - exp(-100000^2 / 2^33), about 69%, so every salt an analyst tried
// failed, under a message claiming "a 1 in 4 billion chance". With 64 bits the
// chance is about 1 in 3.7 billion, and the message gives the true odds.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "engine/snapshot/load_snapshot.hpp"
#include "engine/snapshot/pseudonymiser.hpp"
#include "tests/unit/snapshot/snapshot_fixture.hpp"

namespace casesim::snapshot {
namespace {

using testing::FixtureDirectory;

constexpr std::size_t kAuthorityChildren = 100'000;
constexpr std::size_t kAuthorityWorkers = 2'000;

TEST(PseudonymCollisionChance, IsTheBirthdayBoundFor64Bits) {
  EXPECT_EQ(kPseudonymBits, 64u);
  EXPECT_DOUBLE_EQ(pseudonym_collision_chance(1), 0.0);
  EXPECT_DOUBLE_EQ(pseudonym_collision_chance(2), std::ldexp(1.0, -64));
  // n (n - 1) / 2^65 while small.
  EXPECT_NEAR(pseudonym_collision_chance(kAuthorityChildren), 2.71e-10, 0.01e-10);
  // At 2^32 ids, about 1 - exp(-1/2).
  EXPECT_NEAR(pseudonym_collision_chance(std::size_t{1} << 32), 0.3935, 0.0001);
}

TEST(PseudonymCollisionChance, IsPutInWordsForTheMessage) {
  EXPECT_EQ(collision_chance_in_words(2), "about 1 in 18 quintillion");
  EXPECT_EQ(collision_chance_in_words(kAuthorityChildren), "about 1 in 3.7 billion");
  EXPECT_EQ(collision_chance_in_words(10'000'000), "about 1 in 368935");
  EXPECT_EQ(collision_chance_in_words(std::size_t{1} << 32), "about 1 in 3");
}

// The loader under two salts (the data's own, then an analyst's): each gives
// every one of 100,000 children its own 64-bit pseudonym. With 32 bits both
// would have succeeded about one time in ten.
class AuthorityExtract : public ::testing::TestWithParam<const char*> {};

TEST_P(AuthorityExtract, HundredThousandChildrenHaveDistinctPseudonyms) {
  FixtureDirectory directory;
  directory.write_authority_extract(kAuthorityChildren, kAuthorityWorkers);
  LoadOptions options;
  if (*GetParam() != '\0') options.salt = GetParam();
  const Snapshot snapshot = load_snapshot(directory.path(), options);
  ASSERT_EQ(snapshot.children.size(), kAuthorityChildren);
  ASSERT_EQ(snapshot.workers.size(), kAuthorityWorkers);
  const std::regex child_form("C-[0-9a-f]{16}");
  std::set<std::string> distinct;
  for (const Child& child : snapshot.children) {
    ASSERT_TRUE(std::regex_match(child.pseudonym, child_form)) << child.pseudonym;
    distinct.insert(child.pseudonym);
  }
  EXPECT_EQ(distinct.size(), kAuthorityChildren);
}

std::string salt_name(const ::testing::TestParamInfo<const char*>& param_info) {
  return *param_info.param == '\0' ? "DerivedFromTheFiles" : "SaltFile";
}

INSTANTIATE_TEST_SUITE_P(Salts, AuthorityExtract, ::testing::Values("", "an analyst's salt, 0123456789"), salt_name);

}  // namespace
}  // namespace casesim::snapshot
