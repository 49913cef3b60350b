#include "engine/scenario/scenario_schema.hpp"

#include <stdexcept>

#include "engine/scenario/load_scenario.hpp"

namespace casesim::scenario {

namespace detail {

namespace {

constexpr std::string_view kResponseRow = "<response row>";
constexpr std::string_view kVisitStandard = "<visit standard>";

}  // namespace

const std::vector<MappingSchema>& scenario_schema() {
  constexpr Shape V = Shape::value;
  constexpr Shape M = Shape::mapping;
  static const std::vector<MappingSchema> mappings = {
      {"",
       {{"name", V},
        {"description", V},
        {"run", M},
        {"calendar", M},
        {"referrals", M},
        {"triage", M},
        {"pathways", M},
        {"team", M},
        {"workforce", M},
        {"supervision", M},
        {"policy", M},
        {"metrics", M},
        {"timeline", Shape::list_of_mappings}}},
      {kDistribution, {{"distribution", V}, {"mean", V}, {"sd", V}}},
      {kDurationBand, {{"from", V}, {"to", V}, {"share", V}}},
      {kVisitStandard, {{"interval_working_days", V}, {"hours", V}}},
      {"run", {{"start_date", V}, {"horizon_weeks", V}, {"warm_up_weeks", V}, {"replications", V}, {"seed", V}}},
      {"calendar", {{"bank_holidays", V}, {"extra_holidays", Shape::list_of_values}}},
      {"referrals",
       {{"arrival_process", V},
        {"rate_per_working_day", V},
        {"weekday_profile", M},
        {"month_profile", M},
        {"need_mix", M},
        {"re_referral_share", V}}},
      {"referrals.weekday_profile", {{"monday", V}, {"tuesday", V}, {"wednesday", V}, {"thursday", V}, {"friday", V}}},
      {"referrals.month_profile",
       {{"january", V},
        {"february", V},
        {"march", V},
        {"april", V},
        {"may", V},
        {"june", V},
        {"july", V},
        {"august", V},
        {"september", V},
        {"october", V},
        {"november", V},
        {"december", V}}},
      {"referrals.need_mix", {{"immediate_risk", V}, {"high", V}, {"medium", V}, {"low", V}}},
      {"triage",
       {{"duty_decisions_per_working_day", V},
        {"decision_hours", V},
        {"decision_standard_working_days", V},
        {"response_by_need", M},
        {"error", M},
        {"caught_at_first_visit_share", V}}},
      {"triage.response_by_need",
       {{"immediate_risk", M, kResponseRow},
        {"high", M, kResponseRow},
        {"medium", M, kResponseRow},
        {"low", M, kResponseRow}}},
      {kResponseRow, {{"no_further_action", V}, {"assessment", V}, {"section_47", V}}},
      {"triage.error", {{"base", V}, {"per_overload", V}, {"per_week_since_supervision", V}, {"max", V}}},
      {"pathways",
       {{"assessment", M},
        {"section_47", M},
        {"cp_plan", M},
        {"cin_plan", M},
        {"looked_after", M},
        {"planning_window_working_days", V}}},
      {"pathways.assessment",
       {{"duration_working_days", M, kDistribution},
        {"planned_working_days", Shape::list_of_mappings, kDurationBand},
        {"hours", V},
        {"standard_working_days", V},
        {"outcomes", M},
        {"visit_hours", V},
        {"visit_within_working_days", V},
        {"weight", V}}},
      {"pathways.assessment.outcomes",
       {{"no_further_action", V}, {"cin_plan", V}, {"cp_plan", V}, {"looked_after", V}}},
      {"pathways.section_47",
       {{"strategy_discussion_hours", V},
        {"icpc_standard_working_days", V},
        {"icpc_hours", V},
        {"cp_plan_share", V},
        {"cin_plan_share_otherwise", V},
        {"visit_within_working_days", V},
        {"booked_working_days", Shape::list_of_mappings, kDurationBand}}},
      {"pathways.cp_plan",
       {{"visits", M, kVisitStandard},
        {"first_core_group_working_days", V},
        {"core_group_interval_working_days", V},
        {"core_group_hours", V},
        {"first_review_months", V},
        {"review_interval_months", V},
        {"review_hours", V},
        {"duration_working_days", M, kDistribution},
        {"step_down_to_cin_share", V},
        {"weight", V}}},
      {"pathways.cin_plan",
       {{"visits", M, kVisitStandard},
        {"review_interval_working_days", V},
        {"review_hours", V},
        {"duration_working_days", M, kDistribution},
        {"weight", V}}},
      {"pathways.looked_after",
       {{"first_visit_working_days", V},
        {"visit_interval_first_year_working_days", V},
        {"visit_interval_later_working_days", V},
        {"visit_hours", V},
        {"court_hours_per_week", V},
        {"court_weeks", V},
        {"duration_working_days", M, kDistribution},
        {"weight", V}}},
      {"team",
       {{"full_time_hours_per_week", V},
        {"non_case_share", V},
        {"social_workers", Shape::list_of_mappings},
        {"additional_permanent_workers", V},
        {"additional_agency_workers", V},
        {"additional_permanent_start_after_weeks", V},
        {"additional_agency_start_after_weeks", V},
        {"retained_leavers", V},
        {"retained_until", V},
        {"manager", M}}},
      {"team.social_workers[]", {{"name", V}, {"fte", V}, {"agency", V}, {"newly_qualified", V}}},
      {"team.manager", {{"name", V}, {"supervision_hours_per_week", V}, {"unallocated_work_hours_per_week", V}}},
      {"workforce",
       {{"annual_leave_days_per_fte", V},
        {"other_leave_days_per_fte", V},
        {"sickness", M},
        {"turnover", M},
        {"manager", M},
        {"newly_qualified_cap_share", V},
        {"manageable_cases_per_fte", V},
        {"new_starter_ramp_up_weeks", V}}},
      {"workforce.sickness",
       {{"episodes_per_fte_year", V}, {"duration_working_days", M, kDistribution}, {"overload_multiplier", V}}},
      {"workforce.turnover",
       {{"annual_rate", V},
        {"overload_multiplier", V},
        {"sickness_multiplier", V},
        {"notice_weeks", V},
        {"recruitment_lag_weeks", M, kDistribution},
        {"newly_qualified_recruit_share", V},
        {"agency_fill_share", V},
        {"agency_start_delay_weeks", V},
        {"agency_tenure_weeks", M, kDistribution},
        {"handover_hours_per_case", V}}},
      {"workforce.manager",
       {{"annual_turnover", V},
        {"replacement_lag_weeks", V},
        {"interim_tenure_weeks", M, kDistribution},
        {"interim_share", V}}},
      {"supervision",
       {{"modelled", V},
        {"interval_weeks", V},
        {"hours", V},
        {"drift_per_week_since_supervision", V},
        {"drift_max", V}}},
      {"policy",
       {{"caseload_cap", M}, {"prioritisation", V}, {"absence_cover", V}, {"unallocated_cover", V}, {"escalation", M}}},
      {"policy.caseload_cap", {{"basis", V}, {"cases", V}, {"kind", V}, {"weighted", V}}},
      {"policy.escalation",
       {{"enabled", V},
        {"unallocated_threshold", V},
        {"overdue_threshold", V},
        {"request_agency", V},
        {"agency_lag_weeks", V},
        {"agency_weeks", V},
        {"overtime_hours_per_worker_per_week", V},
        {"over_cap_cases", V},
        {"review_interval_weeks", V}}},
      {"metrics", {{"unallocated_wait_threshold_working_days", V}}},
      {"timeline[]",
       {{"date", V},
        {"event", V},
        {"worker", V},
        {"replaced", V},
        {"count", V},
        {"name", V},
        {"fte", V},
        {"newly_qualified", V},
        {"agency", V},
        {"until", V},
        {"cases", V},
        {"weeks", V},
        {"interim", V},
        {"factor", V}}},
  };
  return mappings;
}

const MappingSchema& schema_of(std::string_view schema_key) {
  for (const auto& mapping : scenario_schema()) {
    if (mapping.path == schema_key) return mapping;
  }
  throw std::logic_error("scenario schema: no schema for '" + std::string(schema_key) + "'");
}

std::string child_schema(std::string_view parent, const FieldShape& field) {
  if (!field.schema.empty()) return std::string(field.schema);
  std::string path = parent.empty() ? std::string(field.name) : std::string(parent) + "." + std::string(field.name);
  if (field.shape == Shape::list_of_mappings) path += "[]";
  return path;
}

const FieldShape& field_shape(std::string_view parent, std::string_view name) {
  const MappingSchema& mapping = schema_of(parent);
  for (const FieldShape& field : mapping.fields) {
    if (field.name == name) return field;
  }
  throw std::logic_error("scenario schema: no field '" + std::string(name) + "' in '" + std::string(parent) + "'");
}

std::string joined_names(const MappingSchema& mapping) {
  std::string out;
  for (const auto& field : mapping.fields) out += (out.empty() ? "" : ", ") + std::string(field.name);
  return out;
}

input::MappingFields fields_of(const input::YamlNode& node, const std::string& path, std::string_view schema_key) {
  std::vector<std::string_view> names;
  for (const auto& field : schema_of(schema_key).fields) names.push_back(field.name);
  return input::MappingFields(node, path, names);
}

}  // namespace detail

namespace {

void collect_field_paths(std::string_view schema_key, const std::string& prefix, std::vector<std::string>& out) {
  using detail::Shape;
  for (const detail::FieldShape& field : detail::schema_of(schema_key).fields) {
    const std::string path = prefix.empty() ? std::string(field.name) : prefix + "." + std::string(field.name);
    switch (field.shape) {
      case Shape::value: out.push_back(path); break;
      case Shape::list_of_values: out.push_back(path + "[]"); break;
      case Shape::mapping: collect_field_paths(detail::child_schema(schema_key, field), path, out); break;
      case Shape::list_of_mappings:
        collect_field_paths(detail::child_schema(schema_key, field), path + "[]", out);
        break;
    }
  }
}

}  // namespace

std::vector<std::string> scenario_field_paths() {
  std::vector<std::string> paths;
  collect_field_paths("", "", paths);
  return paths;
}

}  // namespace casesim::scenario
