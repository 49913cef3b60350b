// casesim._casesim, the compiled half of `import casesim`: it loads scenarios
// and experiments and records their runs to a results file with the same
// loaders, runner and recording as `casesim run` and `casesim experiment`, so
// that a seed gives the same numbers either way. The Python half
// (python/casesim) reads the file into xarray; nothing here re-implements the
// model, the checks or the file.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "engine/input/input_error.hpp"
#include "engine/model/metrics.hpp"
#include "engine/runner/experiment_run.hpp"
#include "engine/runner/pair_runner.hpp"
#include "engine/runner/recording.hpp"
#include "engine/runner/run_and_record.hpp"
#include "engine/runner/scenario_run.hpp"
#include "engine/runner/start_snapshot.hpp"
#include "engine/runner/version.hpp"
#include "engine/scenario/load_experiment.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/start_from_snapshot.hpp"

namespace py = pybind11;

namespace casesim::python {

namespace {

// A scenario file with its overrides, loaded and checked. The source and the
// overrides are kept because a run from a snapshot loads them again: its team
// comes from the snapshot, which changes what the file may say (TeamSource).
struct LoadedScenario {
  scenario::ScenarioSource source;
  std::vector<scenario::Override> overrides;
  scenario::Scenario scenario;
};

// `overrides_file` and `overrides_line` say where the overrides were written
// (the Python caller), as an experiment's errors name its file and the
// override's line.
LoadedScenario load_scenario(const std::string& path, const std::vector<std::pair<std::string, std::string>>& overrides,
                             const std::string& overrides_file, int overrides_line) {
  LoadedScenario loaded;
  loaded.source = scenario::read_scenario_source(path);
  for (const auto& [field, value_yaml] : overrides)
    loaded.overrides.push_back(scenario::Override{field, value_yaml, overrides_file, overrides_line});
  loaded.scenario = scenario::parse_scenario(loaded.source, loaded.overrides);
  return loaded;
}

// The snapshot settings of --start-from, --lenient, --salt-file and --team.
struct StartFrom {
  std::string directory;  // empty: the office starts empty
  bool lenient = false;
  std::string salt_file;
  std::string team;
};

std::shared_ptr<const snapshot::Snapshot> load_start(const StartFrom& start_from) {
  if (start_from.directory.empty() && (start_from.lenient || !start_from.salt_file.empty() || !start_from.team.empty()))
    throw py::value_error("lenient, salt_file and team: only with start_from");
  return runner::load_start_snapshot(start_from.directory, start_from.lenient, start_from.salt_file, start_from.team);
}

void check_threads(int threads) {
  if (threads < 0) throw py::value_error(fmt::format("threads: must be 0 (all cores) or more, got {}", threads));
}

std::uint64_t checked_replications(std::uint64_t replications) {
  const auto most = static_cast<std::uint64_t>(scenario::kMaxExperimentReplications);
  if (replications < 1 || replications > most)
    throw py::value_error(fmt::format("replications: must be between 1 and {}, got {}", most, replications));
  return replications;
}

// Runs every pair of `recording` on this process's threads with the GIL
// released, so other Python threads go on while it simulates.
void run_and_finish(runner::Recording& recording, std::span<const model::ModelSetup> setups, std::uint64_t seed,
                    int threads) {
  const py::gil_scoped_release released;
  const runner::PairRunner here = runner::run_here(setups, seed, threads, nullptr);
  runner::run_and_record(recording, here);
}

void run_scenario(const LoadedScenario& loaded, const std::string& output, std::optional<std::uint64_t> replications,
                  std::optional<std::uint64_t> seed, int threads, const StartFrom& start_from, bool comparison,
                  const std::string& command_line) {
  check_threads(threads);
  const auto start = load_start(start_from);
  scenario::Scenario scenario =
      start ? scenario::parse_scenario(loaded.source, loaded.overrides, scenario::TeamSource::snapshot)
            : loaded.scenario;
  if (replications) scenario.run.replications = static_cast<int>(checked_replications(*replications));
  if (seed) scenario.run.seed = *seed;
  if (start) scenario = scenario::start_from_snapshot(std::move(scenario), *start, loaded.source.path);
  const runner::ScenarioRun plan = runner::plan_scenario_run(scenario, loaded.source, start, comparison, command_line);
  runner::Recording recording = runner::Recording::start(output, plan.metadata, plan.layout);
  run_and_finish(recording, plan.setups, scenario.run.seed, threads);
}

// `source`: an experiment file's path and text (text empty: read the file);
// a base_scenario in it is found relative to the path's directory.
void run_experiment(const scenario::ScenarioSource& source, const std::string& output,
                    std::optional<std::uint64_t> replications, std::optional<std::uint64_t> seed, int threads,
                    const StartFrom& start_from, const std::string& command_line) {
  check_threads(threads);
  const scenario::TeamSource team =
      start_from.directory.empty() ? scenario::TeamSource::scenario_file : scenario::TeamSource::snapshot;
  scenario::Experiment experiment = source.text.empty()
                                        ? scenario::load_experiment(source.path, model::metric_names(), team)
                                        : scenario::parse_experiment(source, model::metric_names(), team);
  runner::ExperimentSettings settings;
  settings.seed = seed.value_or(experiment.seed);
  settings.replications =
      checked_replications(replications.value_or(static_cast<std::uint64_t>(experiment.replications)));
  const runner::ExperimentRun run =
      runner::prepare_experiment_run(std::move(experiment), settings, load_start(start_from));
  runner::Recording recording = runner::Recording::start(
      output, runner::experiment_metadata(run, source.path, command_line), runner::experiment_layout(run));
  run_and_finish(recording, run.setups, settings.seed, threads);
}

// casesim.ScenarioError (a ValueError) carrying the bad input's file, line,
// field and message, and str() the command line's "FILE:LINE: FIELD: MESSAGE".
void register_scenario_error(py::module_& m) {
  static py::exception<input::InputError> scenario_error(m, "ScenarioError", PyExc_ValueError);
  scenario_error.doc() =
      "Bad input in a scenario, an experiment, an override or a snapshot: a ValueError whose str() is the "
      "command line's 'FILE:LINE: FIELD: MESSAGE', with .file, .line (0 where none applies), .field ('' where no "
      "single field is to blame) and .message.";
  py::register_exception_translator([](std::exception_ptr thrown) {
    try {
      if (thrown) std::rethrow_exception(thrown);
    } catch (const input::InputError& e) {
      // Called as a type (py::exception's own call operator only sets the error).
      const py::handle type = scenario_error;
      py::object error = type(e.what());
      error.attr("file") = e.file();
      error.attr("line") = e.line();
      error.attr("field") = e.field();
      error.attr("message") = e.message();
      PyErr_SetObject(scenario_error.ptr(), error.ptr());
    }
  });
}

}  // namespace

}  // namespace casesim::python

