// The manager's inputs through the real program (issue 17): a what-if of ten
// lines built on the baseline and naming two workers as workers.csv does
// gives, bit for bit, the results of the full file naming them by pseudonym;
// `casesim whatif init` writes a what-if that runs; `casesim snapshot --team`
// keeps one team of an authority-wide extract and lists the rest; a scenario
// that leaves mechanisms out is warned about.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/results/results_file.hpp"
#include "tests/reliability/program.hpp"
#include "tests/support/same_bits.hpp"

namespace casesim::reliability {
namespace {

namespace fs = std::filesystem;

const std::string kWhatIf = (kSource / "scenarios/what-if/agency-leave.yaml").string();
const std::string kFullWhatIf = (kSource / "tests/unit/scenario/data/agency-leave-full.yaml").string();

ProgramOutcome run_in(const TemporaryDirectory& dir, const std::vector<std::string>& arguments) {
  return run_program(casesim(arguments), in(dir));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(ManagerWhatIf, IsTenLinesNamingTwoWorkersByName) {
  std::size_t lines = 0;
  bool based = false;
  for (const std::string& line : lines_of(read_file(kWhatIf))) {
    if (line.empty() || line.find_first_not_of(' ') == std::string::npos || line[line.find_first_not_of(' ')] == '#')
      continue;
    ++lines;
    based = based || line == "base: ../baseline.yaml";
  }
  EXPECT_LE(lines, 10u);
  EXPECT_TRUE(based);
  const std::string text = read_file(kWhatIf);
  const std::string workers = read_file(kExampleSnapshot + "/workers.csv");
  for (const char* name : {"Kwame Mensah", "Laura McBride"}) {
    EXPECT_NE(text.find(std::string("worker: ") + name), std::string::npos) << name;
    EXPECT_NE(workers.find(name), std::string::npos) << name;
  }
}

TEST(ManagerWhatIf, GivesTheFullFilesResultsBitForBit) {
  const TemporaryDirectory dir;
  for (const auto& [scenario, output] : {std::pair{kWhatIf, "short.h5"}, std::pair{kFullWhatIf, "full.h5"}}) {
    const ProgramOutcome run =
        run_in(dir, {"run", scenario, "--start-from", kExampleSnapshot, "-r", "12", "-t", "1", "-o", output});
    ASSERT_EQ(run.exit_status, 0) << run.err;
    EXPECT_EQ(without_progress(run.err), "") << scenario;  // no mechanism left out, nothing to warn about
  }
  const results::ResultsData short_file = results::read_results((dir / "short.h5").string());
  const results::ResultsData full_file = results::read_results((dir / "full.h5").string());
  ASSERT_EQ(short_file.summary.size(), full_file.summary.size());
  for (std::size_t m = 0; m < short_file.summary.size(); ++m)
    EXPECT_TRUE(testing::same_bits(short_file.summary[m], full_file.summary[m])) << "metric " << m;
  ASSERT_EQ(short_file.weekly.size(), full_file.weekly.size());
  for (std::size_t s = 0; s < short_file.weekly.size(); ++s)
    EXPECT_TRUE(testing::same_bits(short_file.weekly[s], full_file.weekly[s])) << "series " << s;
  // The short file's record is the resolved scenario, by pseudonym: it runs without the baseline.
  const std::string& recorded = short_file.metadata.scenario_text;
  EXPECT_EQ(recorded.find("\nbase: "), std::string::npos);
  EXPECT_EQ(recorded.find("Kwame"), std::string::npos);
  EXPECT_NE(recorded.find("worker: W-127378ab0969c0f0"), std::string::npos) << recorded;
  EXPECT_EQ(short_file.metadata.timeline_events, full_file.metadata.timeline_events);
}

TEST(ManagerWhatIf, UnknownNameIsRefusedWithoutRepeatingIt) {
  const TemporaryDirectory dir;
  {
    std::ofstream file(dir / "gone.yaml");
    file << "base: " << kWhatIf << "\ntimeline: [{date: 2027-03-01, event: worker_leaves, worker: Sam Whitlock}]\n";
  }
  const ProgramOutcome run = run_in(dir, {"run", "gone.yaml", "--start-from", kExampleSnapshot, "-r", "2"});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_EQ(run.err.rfind("casesim: gone.yaml:2: timeline[0].worker: the worker named here is not one of the "
                          "snapshot's workers",
                          0),
            0u)
      << run.err;
  EXPECT_EQ(run.err.find("Whitlock"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("W-127378ab0969c0f0"), std::string::npos) << run.err;  // the valid pseudonyms are listed
}

TEST(ManagerWhatIf, WithoutASnapshotANameIsCheckedAgainstTheScenariosTeam) {
  const TemporaryDirectory dir;
  const ProgramOutcome run = run_in(dir, {"run", kWhatIf, "-r", "2", "-o", "x.h5"});
  EXPECT_EQ(run.exit_status, 2);
  EXPECT_NE(run.err.find("is not one of the scenario's team.social_workers"), std::string::npos) << run.err;
}

TEST(WhatIfInit, WritesAWhatIfThatRuns) {
  const TemporaryDirectory dir;
  fs::create_directories(dir / "mine");
  const ProgramOutcome init = run_in(dir, {"whatif", "init", kExampleSnapshot, "-o", "mine/what-if.yaml"});
  ASSERT_EQ(init.exit_status, 0) << init.err;
  const std::string text = read_file(dir / "mine/what-if.yaml");
  EXPECT_NE(text.find("base: " + fs::relative(kSource / "scenarios/baseline.yaml", dir / "mine").string()),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("start_date: 2027-01-15"), std::string::npos) << text;
  EXPECT_NE(text.find("#   W-127378ab0969c0f0  1.00 FTE, agency"), std::string::npos) << text;
  EXPECT_NE(text.find("newly qualified"), std::string::npos) << text;
  EXPECT_EQ(text.find("Kwame"), std::string::npos) << text;
  const ProgramOutcome run =
      run_in(dir, {"run", "mine/what-if.yaml", "--start-from", kExampleSnapshot, "-r", "2", "-o", "a.h5"});
  EXPECT_EQ(run.exit_status, 0) << run.err;
  EXPECT_EQ(without_progress(run.err), "");

  // Its commented timeline, uncommented, runs too.
  std::string filled;
  for (const std::string& line : lines_of(text)) {
    const bool event = line.rfind("#   - {", 0) == 0 && line.find("agency_workers_leave") == std::string::npos;
    filled += (line == "# timeline:" ? "timeline:" : event ? line.substr(1) : line) + "\n";
  }
  std::ofstream(dir / "mine/filled.yaml") << filled;
  const ProgramOutcome changed =
      run_in(dir, {"run", "mine/filled.yaml", "--start-from", kExampleSnapshot, "-r", "2", "-o", "b.h5"});
  EXPECT_EQ(changed.exit_status, 0) << changed.err << filled;
}

TEST(WhatIfInit, RefusesToReplaceAFile) {
  const TemporaryDirectory dir;
  std::ofstream(dir / "w.yaml") << "mine\n";
  const ProgramOutcome init = run_in(dir, {"whatif", "init", kExampleSnapshot, "-o", "w.yaml"});
  EXPECT_EQ(init.exit_status, 2);
  EXPECT_EQ(read_file(dir / "w.yaml"), "mine\n");
}

TEST(MechanismWarnings, AShortScenarioIsWarnedAboutOnceOnStandardError) {
  const TemporaryDirectory dir;
  std::ofstream(dir / "short.yaml") << R"(name: short
run: {start_date: 2025-04-07, horizon_weeks: 4, warm_up_weeks: 0, replications: 2, seed: 1}
referrals: {rate_per_working_day: 0.5}
pathways: {}
team: {social_workers: [{name: A, fte: 1}]}
mechanisms_off: [triage_errors]
)";
  const ProgramOutcome run = run_in(dir, {"run", "short.yaml", "-o", "s.h5"});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  const std::vector<std::string> lines = lines_of(without_progress(run.err));
  ASSERT_EQ(lines.size(), 4u) << run.err;
  const char* names[] = {"statutory_visits", "absence", "turnover", "supervision"};
  for (std::size_t i = 0; i < lines.size(); ++i)
    EXPECT_EQ(lines[i].rfind(std::string("casesim: warning: short.yaml: ") + names[i] + " is off: ", 0), 0u)
        << lines[i];
  EXPECT_EQ(run.out.find("warning"), std::string::npos);
}

// An authority-wide extract: the example team plus one worker of another team
// holding one child, and one child with neither worker nor team. The example's
// 8 children waiting for a worker have no Allocated Team either: in an extract
// of two teams they cannot be placed, so 152 of its 160 children are kept.
void write_two_team_extract(const fs::path& to) {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(kExampleSnapshot))
    fs::copy_file(entry.path(), to / entry.path().filename());
  std::ofstream(to / "workers.csv", std::ios::app) << "Zoe Other,Southside Team,1.0,Permanent,No,01/01/2020,\n";
  std::ofstream(to / "list6-children-in-need.csv", std::ios::app)
      << "1999991,Female,WBRI,08/04/2020,6,09/05/2025,N1,05/01/2027,,CIN plan,Southside Team,Zoe Other\r\n"
      << "1999992,Female,WBRI,08/04/2020,6,09/05/2025,N1,05/01/2027,,CIN plan,,\r\n";
}

TEST(SnapshotTeam, KeepsOneTeamAndReportsTheRowsLeftOutPerTeam) {
  const TemporaryDirectory dir;
  write_two_team_extract(dir / "county");
  const ProgramOutcome all = run_in(dir, {"snapshot", "county"});
  ASSERT_EQ(all.exit_status, 0) << all.err;
  EXPECT_NE(all.out.find("workers: 12 "), std::string::npos) << all.out;

  const ProgramOutcome north = run_in(dir, {"snapshot", "county", "--team", "northgate children and families team"});
  ASSERT_EQ(north.exit_status, 0) << north.err;
  EXPECT_NE(north.out.find("workers: 11 (10.6 FTE"), std::string::npos) << north.out;
  EXPECT_NE(north.out.find("  total                 152\n"), std::string::npos) << north.out;
  EXPECT_NE(north.out.find("team: Northgate Children and Families Team (--team)"), std::string::npos) << north.out;
  EXPECT_NE(north.out.find("  Southside Team           1 worker       1 child\n"), std::string::npos) << north.out;
  EXPECT_NE(north.out.find("in no team: 9\n  list3-referrals.csv:31\n"), std::string::npos) << north.out;

  const ProgramOutcome south = run_in(dir, {"snapshot", "county", "--team", "Southside Team"});
  ASSERT_EQ(south.exit_status, 0) << south.err;
  EXPECT_NE(south.out.find("workers: 1 (1 FTE"), std::string::npos) << south.out;
  EXPECT_NE(south.out.find("  total                   1\n"), std::string::npos) << south.out;

  const ProgramOutcome none = run_in(dir, {"snapshot", "county", "--team", "Eastside"});
  EXPECT_EQ(none.exit_status, 2);
  EXPECT_NE(none.err.find("no worker is in team 'Eastside'; the teams here (workers): Northgate Children and "
                          "Families Team (11), Southside Team (1)"),
            std::string::npos)
      << none.err;

  // The same choice where a run starts from the extract.
  const ProgramOutcome run =
      run_in(dir, {"run", kWhatIf, "--start-from", "county", "--team", "Southside Team", "-r", "2", "-o", "s.h5"});
  EXPECT_EQ(run.exit_status, 2);  // the what-if names workers of the other team
  EXPECT_NE(run.err.find("timeline[0].worker: the worker named here is not one of the snapshot's workers"),
            std::string::npos)
      << run.err;
  const ProgramOutcome team_run = run_in(dir, {"run", kWhatIf, "--start-from", "county", "--team",
                                               "Northgate Children and Families Team", "-r", "2", "-o", "n.h5"});
  EXPECT_EQ(team_run.exit_status, 0) << team_run.err;
  EXPECT_NE(team_run.out.find("(11 workers, 152 open children"), std::string::npos) << team_run.out;
}

}  // namespace
}  // namespace casesim::reliability
