// A fixed amount of model work on one thread, for profilers: callgrind counts
// instructions of exactly this run, which Google Benchmark's adaptive
// iteration counts would not allow.
//
//   casesim_profile_model SCENARIO.yaml REPLICATIONS [FIELD=VALUE ...]
//   valgrind --tool=callgrind casesim_profile_model scenarios/baseline.yaml 20 run.horizon_weeks=52 run.warm_up_weeks=0
//
// Prints the events simulated and a hash of the bits of every summary and
// weekly value, so two builds can be checked to give bit-identical results.
#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "engine/model/replication.hpp"
#include "engine/scenario/load_scenario.hpp"

int main(int argc, char** argv) {
  using namespace casesim;
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s SCENARIO.yaml REPLICATIONS [FIELD=VALUE ...]\n", argv[0]);
    return 2;
  }
  std::vector<scenario::Override> overrides;
  for (int i = 3; i < argc; ++i) {
    const char* eq = std::strchr(argv[i], '=');
    if (eq == nullptr) {
      std::fprintf(stderr, "%s: expected FIELD=VALUE\n", argv[i]);
      return 2;
    }
    const std::string arg = argv[i];
    const auto at = static_cast<std::size_t>(eq - argv[i]);
    overrides.push_back({arg.substr(0, at), arg.substr(at + 1), "command line", 0});
  }
  const model::ModelSetup setup(scenario::parse_scenario(scenario::read_scenario_source(argv[1]), overrides));
  const auto replications = std::strtoull(argv[2], nullptr, 10);

  const auto start = std::chrono::steady_clock::now();
  std::uint64_t events = 0;
  // FNV-1a over the 64-bit patterns of the values.
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&hash](double v) { hash = (hash ^ std::bit_cast<std::uint64_t>(v)) * 0x100000001b3ULL; };
  for (std::uint64_t r = 0; r < replications; ++r) {
    const auto result = model::run_replication(setup, setup.scenario().run.seed, r);
    events += result.events;
    for (const double v : result.summary) mix(v);
    for (const double v : result.weekly) mix(v);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%llu replications, %llu events, %.3f s, %.1f replications/s, %.3f M events/s, results hash %016llx\n",
              static_cast<unsigned long long>(replications), static_cast<unsigned long long>(events), seconds,
              static_cast<double>(replications) / seconds, static_cast<double>(events) / seconds / 1e6,
              static_cast<unsigned long long>(hash));
  return 0;
}
