// Every file in tests/bad_input/scenarios/ is a scenario that must be refused
// with exactly the message below. The files double as a fuzzing corpus. Most
// are a small valid scenario with one change; their first line says which.
// In that base scenario: line 2 name, 3 run, 4 start_date, 5 horizon_weeks,
// 6 warm_up_weeks, 7 replications, 8 seed, 9 referrals, 10 rate,
// 11 re_referral_share, 12 pathways, 13 assessment (with its duration),
// 14 cp_plan (visits), 15 cin_plan (visits), 16 team, 17 full-time hours,
// 18 social_workers, 19 worker A, 20 worker B, 21 and on: appended lines.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "engine/scenario/bank_holidays.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "tests/bad_input/yaml_corpus.hpp"

namespace casesim::scenario {
namespace {

const std::string kDir = "tests/bad_input/scenarios/";

// what() after the path. {COVERS} stands for the england-and-wales list's
// covered years and {LISTS} for the shipped list names, so adding years or
// lists does not break these cases.
using BadCase = bad_input::BadYaml;

const BadCase kCases[] = {
    // Missing fields: the line is that of the key holding the mapping.
    {"missing_section_run", ":2: run: required field missing"},
    {"missing_name", ":2: name: required field missing"},
    {"missing_field_seed", ":3: run.seed: required field missing"},
    {"missing_field_fte", ":20: team.social_workers[1].fte: required field missing"},
    // Wrong types.
    {"wrong_type_text_for_whole_number", ":5: run.horizon_weeks: must be a whole number, got \"ten\""},
    {"wrong_type_fraction_for_whole_number", ":5: run.horizon_weeks: must be a whole number, got 10.5"},
    {"wrong_type_scalar_section", ":9: referrals: must be a mapping, got 5"},
    {"wrong_type_mapping_for_list", ":18: team.social_workers: must be a list, got a mapping"},
    {"wrong_type_quoted_number", ":11: referrals.re_referral_share: must be a number, got \"0.9\""},
    {"wrong_type_empty_value", ":5: run.horizon_weeks: must be a whole number, got an empty value"},
    {"nesting_beyond_schema", ":21: description: must be text, got a mapping"},
    // Out of range.
    {"rate_negative", ":10: referrals.rate_per_working_day: must be in (0, 1000], got -0.5"},
    {"rate_zero", ":10: referrals.rate_per_working_day: must be in (0, 1000], got 0"},
    {"fte_above_one", ":20: team.social_workers[1].fte: must be in (0, 1], got 1.4"},
    {"fte_zero", ":20: team.social_workers[1].fte: must be in (0, 1], got 0"},
    {"share_above_one", ":11: referrals.re_referral_share: must be in [0, 1], got 1.5"},
    {"share_negative", ":11: referrals.re_referral_share: must be in [0, 1], got -0.1"},
    {"rate_nan", ":10: referrals.rate_per_working_day: must be a finite number, got .nan"},
    {"visit_hours_inf", ":15: pathways.cin_plan.visits.hours: must be a finite number, got .inf"},
    {"number_overflow", ":10: referrals.rate_per_working_day: must be a finite number, got 1e999"},
    {"huge_integer", ":7: run.replications: must be in 1..1000000, got 99999999999999999999"},
    {"seed_negative", ":8: run.seed: must be in 0..18446744073709551615, got -1"},
    {"seed_too_large", ":8: run.seed: must be in 0..18446744073709551615, got 18446744073709551616"},
    {"horizon_zero", ":5: run.horizon_weeks: must be in 1..2600, got 0"},
    {"warm_up_not_shorter_than_horizon", ":6: run.warm_up_weeks: must be less than run.horizon_weeks (10), got 10"},
    // Dates.
    {"date_impossible", ":4: run.start_date: must be a real date in YYYY-MM-DD form, got \"2025-02-30\""},
    {"date_wrong_form", ":4: run.start_date: must be a real date in YYYY-MM-DD form, got \"7/4/2025\""},
    {"extra_holiday_not_a_date",
     ":23: calendar.extra_holidays[1]: must be a real date in YYYY-MM-DD form, got \"boxing day\""},
    // 2098-12-29 + 70 days = 2099-03-09. Without a calendar section the start
    // date's line is blamed; with one, the list's line.
    {"start_after_holiday_list",
     ":4: calendar.bank_holidays: england-and-wales covers {COVERS}, but the run spans 2098-12-29 to 2099-03-09; "
     "for other years set bank_holidays: none and list the dates in extra_holidays"},
    {"start_after_holiday_list_named",
     ":10: calendar.bank_holidays: england-and-wales covers {COVERS}, but the run spans 2098-12-29 to 2099-03-09; "
     "for other years set bank_holidays: none and list the dates in extra_holidays"},
    // Choices.
    {"holiday_list_unknown", ":21: calendar.bank_holidays: must be one of: {LISTS}, got scotland"},
    {"caseload_basis_unknown", ":22: policy.caseload_cap.basis: must be one of: per_fte, per_worker, got per_team"},
    {"distribution_unknown",
     ":13: pathways.assessment.duration_working_days.distribution: must be one of: fixed, exponential, lognormal, "
     "gamma, got weibull"},
    {"sd_for_exponential",
     ":13: pathways.assessment.duration_working_days.sd: not allowed for distribution exponential"},
    {"sd_missing_for_lognormal",
     ":13: pathways.assessment.duration_working_days.sd: required for distribution lognormal"},
    {"name_with_space", ":2: name: must be letters, digits, '_' and '-' only, got \"my team\""},
    // The team.
    {"duplicate_worker_name", ":20: team.social_workers[1].name: duplicate name \"A\", first given on line 19"},
    {"zero_workers", ":18: team.social_workers: must list at least one social worker"},
    // Unknown and duplicate keys: the key's own line.
    {"unknown_key_top_level",
     ":21: polcy: unknown field; allowed: name, description, run, calendar, referrals, triage, pathways, team, "
     "workforce, supervision, policy, metrics, timeline, mechanisms_off"},
    {"unknown_key_nested",
     ":10: referrals.rate: unknown field; allowed: arrival_process, rate_per_working_day, weekday_profile, "
     "month_profile, need_mix, re_referral_share"},
    {"unknown_key_typo_fte_",
     ":20: team.social_workers[1].fte_: unknown field; allowed: name, fte, agency, newly_qualified"},
    {"duplicate_key_top_level", ":21: name: duplicate key, first given on line 2"},
    {"duplicate_key_nested", ":9: run.seed: duplicate key, first given on line 8"},
    {"duplicate_key_in_flow_mapping", ":20: team.social_workers[1].fte: duplicate key, first given on line 20"},
    // Not a scenario at all.
    {"empty_file", ": empty file, expected a scenario (a YAML mapping)"},
    {"only_comment", ": empty file, expected a scenario (a YAML mapping)"},
    {"list_instead_of_mapping", ":2: expected a scenario (a YAML mapping), got a list"},
    {"text_instead_of_mapping", ":2: expected a scenario (a YAML mapping), got \"baseline\""},
    {"not_yaml_unclosed_list",
     ":4: not valid YAML: did not find expected ',' or ']' while parsing a flow sequence started on line 3"},
    {"not_yaml_prose", ":2: not valid YAML: mapping values are not allowed in this context"},
    {"binary_garbage", ":1: binary data, not a YAML text file (byte 0x7F at column 1)"},
    {"not_utf8",
     ":2: not UTF-8 text (byte 0xE9 at column 10); the file may be Latin-1 or Windows-1252: save it as UTF-8 (in "
     "most editors: Save As, encoding UTF-8)"},
    {"utf16", ": UTF-16 text, not UTF-8; save the file as UTF-8 (in most editors: Save As, encoding UTF-8)"},
    {"two_documents", ":21: more than one YAML document; a scenario is a single mapping"},
    // A file that is not YAML is reported as such, before anything found on the way.
    {"syntax_error_after_duplicate_key",
     ":5: not valid YAML: did not find expected ',' or '}' while parsing a flow mapping started on line 4"},
    // YAML features a scenario has no use for.
    {"alias", ":10: referrals.rate_per_working_day: anchors and aliases are not allowed in scenarios"},
    {"billion_laughs", ":3: lol1: anchors and aliases are not allowed in scenarios"},
    {"explicit_tag", ":8: run.seed: YAML tags are not allowed in scenarios, got tag:yaml.org,2002:int"},
    {"list_as_key", ":21: keys must be plain names, got a list"},
    // The full model's fields (pathways, workforce, supervision, policy).
    {"missing_section_pathways", ":2: pathways: required field missing"},
    {"old_cases_section",
     ":12: cases: unknown field; allowed: name, description, run, calendar, referrals, triage, pathways, team, "
     "workforce, supervision, policy, metrics, timeline, mechanisms_off"},
    // Shares that must sum to 1: the sum is in the message, at the mapping's line.
    {"need_mix_not_summing_to_one", ":11: referrals.need_mix: shares must sum to 1, got 0.95"},
    {"need_mix_share_negative", ":11: referrals.need_mix.high: must be in [0, 1], got -0.1"},
    {"need_mix_unknown_level",
     ":11: referrals.need_mix.urgent: unknown field; allowed: immediate_risk, high, medium, low"},
    {"outcome_share_above_one", ":13: pathways.assessment.outcomes.no_further_action: must be in [0, 1], got 1.5"},
    {"outcomes_not_summing_to_one", ":13: pathways.assessment.outcomes: shares must sum to 1, got 0.8"},
    {"response_row_not_summing_to_one", ":23: triage.response_by_need.high: shares must sum to 1, got 0.9"},
    {"response_unknown",
     ":21: triage.response_by_need.high.s47: unknown field; allowed: no_further_action, assessment, section_47"},
    // Profiles: every day or month, each multiplier positive.
    {"weekday_profile_missing_friday", ":11: referrals.weekday_profile.friday: required field missing"},
    {"month_profile_zero", ":11: referrals.month_profile.august: must be in (0, 1000], got 0"},
    // Choices and booleans.
    {"prioritisation_unknown",
     ":21: policy.prioritisation: must be one of: earliest_deadline, highest_risk, first_in_first_out, "
     "got most_recent"},
    {"cap_kind_unknown", ":21: policy.caseload_cap.kind: must be one of: hard, soft, got firm"},
    {"boolean_yes", ":20: team.social_workers[1].agency: must be true or false, got \"yes\""},
    // Plans carried out over time: when added workers start, leavers kept on, new starters ramping up.
    {"additional_start_in_words",
     ":22: team.additional_permanent_start_after_weeks: must be a whole number, got \"soon\""},
    {"retained_leavers_without_date",
     ":21: team.retained_leavers: retained_leavers (how many of the timeline's leavers stay) and retained_until (until "
     "when) go together"},
    {"retained_more_than_leave",
     ":21: team.retained_leavers: must be at most 1, the leavers the timeline has (a worker_leaves event each, and "
     "each agency_workers_leave's count), got 2"},
    {"retained_until_before_run",
     ":22: team.retained_until: must not be before the run starts (2025-04-07), got 2025-03-31"},
    {"ramp_up_negative", ":21: workforce.new_starter_ramp_up_weeks: must be in [0, 520], got -1"},
    {"boolean_quoted", ":21: policy.caseload_cap.weighted: must be true or false without quotes, got \"true\""},
    {"boolean_as_number", ":21: policy.escalation.enabled: must be true or false, got 1"},
    // Ranges: hours, working days, months, weeks.
    {"task_hours_above_24", ":14: pathways.cp_plan.visits.hours: must be in [0, 24], got 25"},
    {"assessment_hours_above_200", ":13: pathways.assessment.hours: must be in [0, 200], got 250"},
    {"weekly_hours_above_80", ":17: team.full_time_hours_per_week: must be in [0, 80], got 90"},
    {"interval_above_520", ":15: pathways.cin_plan.visits.interval_working_days: must be in 0..520, got 521"},
    {"months_above_36", ":14: pathways.cp_plan.first_review_months: must be in 0..36, got 37"},
    {"weeks_above_520", ":21: supervision.interval_weeks: must be in 0..520, got 600"},
    {"escalation_review_never", ":21: policy.escalation.review_interval_weeks: must be in 1..520, got 0"},
    {"newly_qualified_cap_share_zero", ":21: workforce.newly_qualified_cap_share: must be in (0, 1], got 0"},
    {"sd_missing_for_gamma_weeks", ":21: workforce.turnover.agency_tenure_weeks.sd: required for distribution gamma"},
    // Values inside the old documented ranges that broke the arithmetic: a
    // distribution's parameters overflowing or vanishing, a duration too long
    // for the model's whole days or calendar, dates past 9999.
    {"duration_mean_overflows_lognormal",
     ":13: pathways.assessment.duration_working_days.mean: must be in [0.001, 2600], got 1e200"},
    {"duration_sd_underflows_lognormal",
     ":13: pathways.assessment.duration_working_days.sd: must be in [0.025, 250] (from a thousandth of the mean to "
     "ten times it), got 1e-300"},
    {"duration_gamma_shape_underflows",
     ":13: pathways.assessment.duration_working_days.sd: must be in [0.025, 250] (from a thousandth of the mean to "
     "ten times it), got 1e200"},
    {"duration_mean_tiny", ":13: pathways.assessment.duration_working_days.mean: must be in [0.001, 2600], got 1e-320"},
    {"sickness_longer_than_a_year",
     ":21: workforce.sickness.duration_working_days.mean: must be in [0.001, 260], got 5000"},
    {"tenure_weeks_overflow", ":21: workforce.turnover.agency_tenure_weeks.mean: must be in [0.001, 520], got 1e300"},
    {"run_past_year_9989",
     ":4: run.start_date: a run of 10 weeks from 9999-06-01 ends after 9989-12-31, the last day a run may reach: "
     "dates are written as YYYY-MM-DD, and clocks are counted up to five years past the run"},
    // Fields checked against each other.
    {"triage_error_max_below_base", ":21: triage.error.max: must be at least triage.error.base (0.2), got 0.1"},
    {"triage_error_max_left_out", ":22: triage.error.max: must be at least triage.error.base (0.02), got 0 (left out)"},
    {"manager_named_like_a_worker", ":17: team.manager.name: duplicate name \"A\", a social worker's on line 19"},
    // The timeline of dated changes.
    {"timeline_bad_date", ":22: timeline[0].date: must be a real date in YYYY-MM-DD form, got \"2025-02-30\""},
    {"timeline_date_before_start", ":22: timeline[0].date: 2025-04-04 is outside the run (2025-04-07 to 2025-06-15)"},
    {"timeline_date_outside_run", ":22: timeline[0].date: 2025-06-16 is outside the run (2025-04-07 to 2025-06-15)"},
    {"timeline_field_not_for_event", ":22: timeline[0].worker: not used by event caseload_cap (it takes cases)"},
    {"timeline_negative_factor", ":22: timeline[0].factor: must be in [0, 100], got -1"},
    {"timeline_not_a_list", ":21: timeline: must be a list, got a mapping"},
    {"timeline_required_field_missing", ":22: timeline[0].until: required for event worker_absent"},
    {"timeline_started_name_used_before_start",
     ":22: timeline[0].worker: 'New' is not one of the scenario's team.social_workers nor started by an earlier event"},
    {"timeline_supervision_zero_weeks", ":22: timeline[0].weeks: must be in 1..520, got 0"},
    {"timeline_unknown_event",
     ":22: timeline[0].event: must be one of: worker_leaves, agency_workers_leave, worker_starts, worker_absent, "
     "caseload_cap, supervision_interval, manager_absent, manager_replaced, referral_rate, got worker_retires"},
    {"timeline_unknown_worker",
     ":22: timeline[0].worker: 'Z' is not one of the scenario's team.social_workers nor started by an earlier event"},
    {"timeline_until_before_date",
     ":22: timeline[0].until: must not be before the event's date 2025-05-01, got 2025-04-30"},
    // Building on another scenario (base:), at the base: line.
    {"base_missing",
     ":21: base: cannot read scenario tests/bad_input/scenarios/no_such_base.yaml: No such file or directory"},
    {"base_cycle",
     ":21: base: a cycle of bases: tests/bad_input/scenarios/base_cycle.yaml -> "
     "tests/bad_input/scenarios/base_cycle.yaml"},
    {"base_empty", ":21: base: must name a scenario file"},
    // Mechanisms declared off on purpose.
    {"mechanisms_off_unknown",
     ":21: mechanisms_off[0]: unknown mechanism \"holidays\"; known: statutory_visits, absence, turnover, "
     "supervision, triage_errors"},
    {"mechanisms_off_twice", ":21: mechanisms_off[2]: turnover is listed twice"},
    // 32 levels: the root mapping and 31 lists, so the 32nd list is refused.
    {"nesting_very_deep",
     ":21: description[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]"
     "[0]: nested more than 32 levels deep"},
};

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

std::string expected_message(const BadCase& bad) {
  std::string text = kDir + bad.file + ".yaml" + bad.expected;
  const auto list = shipped_holiday_list("england-and-wales");
  if (list) replace_all(text, "{COVERS}", std::to_string(list->first_year) + "-" + std::to_string(list->last_year));
  std::string lists;
  for (const auto& name : shipped_holiday_list_names()) lists += name + ", ";
  replace_all(text, "{LISTS}", lists + "none");
  return text;
}

class BadScenario : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadScenario, IsRefusedWithExactMessage) {
  const BadCase& bad = GetParam();
  const std::string path = kDir + bad.file + ".yaml";
  try {
    load_scenario(path);
    FAIL() << path << " was accepted";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()), expected_message(bad));
    EXPECT_EQ(error.file(), path);
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadScenario, ::testing::ValuesIn(kCases), bad_input::case_name);