PYBIND11_MODULE(_casesim, m) {
  using namespace casesim;
  using python::LoadedScenario;
  m.doc() = "casesim's runner, as `casesim run` and `casesim experiment` call it (use the casesim package)";
  python::register_scenario_error(m);

  py::class_<LoadedScenario>(m, "Scenario",
                             "A scenario file with its overrides, loaded and checked (casesim.load_scenario). "
                             "Immutable: run it with casesim.run.")
      .def_property_readonly(
          "name", [](const LoadedScenario& s) { return s.scenario.name; }, "The scenario's name.")
      .def_property_readonly(
          "path", [](const LoadedScenario& s) { return s.source.path; }, "The scenario file, as given.")
      .def_property_readonly(
          "text", [](const LoadedScenario& s) { return s.source.text; }, "The scenario file's text, verbatim.")
      .def_property_readonly(
          "overrides",
          [](const LoadedScenario& s) {
            py::dict overrides;
            for (const auto& o : s.overrides) overrides[py::str(o.path)] = o.value_yaml;
            return overrides;
          },
          "The overrides applied, field path to value as YAML text.")
      .def_property_readonly(
          "replications", [](const LoadedScenario& s) { return s.scenario.run.replications; },
          "run.replications: how many replications casesim.run makes unless told otherwise.")
      .def_property_readonly(
          "seed", [](const LoadedScenario& s) { return s.scenario.run.seed; },
          "run.seed: the seed casesim.run uses unless told otherwise.")
      .def_property_readonly(
          "horizon_weeks", [](const LoadedScenario& s) { return s.scenario.run.horizon_weeks; },
          "run.horizon_weeks: the weeks each replication simulates, warm-up included.")
      .def_property_readonly(
          "warm_up_weeks", [](const LoadedScenario& s) { return s.scenario.run.warm_up_weeks; },
          "run.warm_up_weeks: the first weeks, not counted in the summary.")
      .def("__repr__", [](const LoadedScenario& s) {
        return fmt::format("<casesim.Scenario '{}' from {}{}>", s.scenario.name, s.source.path,
                           s.overrides.empty() ? "" : fmt::format(" with {} overrides", s.overrides.size()));
      });

  m.def("load_scenario", &python::load_scenario, py::arg("path"), py::arg("overrides"), py::arg("overrides_file"),
        py::arg("overrides_line"),
        "Loads and checks the scenario file at `path` with `overrides` (pairs of a dotted field path and its value "
        "as YAML text, written at overrides_file:overrides_line) applied before the checks. Raises ScenarioError.");

  m.def(
      "run_to_file",
      [](const LoadedScenario& scenario, const std::string& output, std::optional<std::uint64_t> replications,
         std::optional<std::uint64_t> seed, int threads, const std::string& start_from, bool lenient,
         const std::string& salt_file, const std::string& team, bool comparison, const std::string& command_line) {
        python::run_scenario(scenario, output, replications, seed, threads, {start_from, lenient, salt_file, team},
                             comparison, command_line);
      },
      py::arg("scenario"), py::arg("output"), py::arg("replications"), py::arg("seed"), py::arg("threads"),
      py::arg("start_from"), py::arg("lenient"), py::arg("salt_file"), py::arg("team"), py::arg("comparison"),
      py::arg("command_line"),
      "Runs `scenario` as `casesim run` does and writes its results file to `output` (which must not exist). "
      "The GIL is released while it simulates.");

  m.def(
      "experiment_to_file",
      [](const std::string& path, const std::string& text, const std::string& output,
         std::optional<std::uint64_t> replications, std::optional<std::uint64_t> seed, int threads,
         const std::string& start_from, bool lenient, const std::string& salt_file, const std::string& team,
         const std::string& command_line) {
        python::run_experiment({path, text}, output, replications, seed, threads,
                               {start_from, lenient, salt_file, team}, command_line);
      },
      py::arg("path"), py::arg("text"), py::arg("output"), py::arg("replications"), py::arg("seed"), py::arg("threads"),
      py::arg("start_from"), py::arg("lenient"), py::arg("salt_file"), py::arg("team"), py::arg("command_line"),
      "Runs the experiment at `path` (or, with `text`, the experiment `text` as if it were the file at `path`) as "
      "`casesim experiment` does and writes its results file to `output`. The GIL is released while it simulates.");

  m.def("metric_names", &model::metric_names, "The model's metric catalogue, in the results file's order.");
  m.attr("__version__") = runner::casesim_version();
}
