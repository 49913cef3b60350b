// Experiment YAML → Experiment. The file's shape:
//
//   name: caseload-caps
//   description: "..."                 (optional)
//   base_scenario: ../baseline.yaml    (relative to this file)
//   replications: 200
//   seed: 20251123
//   metrics: [unallocated_wait_mean, visits_overdue]   (the first is the main metric)
//   variants:                          (optional; the first is the base)
//     - name: cap-18
//     - {name: cap-15, overrides: {policy.caseload_cap.cases: 15}}
//   grid:                              (optional; one variant per combination)
//     fields: {policy.caseload_cap.cases: [15, 18, 22], cases.visit_hours: [3, 3.5]}
//   latin_hypercube:                   (optional; one variant per sample)
//     samples: 20
//     ranges: {referrals.rate_per_working_day: [0.6, 0.9], policy.caseload_cap.cases: [14, 22]}
//     integer: [policy.caseload_cap.cases]
//
// Without `variants`, the base scenario unchanged is the first variant, "base".
#include "engine/scenario/load_experiment.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "engine/input/input_file.hpp"
#include "engine/input/number_text.hpp"
#include "engine/input/yaml_readers.hpp"
#include "engine/input/yaml_tree.hpp"
#include "engine/scenario/field_path.hpp"
#include "engine/scenario/scenario_bases.hpp"

namespace casesim::scenario {

namespace {

using input::fail;
using input::flow_yaml;
using input::MappingFields;
using input::NumberRange;
using input::YamlNode;

std::string number_yaml(double value, bool integer) {
  if (integer) return std::to_string(static_cast<long long>(value));
    // Shortest text that reads back as the same double.
#if defined(__cpp_lib_to_chars)
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, error == std::errc() ? end : buffer);
#else
  return fmt::format("{}", value);  // the browser build's libc++ 14 has no to_chars for a double
#endif
}

// The node at `steps` below `node`; nullptr when there is none (or no steps:
// the path was not a field path).
const YamlNode* follow(const YamlNode* node, const std::optional<std::vector<FieldPathStep>>& steps) {
  if (!steps) return nullptr;
  for (std::size_t i = 0; i < steps->size() && node != nullptr; ++i) {
    const FieldPathStep& step = (*steps)[i];
    node = node->find(step.key);
    if (node != nullptr && step.index) {
      if (node->kind != YamlNode::Kind::list || *step.index >= node->items.size()) return nullptr;
      node = &node->items[*step.index];
    }
  }
  return node;
}

// The value a variant gives `path`: from its last override that reaches it,
// else from the base file. NaN when that is not one number.
double resolved_number(const YamlNode& base_root, const ExperimentVariant& variant, const std::string& path) {
  for (auto o = variant.overrides.rbegin(); o != variant.overrides.rend(); ++o) {
    const bool exact = o->path == path;
    const bool inside = path.size() > o->path.size() && path.compare(0, o->path.size(), o->path) == 0 &&
                        (path[o->path.size()] == '.' || path[o->path.size()] == '[');
    const bool beneath = o->path.size() > path.size() && o->path.compare(0, path.size(), path) == 0;
    if (!exact && !inside && !beneath) continue;
    if (beneath) return std::numeric_limits<double>::quiet_NaN();  // the field is a mapping or list
    const YamlNode value = input::parse_yaml(o->value_yaml, o->origin_file, o->origin_line, o->path, "scenario");
    const YamlNode* at = exact ? &value : follow(&value, split_field_path(path.substr(o->path.size() + 1)));
    const auto number = at != nullptr ? input::number_in(*at) : std::nullopt;
    return number.value_or(std::numeric_limits<double>::quiet_NaN());
  }
  const YamlNode* at = follow(&base_root, split_field_path(path));
  const auto number = at != nullptr ? input::number_in(*at) : std::nullopt;
  return number.value_or(std::numeric_limits<double>::quiet_NaN());
}

// Short names for sweep variants: the fields' last segments, or whole paths
// when two fields share a last segment.
std::vector<std::string> short_names(const std::vector<std::string>& paths) {
  std::vector<std::string> names;
  std::set<std::string> seen;
  bool clash = false;
  for (const std::string& path : paths) clash = !seen.insert(last_segment(path)).second || clash;
  for (const std::string& path : paths) names.push_back(clash ? path : last_segment(path));
  return names;
}

std::string shown_value(const YamlNode& node) {
  return node.kind == YamlNode::Kind::text ? node.text : flow_yaml(node);
}

// Run settings are shared: replications and seed are the experiment's, and
// every variant must keep one calendar so the weekly series line up.
void refuse_run_override(const Override& o) {
  if (o.path == "run" || o.path.rfind("run.", 0) == 0)
    throw ScenarioError(o.origin_file, o.origin_line, o.path,
                        "run settings cannot vary between variants: replications and seed are set by the "
                        "experiment, and start date, horizon and warm-up by the base scenario");
}

Override override_from(const YamlNode& key, const YamlNode& value, const std::string& file) {
  return Override{key.text, flow_yaml(value), file, key.line};
}

std::vector<Override> read_overrides(const YamlNode& node, const std::string& field, const std::string& file) {
  if (node.kind == YamlNode::Kind::empty) return {};
  if (node.kind != YamlNode::Kind::mapping)
    fail(node, field, "must be a mapping of field paths to values, got " + input::describe(node));
  std::vector<Override> overrides;
  for (std::size_t i = 0; i < node.items.size(); ++i)
    overrides.push_back(override_from(node.keys[i], node.items[i], file));
  return overrides;
}

std::string overrides_yaml(const std::vector<Override>& overrides) {
  std::string out = "{";
  for (std::size_t i = 0; i < overrides.size(); ++i)
    out += (i ? ", " : "") + overrides[i].path + ": " + overrides[i].value_yaml;
  return out + "}";
}

struct PendingVariant {
  std::string name;
  const YamlNode* name_node = nullptr;
  int line = 0;  // where the name was written (or the sweep that made it), for duplicate errors
  std::string field;
  std::vector<Override> overrides;
};

void read_explicit_variants(const YamlNode& node, const std::string& file, std::vector<PendingVariant>& out) {
  const std::vector<YamlNode>& items = input::read_list(node, "variants");
  if (items.empty()) fail(node, "variants", "must list at least one variant (the first is the base)");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string field = "variants[" + std::to_string(i) + "]";
    const MappingFields fields(items[i], field, {"name", "overrides"});
    const YamlNode& name = fields.required("name");
    PendingVariant variant{input::read_text(name, fields.path_of("name")), &name, name.line, field, {}};
    if (variant.name.empty()) fail(name, fields.path_of("name"), "must not be empty");
    if (const YamlNode* overrides = fields.optional("overrides"))
      variant.overrides = read_overrides(*overrides, fields.path_of("overrides"), file);
    out.push_back(std::move(variant));
  }
}

