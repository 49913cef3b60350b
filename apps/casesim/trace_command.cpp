#include "apps/casesim/trace_command.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "apps/casesim/destination.hpp"
#include "apps/casesim/mechanism_warnings.hpp"
#include "apps/casesim/shipped_files.hpp"
#include "apps/casesim/start_options.hpp"
#include "apps/casesim/written_file.hpp"
#include "engine/model/replication.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/start_from_snapshot.hpp"

namespace casesim::cli {

namespace {

// Writes trace records as CSV rows with calendar dates and readable names.
class CsvTrace : public model::TraceSink {
 public:
  CsvTrace(std::ostream& out, const model::ModelSetup& setup) : out_(out), setup_(setup) {
    // Posts as the model numbers them (model_setup.hpp): the starting team
    // (a snapshot's workers, by pseudonym, or the scenario's named workers),
    // unnamed additional posts, then the workers timeline events start.
    if (const snapshot::Snapshot* start = setup.snapshot()) {
      for (const auto& worker : start->workers) post_names_.push_back(worker.pseudonym);
    } else {
      for (const auto& worker : setup.scenario().team.social_workers) post_names_.push_back(worker.name);
    }
    post_names_.resize(setup.initial_posts() + setup.posts_for_starts());
    for (const model::DatedChange& change : setup.dated_changes()) {
      const auto& event = setup.scenario().timeline[change.event];
      if (event.kind == scenario::TimelineEvent::Kind::worker_starts && change.post >= 0)
        post_names_[static_cast<std::size_t>(change.post)] = event.name;
    }
    out_ << "date,day,time,event,child,worker,due_date,value,detail\n";
  }
  void record(const model::TraceRecord& r) override {
    const auto& calendar = setup_.calendar();
    out_ << kernel::format_iso_date(calendar.date_of(r.day)) << ',' << r.day << ',' << fmt::format("{:.4f}", r.time)
         << ',' << r.event << ',' << child_name(r.child) << ',' << worker_name(r.worker) << ','
         << (r.due_day >= 0 ? kernel::format_iso_date(calendar.date_of(r.due_day)) : "") << ','
         << fmt::format("{:g}", r.value) << ',' << r.detail << '\n';
  }

 private:
  // A snapshot's children are the replication's first children, in the
  // snapshot's order (engine/model/snapshot_start.cpp), so the trace can name
  // them as the report does.
  std::string child_name(std::int64_t child) const {
    if (child < 0) return {};
    if (const snapshot::Snapshot* start = setup_.snapshot();
        start && static_cast<std::uint64_t>(child) < start->children.size())
      return start->children[static_cast<std::size_t>(child)].pseudonym;
    return fmt::format("C{:06d}", child);
  }
  // The first holder of a named post is that worker; later holders
  // (recruits, agency staff) are named after the post.
  std::string worker_name(std::int64_t id) const {
    if (id < 0) return {};
    const auto post = static_cast<std::size_t>(id / 1000);
    const auto serial = id % 1000;
    if (post < post_names_.size() && !post_names_[post].empty()) {
      if (serial <= 1) return post_names_[post];  // 0: the post itself, before anyone holds it
      return fmt::format("{}-successor-{}", post_names_[post], serial - 1);
    }
    return fmt::format("escalation-agency-{}-{}", post, serial);
  }
  std::ostream& out_;
  const model::ModelSetup& setup_;
  std::vector<std::string> post_names_;  // empty: an unnamed post
};

}  // namespace

void trace_command(const TraceOptions& options, std::ostream& out) {
  const std::string path = options.scenario_path.empty() ? baseline_scenario_path() : options.scenario_path;
  scenario::Scenario scenario = scenario::load_scenario(
      path, options.start_from.empty() ? scenario::TeamSource::scenario_file : scenario::TeamSource::snapshot);
  warn_mechanisms_off(scenario, path, std::cerr);
  if (options.seed) scenario.run.seed = *options.seed;
  if (options.output_given)
    check_destination({options.output,
                       "--output",
                       "trace",
                       options.force,
                       {{"the scenario", path}, {"the --salt-file", options.salt_file}}});
  const auto start = start_snapshot(options.start_from, options.lenient, options.salt_file, options.team);
  if (start) scenario = scenario::start_from_snapshot(std::move(scenario), *start, path);
  const model::ModelSetup setup(scenario, start);
  if (!options.output_given) {
    CsvTrace sink(out, setup);
    model::run_replication(setup, scenario.run.seed, options.replication, &sink);
    return;
  }
  WrittenFile file(options.output, "trace");
  CsvTrace sink(file.stream(), setup);
  model::run_replication(setup, scenario.run.seed, options.replication, &sink);
  file.commit();
}

}  // namespace casesim::cli
