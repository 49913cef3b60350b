// Scenarios that build on scenarios (`base:`): values taken from the base and
// overridden by the file, errors naming the file each value came from, chains,
// cycles, missing files, and what a results file records of it all.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "engine/input/input_file.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/scenario_bases.hpp"
#include "tests/experiments/experiment_files.hpp"

namespace casesim::scenario {
namespace {

// Base scenarios (a what-if's `base`, an experiment's or optimise file's
// `base_scenario`) are found beside the file that names them.
TEST(NamedBeside, IsRelativeToTheNamingFileUnlessAbsolute) {
  EXPECT_EQ(input::named_beside("scenarios/what-if/a.yaml", "../baseline.yaml"), "scenarios/baseline.yaml");
  EXPECT_EQ(input::named_beside("/srv/x/exp.yaml", "./b.yaml"), "/srv/x/b.yaml");
  EXPECT_EQ(input::named_beside("exp.yaml", "b.yaml"), "b.yaml");
  EXPECT_EQ(input::named_beside("/srv/x/exp.yaml", "/etc/casesim/b.yaml"), "/etc/casesim/b.yaml");
}

using testing::TemporaryDirectory;

// Line 1 name; 2 run; 8 referrals; 9 rate; 10 pathways; 11 team;
// 12 social_workers; 13-14 workers; 15 workforce; 16 turnover; 17 annual_rate.
const std::string kBase = R"(name: base
run:
  start_date: 2025-04-07
  horizon_weeks: 10
  warm_up_weeks: 2
  replications: 5
  seed: 1
referrals:
  rate_per_working_day: 0.5
pathways: {}
team:
  social_workers:
    - {name: A, fte: 1.0}
    - {name: B, fte: 0.5}
workforce:
  turnover:
    annual_rate: 0.15
    notice_weeks: 6
)";

// The error `path` gives when loaded, as "FILE:LINE: FIELD: MESSAGE".
std::string load_error(const std::string& path) {
  try {
    load_scenario(path);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST(ScenarioBase, TakesEveryFieldAndLetsTheFileOverrideAny) {
  const TemporaryDirectory dir;
  dir.write("base.yaml", kBase);
  const std::string child = dir.write("child.yaml", R"(base: base.yaml
name: child
run: {seed: 7}
workforce: {turnover: {annual_rate: 0.2}}
)");
  const Scenario s = load_scenario(child);
  EXPECT_EQ(s.name, "child");
  EXPECT_EQ(s.run.seed, 7u);
  EXPECT_EQ(s.run.horizon_weeks, 10);  // merged key by key with the base's run
  EXPECT_DOUBLE_EQ(s.referrals.rate_per_working_day, 0.5);
  EXPECT_DOUBLE_EQ(s.workforce.turnover.annual_rate, 0.2);
  EXPECT_EQ(s.workforce.turnover.notice_weeks, 6);
  ASSERT_EQ(s.team.social_workers.size(), 2u);
}

TEST(ScenarioBase, ListInTheFileReplacesTheBasesList) {
  const TemporaryDirectory dir;
  dir.write("base.yaml", kBase);
  const std::string child = dir.write("child.yaml", R"(base: base.yaml
team: {social_workers: [{name: Z, fte: 0.6}]}
)");
  const Scenario s = load_scenario(child);
  ASSERT_EQ(s.team.social_workers.size(), 1u);
  EXPECT_EQ(s.team.social_workers[0].name, "Z");
  EXPECT_DOUBLE_EQ(s.team.social_workers[0].fte, 0.6);
}

TEST(ScenarioBase, ChainsTakeTheNearestValue) {
  const TemporaryDirectory dir;
  dir.write("base.yaml", kBase);
  std::filesystem::create_directories(dir.file("sub"));
  dir.write("sub/middle.yaml", "base: ../base.yaml\nname: middle\nrun: {seed: 3, replications: 9}\n");
  const std::string child = dir.write("sub/child.yaml", "base: middle.yaml\nname: child\nrun: {seed: 4}\n");
  const Scenario s = load_scenario(child);
  EXPECT_EQ(s.name, "child");
  EXPECT_EQ(s.run.seed, 4u);
  EXPECT_EQ(s.run.replications, 9);
  EXPECT_EQ(s.run.horizon_weeks, 10);
  EXPECT_EQ(read_scenario_source(child).bases.size(), 2u);
}

TEST(ScenarioBase, MissingBaseIsRefusedAtTheBaseLine) {
  const TemporaryDirectory dir;
  const std::string child = dir.write("child.yaml", "name: child\nbase: nowhere.yaml\n");
  const std::string error = load_error(child);
  EXPECT_EQ(error.rfind(child + ":2: base: cannot read scenario " + dir.file("nowhere.yaml") + ": ", 0), 0u) << error;
}

TEST(ScenarioBase, CycleIsRefusedNamingTheFiles) {
  const TemporaryDirectory dir;
  const std::string a = dir.write("a.yaml", "base: b.yaml\nname: a\n");
  dir.write("b.yaml", "name: b\nbase: a.yaml\n");
  const std::string error = load_error(a);
  EXPECT_EQ(error.rfind(dir.file("b.yaml") + ":2: base: a cycle of bases: ", 0), 0u) << error;
  EXPECT_NE(error.find("a.yaml -> "), std::string::npos) << error;
}

TEST(ScenarioBase, SelfIsACycle) {
  const TemporaryDirectory dir;
  const std::string a = dir.write("a.yaml", "base: ./a.yaml\nname: a\n");
  EXPECT_NE(load_error(a).find(":1: base: a cycle of bases"), std::string::npos) << load_error(a);
}

TEST(ScenarioBase, BadValueInTheBaseIsReportedAtTheBasesLine) {
  const TemporaryDirectory dir;
  std::string bad = kBase;
  bad.replace(bad.find("annual_rate: 0.15"), 17, "annual_rate: lots");
  dir.write("base.yaml", bad);
  const std::string child = dir.write("child.yaml", "base: base.yaml\nname: child\n");
  const std::string error = load_error(child);
  EXPECT_EQ(error.rfind(dir.file("base.yaml") + ":17: workforce.turnover.annual_rate: ", 0), 0u) << error;
}

TEST(ScenarioBase, BadValueInTheFileIsReportedAtTheFilesLine) {
  const TemporaryDirectory dir;
  dir.write("base.yaml", kBase);
  const std::string child = dir.write("child.yaml", "base: base.yaml\nname: child\nworkforce:\n  sickness: {bad: 1}\n");
  const std::string error = load_error(child);
  EXPECT_EQ(error.rfind(child + ":4: workforce.sickness.bad: ", 0), 0u) << error;
}

TEST(ScenarioBase, AnOverriddenValueIsNotCheckedInTheBase) {
  const TemporaryDirectory dir;
  std::string bad = kBase;
  bad.replace(bad.find("annual_rate: 0.15"), 17, "annual_rate: lots");
  dir.write("base.yaml", bad);
  const std::string child = dir.write("child.yaml", "base: base.yaml\nworkforce: {turnover: {annual_rate: 0.1}}\n");
  EXPECT_DOUBLE_EQ(load_scenario(child).workforce.turnover.annual_rate, 0.1);
}

TEST(ScenarioBase, MustNameAFile) {
  const TemporaryDirectory dir;
  const std::string child = dir.write("child.yaml", "name: child\nbase: \"\"\n");
  EXPECT_EQ(load_error(child), child + ":2: base: must name a scenario file");
}

TEST(ScenarioBase, OverridesApplyToTheResolvedScenario) {
  const TemporaryDirectory dir;
  dir.write("base.yaml", kBase);
  const std::string child = dir.write("child.yaml", "base: base.yaml\nname: child\n");
  const Scenario s =
      parse_scenario(read_scenario_source(child), {Override{"workforce.turnover.notice_weeks", "2", "x.yaml", 3}});
  EXPECT_EQ(s.workforce.turnover.notice_weeks, 2);
  EXPECT_DOUBLE_EQ(s.workforce.turnover.annual_rate, 0.15);
}

TEST(ScenarioBase, ResultsRecordTheResolvedScenarioWhichLoadsAlone) {
  const TemporaryDirectory dir;
  dir.write("base.yaml", kBase);
  const std::string child = dir.write("child.yaml", "base: base.yaml\nname: child\nrun: {seed: 7}\n");
  const ScenarioSource source = read_scenario_source(child);
  const Scenario s = parse_scenario(source);
  const std::string recorded = recorded_text(source, s);
  EXPECT_EQ(recorded.find("base:"), std::string::npos) << recorded;
  // Without its base file, the recorded text gives the same scenario.
  std::filesystem::remove(dir.file("base.yaml"));
  const Scenario again = parse_scenario(ScenarioSource{"recorded.yaml", recorded});
  EXPECT_EQ(again.name, "child");
  EXPECT_EQ(again.run.seed, 7u);
  EXPECT_EQ(again.run.horizon_weeks, 10);
  EXPECT_DOUBLE_EQ(again.workforce.turnover.annual_rate, 0.15);
  EXPECT_EQ(recorded_text(ScenarioSource{"recorded.yaml", recorded}, again), recorded);
}

// read_scenario_source parses each file once and hands the trees on to the
// load and to the recorded text (a quarter of a short run's instructions went
// to parsing the same file four times); a source made from text alone is
// parsed where it is used, with the same outcome.
TEST(ScenarioBase, AReadSourceCarriesEachFilesTreeWithTheSameOutcomeAsItsText) {
  const TemporaryDirectory dir;
  dir.write("base.yaml", kBase);
  const std::string child = dir.write("child.yaml", "base: base.yaml\nname: child\nrun: {seed: 7}\n");
  const ScenarioSource read = read_scenario_source(child);
  ASSERT_TRUE(read.tree);
  ASSERT_EQ(read.bases.size(), 1u);
  EXPECT_TRUE(read.bases[0].tree);
  EXPECT_EQ(scenario_tree(read), read.tree) << "not parsed again";
  ScenarioSource text_alone{read.path, read.text};
  for (const ScenarioSource& base : read.bases) text_alone.bases.push_back({base.path, base.text});
  EXPECT_EQ(input::block_yaml(resolved_tree(read)), input::block_yaml(resolved_tree(text_alone)));
  const Scenario s = parse_scenario(read);
  EXPECT_EQ(s.run.seed, parse_scenario(text_alone).run.seed);
  EXPECT_EQ(recorded_text(read, s), recorded_text(text_alone, s));
}

// A reader that cannot read the files beside another (the browser page) is
// told, one base at a time, which file the chain still needs, from the texts
// it has been given; the chain it builds loads as read_bases's does.
TEST(ScenarioBase, TheNextBaseIsTheOneTheLastFileGivenNames) {
  const TemporaryDirectory dir;
  dir.write("base.yaml", kBase);
  std::filesystem::create_directories(dir.file("sub"));
  const std::string middle = "# the middle\nbase: ../base.yaml\nname: middle\nrun: {seed: 3, replications: 9}\n";
  dir.write("sub/middle.yaml", middle);
  const std::string child_text = "name: child\nbase: middle.yaml\nrun: {seed: 4}\n";
  const std::string child = dir.write("sub/child.yaml", child_text);

  ScenarioSource given{"child.yaml", child_text};  // named as a page names a file it was given
  std::optional<NamedBase> next = next_named_base(given);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->written, "middle.yaml");
  EXPECT_EQ(next->path, "middle.yaml");
  EXPECT_EQ(next->file, "child.yaml");
  EXPECT_EQ(next->line, 2);

  given.bases.push_back({next->path, middle});
  // Loaded now, the chain would lose the base the middle file names: refused at that line.
  try {
    parse_scenario(given);
    ADD_FAILURE() << "a chain given without its last base loaded";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), "middle.yaml:2: base: names ../base.yaml, which is not among the files given");
  }
  next = next_named_base(given);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->written, "../base.yaml");
  EXPECT_EQ(next->path, "../base.yaml") << "beside the file naming it";
  EXPECT_EQ(next->file, "middle.yaml");
  EXPECT_EQ(next->line, 2);

  given.bases.push_back({next->path, kBase});
  EXPECT_FALSE(next_named_base(given)) << "the chain is whole";
  const Scenario from_texts = parse_scenario(given);
  const Scenario from_disk = load_scenario(child);
  EXPECT_EQ(from_texts.run.seed, from_disk.run.seed);
  EXPECT_EQ(from_texts.run.replications, from_disk.run.replications);
  EXPECT_EQ(from_texts.run.horizon_weeks, from_disk.run.horizon_weeks);
  EXPECT_EQ(input::block_yaml(resolved_tree(given)), input::block_yaml(resolved_tree(read_scenario_source(child))));

  EXPECT_FALSE(next_named_base({"base.yaml", kBase})) << "a file naming no base needs none";
}