void read_grid(const YamlNode& node, const std::string& file, std::vector<PendingVariant>& out) {
  const MappingFields fields(node, "grid", {"fields"});
  const YamlNode& axes = fields.required("fields");
  if (axes.kind != YamlNode::Kind::mapping || axes.items.empty())
    fail(axes, "grid.fields", "must map at least one field path to a list of values, got " + input::describe(axes));
  std::vector<std::string> paths;
  std::vector<std::size_t> sizes;
  std::size_t total = 1;
  for (std::size_t a = 0; a < axes.items.size(); ++a) {
    const std::string field = "grid.fields." + axes.keys[a].text;
    const std::vector<YamlNode>& values = input::read_list(axes.items[a], field);
    if (values.empty()) fail(axes.items[a], field, "must list at least one value");
    paths.push_back(axes.keys[a].text);
    sizes.push_back(values.size());
    total *= values.size();
    if (total > kMaxExperimentVariants)
      fail(axes.items[a], field, "the grid has more than " + std::to_string(kMaxExperimentVariants) + " combinations");
  }
  const std::vector<std::string> names = short_names(paths);
  for (const std::vector<std::size_t>& combination : grid_combinations(sizes)) {
    PendingVariant variant{"", &axes, axes.holder_line, "grid", {}};
    for (std::size_t a = 0; a < combination.size(); ++a) {
      const YamlNode& value = axes.items[a].items[combination[a]];
      variant.name += (a ? "," : "") + names[a] + "=" + shown_value(value);
      variant.overrides.push_back(Override{paths[a], flow_yaml(value), file, value.line});
    }
    out.push_back(std::move(variant));
  }
}

