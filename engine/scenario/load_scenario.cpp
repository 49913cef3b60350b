// Scenario YAML → Scenario, validating every value once.
//
// Which fields are required: `name`; the section run and every field in it (a
// run's length and seed decide what the results mean, so none is defaulted);
// referrals.rate_per_working_day; the section pathways; team.social_workers
// and each worker's name and fte. Everything else is optional and takes the
// default in scenario.hpp, which switches its mechanism off. Within a duration
// distribution, distribution and mean are required, and sd is required for
// lognormal and gamma and refused for fixed and exponential. A weekday or month
// profile, when given, lists every day or month. Share mappings (need_mix, each
// row of response_by_need, assessment outcomes) count a share left out as 0 and
// must sum to 1. docs/scenario-format.md is the reference for every field.
//
// Errors are ScenarioError, "FILE:LINE: FIELD: MESSAGE": a value's own line, a
// missing field or a mapping-wide problem (a sum) at the line of the key
// holding its mapping, an unknown key at its own line. Overrides are applied to
// the YAML tree before validation, and what they bring in carries the
// override's origin file and line.
#include "engine/scenario/load_scenario.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

#include "engine/kernel/one_line.hpp"
#include "engine/scenario/bank_holidays.hpp"
#include "engine/scenario/yaml_fields.hpp"

namespace casesim::scenario {

namespace {

using detail::fail;
using detail::MappingFields;
using detail::NumberRange;
using detail::YamlNode;

using kernel::one_line;

std::string error_text(const std::string& file, int line, const std::string& field, const std::string& message) {
  std::string text = one_line(file);
  if (line > 0) text += ":" + std::to_string(line);
  if (!field.empty()) text += ": " + one_line(field);
  return text + ": " + one_line(message);
}

// --- The schema: which fields each mapping allows, and their shape. The
// validation below and the override paths both use it. ---

enum class Shape { value, mapping, list_of_values, list_of_mappings };

struct FieldShape {
  std::string_view name;
  Shape shape;
  // For a mapping whose fields are shared with others (every duration
  // distribution, every response row), the schema that lists them; empty: the
  // schema at this field's own path.
  std::string_view schema = {};
};

struct MappingSchema {
  std::string_view path;  // list items written "[]": "team.social_workers[]"; shared ones "<...>"
  std::vector<FieldShape> fields;
};

constexpr std::string_view kDistribution = "<distribution>";
constexpr std::string_view kResponseRow = "<response row>";
constexpr std::string_view kVisitStandard = "<visit standard>";

// Field order is the order of the struct's arrays where a mapping fills one
// (weekdays, months, need levels, responses), and the readers rely on it.
const std::vector<MappingSchema>& schema() {
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
        {"visit_within_working_days", V}}},
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
        {"manager", M}}},
      {"team.social_workers[]", {{"name", V}, {"fte", V}, {"agency", V}, {"newly_qualified", V}}},
      {"team.manager", {{"name", V}, {"supervision_hours_per_week", V}}},
      {"workforce",
       {{"annual_leave_days_per_fte", V},
        {"other_leave_days_per_fte", V},
        {"sickness", M},
        {"turnover", M},
        {"manager", M},
        {"newly_qualified_cap_share", V}}},
      {"workforce.sickness",
       {{"episodes_per_fte_year", V}, {"duration_working_days", M, kDistribution}, {"overload_multiplier", V}}},
      {"workforce.turnover",
       {{"annual_rate", V},
        {"overload_multiplier", V},
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
      {"supervision", {{"interval_weeks", V}, {"hours", V}, {"drift_per_week_since_supervision", V}, {"drift_max", V}}},
      {"policy", {{"caseload_cap", M}, {"prioritisation", V}, {"absence_cover", V}, {"escalation", M}}},
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

const MappingSchema& schema_of(std::string_view generic_path) {
  for (const auto& mapping : schema()) {
    if (mapping.path == generic_path) return mapping;
  }
  throw std::logic_error("load_scenario: no schema for '" + std::string(generic_path) + "'");
}

// The schema of the mapping held by `field` of the mapping at `parent`.
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
  throw std::logic_error("load_scenario: no field '" + std::string(name) + "' in '" + std::string(parent) + "'");
}

std::vector<std::string_view> names_of(const MappingSchema& mapping) {
  std::vector<std::string_view> names;
  for (const auto& field : mapping.fields) names.push_back(field.name);
  return names;
}

std::string joined_names(const MappingSchema& mapping) {
  std::string out;
  for (const auto& field : mapping.fields) out += (out.empty() ? "" : ", ") + std::string(field.name);
  return out;
}

// Fields of the mapping at `path`, checked against the schema of `generic_path`.
MappingFields fields_of(const YamlNode& node, const std::string& path, std::string_view generic_path) {
  return MappingFields(node, path, names_of(schema_of(generic_path)));
}

// --- Overrides ---

struct PathStep {
  std::string key;
  std::optional<std::size_t> index;
};

[[noreturn]] void fail_override(const Override& override_, const std::string& message) {
  throw ScenarioError(override_.origin_file, override_.origin_line, override_.path, message);
}

std::vector<PathStep> split_override_path(const Override& override_) {
  const auto bad_syntax = [&] {
    fail_override(override_,
                  "not a field path (write it like policy.caseload_cap.cases or team.social_workers[2].fte)");
  };
  std::vector<PathStep> steps;
  std::size_t start = 0;
  const std::string& path = override_.path;
  while (true) {
    const std::size_t dot = path.find('.', start);
    std::string segment = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    PathStep step;
    if (const auto bracket = segment.find('['); bracket != std::string::npos) {
      if (segment.back() != ']') bad_syntax();
      const std::string digits = segment.substr(bracket + 1, segment.size() - bracket - 2);
      if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string::npos) {
        bad_syntax();
      }
      step.index = std::stoul(digits);
      segment.resize(bracket);
    }
    if (segment.empty() || segment.find_first_of("[] \t") != std::string::npos) bad_syntax();
    step.key = std::move(segment);
    steps.push_back(std::move(step));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return steps;
}

YamlNode made_by(const Override& override_, YamlNode::Kind kind) {
  YamlNode node;
  node.kind = kind;
  node.file = override_.origin_file;
  node.line = override_.origin_line;
  node.holder_line = override_.origin_line;
  return node;
}

// Puts `value` under `key` in `mapping`, replacing what was there.
YamlNode& set_field(YamlNode& mapping, const std::string& key, YamlNode value, const Override& override_) {
  if (YamlNode* existing = mapping.find(key)) {
    *existing = std::move(value);
    return *existing;
  }
  YamlNode key_node = made_by(override_, YamlNode::Kind::text);
  key_node.text = key;
  mapping.keys.push_back(std::move(key_node));
  mapping.items.push_back(std::move(value));
  return mapping.items.back();
}

void apply_override(YamlNode& root, const Override& override_) {
  const std::vector<PathStep> steps = split_override_path(override_);
  std::string generic = "";  // schema key of the mapping `node`
  std::string actual = "";   // path in the tree, for errors about the file's own content
  YamlNode* node = &root;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const PathStep& step = steps[i];
    const bool last = i + 1 == steps.size();
    const MappingSchema& mapping = schema_of(generic);
    const auto field = std::find_if(mapping.fields.begin(), mapping.fields.end(),
                                    [&](const FieldShape& f) { return f.name == step.key; });
    if (field == mapping.fields.end())
      fail_override(override_, "no such field; allowed here: " + joined_names(mapping));
    const std::string field_path = actual.empty() ? step.key : actual + "." + step.key;
    const bool is_list = field->shape == Shape::list_of_values || field->shape == Shape::list_of_mappings;
    if (step.index && !is_list) fail_override(override_, "no such field: " + field_path + " is not a list");
    if (!step.index && is_list && !last) {
      fail_override(override_, "no such field: " + field_path + " is a list; give an item, e.g. " + field_path + "[0]");
    }
    const bool holds_fields = step.index ? field->shape == Shape::list_of_mappings : field->shape == Shape::mapping;
    if (!last && !holds_fields) fail_override(override_, "no such field: " + field_path + " has no fields");

    if (node->kind != YamlNode::Kind::mapping) {
      fail(*node, actual, "must be a mapping, got " + detail::describe(*node));
    }
    YamlNode* child = node->find(step.key);
    if (step.index) {
      const std::size_t count = child && child->kind == YamlNode::Kind::list ? child->items.size() : 0;
      if (child && child->kind != YamlNode::Kind::list) {
        fail(*child, field_path, "must be a list, got " + detail::describe(*child));
      }
      if (*step.index >= count) {
        fail_override(override_, "no such item: " + field_path + " has " + std::to_string(count) +
                                     (count == 1 ? " item" : " items"));
      }
      child = &child->items[*step.index];
    }
    if (last) {
      YamlNode value =
          detail::parse_yaml(override_.value_yaml, override_.origin_file, override_.origin_line, override_.path);
      if (step.index) {
        *child = std::move(value);
      } else {
        set_field(*node, step.key, std::move(value), override_);
      }
      return;
    }
    if (!child) child = &set_field(*node, step.key, made_by(override_, YamlNode::Kind::mapping), override_);
    generic = child_schema(generic, *field);
    actual = field_path;
    if (step.index) actual += "[" + std::to_string(*step.index) + "]";
    node = child;
  }
}

