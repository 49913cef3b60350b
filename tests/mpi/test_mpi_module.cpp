// How casesim reaches MPI: the program does not link it, and loads its MPI
// module only when a launcher started it (docs/cluster.md). A program started
// from a shell loads no MPI library; under a launcher without a usable module
// it says which file it could not load and why, and exits like any runtime
// failure, before it writes anything.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/experiments/experiment_files.hpp"
#include "tests/mpi/mpirun.hpp"
#include "tests/reliability/program.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;

class MpiModule : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { let_mpirun_run_as_root(); }

  void SetUp() override {
    std::ofstream(directory_ / "small.yaml")
        << casesim::testing::kSmallScenario
        << "\nmechanisms_off: [statutory_visits, absence, turnover, supervision, triage_errors]\n";
    std::ofstream(directory_ / "caps.yaml") << "name: caps\nbase_scenario: small.yaml\nreplications: 4\nseed: 11\n"
                                               "metrics: [unallocated_wait_mean]\nvariants:\n  - name: cap-18\n";
  }

  std::vector<std::string> experiment(const std::string& output) const {
    return {"experiment", (directory_ / "caps.yaml").string(), "--threads", "1",
            "--output",   (directory_ / output).string()};
  }

  // A copy of the program in DIRECTORY/bin, where it looks for its module in
  // DIRECTORY/lib/casesim: with `module` copied there, or none.
  std::string program_with_module(const fs::path& module = {}) const {
    const fs::path place = fs::canonical(directory_.path());
    fs::create_directories(place / "bin");
    fs::copy_file(casesim_program(), place / "bin/casesim");
    if (!module.empty()) {
      fs::create_directories(place / "lib/casesim");
      fs::copy_file(module, place / "lib/casesim/casesim_mpi.so");
    }
    return (place / "bin/casesim").string();
  }

  std::string expected_module() const {
    return (fs::canonical(directory_.path()) / "lib/casesim/casesim_mpi.so").string();
  }

  // `program` running the experiment as if a launcher had started it: the
  // launcher's variable set, and no launcher.
  ProgramOutcome under_fake_launcher(const std::string& program, const std::string& variable = "OMPI_COMM_WORLD_SIZE") {
    std::vector<std::string> argv{"/usr/bin/env", variable + "=2", program};
    const std::vector<std::string> arguments = experiment("out.h5");
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return run_program(argv);
  }

  void expect_nothing_written() const {
    EXPECT_FALSE(fs::exists(directory_ / "out.h5"));
    EXPECT_FALSE(fs::exists(directory_ / "out.h5.partial"));
  }

  TemporaryDirectory directory_;
};

// LD_DEBUG=files makes the dynamic loader name every library it loads, at
// start and by dlopen alike.
TEST_F(MpiModule, ProgramStartedFromAShellLoadsNoMpi) {
  std::vector<std::string> argv{"/usr/bin/env", "LD_DEBUG=files", casesim_program()};
  const std::vector<std::string> arguments = experiment("alone.h5");
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  const ProgramOutcome alone = run_program(argv);
  ASSERT_EQ(alone.exit_status, 0) << alone.err;
  EXPECT_NE(alone.err.find("file=libc.so"), std::string::npos) << "the loader named nothing:\n" << alone.err;
  EXPECT_EQ(alone.err.find("libmpi"), std::string::npos) << alone.err;
  EXPECT_EQ(alone.err.find("casesim_mpi"), std::string::npos) << alone.err;
}

// The same check sees MPI when a launcher starts the program (one rank: it
// joins MPI, then runs as one process).
TEST_F(MpiModule, ProgramStartedByMpirunLoadsItsModuleAndMpi) {
  const ProgramOutcome ranked =
      run_program(mpirun(1, casesim_program(), experiment("ranked.h5"), {"-x", "LD_DEBUG=files"}));
  ASSERT_EQ(ranked.exit_status, 0) << ranked.err;
  EXPECT_NE(ranked.err.find("lib/casesim/casesim_mpi.so"), std::string::npos) << ranked.err;
  EXPECT_NE(ranked.err.find("file=libmpi.so"), std::string::npos) << ranked.err;
}

TEST_F(MpiModule, MissingModuleIsReportedNamingTheFile) {
  const std::string program = program_with_module();
  for (const std::string variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"}) {
    const ProgramOutcome outcome = under_fake_launcher(program, variable);
    EXPECT_EQ(outcome.exit_status, kRuntimeFailure) << variable;
    EXPECT_EQ(outcome.err, "casesim: started by an MPI launcher (" + variable +
                               " is set) but cannot load its MPI module " + expected_module() +
                               ": cannot open shared object file: No such file or directory\n");
  }
  expect_nothing_written();
}

TEST_F(MpiModule, ModuleThatIsNoLibraryIsReportedNamingTheFile) {
  std::ofstream(directory_ / "not-a-library") << std::string(200, 'x');
  const ProgramOutcome outcome = under_fake_launcher(program_with_module(directory_ / "not-a-library"));
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(outcome.err,
            "casesim: started by an MPI launcher (OMPI_COMM_WORLD_SIZE is set) but cannot load its MPI "
            "module " +
                expected_module() + ": invalid ELF header\n");
  expect_nothing_written();
}

TEST_F(MpiModule, ModuleOfAnotherVersionIsReportedNamingTheFile) {
  const ProgramOutcome outcome = under_fake_launcher(program_with_module(CASESIM_MODULE_OF_ANOTHER_VERSION));
  EXPECT_EQ(outcome.exit_status, kRuntimeFailure);
  EXPECT_EQ(outcome.err,
            "casesim: started by an MPI launcher (OMPI_COMM_WORLD_SIZE is set) but cannot load its MPI "
            "module " +
                expected_module() + ": it has no casesim_join_mpi_ranks_v2 (a module of another casesim version?)\n");
  expect_nothing_written();
}

}  // namespace
}  // namespace casesim::reliability