// The same refusals as reading the chain from disk: a base that names no
// file, and a chain past kMaxBaseDepth.
TEST(ScenarioBase, TheNextBaseIsRefusedAsReadingTheChainWouldRefuseIt) {
  const auto error_of = [](const ScenarioSource& source) -> std::string {
    try {
      next_named_base(source);
    } catch (const ScenarioError& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_EQ(error_of({"child.yaml", "name: child\nbase: \"\"\n"}), "child.yaml:2: base: must name a scenario file");
  ScenarioSource deep{"child.yaml", "base: b.yaml\nname: child\n"};
  for (int i = 0; i < kMaxBaseDepth; ++i) deep.bases.push_back({"b.yaml", "base: b.yaml\nname: b\n"});
  EXPECT_EQ(error_of(deep), "b.yaml:1: base: more than " + std::to_string(kMaxBaseDepth) + " bases in a chain");
  deep.bases.pop_back();
  EXPECT_EQ(error_of(deep), "(no error)");
}

TEST(ScenarioBase, AFileWithoutABaseIsRecordedVerbatim) {
  const ScenarioSource source = read_scenario_source("scenarios/baseline.yaml");
  EXPECT_TRUE(source.bases.empty());
  EXPECT_EQ(recorded_text(source, parse_scenario(source)), source.text);
}

TEST(ScenarioBase, ShippedWhatIfGivesTheScenarioOfItsFullFile) {
  // The shipped what-if is the baseline plus what differs; it reads as the
  // full file it replaced (tests/reliability compares their results bit for
  // bit). Its timeline names workers of the snapshot, so it is read as a run
  // from a snapshot reads it.
  const ScenarioSource source = read_scenario_source("scenarios/what-if/agency-leave.yaml");
  const Scenario based = parse_scenario(source, {}, TeamSource::snapshot);
  const Scenario full = load_scenario("tests/unit/scenario/data/agency-leave-full.yaml", TeamSource::snapshot);
  EXPECT_EQ(based.run.seed, full.run.seed);
  EXPECT_EQ(based.run.horizon_weeks, full.run.horizon_weeks);
  EXPECT_DOUBLE_EQ(based.referrals.rate_per_working_day, full.referrals.rate_per_working_day);
  EXPECT_DOUBLE_EQ(based.workforce.turnover.annual_rate, full.workforce.turnover.annual_rate);
  EXPECT_DOUBLE_EQ(based.workforce.turnover.recruitment_lag_weeks.mean,
                   full.workforce.turnover.recruitment_lag_weeks.mean);
  EXPECT_DOUBLE_EQ(based.workforce.turnover.agency_fill_share, full.workforce.turnover.agency_fill_share);
  ASSERT_EQ(based.timeline.size(), full.timeline.size());
  for (std::size_t i = 0; i < based.timeline.size(); ++i) EXPECT_EQ(based.timeline[i].kind, full.timeline[i].kind);
}

}  // namespace
}  // namespace casesim::scenario
