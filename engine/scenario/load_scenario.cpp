// Scenario YAML → Scenario, validating every value once.
//
// Which fields are required: `name` and the sections run, referrals, cases and
// team, and within them every field (a baseline figure left out by accident
// would otherwise run silently on a default nobody chose). The sections
// description, calendar, triage, policy and metrics are optional, and so is
// each of their fields: what is left out takes the default in scenario.hpp.
// Within cases.duration_working_days, distribution and mean are required, and
// sd is required for lognormal and gamma and refused for fixed and exponential.
//
// Errors are ScenarioError, "FILE:LINE: FIELD: MESSAGE": a value's own line, a
// missing field at the line of the key holding its mapping, an unknown key at
// its own line. Overrides are applied to the YAML tree before validation, and
// what they bring in carries the override's origin file and line.
#include "engine/scenario/load_scenario.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <unordered_map>

#include "engine/scenario/bank_holidays.hpp"
#include "engine/scenario/yaml_fields.hpp"

namespace casesim::scenario {

namespace {

using detail::fail;
using detail::MappingFields;
using detail::NumberRange;
using detail::YamlNode;

std::string error_text(const std::string& file, int line, const std::string& field, const std::string& message) {
  std::string text = file;
  if (line > 0) text += ":" + std::to_string(line);
  if (!field.empty()) text += ": " + field;
  return text + ": " + message;
}

// --- The schema: which fields each mapping allows, and their shape. The
// validation below and the override paths both use it. ---

enum class Shape { value, mapping, list_of_values, list_of_mappings };

struct FieldShape {
  std::string_view name;
  Shape shape;
};

struct MappingSchema {
  std::string_view path;  // list items written "[]": "team.social_workers[]"
  std::vector<FieldShape> fields;
};

const std::vector<MappingSchema>& schema() {
  static const std::vector<MappingSchema> mappings = {
      {"",
       {{"name", Shape::value},
        {"description", Shape::value},
        {"run", Shape::mapping},
        {"calendar", Shape::mapping},
        {"referrals", Shape::mapping},
        {"triage", Shape::mapping},
        {"cases", Shape::mapping},
        {"team", Shape::mapping},
        {"policy", Shape::mapping},
        {"metrics", Shape::mapping}}},
      {"run",
       {{"start_date", Shape::value},
        {"horizon_weeks", Shape::value},
        {"warm_up_weeks", Shape::value},
        {"replications", Shape::value},
        {"seed", Shape::value}}},
      {"calendar", {{"bank_holidays", Shape::value}, {"extra_holidays", Shape::list_of_values}}},
      {"referrals",
       {{"arrival_process", Shape::value}, {"rate_per_working_day", Shape::value}, {"accepted_share", Shape::value}}},
      {"triage", {{"duty_decisions_per_working_day", Shape::value}, {"decision_standard_working_days", Shape::value}}},
      {"cases",
       {{"duration_working_days", Shape::mapping},
        {"visit_interval_working_days", Shape::value},
        {"visit_hours", Shape::value}}},
      {"cases.duration_working_days", {{"distribution", Shape::value}, {"mean", Shape::value}, {"sd", Shape::value}}},
      {"team", {{"full_time_hours_per_working_day", Shape::value}, {"social_workers", Shape::list_of_mappings}}},
      {"team.social_workers[]", {{"name", Shape::value}, {"fte", Shape::value}}},
      {"policy", {{"caseload_cap", Shape::mapping}}},
      {"policy.caseload_cap", {{"basis", Shape::value}, {"cases", Shape::value}}},
      {"metrics", {{"unallocated_wait_threshold_working_days", Shape::value}}},
  };
  return mappings;
}

const MappingSchema& schema_of(std::string_view generic_path) {
  for (const auto& mapping : schema()) {
    if (mapping.path == generic_path) return mapping;
  }
  throw std::logic_error("load_scenario: no schema for '" + std::string(generic_path) + "'");
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
  std::string generic = "";  // schema path
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
    generic = generic.empty() ? step.key : generic + "." + step.key;
    actual = field_path;
    if (step.index) {
      generic += "[]";
      actual += "[" + std::to_string(*step.index) + "]";
    }
    node = child;
  }
}

// --- Reading the sections ---

constexpr NumberRange positive_up_to(double high) { return {0.0, true, high, false}; }
constexpr NumberRange kShare{0.0, false, 1.0, false};
constexpr int kMaxHorizonWeeks = 2600;  // 50 years
constexpr int kMaxReplications = 1'000'000;
constexpr int kMaxSocialWorkers = 10'000;
constexpr int kMaxWorkingDaySetting = 260;  // about a year of working days
// Not a policy limit: keeps the count an int and flags a typo.
constexpr int kMaxDutyDecisionsPerWorkingDay = 1'000'000;
constexpr NumberRange kAnyPositive{0.0, true, std::numeric_limits<double>::infinity(), true};

int read_int(const YamlNode& node, const std::string& field, int min, int max) {
  return static_cast<int>(detail::read_whole_number(node, field, min, max));
}

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
  const MappingFields fields = fields_of(node, "run", "run");
  RunSettings run;
  run.start_date = detail::read_date(fields.required("start_date"), "run.start_date");
  run.horizon_weeks = read_int(fields.required("horizon_weeks"), "run.horizon_weeks", 1, kMaxHorizonWeeks);
  const YamlNode& warm_up = fields.required("warm_up_weeks");
  run.warm_up_weeks = read_int(warm_up, "run.warm_up_weeks", 0, kMaxHorizonWeeks);
  // Metrics count only after the warm-up, so at least one week must remain.
  if (run.warm_up_weeks >= run.horizon_weeks) {
    fail(warm_up, "run.warm_up_weeks",
         "must be less than run.horizon_weeks (" + std::to_string(run.horizon_weeks) + "), got " + warm_up.text);
  }
  run.replications = read_int(fields.required("replications"), "run.replications", 1, kMaxReplications);
  run.seed = detail::read_unsigned_64(fields.required("seed"), "run.seed");
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
  const MappingFields fields = fields_of(*node, "calendar", "calendar");
  if (const YamlNode* name = fields.optional("bank_holidays")) {
    std::vector<std::string> choices = shipped_holiday_list_names();
    choices.push_back("none");
    input.settings.bank_holidays = choices[detail::read_choice(*name, "calendar.bank_holidays", choices)];
    input.bank_holidays_node = name;
  }
  if (const YamlNode* extra = fields.optional("extra_holidays")) {
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
  const MappingFields fields = fields_of(node, "referrals", "referrals");
  ReferralSettings referrals;
  referrals.rate_per_working_day = detail::read_number(fields.required("rate_per_working_day"),
                                                       "referrals.rate_per_working_day", positive_up_to(1000.0));
  referrals.accepted_share = detail::read_number(fields.required("accepted_share"), "referrals.accepted_share", kShare);
  if (const YamlNode* process = fields.optional("arrival_process")) {
    static const std::vector<std::string> kNames = {"poisson", "regular"};
    referrals.arrival_process = detail::read_choice(*process, "referrals.arrival_process", kNames) == 0
                                    ? ReferralSettings::ArrivalProcess::poisson
                                    : ReferralSettings::ArrivalProcess::regular;
  }
  return referrals;
}

TriageSettings read_triage(const YamlNode* node) {
  TriageSettings triage;
  if (!node) return triage;
  const MappingFields fields = fields_of(*node, "triage", "triage");
  if (const YamlNode* value = fields.optional("duty_decisions_per_working_day")) {
    triage.duty_decisions_per_working_day =
        read_int(*value, "triage.duty_decisions_per_working_day", 0, kMaxDutyDecisionsPerWorkingDay);
  }
  if (const YamlNode* value = fields.optional("decision_standard_working_days")) {
    triage.decision_standard_working_days = read_int(*value, "triage.decision_standard_working_days", 0, 30);
  }
  return triage;
}

DurationDistribution read_duration(const YamlNode& node, const std::string& path) {
  const MappingFields fields = fields_of(node, path, "cases.duration_working_days");
  using Kind = DurationDistribution::Kind;
  static const std::vector<std::string> kNames = {"fixed", "exponential", "lognormal", "gamma"};
  static const Kind kKinds[] = {Kind::fixed, Kind::exponential, Kind::lognormal, Kind::gamma};
  DurationDistribution duration;
  const std::size_t choice = detail::read_choice(fields.required("distribution"), path + ".distribution", kNames);
  duration.kind = kKinds[choice];
  duration.mean = detail::read_number(fields.required("mean"), path + ".mean", kAnyPositive);
  const bool has_sd = duration.kind == Kind::lognormal || duration.kind == Kind::gamma;
  const YamlNode* sd = fields.optional("sd");
  if (has_sd) {
    if (!sd) {
      throw ScenarioError(node.file, node.holder_line, path + ".sd", "required for distribution " + kNames[choice]);
    }
    duration.sd = detail::read_number(*sd, path + ".sd", kAnyPositive);
  } else if (sd) {
    fail(*sd, path + ".sd", "not allowed for distribution " + kNames[choice]);
  }
  return duration;
}

CaseSettings read_cases(const YamlNode& node) {
  const MappingFields fields = fields_of(node, "cases", "cases");
  CaseSettings cases;
  cases.duration_working_days = read_duration(fields.required("duration_working_days"), "cases.duration_working_days");
  cases.visit_interval_working_days = read_int(fields.required("visit_interval_working_days"),
                                               "cases.visit_interval_working_days", 0, kMaxWorkingDaySetting);
  cases.visit_hours = detail::read_number(fields.required("visit_hours"), "cases.visit_hours", positive_up_to(24.0));
  return cases;
}

TeamSettings read_team(const YamlNode& node) {
  const MappingFields fields = fields_of(node, "team", "team");
  TeamSettings team;
  team.full_time_hours_per_working_day = detail::read_number(
      fields.required("full_time_hours_per_working_day"), "team.full_time_hours_per_working_day", positive_up_to(24.0));
  const YamlNode& list_node = fields.required("social_workers");
  const auto& items = detail::read_list(list_node, "team.social_workers");
  if (items.empty()) fail(list_node, "team.social_workers", "must list at least one social worker");
  if (items.size() > kMaxSocialWorkers) {
    fail(list_node, "team.social_workers",
         "must list at most " + std::to_string(kMaxSocialWorkers) + " social workers, got " +
             std::to_string(items.size()));
  }
  // Names identify workers in results and traces, so they must be unique.
  std::unordered_map<std::string, int> first_line_of_name;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = "team.social_workers[" + std::to_string(i) + "]";
    const MappingFields worker_fields = fields_of(items[i], path, "team.social_workers[]");
    SocialWorker worker;
    const YamlNode& name = worker_fields.required("name");
    worker.name = detail::read_text(name, path + ".name");
    if (worker.name.empty()) fail(name, path + ".name", "must not be empty");
    const auto [first, inserted] = first_line_of_name.emplace(worker.name, name.line);
    if (!inserted) {
      fail(name, path + ".name",
           "duplicate name " + detail::describe(name) + ", first given on line " + std::to_string(first->second));
    }
    worker.fte = detail::read_number(worker_fields.required("fte"), path + ".fte", positive_up_to(1.0));
    team.social_workers.push_back(std::move(worker));
  }
  return team;
}