void read_latin_hypercube(const YamlNode& node, const std::string& file, std::uint64_t seed,
                          std::vector<PendingVariant>& out) {
  const MappingFields fields(node, "latin_hypercube", {"samples", "ranges", "integer"});
  const auto samples = static_cast<std::size_t>(input::read_whole_number(
      fields.required("samples"), "latin_hypercube.samples", 1, static_cast<long long>(kMaxExperimentVariants)));
  const YamlNode& ranges_node = fields.required("ranges");
  if (ranges_node.kind != YamlNode::Kind::mapping || ranges_node.items.empty())
    fail(ranges_node, "latin_hypercube.ranges",
         "must map at least one field path to [low, high], got " + input::describe(ranges_node));
  std::set<std::string> integer_paths;
  if (const YamlNode* integer = fields.optional("integer")) {
    const std::vector<YamlNode>& items = input::read_list(*integer, "latin_hypercube.integer");
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string field = "latin_hypercube.integer[" + std::to_string(i) + "]";
      const std::string path = input::read_text(items[i], field);
      if (ranges_node.find(path) == nullptr) fail(items[i], field, "'" + path + "' is not one of the ranges");
      integer_paths.insert(path);
    }
  }
  std::vector<SampleRange> ranges;
  std::vector<std::string> paths;
  std::vector<int> lines;
  const NumberRange any{-std::numeric_limits<double>::max(), false, std::numeric_limits<double>::max(), false};
  for (std::size_t r = 0; r < ranges_node.items.size(); ++r) {
    const std::string& path = ranges_node.keys[r].text;
    const std::string field = "latin_hypercube.ranges." + path;
    const std::vector<YamlNode>& bounds = input::read_list(ranges_node.items[r], field);
    if (bounds.size() != 2)
      fail(ranges_node.items[r], field, "must be [low, high], got " + std::to_string(bounds.size()) + " values");
    SampleRange range{input::read_number(bounds[0], field + "[0]", any),
                      input::read_number(bounds[1], field + "[1]", any), integer_paths.count(path) > 0};
    if (!(range.low < range.high)) fail(bounds[1], field, "high must be greater than low");
    // Samples are low + u (high - low): the width must be a number too.
    if (!std::isfinite(range.high - range.low))
      fail(ranges_node.items[r], field, "the range is too wide to sample (high - low is not a finite number)");
    if (range.integer && (range.low != std::floor(range.low) || range.high != std::floor(range.high)))
      fail(ranges_node.items[r], field, "an integer range needs whole-number bounds");
    // Integers are written as whole numbers; beyond 2^53 a double holds no
    // count exactly, and beyond a long long the conversion is undefined.
    if (range.integer && (std::abs(range.low) > input::kMaxExactWhole || std::abs(range.high) > input::kMaxExactWhole))
      fail(ranges_node.items[r], field, "an integer range needs bounds within -2^53..2^53 (9007199254740992)");
    ranges.push_back(range);
    paths.push_back(path);
    lines.push_back(ranges_node.keys[r].line);
  }
  const std::vector<std::vector<double>> design = latin_hypercube(samples, ranges, seed);
  const std::size_t width = std::to_string(samples).size();
  for (std::size_t s = 0; s < samples; ++s) {
    std::string number = std::to_string(s + 1);
    number.insert(0, width - number.size(), '0');
    PendingVariant variant{"lhs-" + number, &ranges_node, ranges_node.holder_line, "latin_hypercube", {}};
    for (std::size_t r = 0; r < ranges.size(); ++r)
      variant.overrides.push_back(Override{paths[r], number_yaml(design[s][r], ranges[r].integer), file, lines[r]});
    out.push_back(std::move(variant));
  }
}

}  // namespace