// --- Reading the sections ---

constexpr NumberRange positive_up_to(double high) { return {0.0, true, high, false}; }
constexpr NumberRange zero_up_to(double high) { return {0.0, false, high, false}; }
constexpr NumberRange kShare{0.0, false, 1.0, false};
constexpr NumberRange kAnyPositive{0.0, true, std::numeric_limits<double>::infinity(), true};
// Hours of one task, one session or one decision: a day at most.
constexpr NumberRange kTaskHours = zero_up_to(24.0);
// Hours a week: twice a full-time week is already implausible.
constexpr NumberRange kWeeklyHours = zero_up_to(80.0);
// An assessment's hours are spread over the weeks it takes, so a day is no bound.
constexpr NumberRange kAssessmentHours = zero_up_to(200.0);
constexpr NumberRange kCaseWeight = positive_up_to(100.0);
// A typo guard that also keeps the sum of a profile finite when rescaling.
constexpr NumberRange kProfileMultiplier = positive_up_to(1000.0);
// Rates per FTE-year and overload multipliers: not policy limits, typo guards.
constexpr NumberRange kAnnualRate = zero_up_to(10.0);
constexpr NumberRange kOverloadMultiplier = zero_up_to(100.0);
constexpr int kMaxHorizonWeeks = 2600;  // 50 years
constexpr int kMaxReplications = 1'000'000;
constexpr int kMaxSocialWorkers = 10'000;
constexpr int kMaxWorkingDays = 520;  // about two years of working days
constexpr int kMaxWeeks = 520;        // ten years
constexpr int kMaxMonths = 36;
constexpr int kMaxCaseCount = 100'000;  // thresholds in cases or actions
constexpr int kMaxOverCapCases = 1'000;
// Not a policy limit: keeps the count an int and flags a typo.
constexpr int kMaxDutyDecisionsPerWorkingDay = 1'000'000;
// Shares that must sum to 1 may be off by rounding in the last digits.
constexpr double kShareSumTolerance = 1e-6;

