// libFuzzer target: an override, as an experiment file gives one, applied to
// the shipped baseline (input format: fuzz/override_input.hpp). Same contract
// as fuzz_scenario: accepted and usable, or refused with a ScenarioError
// naming the override's origin or the baseline.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/model/model_setup.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "fuzz/fuzz_checks.hpp"
#include "fuzz/override_input.hpp"

namespace {

const casesim::scenario::ScenarioSource& baseline() {
  static const casesim::scenario::ScenarioSource source =
      casesim::scenario::read_scenario_source(CASESIM_SOURCE_DIR "/scenarios/baseline.yaml");
  return source;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace scenario = casesim::scenario;
  if (size > scenario::kMaxScenarioBytes) return -1;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const scenario::Override override_ = casesim::fuzz::override_from_input(input);
  try {
    const casesim::model::ModelSetup setup(scenario::parse_scenario(baseline(), {override_}));
    casesim::fuzz::require(setup.weeks() > 0 && !setup.scenario().team.social_workers.empty(),
                           "accepted a scenario without weeks or workers");
  } catch (const scenario::ScenarioError& error) {
    // The error may blame the override or the baseline's own text it exposed.
    if (error.file() == override_.origin_file) {
      casesim::fuzz::require_clear_error(error, override_.origin_file);
    } else {
      casesim::fuzz::require_clear_error(error, baseline().path);
    }
  }
  return 0;
}
