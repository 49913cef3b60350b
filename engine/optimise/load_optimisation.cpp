// Optimise YAML → Optimisation. The file's shape (docs/optimise.md):
//
//   name: staffing
//   description: "..."                  (optional)
//   base_scenario: ../baseline.yaml     (relative to this file)
//   seed: 20251123
//   currency: "£"                       (optional; labels costs in output)
//   decisions:
//     - field: team.additional_agency_workers
//       name: agency                    (optional; default the path's last segment)
//       values: {from: 0, to: 3, step: 1}      (or a list: [0, 1, 2, 3])
//       cost_per_unit_per_year: 85000          (numbers: cost = value x this)
//       start: {after_weeks: 2}                (optional, additional workers only; or
//                                               `recruitment` for permanent ones)
//     - retain_leavers: 2                      (a retention, in place of field:)
//       values: [no, 2027-04-30]               (keep the timeline's first 2 leavers until)
//       cost_per_worker_per_week: 1540
//     - field: policy.absence_cover
//       values: [none, duty]
//       cost_per_year: {none: 0, duty: 6000}   (any values: a cost for each)
//   targets:
//     - {metric: cp_children_unvisited_6_weeks, probability_above: {threshold: 0, at_most: 0.05}}
//     - {metric: assessments_within_standard_share, mean_at_least: 0.9}
//   procedure:                          (optional; these are the defaults)
//     confidence: 0.95
//     initial_replications: 20
//     batch_replications: 20
//     max_replications: 200
#include "engine/optimise/load_optimisation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <set>

#include "engine/input/input_file.hpp"
#include "engine/input/number_text.hpp"
#include "engine/input/yaml_readers.hpp"
#include "engine/input/yaml_tree.hpp"
#include "engine/optimise/plan_cost.hpp"
#include "engine/scenario/experiment.hpp"
#include "engine/scenario/field_path.hpp"
#include "engine/scenario/timeline.hpp"