int read_int(const YamlNode& node, const std::string& field, int min, int max) {
  return static_cast<int>(detail::read_whole_number(node, field, min, max));
}

template <typename Enum>
using Choices = std::vector<std::pair<std::string, Enum>>;

template <typename Enum>
Enum read_enum(const YamlNode& node, const std::string& field, const Choices<Enum>& choices) {
  std::vector<std::string> names;
  for (const auto& choice : choices) names.push_back(choice.first);
  return choices[detail::read_choice(node, field, names)].second;
}

DurationDistribution read_duration(const YamlNode& node, const std::string& path) {
  const MappingFields fields = fields_of(node, path, kDistribution);
  using Kind = DurationDistribution::Kind;
  static const Choices<Kind> kKinds = {{"fixed", Kind::fixed},
                                       {"exponential", Kind::exponential},
                                       {"lognormal", Kind::lognormal},
                                       {"gamma", Kind::gamma}};
  DurationDistribution duration;
  duration.kind = read_enum(fields.required("distribution"), path + ".distribution", kKinds);
  const std::string& kind_name =
      std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& c) { return c.second == duration.kind; })->first;
  duration.mean = detail::read_number(fields.required("mean"), path + ".mean", kAnyPositive);
  const bool has_sd = duration.kind == Kind::lognormal || duration.kind == Kind::gamma;
  const YamlNode* sd = fields.optional("sd");
  if (has_sd) {
    if (!sd) throw ScenarioError(node.file, node.holder_line, path + ".sd", "required for distribution " + kind_name);
    duration.sd = detail::read_number(*sd, path + ".sd", kAnyPositive);
  } else if (sd) {
    fail(*sd, path + ".sd", "not allowed for distribution " + kind_name);
  }
  return duration;
}

std::string format_sum(double sum) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", sum);
  return buffer;
}

// One mapping of the scenario, read against its schema. The optional readers
// leave `out` at its default when the field is left out.
class Section {
 public:
  Section(const YamlNode& node, std::string path, std::string schema_key)
      : fields_(fields_of(node, path, schema_key)), path_(std::move(path)), schema_key_(std::move(schema_key)) {}

  const YamlNode* find(std::string_view name) const { return fields_.optional(name); }
  const YamlNode& required(std::string_view name) const { return fields_.required(name); }
  std::string path_of(std::string_view name) const { return fields_.path_of(name); }
  const std::string& path() const { return path_; }
  const YamlNode& node() const { return fields_.node(); }
  const MappingSchema& schema() const { return schema_of(schema_key_); }

  std::optional<Section> section(std::string_view name) const {
    const YamlNode* value = find(name);
    if (!value) return std::nullopt;
    return Section(*value, path_of(name), child_schema(schema_key_, field_shape(schema_key_, name)));
  }

  void number(std::string_view name, double& out, NumberRange range) const {
    if (const YamlNode* value = find(name)) out = detail::read_number(*value, path_of(name), range);
  }
  void whole(std::string_view name, int& out, int min, int max) const {
    if (const YamlNode* value = find(name)) out = read_int(*value, path_of(name), min, max);
  }
  void boolean(std::string_view name, bool& out) const {
    if (const YamlNode* value = find(name)) out = detail::read_bool(*value, path_of(name));
  }
  template <typename Enum>
  void choice(std::string_view name, Enum& out, const Choices<Enum>& choices) const {
    if (const YamlNode* value = find(name)) out = read_enum(*value, path_of(name), choices);
  }
  void duration(std::string_view name, DurationDistribution& out) const {
    if (const YamlNode* value = find(name)) out = read_duration(*value, path_of(name));
  }

  // A mapping of shares in schema order, each in [0, 1]; those left out are 0,
  // and together they must sum to 1.
  template <std::size_t N>
  std::array<double, N> shares() const {
    const auto& fields = schema().fields;
    if (fields.size() != N) throw std::logic_error("load_scenario: share schema size mismatch at " + path_);
    std::array<double, N> values{};
    double sum = 0.0;
    for (std::size_t i = 0; i < N; ++i) {
      number(fields[i].name, values[i], kShare);
      sum += values[i];
    }
    check_sums_to_one(sum);
    return values;
  }

  void check_sums_to_one(double sum) const {
    if (std::abs(sum - 1.0) > kShareSumTolerance) fail(node(), path_, "shares must sum to 1, got " + format_sum(sum));
  }

  // Multipliers in schema order, every one required and in (0, 1000], rescaled to
  // average 1 so the profile shapes the rate without changing its mean.
  template <std::size_t N>
  std::array<double, N> profile() const {
    const auto& fields = schema().fields;
    if (fields.size() != N) throw std::logic_error("load_scenario: profile schema size mismatch at " + path_);
    std::array<double, N> values{};
    double sum = 0.0;
    for (std::size_t i = 0; i < N; ++i) {
      values[i] = detail::read_number(required(fields[i].name), path_of(fields[i].name), kProfileMultiplier);
      sum += values[i];
    }
    const double mean = sum / static_cast<double>(N);
    for (double& value : values) value /= mean;
    return values;
  }

 private:
  MappingFields fields_;
  std::string path_;
  std::string schema_key_;
};

