// Mechanisms a scenario leaves out: each is named when off, a declaration in
// mechanisms_off silences it, a declaration is checked, and the shipped
// scenarios leave nothing out unsaid.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/mechanisms.hpp"

namespace casesim::scenario {
namespace {

// Every mechanism on: the baseline.
Scenario baseline() {
  return load_scenario("scenarios/baseline.yaml");
}

Scenario with(const std::vector<Override>& overrides) {
  return parse_scenario(read_scenario_source("scenarios/baseline.yaml"), overrides);
}

Override set(const std::string& path, const std::string& value) {
  return Override{path, value, "test.yaml", 1};
}

std::string warnings_of(const Scenario& s) {
  std::string out;
  for (const std::string& line : undeclared_mechanisms_off(s)) out += line + "\n";
  return out;
}

TEST(MechanismsOff, BaselineHasEveryMechanism) {
  EXPECT_EQ(warnings_of(baseline()), "");
}

TEST(MechanismsOff, EachIsNamedWhenLeftOut) {
  const std::vector<std::pair<Mechanism, std::vector<Override>>> cases = {
      {Mechanism::statutory_visits, {set("pathways.cp_plan.duration_working_days", "{distribution: fixed, mean: 1}")}},
      {Mechanism::absence,
       {set("workforce.annual_leave_days_per_fte", "0"), set("workforce.other_leave_days_per_fte", "0"),
        set("workforce.sickness.episodes_per_fte_year", "0")}},
      {Mechanism::turnover, {set("workforce.turnover.annual_rate", "0")}},
      {Mechanism::supervision, {set("supervision.modelled", "false")}},
      {Mechanism::triage_errors,
       {set("triage.error", "{base: 0, per_overload: 0, per_week_since_supervision: 0, max: 0}")}},
  };
  for (const auto& [mechanism, overrides] : cases) {
    const Scenario s = with(overrides);
    const std::string name(mechanism_name(mechanism));
    const auto lines = undeclared_mechanisms_off(s);
    ASSERT_EQ(lines.size(), 1u) << name << ": " << warnings_of(s);
    EXPECT_EQ(lines[0].rfind(name + " is off: ", 0), 0u) << lines[0];
    EXPECT_NE(lines[0].find("mechanisms_off: [" + name + "]"), std::string::npos) << lines[0];
  }
}

TEST(MechanismsOff, AShortFileNamesEverythingItLeavesOut) {
  const Scenario s = parse_scenario(ScenarioSource{"short.yaml", R"(name: short
run: {start_date: 2025-04-07, horizon_weeks: 10, warm_up_weeks: 0, replications: 2, seed: 1}
referrals: {rate_per_working_day: 0.5}
pathways: {}
team: {social_workers: [{name: A, fte: 1}]}
)"});
  EXPECT_EQ(undeclared_mechanisms_off(s).size(), kMechanisms.size()) << warnings_of(s);
}

TEST(MechanismsOff, DeclaringSilencesTheWarning) {
  const Scenario s = with({set("workforce.turnover.annual_rate", "0"), set("supervision.modelled", "false"),
                           set("mechanisms_off", "[turnover, supervision]")});
  EXPECT_EQ(warnings_of(s), "");
  ASSERT_EQ(s.mechanisms_off.size(), 2u);
  EXPECT_EQ(s.mechanisms_off[0], Mechanism::turnover);
}

std::string declaration_error(const std::string& value, const std::vector<Override>& also = {}) {
  std::vector<Override> overrides = also;
  overrides.push_back(set("mechanisms_off", value));
  try {
    with(overrides);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(MechanismsOff, DeclarationIsChecked) {
  EXPECT_EQ(declaration_error("[holidays]"),
            "test.yaml:1: mechanisms_off[0]: unknown mechanism \"holidays\"; known: statutory_visits, absence, "
            "turnover, supervision, triage_errors");
  EXPECT_EQ(declaration_error("[turnover, turnover]", {set("workforce.turnover.annual_rate", "0")}),
            "test.yaml:1: mechanisms_off[1]: turnover is listed twice");
  EXPECT_EQ(declaration_error("[turnover]"),
            "test.yaml:1: mechanisms_off[0]: turnover is on in this scenario; mechanisms_off only says that a "
            "mechanism left out is meant, it does not switch one off");
}

TEST(MechanismsOff, NoShippedScenarioWarns) {
  for (const char* dir : {"scenarios", "scenarios/what-if"}) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".yaml") continue;
      const Scenario s = load_scenario(entry.path().string(), entry.path().string().find("what-if") != std::string::npos
                                                                  ? TeamSource::snapshot
                                                                  : TeamSource::scenario_file);
      EXPECT_EQ(warnings_of(s), "") << entry.path();
    }
  }
}

}  // namespace
}  // namespace casesim::scenario