namespace casesim::optimise {

namespace {

using input::fail;
using input::MappingFields;
using input::NumberRange;
using input::YamlNode;

constexpr double kInfinity = std::numeric_limits<double>::infinity();
const NumberRange kAnyNumber{-std::numeric_limits<double>::max(), false, std::numeric_limits<double>::max(), false};
const NumberRange kCost{0.0, false, 1e12, false};  // a typo guard: no team costs a trillion a year

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.12g", value);
  return buffer;
}

struct ReadDecision {
  Decision decision;
  std::vector<int> lines;  // each value's line, for errors in the plans built from it
};

std::vector<DecisionValue> read_range(const YamlNode& node, const std::string& field, std::vector<int>& lines) {
  const MappingFields range(node, field, {"from", "to", "step"});
  const double from = input::read_number(range.required("from"), range.path_of("from"), kAnyNumber);
  const double to = input::read_number(range.required("to"), range.path_of("to"), kAnyNumber);
  const double step =
      input::read_number(range.required("step"), range.path_of("step"), NumberRange{0.0, true, kInfinity, false});
  if (to < from)
    fail(range.required("to"), range.path_of("to"),
         "must be at least from (" + number_text(from) + "), got " + number_text(to));
  const double count = std::floor((to - from) / step + 1e-9) + 1;
  if (count > static_cast<double>(kMaxOptimisationPlans))
    fail(node, field,
         "gives " + number_text(count) + " values; at most " + std::to_string(kMaxOptimisationPlans) +
             " plans are allowed");
  // Whole values are written without a fraction, as the scenario's whole
  // fields need; beyond 2^53 a double is no longer a count, and beyond a long
  // long the conversion would be undefined.
  const bool whole = from == std::floor(from) && step == std::floor(step) && std::abs(from) < input::kMaxExactWhole &&
                     std::abs(to) < input::kMaxExactWhole;
  std::vector<DecisionValue> values;
  for (int i = 0; i < static_cast<int>(count); ++i) {
    const double value = from + i * step;
    const std::string text = whole ? std::to_string(static_cast<long long>(value)) : number_text(value);
    values.push_back({text, text, 0.0, std::nullopt});
    lines.push_back(node.holder_line);
  }
  return values;
}

// `start: recruitment` or `start: {after_weeks: N}`, for the additional workers' fields.
Start read_start(const YamlNode& node, const std::string& field, const std::string& decision_field) {
  const bool permanent = decision_field == "team.additional_permanent_workers";
  if (!permanent && decision_field != "team.additional_agency_workers")
    fail(node, field,
         "only team.additional_permanent_workers and team.additional_agency_workers have a start, not " +
             decision_field);
  if (node.kind == YamlNode::Kind::text) {
    if (node.text != "recruitment" || !permanent)
      fail(node, field,
           std::string("must be ") + (permanent ? "recruitment (the model's recruitment lag) or " : "") +
               "{after_weeks: N}, got " + input::describe(node));
    return {Start::Kind::recruitment, 0};
  }
  const MappingFields start(node, field, {"after_weeks"});
  const auto weeks = input::read_whole_number(start.required("after_weeks"), start.path_of("after_weeks"), 0, 520);
  return {Start::Kind::after_weeks, static_cast<int>(weeks)};
}

std::string read_label(const MappingFields& fields, std::string label) {
  if (const YamlNode* name = fields.optional("name")) {
    label = input::read_text(*name, fields.path_of("name"));
    if (label.empty() || label.find_first_of(",= ") != std::string::npos)
      fail(*name, fields.path_of("name"), "must be a short label without spaces, ',' or '=', got \"" + label + "\"");
  }
  return label;
}

// `retain_leavers: K` with dates (or `no`) as values: keep the timeline's
// first K leavers until that date, priced per worker per week kept.
ReadDecision read_retention(const MappingFields& fields) {
  ReadDecision read;
  Decision& d = read.decision;
  for (const char* other : {"field", "start", "cost_per_unit_per_year", "cost_per_year"})
    if (const YamlNode* node = fields.optional(other))
      fail(*node, fields.path_of(other),
           "not used by a retention decision (retain_leavers: it sets team.retained_leavers and "
           "team.retained_until, and is priced by cost_per_worker_per_week)");
  d.retain_leavers = static_cast<int>(
      input::read_whole_number(fields.required("retain_leavers"), fields.path_of("retain_leavers"), 1, 1000));
  d.name = read_label(fields, "keep");
  d.cost_per_worker_per_week = input::read_number(fields.required("cost_per_worker_per_week"),
                                                  fields.path_of("cost_per_worker_per_week"), kCost);
  const YamlNode& values = fields.required("values");
  const std::string values_field = fields.path_of("values");
  const std::vector<YamlNode>& items = input::read_list(values, values_field);
  if (items.empty()) fail(values, values_field, "must list at least one value");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item_field = values_field + "[" + std::to_string(i) + "]";
    if (items[i].kind != YamlNode::Kind::text || (items[i].text != "no" && !kernel::parse_iso_date(items[i].text)))
      fail(items[i], item_field,
           "must be a date (YYYY-MM-DD) to keep the workers until, or no, got " + input::describe(items[i]));
    if (!seen.insert(items[i].text).second) fail(items[i], item_field, "value '" + items[i].text + "' is listed twice");
    DecisionValue value{items[i].text, items[i].text, 0.0, std::nullopt};
    if (items[i].text != "no") {
      value.retain_until = input::read_date(items[i], item_field);
      value.cost_per_year = d.cost_per_worker_per_week * kWeeksPerYear * d.retain_leavers;
    }
    d.values.push_back(std::move(value));
    read.lines.push_back(items[i].line);
  }
  return read;
}