std::string read_name(const YamlNode& node) {
  const std::string name = detail::read_text(node, "name");
  const bool allowed = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
  // The name becomes part of file names and result labels.
  if (!allowed) fail(node, "name", "must be letters, digits, '_' and '-' only, got " + detail::describe(node));
  return name;
}

RunSettings read_run(const YamlNode& node) {
  const Section s(node, "run", "run");
  RunSettings run;
  run.start_date = detail::read_date(s.required("start_date"), "run.start_date");
  run.horizon_weeks = read_int(s.required("horizon_weeks"), "run.horizon_weeks", 1, kMaxHorizonWeeks);
  const YamlNode& warm_up = s.required("warm_up_weeks");
  run.warm_up_weeks = read_int(warm_up, "run.warm_up_weeks", 0, kMaxHorizonWeeks);
  // Metrics count only after the warm-up, so at least one week must remain.
  if (run.warm_up_weeks >= run.horizon_weeks) {
    fail(warm_up, "run.warm_up_weeks",
         "must be less than run.horizon_weeks (" + std::to_string(run.horizon_weeks) + "), got " + warm_up.text);
  }
  run.replications = read_int(s.required("replications"), "run.replications", 1, kMaxReplications);
  run.seed = detail::read_unsigned_64(s.required("seed"), "run.seed");
  return run;
}

// The calendar as written; the holiday dates are resolved once the run is known.
struct CalendarInput {
  CalendarSettings settings;
  const YamlNode* bank_holidays_node = nullptr;
  const YamlNode* section = nullptr;
};

CalendarInput read_calendar(const YamlNode* node) {
  CalendarInput input;
  input.section = node;
  if (!node) return input;
  const Section s(*node, "calendar", "calendar");
  if (const YamlNode* name = s.find("bank_holidays")) {
    std::vector<std::string> choices = shipped_holiday_list_names();
    choices.push_back("none");
    input.settings.bank_holidays = choices[detail::read_choice(*name, "calendar.bank_holidays", choices)];
    input.bank_holidays_node = name;
  }
  if (const YamlNode* extra = s.find("extra_holidays")) {
    const auto& items = detail::read_list(*extra, "calendar.extra_holidays");
    for (std::size_t i = 0; i < items.size(); ++i) {
      input.settings.extra_holidays.push_back(
          detail::read_date(items[i], "calendar.extra_holidays[" + std::to_string(i) + "]"));
    }
  }
  return input;
}

void resolve_holidays(CalendarInput& calendar, const RunSettings& run, const YamlNode& start_date_node) {
  CalendarSettings& settings = calendar.settings;
  settings.holidays = settings.extra_holidays;
  if (settings.bank_holidays != "none") {
    const std::optional<HolidayList> list = shipped_holiday_list(settings.bank_holidays);
    if (!list)
      throw std::logic_error("load_scenario: shipped holiday list '" + settings.bank_holidays + "' is missing");
    const int end_days = kernel::days_since_epoch(run.start_date) + 7 * run.horizon_weeks;
    const kernel::Date end_date = kernel::date_from_days_since_epoch(end_days);
    const int first_year = static_cast<int>(run.start_date.year());
    const int last_year = static_cast<int>(end_date.year());
    if (first_year < list->first_year || last_year > list->last_year) {
      // Blame the line that chose the list, or failing that the start date.
      const YamlNode& at = calendar.bank_holidays_node ? *calendar.bank_holidays_node
                           : calendar.section          ? *calendar.section
                                                       : start_date_node;
      throw ScenarioError(at.file, calendar.bank_holidays_node ? at.line : at.holder_line, "calendar.bank_holidays",
                          settings.bank_holidays + " covers " + std::to_string(list->first_year) + "-" +
                              std::to_string(list->last_year) + ", but the run spans " +
                              kernel::format_iso_date(run.start_date) + " to " + kernel::format_iso_date(end_date) +
                              "; for other years set bank_holidays: none and list the dates in extra_holidays");
    }
    settings.holidays.insert(settings.holidays.end(), list->dates.begin(), list->dates.end());
  }
  std::sort(settings.holidays.begin(), settings.holidays.end());
  settings.holidays.erase(std::unique(settings.holidays.begin(), settings.holidays.end()), settings.holidays.end());
}

ReferralSettings read_referrals(const YamlNode& node) {
  const Section s(node, "referrals", "referrals");
  ReferralSettings referrals;
  referrals.rate_per_working_day =
      detail::read_number(s.required("rate_per_working_day"), "referrals.rate_per_working_day", positive_up_to(1000.0));
  using Process = ReferralSettings::ArrivalProcess;
  s.choice("arrival_process", referrals.arrival_process,
           Choices<Process>{{"poisson", Process::poisson}, {"regular", Process::regular}});
  if (const auto profile = s.section("weekday_profile")) referrals.weekday_profile = profile->profile<5>();
  if (const auto profile = s.section("month_profile")) referrals.month_profile = profile->profile<12>();
  if (const auto mix = s.section("need_mix")) referrals.need_mix = mix->shares<kNeedLevels>();
  s.number("re_referral_share", referrals.re_referral_share, kShare);
  return referrals;
}

