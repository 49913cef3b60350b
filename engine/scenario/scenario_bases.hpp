#pragma once
// Scenarios that build on scenarios: `base: PATH` at the top of a file takes
// every field from the scenario at PATH (relative to the file naming it) and
// lets the file override any of them. Mappings merge key by key; a list or a
// value in the file replaces the base's. A base may have a base of its own.
//
// Every value keeps the file and line it came from, so an error in a value
// taken from a base names the base's line.
#include <memory>
#include <optional>
#include <string>

#include "engine/input/yaml_tree.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim::scenario {

// Bases deeper than this are refused: a chain that long is a mistake.
inline constexpr int kMaxBaseDepth = 16;

// The file's YAML, which must be a mapping: the tree `source` carries, or its
// text parsed now. Throws ScenarioError for a file over kMaxScenarioBytes,
// invalid YAML or YAML that is not a mapping, naming the file.
std::shared_ptr<const input::YamlNode> scenario_tree(const ScenarioSource& source);

// The files `file` builds on, nearest first (file's base, then its base, ...),
// each with its tree: empty when it names none. Throws ScenarioError at the
// `base:` line naming a file that cannot be read, or one that is already in
// the chain (a cycle).
std::vector<ScenarioSource> read_bases(const ScenarioSource& file);

// A `base:` line: what it says, and the path it names, resolved from the
// folder of the file it is in.
struct NamedBase {
  std::string written;  // "../baseline.yaml"
  std::string path;     // named_beside(the file's path, written)
  std::string file;     // the file the line is in
  int line = 0;
};

// The base the chain `source` has so far still needs: the one its last file
// (source.bases.back(), or `source` itself when it has none) names; nullopt
// when that file names none, so the chain is whole. For a reader that cannot
// read a file beside another (the browser page), which asks for each base in
// turn. Throws ScenarioError as read_bases does at a `base:` that names no
// file or would make the chain longer than kMaxBaseDepth.
std::optional<NamedBase> next_named_base(const ScenarioSource& source);

// The scenario as one YAML mapping: the bases' values overridden in turn by
// each file that names them (source.bases, or read here if that is empty and
// the file names a base), with no `base` key left. Throws ScenarioError for
// YAML that is not a mapping, naming the file it is in, and at the `base:`
// line of the last of source.bases if it names a further file (the chain
// given must be whole).
input::YamlNode resolved_tree(const ScenarioSource& source);

// What a results file records as the scenario (/scenario/text): the file
// verbatim when it names no base and its timeline names workers as `scenario`
// does; otherwise the scenario resolved from its bases as YAML, its timeline
// naming workers as `scenario` does (by pseudonym once a snapshot is applied),
// under a comment naming the files. So a results file reproduces its run
// without the base files, and holds no worker's real name.
std::string recorded_text(const ScenarioSource& source, const Scenario& scenario);

}  // namespace casesim::scenario