ReadDecision read_decision(const YamlNode& node, const std::string& field) {
  const MappingFields fields(node, field,
                             {"field", "name", "values", "cost_per_unit_per_year", "cost_per_year", "start",
                              "retain_leavers", "cost_per_worker_per_week"});
  if (fields.optional("retain_leavers")) return read_retention(fields);
  if (const YamlNode* weekly = fields.optional("cost_per_worker_per_week"))
    fail(*weekly, fields.path_of("cost_per_worker_per_week"), "only a retention decision (retain_leavers) has it");
  ReadDecision read;
  Decision& d = read.decision;
  const YamlNode& path = fields.required("field");
  d.field = input::read_text(path, fields.path_of("field"));
  if (d.field.empty()) fail(path, fields.path_of("field"), "must not be empty");
  if (d.field == "run" || d.field.rfind("run.", 0) == 0)
    fail(path, fields.path_of("field"),
         "run settings cannot be a decision: the replications and seed are the search's, and every plan keeps the "
         "base scenario's start date, horizon and warm-up");
  if (const YamlNode* start = fields.optional("start")) d.start = read_start(*start, fields.path_of("start"), d.field);
  d.name = read_label(fields, scenario::last_segment(d.field));

  const YamlNode& values = fields.required("values");
  const std::string values_field = fields.path_of("values");
  if (values.kind == YamlNode::Kind::mapping) {
    d.values = read_range(values, values_field, read.lines);
  } else {
    const std::vector<YamlNode>& items = input::read_list(values, values_field);
    if (items.empty()) fail(values, values_field, "must list at least one value");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string item_field = values_field + "[" + std::to_string(i) + "]";
      if (items[i].kind != YamlNode::Kind::text)
        fail(items[i], item_field, "must be one value (a number or a word), got " + input::describe(items[i]));
      if (!seen.insert(items[i].text).second)
        fail(items[i], item_field, "value '" + items[i].text + "' is listed twice");
      d.values.push_back({items[i].text, input::flow_yaml(items[i]), 0.0, std::nullopt});
      read.lines.push_back(items[i].line);
    }
  }

  const YamlNode* per_unit = fields.optional("cost_per_unit_per_year");
  const YamlNode* per_value = fields.optional("cost_per_year");
  if ((per_unit == nullptr) == (per_value == nullptr))
    fail(node, field,
         "give its cost as exactly one of cost_per_unit_per_year (numbers: the cost of each unit of the value) or "
         "cost_per_year (a cost for each value)");
  if (per_unit != nullptr) {
    const std::string cost_field = fields.path_of("cost_per_unit_per_year");
    const double cost = input::read_number(*per_unit, cost_field, kCost);
    for (DecisionValue& v : d.values) {
      const auto number = input::decimal_number(v.text);
      if (!number || v.value_yaml != v.text)
        fail(*per_unit, cost_field,
             "needs numbers as values, got '" + v.text + "'; price each value with cost_per_year instead");
      if (*number < 0) fail(*per_unit, cost_field, "needs values of at least 0, got " + v.text);
      v.cost_per_year = cost * *number;
      // Each value's cost within the bound a cost_per_year entry has, so a
      // plan's cost (their sum) stays a finite number.
      if (!kCost.contains(v.cost_per_year))
        fail(*per_unit, cost_field,
             "gives value " + v.text + " a cost of " + number_text(v.cost_per_year) + " a year, more than the " +
                 number_text(kCost.high) + " a value may cost");
    }
  } else {
    const std::string cost_field = fields.path_of("cost_per_year");
    if (per_value->kind != YamlNode::Kind::mapping)
      fail(*per_value, cost_field, "must map each value to its cost a year, got " + input::describe(*per_value));
    std::string listed;
    for (const DecisionValue& v : d.values) listed += (listed.empty() ? "" : ", ") + v.text;
    for (std::size_t k = 0; k < per_value->keys.size(); ++k) {
      const std::string& key = per_value->keys[k].text;
      const auto match =
          std::find_if(d.values.begin(), d.values.end(), [&key](const DecisionValue& v) { return v.text == key; });
      if (match == d.values.end()) fail(per_value->keys[k], cost_field + "." + key, "not one of the values: " + listed);
      match->cost_per_year = input::read_number(per_value->items[k], cost_field + "." + key, kCost);
    }
    for (const DecisionValue& v : d.values)
      if (per_value->find(v.text) == nullptr) fail(*per_value, cost_field, "no cost given for value '" + v.text + "'");
  }
  return read;
}

