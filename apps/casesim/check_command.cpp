#include "apps/casesim/check_command.hpp"

#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "engine/input/input_error.hpp"
#include "engine/kernel/date.hpp"
#include "engine/model/metrics.hpp"
#include "engine/model/model_setup.hpp"
#include "engine/optimise/load_optimisation.hpp"
#include "engine/runner/start_snapshot.hpp"
#include "engine/scenario/load_experiment.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim::cli {

namespace {

enum class FileKind { scenario, experiment, optimise };

// An experiment and an optimise file name a base scenario; an optimise file
// alone has decisions and targets. Anything else is read as a scenario, whose
// loader then says what is wrong with it.
FileKind kind_of(const std::string& text) {
  const auto top_level = [&text](const char* key) {
    return std::regex_search(text, std::regex(std::string("(^|\\n)") + key + "[ \\t]*:"));
  };
  if (!top_level("base_scenario")) return FileKind::scenario;
  return top_level("decisions") || top_level("targets") ? FileKind::optimise : FileKind::experiment;
}

std::string check_snapshot(const std::string& directory) {
  const auto snapshot = runner::load_start_snapshot(directory, false, "", "");
  return fmt::format("snapshot of {}, {} workers, {} open children", kernel::format_iso_date(snapshot->extract_date),
                     snapshot->workers.size(), snapshot->children.size());
}

std::string check_file(const std::string& path) {
  const scenario::ScenarioSource source = scenario::read_scenario_source(path, "file");
  switch (kind_of(source.text)) {
    case FileKind::experiment: {
      const scenario::Experiment experiment = scenario::load_experiment(path, model::metric_names());
      for (const auto& v : experiment.variants) const model::ModelSetup setup(v.scenario, nullptr);
      return fmt::format("experiment {}, {} variants of base scenario {}", experiment.name, experiment.variants.size(),
                         experiment.base_source.path);
    }
    case FileKind::optimise: {
      const optimise::Optimisation o = optimise::load_optimisation(path, model::metric_names());
      for (const auto& p : o.plans) const model::ModelSetup setup(p.scenario, nullptr);
      return fmt::format("optimise file {}, {} plans, {} targets, base scenario {}", o.name, o.plans.size(),
                         o.targets.size(), o.base_source.path);
    }
    case FileKind::scenario: break;
  }
  const scenario::Scenario s = scenario::parse_scenario(source);
  const model::ModelSetup setup(s, nullptr);
  return fmt::format("scenario {}, {} weeks from {}, {} replications", s.name, s.run.horizon_weeks,
                     kernel::format_iso_date(s.run.start_date), s.run.replications);
}

}  // namespace

std::size_t check_command(const std::vector<std::string>& paths, std::ostream& out, std::ostream& err) {
  std::size_t refused = 0;
  for (const std::string& path : paths) {
    try {
      const std::string what = std::filesystem::is_directory(path) ? check_snapshot(path) : check_file(path);
      out << fmt::format("ok: {}: {}\n", path, what);
    } catch (const input::InputError& e) {
      err << "casesim: " << e.what() << '\n';
      ++refused;
    }
  }
  return refused;
}

}  // namespace casesim::cli