TriageSettings read_triage(const YamlNode* node) {
  TriageSettings triage;
  if (!node) return triage;
  const Section s(*node, "triage", "triage");
  s.whole("duty_decisions_per_working_day", triage.duty_decisions_per_working_day, 0, kMaxDutyDecisionsPerWorkingDay);
  s.number("decision_hours", triage.decision_hours, kTaskHours);
  s.whole("decision_standard_working_days", triage.decision_standard_working_days, 0, kMaxWorkingDays);
  if (const auto by_need = s.section("response_by_need")) {
    const auto& levels = by_need->schema().fields;
    for (std::size_t need = 0; need < levels.size(); ++need) {
      if (const auto row = by_need->section(levels[need].name)) {
        triage.response_by_need[need] = row->shares<kResponses>();
      }
    }
  }
  if (const auto error = s.section("error")) {
    error->number("base", triage.error.base, kShare);
    error->number("per_overload", triage.error.per_overload, kShare);
    error->number("per_week_since_supervision", triage.error.per_week_since_supervision, kShare);
    error->number("max", triage.error.max, kShare);
    // A cap below the base would silently cancel the base rate.
    if (triage.error.max < triage.error.base) {
      const YamlNode* max = error->find("max");
      fail(max ? *max : error->node(), error->path_of("max"),
           "must be at least triage.error.base (" + format_sum(triage.error.base) + "), got " +
               (max ? max->text : "0 (left out)"));
    }
  }
  s.number("caught_at_first_visit_share", triage.caught_at_first_visit_share, kShare);
  return triage;
}

void read_visit_standard(const Section& parent, VisitStandard& out) {
  const auto s = parent.section("visits");
  if (!s) return;
  s->whole("interval_working_days", out.interval_working_days, 0, kMaxWorkingDays);
  s->number("hours", out.hours, kTaskHours);
}

PathwaySettings read_pathways(const YamlNode& node) {
  const Section s(node, "pathways", "pathways");
  PathwaySettings pathways;
  if (const auto a = s.section("assessment")) {
    AssessmentSettings& out = pathways.assessment;
    a->duration("duration_working_days", out.duration_working_days);
    a->number("hours", out.hours, kAssessmentHours);
    a->whole("standard_working_days", out.standard_working_days, 0, kMaxWorkingDays);
    if (const auto outcomes = a->section("outcomes")) {
      const std::array<double, 4> shares = outcomes->shares<4>();
      out.outcomes = {shares[0], shares[1], shares[2], shares[3]};
    }
    a->number("visit_hours", out.visit_hours, kTaskHours);
    a->whole("visit_within_working_days", out.visit_within_working_days, 0, kMaxWorkingDays);
    a->number("weight", out.weight, kCaseWeight);
  }
  if (const auto e = s.section("section_47")) {
    Section47Settings& out = pathways.section_47;
    e->number("strategy_discussion_hours", out.strategy_discussion_hours, kTaskHours);
    e->whole("icpc_standard_working_days", out.icpc_standard_working_days, 0, kMaxWorkingDays);
    e->number("icpc_hours", out.icpc_hours, kTaskHours);
    e->number("cp_plan_share", out.cp_plan_share, kShare);
    e->number("cin_plan_share_otherwise", out.cin_plan_share_otherwise, kShare);
    e->whole("visit_within_working_days", out.visit_within_working_days, 0, kMaxWorkingDays);
  }
  if (const auto cp = s.section("cp_plan")) {
    CpPlanSettings& out = pathways.cp_plan;
    read_visit_standard(*cp, out.visits);
    cp->whole("first_core_group_working_days", out.first_core_group_working_days, 0, kMaxWorkingDays);
    cp->whole("core_group_interval_working_days", out.core_group_interval_working_days, 0, kMaxWorkingDays);
    cp->number("core_group_hours", out.core_group_hours, kTaskHours);
    cp->whole("first_review_months", out.first_review_months, 0, kMaxMonths);
    cp->whole("review_interval_months", out.review_interval_months, 0, kMaxMonths);
    cp->number("review_hours", out.review_hours, kTaskHours);
    cp->duration("duration_working_days", out.duration_working_days);
    cp->number("step_down_to_cin_share", out.step_down_to_cin_share, kShare);
    cp->number("weight", out.weight, kCaseWeight);
  }
  if (const auto cin = s.section("cin_plan")) {
    CinPlanSettings& out = pathways.cin_plan;
    read_visit_standard(*cin, out.visits);
    cin->whole("review_interval_working_days", out.review_interval_working_days, 0, kMaxWorkingDays);
    cin->number("review_hours", out.review_hours, kTaskHours);
    cin->duration("duration_working_days", out.duration_working_days);
    cin->number("weight", out.weight, kCaseWeight);
  }
  if (const auto la = s.section("looked_after")) {
    LookedAfterSettings& out = pathways.looked_after;
    la->whole("first_visit_working_days", out.first_visit_working_days, 0, kMaxWorkingDays);
    la->whole("visit_interval_first_year_working_days", out.visit_interval_first_year_working_days, 0, kMaxWorkingDays);
    la->whole("visit_interval_later_working_days", out.visit_interval_later_working_days, 0, kMaxWorkingDays);
    la->number("visit_hours", out.visit_hours, kTaskHours);
    la->number("court_hours_per_week", out.court_hours_per_week, kWeeklyHours);
    la->whole("court_weeks", out.court_weeks, 0, kMaxWeeks);
    la->duration("duration_working_days", out.duration_working_days);
    la->number("weight", out.weight, kCaseWeight);
  }
  s.whole("planning_window_working_days", pathways.planning_window_working_days, 0, kMaxWorkingDays);
  return pathways;
}

// A person's name: any text without control characters, but not empty.
std::string read_person_name(const YamlNode& node, const std::string& field) {
  std::string name = detail::read_text(node, field);
  if (name.empty()) fail(node, field, "must not be empty");
  return name;
}

