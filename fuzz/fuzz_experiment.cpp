// libFuzzer target: any bytes as an experiment file, placed beside the shipped
// experiments so `base_scenario: ../baseline.yaml` finds the baseline. The
// loader must either accept them, giving variants the model can be set up
// from, or refuse them with a ScenarioError naming the experiment file or the
// base scenario it names. Anything else (a crash, a sanitizer report, another
// exception, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/metrics.hpp"
#include "engine/model/model_setup.hpp"
#include "engine/scenario/load_experiment.hpp"
#include "fuzz/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace scenario = casesim::scenario;
  if (size > scenario::kMaxScenarioBytes) return -1;
  static const std::vector<std::string> metric_names = [] {
    std::vector<std::string> names;
    for (const auto& metric : casesim::model::metric_definitions()) names.emplace_back(metric.name);
    return names;
  }();
  const scenario::ScenarioSource source{CASESIM_SOURCE_DIR "/scenarios/experiments/fuzz.yaml",
                                        std::string(reinterpret_cast<const char*>(data), size)};
  try {
    const scenario::Experiment experiment = scenario::parse_experiment(source, metric_names);
    casesim::fuzz::require(!experiment.variants.empty(), "accepted an experiment without variants");
    // Setting up every variant is what a run does first; keep it to a few.
    for (std::size_t v = 0; v < experiment.variants.size() && v < 4; ++v)
      casesim::model::ModelSetup setup(experiment.variants[v].scenario);
  } catch (const scenario::ScenarioError& error) {
    // The message names the experiment file, or the base scenario at fault.
    const std::string& file = error.file() == source.path ? source.path : error.file();
    casesim::fuzz::require_clear_error(error, file);
  }
  return 0;
}
