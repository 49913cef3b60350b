// An authority-wide extract through the real program: 100,000 children, whose
// 32-bit pseudonyms collided under every salt (issue 18), are listed by
// `casesim snapshot` with the data's own salt and with a salt file.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/reliability/program.hpp"
#include "tests/unit/snapshot/snapshot_fixture.hpp"

namespace casesim::reliability {
namespace {

TEST(LargeExtract, HundredThousandChildrenAreListedUnderTheDataSaltAndASaltFile) {
  const snapshot::testing::FixtureDirectory extract;
  extract.write_authority_extract(100'000, 2'000);
  const TemporaryDirectory directory;
  std::ofstream(directory / "salt") << "an analyst's salt, 0123456789\n";
  for (const bool salted : {false, true}) {
    std::vector<std::string> argv{casesim_program(), "snapshot", extract.path().string()};
    if (salted) argv.insert(argv.end(), {"--salt-file", "salt"});
    const ProgramOutcome outcome = run_program(argv, in(directory));
    ASSERT_EQ(outcome.exit_status, 0) << outcome.err;
    EXPECT_NE(outcome.out.find("\n  total" + std::string(15, ' ') + "100000\n"), std::string::npos)
        << outcome.out.substr(0, 400);
    EXPECT_EQ(outcome.err, "");
  }
}

}  // namespace
}  // namespace casesim::reliability