TeamSettings read_team(const YamlNode& node) {
  const Section s(node, "team", "team");
  TeamSettings team;
  s.number("full_time_hours_per_week", team.full_time_hours_per_week, kWeeklyHours);
  s.number("non_case_share", team.non_case_share, kShare);
  const YamlNode& list_node = s.required("social_workers");
  const auto& items = detail::read_list(list_node, "team.social_workers");
  if (items.empty()) fail(list_node, "team.social_workers", "must list at least one social worker");
  if (items.size() > kMaxSocialWorkers) {
    fail(list_node, "team.social_workers",
         "must list at most " + std::to_string(kMaxSocialWorkers) + " social workers, got " +
             std::to_string(items.size()));
  }
  // Names identify people in results and traces, so they must be unique.
  std::unordered_map<std::string, int> first_line_of_name;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Section w(items[i], "team.social_workers[" + std::to_string(i) + "]", "team.social_workers[]");
    SocialWorker worker;
    const YamlNode& name = w.required("name");
    worker.name = read_person_name(name, w.path_of("name"));
    const auto [first, inserted] = first_line_of_name.emplace(worker.name, name.line);
    if (!inserted) {
      fail(name, w.path_of("name"),
           "duplicate name " + detail::describe(name) + ", first given on line " + std::to_string(first->second));
    }
    worker.fte = detail::read_number(w.required("fte"), w.path_of("fte"), positive_up_to(1.0));
    w.boolean("agency", worker.agency);
    w.boolean("newly_qualified", worker.newly_qualified);
    team.social_workers.push_back(std::move(worker));
  }
  // Whole extra full-time posts, so a staffing decision is one number an
  // experiment or the optimiser can vary without rewriting the list.
  const int room = static_cast<int>(kMaxSocialWorkers - items.size());
  s.whole("additional_permanent_workers", team.additional_permanent_workers, 0, room);
  s.whole("additional_agency_workers", team.additional_agency_workers, 0, room - team.additional_permanent_workers);
  if (const auto m = s.section("manager")) {
    if (const YamlNode* name = m->find("name")) {
      team.manager.name = read_person_name(*name, m->path_of("name"));
      if (const auto same = first_line_of_name.find(team.manager.name); same != first_line_of_name.end()) {
        fail(*name, m->path_of("name"),
             "duplicate name " + detail::describe(*name) + ", a social worker's on line " +
                 std::to_string(same->second));
      }
    }
    m->number("supervision_hours_per_week", team.manager.supervision_hours_per_week, kWeeklyHours);
  }
  return team;
}

WorkforceSettings read_workforce(const YamlNode* node) {
  WorkforceSettings workforce;
  if (!node) return workforce;
  const Section s(*node, "workforce", "workforce");
  s.number("annual_leave_days_per_fte", workforce.annual_leave_days_per_fte, zero_up_to(260.0));
  s.number("other_leave_days_per_fte", workforce.other_leave_days_per_fte, zero_up_to(100.0));
  if (const auto sick = s.section("sickness")) {
    SicknessSettings& out = workforce.sickness;
    sick->number("episodes_per_fte_year", out.episodes_per_fte_year, zero_up_to(52.0));
    sick->duration("duration_working_days", out.duration_working_days);
    sick->number("overload_multiplier", out.overload_multiplier, kOverloadMultiplier);
  }
  if (const auto t = s.section("turnover")) {
    TurnoverSettings& out = workforce.turnover;
    t->number("annual_rate", out.annual_rate, kAnnualRate);
    t->number("overload_multiplier", out.overload_multiplier, kOverloadMultiplier);
    t->whole("notice_weeks", out.notice_weeks, 0, kMaxWeeks);
    t->duration("recruitment_lag_weeks", out.recruitment_lag_weeks);
    t->number("newly_qualified_recruit_share", out.newly_qualified_recruit_share, kShare);
    t->number("agency_fill_share", out.agency_fill_share, kShare);
    t->whole("agency_start_delay_weeks", out.agency_start_delay_weeks, 0, kMaxWeeks);
    t->duration("agency_tenure_weeks", out.agency_tenure_weeks);
    t->number("handover_hours_per_case", out.handover_hours_per_case, kTaskHours);
  }
  if (const auto m = s.section("manager")) {
    ManagerWorkforceSettings& out = workforce.manager;
    m->number("annual_turnover", out.annual_turnover, kAnnualRate);
    m->whole("replacement_lag_weeks", out.replacement_lag_weeks, 0, kMaxWeeks);
    m->duration("interim_tenure_weeks", out.interim_tenure_weeks);
    m->number("interim_share", out.interim_share, kShare);
  }
  // A share of 0 would give newly qualified workers no cases at all.
  s.number("newly_qualified_cap_share", workforce.newly_qualified_cap_share, positive_up_to(1.0));
  return workforce;
}

SupervisionSettings read_supervision(const YamlNode* node) {
  SupervisionSettings supervision;
  if (!node) return supervision;
  const Section s(*node, "supervision", "supervision");
  s.whole("interval_weeks", supervision.interval_weeks, 0, kMaxWeeks);
  s.number("hours", supervision.hours, kTaskHours);
  s.number("drift_per_week_since_supervision", supervision.drift_per_week_since_supervision, kShare);
  s.number("drift_max", supervision.drift_max, kShare);
  return supervision;
}