Experiment parse_experiment(const ScenarioSource& source, const std::vector<std::string>& metric_names,
                            TeamSource team) {
  const std::string& file = source.path;
  const YamlNode root = input::parse_yaml(source.text, file, 0, "", "scenario");
  if (root.kind == YamlNode::Kind::empty)
    throw ScenarioError(file, 0, "", "empty file, expected an experiment (a YAML mapping)");
  if (root.kind != YamlNode::Kind::mapping)
    fail(root, "", "expected an experiment (a YAML mapping), got " + input::describe(root));
  const MappingFields fields(root, "",
                             {"name", "description", "base_scenario", "replications", "seed", "metrics", "variants",
                              "grid", "latin_hypercube"});
  Experiment experiment;
  experiment.source = source;
  experiment.name = input::read_text(fields.required("name"), "name");
  if (experiment.name.empty()) fail(fields.required("name"), "name", "must not be empty");
  if (const YamlNode* description = fields.optional("description"))
    experiment.description = input::read_text(*description, "description");
  experiment.replications = static_cast<int>(
      input::read_whole_number(fields.required("replications"), "replications", 1, kMaxExperimentReplications));
  experiment.seed = input::read_unsigned_64(fields.required("seed"), "seed");

  const YamlNode& metrics = fields.required("metrics");
  const std::vector<YamlNode>& metric_items = input::read_list(metrics, "metrics");
  if (metric_items.empty()) fail(metrics, "metrics", "must name at least one metric (the first is the main metric)");
  for (std::size_t i = 0; i < metric_items.size(); ++i) {
    const std::string field = "metrics[" + std::to_string(i) + "]";
    const std::string name = input::read_text(metric_items[i], field);
    if (std::find(metric_names.begin(), metric_names.end(), name) == metric_names.end()) {
      std::string allowed;
      for (const std::string& m : metric_names) allowed += (allowed.empty() ? "" : ", ") + m;
      fail(metric_items[i], field, "unknown metric '" + name + "'; allowed: " + allowed);
    }
    if (std::find(experiment.metrics.begin(), experiment.metrics.end(), name) != experiment.metrics.end())
      fail(metric_items[i], field, "metric '" + name + "' is listed twice");
    experiment.metrics.push_back(name);
  }

  // The base scenario: a file that cannot be read is this file's error; one
  // that is invalid is reported in its own file.
  const YamlNode& base = fields.required("base_scenario");
  const std::string base_path = input::read_text(base, "base_scenario");
  if (base_path.empty()) fail(base, "base_scenario", "must not be empty");
  const std::filesystem::path resolved = input::named_beside(file, base_path);
  try {
    experiment.base_source = read_scenario_source(resolved.string());
  } catch (const ScenarioError& e) {
    std::string reason = e.message();
    if (const std::string prefix = "cannot read scenario: "; reason.rfind(prefix, 0) == 0)
      reason.erase(0, prefix.size());
    fail(base, "base_scenario", "cannot read scenario " + resolved.string() + ": " + reason);
  }
  const Scenario base_scenario = parse_scenario(experiment.base_source, {}, team);

  std::vector<PendingVariant> pending;
  if (const YamlNode* variants = fields.optional("variants")) {
    read_explicit_variants(*variants, file, pending);
  } else {
    pending.push_back(PendingVariant{"base", &root, 0, "", {}});
  }
  if (const YamlNode* grid = fields.optional("grid")) read_grid(*grid, file, pending);
  if (const YamlNode* lhs = fields.optional("latin_hypercube"))
    read_latin_hypercube(*lhs, file, experiment.seed, pending);
  if (pending.size() > kMaxExperimentVariants)
    throw ScenarioError(file, 0, "variants", "more than " + std::to_string(kMaxExperimentVariants) + " variants");

  std::map<std::string, std::string> seen;  // name -> where it was first given
  for (const PendingVariant& p : pending) {
    const std::string where = p.field.empty() ? "the base" : p.field;
    if (const auto [it, inserted] = seen.emplace(p.name, where); !inserted)
      throw ScenarioError(file, p.line, p.field.rfind("variants", 0) == 0 ? p.field + ".name" : p.field,
                          "duplicate variant name '" + p.name + "' (also " + it->second + ")");
    for (const Override& o : p.overrides) refuse_run_override(o);
    ExperimentVariant variant{
        p.name, p.overrides, overrides_yaml(p.overrides),
        p.overrides.empty() ? base_scenario : parse_scenario(experiment.base_source, p.overrides, team)};
    experiment.variants.push_back(std::move(variant));
  }

  const YamlNode base_root = resolved_tree(experiment.base_source);
  for (const ExperimentVariant& v : experiment.variants)
    for (const Override& o : v.overrides)
      if (std::find(experiment.parameter_names.begin(), experiment.parameter_names.end(), o.path) ==
          experiment.parameter_names.end())
        experiment.parameter_names.push_back(o.path);
  for (const ExperimentVariant& v : experiment.variants)
    for (const std::string& path : experiment.parameter_names)
      experiment.parameter_values.push_back(resolved_number(base_root, v, path));
  return experiment;
}

Experiment load_experiment(const std::string& path, const std::vector<std::string>& metric_names, TeamSource team) {
  return parse_experiment(read_scenario_source(path, "experiment"), metric_names, team);
}

}  // namespace casesim::scenario