Target read_target(const YamlNode& node, const std::string& field, const std::vector<std::string>& metric_names) {
  const MappingFields fields(node, field, {"metric", "mean_at_most", "mean_at_least", "probability_above"});
  Target target;
  const YamlNode& metric = fields.required("metric");
  target.metric = input::read_text(metric, fields.path_of("metric"));
  if (std::find(metric_names.begin(), metric_names.end(), target.metric) == metric_names.end()) {
    std::string allowed;
    for (const std::string& m : metric_names) allowed += (allowed.empty() ? "" : ", ") + m;
    fail(metric, fields.path_of("metric"), "unknown metric '" + target.metric + "'; allowed: " + allowed);
  }
  const YamlNode* at_most = fields.optional("mean_at_most");
  const YamlNode* at_least = fields.optional("mean_at_least");
  const YamlNode* probability = fields.optional("probability_above");
  if ((at_most != nullptr) + (at_least != nullptr) + (probability != nullptr) != 1)
    fail(node, field, "give exactly one bound: mean_at_most, mean_at_least or probability_above");
  if (at_most != nullptr) {
    target.bound = {analysis::TargetKind::mean_at_most,
                    input::read_number(*at_most, fields.path_of("mean_at_most"), kAnyNumber), 0.0};
    target.description = "mean " + target.metric + " <= " + number_text(target.bound.bound);
  } else if (at_least != nullptr) {
    target.bound = {analysis::TargetKind::mean_at_least,
                    input::read_number(*at_least, fields.path_of("mean_at_least"), kAnyNumber), 0.0};
    target.description = "mean " + target.metric + " >= " + number_text(target.bound.bound);
  } else {
    const MappingFields p(*probability, fields.path_of("probability_above"), {"threshold", "at_most"});
    const double threshold = input::read_number(p.required("threshold"), p.path_of("threshold"), kAnyNumber);
    const double bound =
        input::read_number(p.required("at_most"), p.path_of("at_most"), NumberRange{0.0, false, 1.0, false});
    target.bound = {analysis::TargetKind::probability_above_at_most, bound, threshold};
    target.description = "P(" + target.metric + " > " + number_text(threshold) + ") <= " + number_text(bound);
  }
  return target;
}

// The scenario fields a decision's value sets: its field, and when its
// workers start; for a retention, how many leavers stay and until when.
std::vector<std::pair<std::string, std::string>> scenario_fields_of(const Decision& d, const DecisionValue& value) {
  if (d.is_retention()) {
    if (!value.retain_until) return {};
    return {{"team.retained_leavers", std::to_string(d.retain_leavers)}, {"team.retained_until", value.value_yaml}};
  }
  std::vector<std::pair<std::string, std::string>> fields{{d.field, value.value_yaml}};
  const std::string start_field = d.field == "team.additional_permanent_workers"
                                      ? "team.additional_permanent_start_after_weeks"
                                      : "team.additional_agency_start_after_weeks";
  if (d.start.kind == Start::Kind::after_weeks) fields.emplace_back(start_field, std::to_string(d.start.weeks));
  if (d.start.kind == Start::Kind::recruitment) fields.emplace_back(start_field, "recruitment");
  return fields;
}

analysis::SelectionSchedule read_procedure(const YamlNode& node) {
  const MappingFields fields(node, "procedure",
                             {"confidence", "initial_replications", "batch_replications", "max_replications"});
  analysis::SelectionSchedule s;
  if (const YamlNode* c = fields.optional("confidence"))
    s.confidence = input::read_number(*c, "procedure.confidence", NumberRange{0.0, true, 1.0, true});
  if (const YamlNode* n = fields.optional("initial_replications"))
    s.initial_replications = static_cast<std::size_t>(
        input::read_whole_number(*n, "procedure.initial_replications", 2, kMaxOptimisationReplications));
  if (const YamlNode* n = fields.optional("batch_replications"))
    s.batch_replications = static_cast<std::size_t>(
        input::read_whole_number(*n, "procedure.batch_replications", 1, kMaxOptimisationReplications));
  if (const YamlNode* n = fields.optional("max_replications")) {
    s.max_replications = static_cast<std::size_t>(
        input::read_whole_number(*n, "procedure.max_replications", 2, kMaxOptimisationReplications));
    if (s.max_replications < s.initial_replications)
      fail(*n, "procedure.max_replications",
           "must be at least procedure.initial_replications (" + std::to_string(s.initial_replications) + "), got " +
               std::to_string(s.max_replications));
  } else if (s.max_replications < s.initial_replications) {
    s.max_replications = s.initial_replications;
  }
  return s;
}