PolicySettings read_policy(const YamlNode* node) {
  PolicySettings policy;
  if (!node) return policy;
  const Section s(*node, "policy", "policy");
  if (const auto cap = s.section("caseload_cap")) {
    using Basis = CaseloadCap::Basis;
    using Kind = CaseloadCap::Kind;
    cap->choice("basis", policy.caseload_cap.basis,
                Choices<Basis>{{"per_fte", Basis::per_fte}, {"per_worker", Basis::per_worker}});
    cap->number("cases", policy.caseload_cap.cases, positive_up_to(1000.0));
    cap->choice("kind", policy.caseload_cap.kind, Choices<Kind>{{"hard", Kind::hard}, {"soft", Kind::soft}});
    cap->boolean("weighted", policy.caseload_cap.weighted);
  }
  s.choice("prioritisation", policy.prioritisation,
           Choices<Prioritisation>{{"earliest_deadline", Prioritisation::earliest_deadline},
                                   {"highest_risk", Prioritisation::highest_risk},
                                   {"first_in_first_out", Prioritisation::first_in_first_out}});
  s.choice("absence_cover", policy.absence_cover,
           Choices<AbsenceCover>{{"none", AbsenceCover::none}, {"duty", AbsenceCover::duty}});
  if (const auto e = s.section("escalation")) {
    EscalationSettings& out = policy.escalation;
    e->boolean("enabled", out.enabled);
    e->whole("unallocated_threshold", out.unallocated_threshold, 0, kMaxCaseCount);
    e->whole("overdue_threshold", out.overdue_threshold, 0, kMaxCaseCount);
    e->boolean("request_agency", out.request_agency);
    e->whole("agency_lag_weeks", out.agency_lag_weeks, 0, kMaxWeeks);
    e->whole("agency_weeks", out.agency_weeks, 0, kMaxWeeks);
    e->number("overtime_hours_per_worker_per_week", out.overtime_hours_per_worker_per_week, kWeeklyHours);
    e->whole("over_cap_cases", out.over_cap_cases, 0, kMaxOverCapCases);
    // The manager checks at least every so often; 0 would mean never.
    e->whole("review_interval_weeks", out.review_interval_weeks, 1, kMaxWeeks);
  }
  return policy;
}

MetricSettings read_metrics(const YamlNode* node) {
  MetricSettings metrics;
  if (!node) return metrics;
  const Section s(*node, "metrics", "metrics");
  s.whole("unallocated_wait_threshold_working_days", metrics.unallocated_wait_threshold_working_days, 0,
          kMaxWorkingDays);
  return metrics;
}

// The timeline: each event names its kind and takes only that kind's fields,
// so a misplaced field is an error rather than silently ignored.
std::vector<TimelineEvent> read_timeline(const YamlNode* node, const Scenario& scenario) {
  std::vector<TimelineEvent> timeline;
  if (!node) return timeline;
  using Kind = TimelineEvent::Kind;
  static const Choices<Kind> kKinds = {{"worker_leaves", Kind::worker_leaves},
                                       {"agency_workers_leave", Kind::agency_workers_leave},
                                       {"worker_starts", Kind::worker_starts},
                                       {"worker_absent", Kind::worker_absent},
                                       {"caseload_cap", Kind::caseload_cap},
                                       {"supervision_interval", Kind::supervision_interval},
                                       {"manager_absent", Kind::manager_absent},
                                       {"manager_replaced", Kind::manager_replaced},
                                       {"referral_rate", Kind::referral_rate}};
  // Each kind's fields besides date and event: required ones first, then
  // `required` counts how many of them are required.
  struct KindFields {
    std::vector<std::string_view> fields;
    std::size_t required;
  };
  const auto fields_of_kind = [](Kind kind) -> KindFields {
    switch (kind) {
      case Kind::worker_leaves: return {{"worker", "replaced"}, 1};
      case Kind::agency_workers_leave: return {{"count", "replaced"}, 1};
      case Kind::worker_starts: return {{"name", "fte", "newly_qualified", "agency"}, 0};
      case Kind::worker_absent: return {{"worker", "until"}, 2};
      case Kind::caseload_cap: return {{"cases"}, 1};
      case Kind::supervision_interval: return {{"weeks"}, 1};
      case Kind::manager_absent: return {{"until"}, 1};
      case Kind::manager_replaced: return {{"weeks", "interim"}, 0};
      case Kind::referral_rate: return {{"factor", "until"}, 1};
    }
    return {{}, 0};
  };
  const auto& items = detail::read_list(*node, "timeline");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = "timeline[" + std::to_string(i) + "]";
    const Section e(items[i], path, "timeline[]");
    TimelineEvent event;
    event.file = items[i].file;
    event.line = items[i].line;
    event.index = i;
    event.kind = read_enum(e.required("event"), e.path_of("event"), kKinds);
    const std::string kind_name(timeline_kind_name(event.kind));
    event.date = detail::read_date(e.required("date"), e.path_of("date"));
    const KindFields allowed = fields_of_kind(event.kind);
    for (const FieldShape& field : schema_of("timeline[]").fields) {
      if (field.name == "date" || field.name == "event") continue;
      const auto at = std::find(allowed.fields.begin(), allowed.fields.end(), field.name);
      const YamlNode* value = e.find(field.name);
      if (value && at == allowed.fields.end()) {
        std::string takes;
        for (const auto name : allowed.fields) takes += (takes.empty() ? "" : ", ") + std::string(name);
        fail(*value, e.path_of(field.name),
             "not used by event " + kind_name + (takes.empty() ? " (it takes only date)" : " (it takes " + takes + ")"));
      }
      if (!value && at != allowed.fields.end() &&
          static_cast<std::size_t>(at - allowed.fields.begin()) < allowed.required) {
        throw ScenarioError(items[i].file, items[i].line, e.path_of(field.name), "required for event " + kind_name);
      }
    }
    if (const YamlNode* worker = e.find("worker")) event.worker = read_person_name(*worker, e.path_of("worker"));
    e.boolean("replaced", event.replaced);
    e.whole("count", event.count, 1, kMaxSocialWorkers);
    if (const YamlNode* name = e.find("name")) event.name = read_person_name(*name, e.path_of("name"));
    e.number("fte", event.fte, positive_up_to(1.0));
    e.boolean("newly_qualified", event.newly_qualified);
    e.boolean("agency", event.agency);
    if (const YamlNode* until = e.find("until")) {
      event.until = detail::read_date(*until, e.path_of("until"));
      if (*event.until < event.date) {
        fail(*until, e.path_of("until"),
             "must not be before the event's date " + kernel::format_iso_date(event.date) + ", got " + until->text);
      }
    }
    e.number("cases", event.cases, positive_up_to(1000.0));
    e.whole("weeks", event.weeks, event.kind == Kind::supervision_interval ? 1 : 0, kMaxWeeks);
    e.boolean("interim", event.interim);
    e.number("factor", event.factor, zero_up_to(100.0));
    timeline.push_back(std::move(event));
  }
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) { return a.date < b.date; });
  std::vector<std::string> names;
  for (const auto& worker : scenario.team.social_workers) names.push_back(worker.name);
  check_timeline(timeline, scenario.run.start_date, scenario.run.horizon_weeks, names,
                 "the scenario's team.social_workers");
  return timeline;
}