TEST(BadScenarioCorpus, EveryFileHasAnExpectedMessageAndEveryCaseAFile) {
  bad_input::expect_one_case_per_file(kDir, kCases, 97);
}

TEST(BadScenarioFile, NonexistentPathCannotBeRead) {
  const std::string path = kDir + "no_such_file.yaml";
  try {
    load_scenario(path);
    FAIL() << "no exception";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()), path + ": cannot read scenario: No such file or directory");
    EXPECT_EQ(error.line(), 0);
    EXPECT_EQ(error.field(), "");
    EXPECT_EQ(error.message(), "cannot read scenario: No such file or directory");
  }
}

TEST(BadScenarioFile, DirectoryCannotBeRead) {
  try {
    load_scenario("tests/bad_input/scenarios");
    FAIL() << "no exception";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()), "tests/bad_input/scenarios: cannot read scenario: it is a directory");
  }
}

TEST(BadScenarioFile, FileLargerThanOneMebibyteIsRefusedBeforeParsing) {
  const auto path = std::filesystem::temp_directory_path() / "casesim_bad_input_large.yaml";
  {
    std::ofstream out(path, std::ios::binary);
    out << "description: \"" << std::string(kMaxScenarioBytes, 'x') << "\"\n";
  }
  try {
    load_scenario(path.string());
    FAIL() << "no exception";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()),
              path.string() + ": cannot read scenario: larger than the 1 MiB limit for a scenario");
  }
  std::filesystem::remove(path);
}

TEST(BadScenarioFile, FileOfExactlyOneMebibyteIsParsed) {
  // At the limit the file is read, so the error is about its content.
  const auto path = std::filesystem::temp_directory_path() / "casesim_bad_input_limit.yaml";
  const std::string head = "description: \"";
  const std::string tail = "\"\n";
  {
    std::ofstream out(path, std::ios::binary);
    out << head << std::string(kMaxScenarioBytes - head.size() - tail.size(), 'x') << tail;
  }
  ASSERT_EQ(std::filesystem::file_size(path), kMaxScenarioBytes);
  try {
    load_scenario(path.string());
    FAIL() << "no exception";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(std::string(error.what()), path.string() + ":1: name: required field missing");
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace casesim::scenario
