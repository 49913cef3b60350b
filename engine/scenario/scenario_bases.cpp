#include "engine/scenario/scenario_bases.hpp"

#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

#include "engine/input/input_file.hpp"
#include "engine/input/yaml_readers.hpp"

namespace casesim::scenario {

namespace {

using input::YamlNode;

// The file's YAML, which must be a mapping (the checks parse_scenario makes).
YamlNode parse_root(const ScenarioSource& source) {
  if (source.text.size() > kMaxScenarioBytes) {
    throw ScenarioError(source.path, 0, "", "larger than the 1 MiB limit for a scenario");
  }
  YamlNode root = input::parse_yaml(source.text, source.path, 0, "", "scenario");
  if (root.kind == YamlNode::Kind::empty) {
    throw ScenarioError(source.path, 0, "", "empty file, expected a scenario (a YAML mapping)");
  }
  if (root.kind != YamlNode::Kind::mapping) {
    input::fail(root, "", "expected a scenario (a YAML mapping), got " + input::describe(root));
  }
  return root;
}

// The same file however it is named ("a/../b.yaml", a symbolic link), for cycles.
std::string identity(const std::string& path) {
  std::error_code error;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
  return error ? std::filesystem::path(path).lexically_normal().string() : canonical.string();
}

void remove_key(YamlNode& mapping, std::string_view key) {
  for (std::size_t i = 0; i < mapping.keys.size(); ++i) {
    if (mapping.keys[i].text != key) continue;
    mapping.keys.erase(mapping.keys.begin() + static_cast<std::ptrdiff_t>(i));
    mapping.items.erase(mapping.items.begin() + static_cast<std::ptrdiff_t>(i));
    return;
  }
}

// `over`'s values replace `into`'s, key by key through nested mappings.
void merge(YamlNode& into, YamlNode over) {
  for (std::size_t i = 0; i < over.keys.size(); ++i) {
    YamlNode& value = over.items[i];
    YamlNode* existing = nullptr;
    std::size_t at = 0;
    for (; at < into.keys.size(); ++at) {
      if (into.keys[at].text == over.keys[i].text) {
        existing = &into.items[at];
        break;
      }
    }
    if (!existing) {
      into.keys.push_back(std::move(over.keys[i]));
      into.items.push_back(std::move(value));
    } else if (existing->kind == YamlNode::Kind::mapping && value.kind == YamlNode::Kind::mapping) {
      // The mapping as a whole (a missing field, a sum) is now the file's to answer for.
      existing->file = value.file;
      existing->line = value.line;
      existing->holder_line = value.holder_line;
      into.keys[at] = std::move(over.keys[i]);
      merge(*existing, std::move(value));
    } else {
      into.keys[at] = std::move(over.keys[i]);
      *existing = std::move(value);
    }
  }
}

}  // namespace

std::shared_ptr<const YamlNode> scenario_tree(const ScenarioSource& source) {
  if (source.tree) return source.tree;
  return std::make_shared<const YamlNode>(parse_root(source));
}

namespace {

// What `base` (the `base:` of `current`, null when it has none) names, with
// `bases_so_far` bases already in the chain.
std::optional<NamedBase> base_named(const ScenarioSource& current, const YamlNode* base, std::size_t bases_so_far) {
  if (!base) return std::nullopt;
  const std::string written = input::read_text(*base, "base");
  if (written.empty()) input::fail(*base, "base", "must name a scenario file");
  if (static_cast<int>(bases_so_far) == kMaxBaseDepth) {
    input::fail(*base, "base", "more than " + std::to_string(kMaxBaseDepth) + " bases in a chain");
  }
  return NamedBase{written, input::named_beside(current.path, written).string(), current.path, base->line};
}

}  // namespace

std::optional<NamedBase> next_named_base(const ScenarioSource& source) {
  const ScenarioSource& last = source.bases.empty() ? source : source.bases.back();
  const std::shared_ptr<const YamlNode> root = scenario_tree(last);
  return base_named(last, root->find("base"), source.bases.size());
}

std::vector<ScenarioSource> read_bases(const ScenarioSource& file) {
  std::vector<ScenarioSource> chain;
  std::vector<std::string> seen{identity(file.path)};
  std::vector<std::string> shown{file.path};
  for (;;) {
    const ScenarioSource& current = chain.empty() ? file : chain.back();
    const std::shared_ptr<const YamlNode> root = scenario_tree(current);
    const YamlNode* base = root->find("base");
    const std::optional<NamedBase> named = base_named(current, base, chain.size());
    if (!named) return chain;
    const std::string& normal = named->path;
    const std::string id = identity(normal);
    for (std::size_t i = 0; i < seen.size(); ++i) {
      if (seen[i] != id) continue;
      std::string cycle;
      for (std::size_t j = i; j < shown.size(); ++j) cycle += shown[j] + " -> ";
      input::fail(*base, "base", "a cycle of bases: " + cycle + normal);
    }
    ScenarioSource next;
    try {
      next = ScenarioSource{normal, input::read_input_file(normal, normal, {"scenario", kMaxScenarioBytes})};
    } catch (const ScenarioError& e) {
      std::string reason = e.message();
      if (const std::string prefix = "cannot read scenario: "; reason.rfind(prefix, 0) == 0)
        reason.erase(0, prefix.size());
      input::fail(*base, "base", "cannot read scenario " + normal + ": " + reason);
    }
    next.tree = scenario_tree(next);
    seen.push_back(id);
    shown.push_back(normal);
    chain.push_back(std::move(next));
  }
}

namespace {

// Each `worker:` of `tree`'s timeline that `scenario` names otherwise (by
// pseudonym once a snapshot is applied), with the name `scenario` gives it.
// `Tree` is const YamlNode to find them, YamlNode to rename them.
template <class Tree>
std::vector<std::pair<Tree*, const std::string*>> renamed_timeline_workers(Tree& tree, const Scenario& scenario) {
  std::vector<std::pair<Tree*, const std::string*>> renamed;
  Tree* timeline = tree.find("timeline");
  if (!timeline || timeline->kind != YamlNode::Kind::list) return renamed;
  for (const TimelineEvent& event : scenario.timeline) {
    if (event.worker.empty() || event.index >= timeline->items.size()) continue;
    Tree* worker = timeline->items[event.index].find("worker");
    if (worker && worker->text != event.worker) renamed.emplace_back(worker, &event.worker);
  }
  return renamed;
}

// resolved_tree, given the file's own tree.
YamlNode resolved_from(const ScenarioSource& source, const YamlNode& file_tree) {
  YamlNode root = file_tree;
  if (!root.find("base")) return root;
  const std::vector<ScenarioSource> read = source.bases.empty() ? read_bases(source) : std::vector<ScenarioSource>{};
  const std::vector<ScenarioSource>& bases = source.bases.empty() ? read : source.bases;
  // Bases given (by a reader that cannot read them itself) must be the whole
  // chain: the last of them naming another would otherwise be cut off.
  if (!source.bases.empty())
    if (const std::optional<NamedBase> missing = next_named_base(source))
      throw ScenarioError(missing->file, missing->line, "base",
                          "names " + missing->path + ", which is not among the files given");
  YamlNode merged = *scenario_tree(bases.back());
  remove_key(merged, "base");
  for (std::size_t i = bases.size() - 1; i > 0; --i) {
    YamlNode over = *scenario_tree(bases[i - 1]);
    remove_key(over, "base");
    merge(merged, std::move(over));
  }
  remove_key(root, "base");
  merge(merged, std::move(root));
  return merged;
}

}  // namespace

YamlNode resolved_tree(const ScenarioSource& source) {
  return resolved_from(source, *scenario_tree(source));
}

std::string recorded_text(const ScenarioSource& source, const Scenario& scenario) {
  const std::shared_ptr<const YamlNode> file_tree = scenario_tree(source);
  // The file as written, unless it must be resolved or rewritten: then only is its tree copied.
  if (!file_tree->find("base") && renamed_timeline_workers(*file_tree, scenario).empty()) return source.text;
  YamlNode tree = resolved_from(source, *file_tree);
  for (auto [worker, name] : renamed_timeline_workers(tree, scenario)) {
    worker->text = *name;
    worker->quoted = false;
  }
  std::string files;
  for (const ScenarioSource& base : source.bases) files += ", " + base.path;
  return "# " + source.path + (files.empty() ? "" : " with its bases (" + files.substr(2) + ")") +
         " as casesim ran it: resolved into one file, workers named by pseudonym; comments are not kept.\n" +
         input::block_yaml(tree);
}

}  // namespace casesim::scenario