PolicySettings read_policy(const YamlNode* node) {
  PolicySettings policy;
  if (!node) return policy;
  const MappingFields fields = fields_of(*node, "policy", "policy");
  const YamlNode* cap_node = fields.optional("caseload_cap");
  if (!cap_node) return policy;
  const MappingFields cap = fields_of(*cap_node, "policy.caseload_cap", "policy.caseload_cap");
  if (const YamlNode* basis = cap.optional("basis")) {
    static const std::vector<std::string> kNames = {"per_fte", "per_worker"};
    policy.caseload_cap.basis = detail::read_choice(*basis, "policy.caseload_cap.basis", kNames) == 0
                                    ? CaseloadCap::Basis::per_fte
                                    : CaseloadCap::Basis::per_worker;
  }
  if (const YamlNode* cases = cap.optional("cases")) {
    policy.caseload_cap.cases = detail::read_number(*cases, "policy.caseload_cap.cases", positive_up_to(1000.0));
  }
  return policy;
}

MetricSettings read_metrics(const YamlNode* node) {
  MetricSettings metrics;
  if (!node) return metrics;
  const MappingFields fields = fields_of(*node, "metrics", "metrics");
  if (const YamlNode* value = fields.optional("unallocated_wait_threshold_working_days")) {
    metrics.unallocated_wait_threshold_working_days =
        read_int(*value, "metrics.unallocated_wait_threshold_working_days", 0, kMaxWorkingDaySetting);
  }
  return metrics;
}

Scenario read_scenario(const YamlNode& root) {
  const MappingFields fields = fields_of(root, "", "");
  Scenario scenario;
  scenario.name = read_name(fields.required("name"));
  if (const YamlNode* description = fields.optional("description")) {
    scenario.description = detail::read_text(*description, "description");
  }
  const YamlNode& run_node = fields.required("run");
  scenario.run = read_run(run_node);
  CalendarInput calendar = read_calendar(fields.optional("calendar"));
  resolve_holidays(calendar, scenario.run, *run_node.find("start_date"));
  scenario.calendar = std::move(calendar.settings);
  scenario.referrals = read_referrals(fields.required("referrals"));
  scenario.triage = read_triage(fields.optional("triage"));
  scenario.cases = read_cases(fields.required("cases"));
  scenario.team = read_team(fields.required("team"));
  scenario.policy = read_policy(fields.optional("policy"));
  scenario.metrics = read_metrics(fields.optional("metrics"));
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

}  // namespace casesim::scenario