Scenario read_scenario(const YamlNode& root) {
  const Section s(root, "", "");
  Scenario scenario;
  scenario.name = read_name(s.required("name"));
  if (const YamlNode* description = s.find("description")) {
    scenario.description = detail::read_text(*description, "description");
  }
  const YamlNode& run_node = s.required("run");
  scenario.run = read_run(run_node);
  CalendarInput calendar = read_calendar(s.find("calendar"));
  resolve_holidays(calendar, scenario.run, *run_node.find("start_date"));
  scenario.calendar = std::move(calendar.settings);
  scenario.referrals = read_referrals(s.required("referrals"));
  scenario.triage = read_triage(s.find("triage"));
  scenario.pathways = read_pathways(s.required("pathways"));
  scenario.team = read_team(s.required("team"));
  scenario.workforce = read_workforce(s.find("workforce"));
  scenario.supervision = read_supervision(s.find("supervision"));
  scenario.policy = read_policy(s.find("policy"));
  scenario.metrics = read_metrics(s.find("metrics"));
  scenario.timeline = read_timeline(s.find("timeline"), scenario);
  return scenario;
}

}  // namespace

ScenarioError::ScenarioError(std::string file, int line, std::string field, std::string message)
    : std::runtime_error(error_text(file, line, field, message)),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)),
      message_(std::move(message)) {}

ScenarioSource read_scenario_source(const std::string& path) {
  const auto cannot_read = [&](const std::string& reason) {
    return ScenarioError(path, 0, "", "cannot read scenario: " + reason);
  };
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error) throw cannot_read(error.message());
  if (!std::filesystem::is_regular_file(status)) {
    throw cannot_read(std::filesystem::is_directory(status) ? "it is a directory" : "not a regular file");
  }
  const auto too_large = [&] { return cannot_read("larger than the 1 MiB limit for a scenario"); };
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw cannot_read(error.message());
  if (size > kMaxScenarioBytes) throw too_large();

  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw cannot_read(errno != 0 ? std::strerror(errno) : "cannot open");
  ScenarioSource source{path, {}};
  // Read one byte past the limit: the file may have grown since it was sized.
  source.text.resize(kMaxScenarioBytes + 1);
  const std::size_t read = std::fread(source.text.data(), 1, source.text.size(), file.get());
  if (std::ferror(file.get())) throw cannot_read(std::strerror(errno));
  if (read > kMaxScenarioBytes) throw too_large();
  source.text.resize(read);
  return source;
}

Scenario parse_scenario(const ScenarioSource& source, const std::vector<Override>& overrides) {
  if (source.text.size() > kMaxScenarioBytes) {
    throw ScenarioError(source.path, 0, "", "larger than the 1 MiB limit for a scenario");
  }
  YamlNode root = detail::parse_yaml(source.text, source.path, 0, "");
  if (root.kind == YamlNode::Kind::empty) {
    throw ScenarioError(source.path, 0, "", "empty file, expected a scenario (a YAML mapping)");
  }
  if (root.kind != YamlNode::Kind::mapping) {
    fail(root, "", "expected a scenario (a YAML mapping), got " + detail::describe(root));
  }
  for (const Override& override_ : overrides) apply_override(root, override_);
  return read_scenario(root);
}

Scenario load_scenario(const std::string& path) { return parse_scenario(read_scenario_source(path), {}); }

namespace {

void collect_field_paths(std::string_view schema_key, const std::string& prefix, std::vector<std::string>& out) {
  for (const FieldShape& field : schema_of(schema_key).fields) {
    const std::string path = prefix.empty() ? std::string(field.name) : prefix + "." + std::string(field.name);
    switch (field.shape) {
      case Shape::value:
        out.push_back(path);
        break;
      case Shape::list_of_values:
        out.push_back(path + "[]");
        break;
      case Shape::mapping:
        collect_field_paths(child_schema(schema_key, field), path, out);
        break;
      case Shape::list_of_mappings:
        collect_field_paths(child_schema(schema_key, field), path + "[]", out);
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
