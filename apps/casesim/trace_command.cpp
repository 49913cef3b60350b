#include "apps/casesim/trace_command.hpp"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "apps/casesim/run_command.hpp"
#include "apps/casesim/shipped_files.hpp"
#include "engine/model/replication.hpp"
#include "engine/scenario/load_scenario.hpp"

namespace casesim::cli {

namespace {

// Writes trace records as CSV rows with calendar dates and readable names.
class CsvTrace : public model::TraceSink {
 public:
  CsvTrace(std::ostream& out, const model::ModelSetup& setup) : out_(out), setup_(setup) {
    out_ << "date,day,time,event,child,worker,due_date,value,detail\n";
  }
  void record(const model::TraceRecord& r) override {
    const auto& calendar = setup_.calendar();
    out_ << kernel::format_iso_date(calendar.date_of(r.day)) << ',' << r.day << ',' << fmt::format("{:.4f}", r.time)
         << ',' << r.event << ',' << (r.child >= 0 ? fmt::format("C{:06d}", r.child) : std::string()) << ','
         << worker_name(r.worker) << ',' << (r.due_day >= 0 ? kernel::format_iso_date(calendar.date_of(r.due_day)) : "")
         << ',' << fmt::format("{:g}", r.value) << ',' << r.detail << '\n';
  }

 private:
  // The first holder of a post is the scenario's named worker; later holders
  // (recruits, agency staff) are named after the post.
  std::string worker_name(std::int64_t id) const {
    if (id < 0) return {};
    const auto post = static_cast<std::size_t>(id / 1000);
    const auto serial = id % 1000;
    const auto& workers = setup_.scenario().team.social_workers;
    if (post < workers.size()) {
      if (serial == 1) return workers[post].name;
      return fmt::format("{}-successor-{}", workers[post].name, serial - 1);
    }
    return fmt::format("escalation-agency-{}-{}", post, serial);
  }
  std::ostream& out_;
  const model::ModelSetup& setup_;
};

}  // namespace

void trace_command(const TraceOptions& options, std::ostream& out) {
  namespace fs = std::filesystem;
  const std::string path = options.scenario_path.empty() ? baseline_scenario_path() : options.scenario_path;
  scenario::Scenario scenario = scenario::load_scenario(path);
  if (options.seed) scenario.run.seed = *options.seed;
  if (!options.output.empty() && fs::exists(options.output) && !options.force)
    throw UsageError(fmt::format("{}: file exists; use --force to replace it", options.output));
  const model::ModelSetup setup(scenario);
  if (options.output.empty()) {
    CsvTrace sink(out, setup);
    model::run_replication(setup, scenario.run.seed, options.replication, &sink);
    return;
  }
  std::ofstream file(options.output);
  if (!file) throw UsageError(fmt::format("{}: cannot write the trace", options.output));
  CsvTrace sink(file, setup);
  model::run_replication(setup, scenario.run.seed, options.replication, &sink);
  file.close();
  if (!file) throw UsageError(fmt::format("{}: writing the trace failed", options.output));
}

}  // namespace casesim::cli
