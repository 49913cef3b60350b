// libFuzzer target: any bytes as a scenario file. The loader must either
// accept them, giving a scenario the model can be set up from, or refuse them
// with a ScenarioError whose message names the file. Anything
// else (a crash, a sanitizer report, another exception, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/model/model_setup.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "fuzz/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace scenario = casesim::scenario;
  // read_scenario_source refuses bigger files before they reach the parser.
  if (size > scenario::kMaxScenarioBytes) return -1;
  const scenario::ScenarioSource source{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  try {
    const casesim::model::ModelSetup setup(scenario::parse_scenario(source));
    casesim::fuzz::require(setup.weeks() > 0 && !setup.scenario().team.social_workers.empty(),
                           "accepted a scenario without weeks or workers");
  } catch (const scenario::ScenarioError& error) {
    casesim::fuzz::require_clear_error(error, source.path);
  }
  return 0;
}