// The search splits 1 - confidence over every interval it judges (plans x
// targets x looks, analysis::interval_confidence). A confidence so near 1 that
// an interval's comes out as exactly 1 has no interval at all: the t and
// Clopper-Pearson quantiles at 1 are infinite.
void check_interval_confidence(const Optimisation& o, const YamlNode* procedure) {
  const double level =
      analysis::interval_confidence(o.schedule.confidence, o.plans.size(), o.targets.size(), o.schedule.looks());
  if (level < 1.0) return;
  const YamlNode* confidence = procedure ? procedure->find("confidence") : nullptr;
  const std::string intervals = std::to_string(o.plans.size()) + " plans x " + std::to_string(o.targets.size()) +
                                " targets x " + std::to_string(o.schedule.looks()) + " looks";
  const std::string message = "is too close to 1: shared over every interval the search judges (" + intervals +
                              "), each interval's confidence rounds to 1; lower it (0.99 or 0.999 is usual)";
  if (confidence) fail(*confidence, "procedure.confidence", message);
  throw scenario::ScenarioError(o.source.path, 0, "procedure.confidence", message);
}

}  // namespace

Optimisation parse_optimisation(const scenario::ScenarioSource& source, const std::vector<std::string>& metric_names,
                                scenario::TeamSource team) {
  const std::string& file = source.path;
  const YamlNode root = input::parse_yaml(source.text, file, 0, "", "scenario");
  if (root.kind == YamlNode::Kind::empty)
    throw scenario::ScenarioError(file, 0, "", "empty file, expected an optimise file (a YAML mapping)");
  if (root.kind != YamlNode::Kind::mapping)
    fail(root, "", "expected an optimise file (a YAML mapping), got " + input::describe(root));
  const MappingFields fields(
      root, "", {"name", "description", "base_scenario", "seed", "currency", "decisions", "targets", "procedure"});
  Optimisation o;
  o.source = source;
  const YamlNode& name = fields.required("name");
  o.name = input::read_text(name, "name");
  if (o.name.empty() ||
      o.name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != std::string::npos)
    fail(name, "name", "must be letters, digits, '_' and '-' only (it names the results file), got \"" + o.name + "\"");
  if (const YamlNode* description = fields.optional("description"))
    o.description = input::read_text(*description, "description");
  o.seed = input::read_unsigned_64(fields.required("seed"), "seed");
  if (const YamlNode* currency = fields.optional("currency")) o.currency = input::read_text(*currency, "currency");

  std::vector<ReadDecision> decisions;
  const YamlNode& decisions_node = fields.required("decisions");
  const std::vector<YamlNode>& decision_items = input::read_list(decisions_node, "decisions");
  if (decision_items.empty()) fail(decisions_node, "decisions", "must list at least one decision");
  std::size_t plan_count = 1;
  for (std::size_t i = 0; i < decision_items.size(); ++i) {
    const std::string field = "decisions[" + std::to_string(i) + "]";
    ReadDecision read = read_decision(decision_items[i], field);
    for (std::size_t j = 0; j < decisions.size(); ++j) {
      if (read.decision.is_retention() && decisions[j].decision.is_retention())
        fail(*decision_items[i].find("retain_leavers"), field + ".retain_leavers",
             "decisions[" + std::to_string(j) + "] already keeps leavers; list its dates as one decision's values");
      if (!read.decision.is_retention() && decisions[j].decision.field == read.decision.field)
        fail(*decision_items[i].find("field"), field + ".field",
             "field '" + read.decision.field + "' is already decisions[" + std::to_string(j) + "]");
      if (decisions[j].decision.name == read.decision.name)
        fail(decision_items[i], field,
             "two decisions named '" + read.decision.name + "' (also decisions[" + std::to_string(j) +
                 "]); give one a different name");
    }
    plan_count *= read.decision.values.size();
    if (plan_count > kMaxOptimisationPlans)
      fail(decision_items[i], field,
           "the decisions make more than " + std::to_string(kMaxOptimisationPlans) + " plans; list fewer values");
    decisions.push_back(std::move(read));
  }

  const YamlNode& targets_node = fields.required("targets");
  const std::vector<YamlNode>& target_items = input::read_list(targets_node, "targets");
  if (target_items.empty()) fail(targets_node, "targets", "must list at least one safety target");
  for (std::size_t i = 0; i < target_items.size(); ++i)
    o.targets.push_back(read_target(target_items[i], "targets[" + std::to_string(i) + "]", metric_names));

  if (const YamlNode* procedure = fields.optional("procedure")) o.schedule = read_procedure(*procedure);

  // The base scenario: a file that cannot be read is this file's error; one
  // that is invalid is reported in its own file.
  const YamlNode& base = fields.required("base_scenario");
  const std::string base_path = input::read_text(base, "base_scenario");
  if (base_path.empty()) fail(base, "base_scenario", "must not be empty");
  const std::filesystem::path resolved = input::named_beside(file, base_path);
  try {
    o.base_source = scenario::read_scenario_source(resolved.string());
  } catch (const scenario::ScenarioError& e) {
    std::string reason = e.message();
    if (const std::string prefix = "cannot read scenario: "; reason.rfind(prefix, 0) == 0)
      reason.erase(0, prefix.size());
    fail(base, "base_scenario", "cannot read scenario " + resolved.string() + ": " + reason);
  }
  // A retention keeps leavers the base scenario's timeline has.
  const int leavers = scenario::timeline_leavers(scenario::parse_scenario(o.base_source, {}, team).timeline);
  for (std::size_t i = 0; i < decisions.size(); ++i)
    if (decisions[i].decision.retain_leavers > leavers)
      fail(*decision_items[i].find("retain_leavers"), "decisions[" + std::to_string(i) + "].retain_leavers",
           "keeps " + std::to_string(decisions[i].decision.retain_leavers) +
               " leavers, but the base scenario's timeline has " + std::to_string(leavers) +
               " (by worker_leaves and agency_workers_leave)");

  std::vector<std::size_t> sizes;
  for (const ReadDecision& d : decisions) sizes.push_back(d.decision.values.size());
  for (const std::vector<std::size_t>& combination : scenario::grid_combinations(sizes)) {
    Plan plan;
    plan.choice = combination;
    plan.overrides_yaml = "{";
    for (std::size_t d = 0; d < decisions.size(); ++d) {
      const Decision& decision = decisions[d].decision;
      const DecisionValue& value = decision.values[combination[d]];
      plan.name += (d ? "," : "") + decision.name + "=" + value.text;
      plan.cost_per_year += value.cost_per_year;
      for (const auto& [path, yaml] : scenario_fields_of(decision, value)) {
        plan.overrides_yaml += (plan.overrides.empty() ? "" : ", ") + path + ": " + yaml;
        plan.overrides.push_back(scenario::Override{path, yaml, file, decisions[d].lines[combination[d]]});
      }
    }
    plan.overrides_yaml += "}";
    plan.scenario = scenario::parse_scenario(o.base_source, plan.overrides, team);
    o.plans.push_back(std::move(plan));
  }
  for (ReadDecision& d : decisions) o.decisions.push_back(std::move(d.decision));
  price_plans(o);
  check_interval_confidence(o, fields.optional("procedure"));
  return o;
}

Optimisation load_optimisation(const std::string& path, const std::vector<std::string>& metric_names,
                               scenario::TeamSource team) {
  return parse_optimisation(scenario::read_scenario_source(path, "optimise file"), metric_names, team);
}

}  // namespace casesim::optimise
