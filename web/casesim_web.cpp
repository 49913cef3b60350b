// The JavaScript binding of the browser build (docs/web.md): only the glue
// between the page and the same libraries the command line calls. A
// WhatIfSession loads a scenario's text and a snapshot's files as `casesim
// run --start-from` does, runs a range of replications with the runner (a Web
// Worker runs its share), records results into an in-memory results file and
// builds the report from it, as `casesim report` does from a file.
//
// Bad input comes back as {"error": "FILE:LINE: FIELD: PROBLEM"}, the message
// the command line prints: a C++ exception does not cross into JavaScript.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/report/html_report.hpp"
#include "analysis/report/json.hpp"
#include "analysis/results_summary.hpp"
#include "engine/input/input_error.hpp"
#include "engine/kernel/date.hpp"
#include "engine/model/model_setup.hpp"
#include "engine/model/replication.hpp"
#include "engine/results/results_in_memory.hpp"
#include "engine/runner/results_metadata.hpp"
#include "engine/runner/run_replications.hpp"
#include "engine/runner/version.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/start_from_snapshot.hpp"
#include "engine/snapshot/load_snapshot.hpp"

namespace casesim::web {

namespace {

using analysis::report::Json;
using emscripten::val;

// What the page shows of the loaded inputs; real names only here, for the
// manager's own screen, and never in results, reports or saved files.
Json describe(const scenario::Scenario& scenario, const results::Metadata& metadata, const snapshot::Snapshot* start,
              const std::vector<std::string>& names) {
  Json out = Json::object();
  out.set("name", scenario.name);
  out.set("description", scenario.description);
  out.set("seed", std::to_string(scenario.run.seed));
  out.set("replications", static_cast<std::size_t>(scenario.run.replications));
  out.set("horizon_weeks", scenario.run.horizon_weeks);
  out.set("start_date", metadata.start_date);
  Json changes = Json::array();
  for (std::size_t i = 0; i < metadata.timeline_dates.size(); ++i)
    changes.push(Json::object({{"date", metadata.timeline_dates[i]}, {"event", metadata.timeline_events[i]}}));
  out.set("timeline", std::move(changes));
  if (!start) return out;
  out.set("extract_date", kernel::format_iso_date(start->extract_date));
  Json workers = Json::array();
  std::vector<std::size_t> caseload(start->workers.size(), 0);
  std::size_t unallocated = 0;
  for (const snapshot::Child& child : start->children) {
    if (child.worker < 0)
      ++unallocated;
    else
      ++caseload[static_cast<std::size_t>(child.worker)];
  }
  for (std::size_t w = 0; w < start->workers.size(); ++w) {
    const snapshot::Worker& worker = start->workers[w];
    workers.push(Json::object({
        {"pseudonym", worker.pseudonym},
        {"name", w < names.size() ? names[w] : std::string()},
        {"team", worker.team},
        {"fte", worker.fte},
        {"agency", worker.agency},
        {"newly_qualified", worker.newly_qualified},
        {"absent_until", worker.absent_until ? kernel::format_iso_date(*worker.absent_until) : std::string()},
        {"children", caseload[w]},
    }));
  }
  out.set("workers", std::move(workers));
  Json stages = Json::object();
  for (const snapshot::Stage stage :
       {snapshot::Stage::referral, snapshot::Stage::section_47, snapshot::Stage::assessment, snapshot::Stage::cin_plan,
        snapshot::Stage::cp_plan, snapshot::Stage::looked_after}) {
    std::size_t n = 0;
    for (const snapshot::Child& child : start->children) n += child.stage == stage ? 1 : 0;
    stages.set(snapshot::stage_name(stage), n);
  }
  out.set("children", start->children.size());
  out.set("unallocated", unallocated);
  out.set("stages", std::move(stages));
  return out;
}

Json error_json(const std::string& message) {
  return Json::object({{"error", message}});
}

template <typename T>
val typed_array(const char* type, const std::vector<T>& values) {
  // A copy owned by JavaScript, so it can be posted from a worker.
  return val::global(type).new_(emscripten::typed_memory_view(values.size(), values.data()));
}

}  // namespace

class WhatIfSession {
 public:
  // `snapshot_files`: {file name: text} as the manager picked them, with a
  // snapshot.yaml among them. Empty: no snapshot (the office starts empty).
  // Returns describe()'s JSON, or {"error": ...}.
  std::string load(const std::string& scenario_file, const std::string& scenario_text, const val& snapshot_files) {
    try {
      load_inputs(scenario_file, scenario_text, snapshot_files);
      return describe(setup_->scenario(), data_.metadata, setup_->snapshot(), names_).dump();
    } catch (const input::InputError& e) {
      setup_.reset();
      return error_json(e.what()).dump();
    } catch (const std::exception& e) {
      setup_.reset();
      return error_json(e.what()).dump();
    }
  }

  // Replications first..first+count-1, as `casesim run` runs them: each
  // result's arrays concatenated in replication order.
  val run(double first, double count) const {
    const model::ModelSetup& setup = loaded();
    runner::RunPlan plan;
    plan.seed = setup.scenario().run.seed;
    plan.first_replication = static_cast<std::size_t>(first);
    plan.replications = static_cast<std::size_t>(count);
    plan.threads = 1;
    const std::vector<model::ReplicationResult> results = runner::run_replications(setup, plan);
    std::vector<double> summary, weekly;
    std::vector<std::uint32_t> durations;
    std::vector<std::uint8_t> late;
    double events = 0;
    for (const model::ReplicationResult& r : results) {
      summary.insert(summary.end(), r.summary.begin(), r.summary.end());
      weekly.insert(weekly.end(), r.weekly.begin(), r.weekly.end());
      durations.insert(durations.end(), r.durations.begin(), r.durations.end());
      late.insert(late.end(), r.child_visit_late.begin(), r.child_visit_late.end());
      events += static_cast<double>(r.events);
    }
    val out = val::object();
    out.set("first", first);
    out.set("count", count);
    out.set("summary", typed_array("Float64Array", summary));
    out.set("weekly", typed_array("Float64Array", weekly));
    out.set("durations", typed_array("Uint32Array", durations));
    out.set("late", typed_array("Uint8Array", late));
    out.set("events", events);
    return out;
  }

  // Records what run() returned (here or in a worker) into the in-memory results.
  void record(const val& chunk) {
    loaded();
    const auto first = static_cast<std::size_t>(chunk["first"].as<double>());
    const auto count = static_cast<std::size_t>(chunk["count"].as<double>());
    const auto summary = emscripten::convertJSArrayToNumberVector<double>(chunk["summary"]);
    const auto weekly = emscripten::convertJSArrayToNumberVector<double>(chunk["weekly"]);
    const auto durations = emscripten::convertJSArrayToNumberVector<std::uint32_t>(chunk["durations"]);
    const auto late = emscripten::convertJSArrayToNumberVector<std::uint8_t>(chunk["late"]);
    const auto piece = [count](const auto& all, std::size_t i) {
      const std::size_t size = all.size() / count;
      return std::span(all).subspan(i * size, size);
    };
    for (std::size_t i = 0; i < count; ++i)
      results::write_in_memory(data_, 0, first + i, piece(summary, i), piece(weekly, i), piece(durations, i),
                               piece(late, i));
  }

  // The report `casesim report` would write for the same results.
  std::string report_html() const {
    loaded();
    analysis::report::ReportInput input;
    input.data = data_;
    input.results_path = "(kept in this browser, not saved)";
    return analysis::report::build_report_html(input);
  }

  // Every replication's metrics, with each metric's summary: for a download.
  std::string results_json() const {
    loaded();
    const std::size_t replications = data_.layout.replications;
    Json metrics = Json::array();
    const auto summaries = analysis::summarise_results(data_);
    for (std::size_t m = 0; m < data_.layout.metrics.size(); ++m) {
      const results::Quantity& q = data_.layout.metrics[m];
      Json values = Json::array();
      for (std::size_t r = 0; r < replications; ++r)
        values.push(data_.completed[r] ? Json(data_.summary[m][r]) : Json());
      const analysis::Summary& s = summaries[m].summary;
      metrics.push(Json::object({{"name", q.name},
                                 {"unit", q.unit},
                                 {"description", q.description},
                                 {"mean", s.mean},
                                 {"ci_low", s.ci_low},
                                 {"ci_high", s.ci_high},
                                 {"values", std::move(values)}}));
    }
    const results::Metadata& m = data_.metadata;
    return Json::object({{"casesim_version", m.casesim_version},
                         {"scenario", m.scenario_name},
                         {"scenario_text", m.scenario_text},
                         {"seed", std::to_string(m.seed)},
                         {"start_date", m.start_date},
                         {"horizon_weeks", m.horizon_weeks},
                         {"replications", replications},
                         {"stream_scheme_version", m.stream_scheme_version},
                         {"boost_version", m.boost_version},
                         {"created_utc", m.created_utc},
                         {"metrics", std::move(metrics)}})
        .dump();
  }

  // One row per replication, one column per metric (empty: not applicable).
  std::string results_csv() const {
    loaded();
    std::string out = "replication";
    for (const results::Quantity& q : data_.layout.metrics) out += "," + q.name;
    out += '\n';
    for (std::size_t r = 0; r < data_.layout.replications; ++r) {
      if (!data_.completed[r]) continue;
      out += std::to_string(r);
      for (const auto& values : data_.summary)
        out += std::isnan(values[r]) ? std::string(",") : fmt::format(",{}", values[r]);
      out += '\n';
    }
    return out;
  }

 private:
  const model::ModelSetup& loaded() const {
    if (!setup_) throw std::logic_error("WhatIfSession: nothing loaded");
    return *setup_;
  }

  void load_inputs(const std::string& scenario_file, const std::string& scenario_text, const val& snapshot_files) {
    setup_.reset();
    names_.clear();
    const scenario::ScenarioSource source{scenario_file, scenario_text};
    scenario::Scenario scenario = scenario::parse_scenario(source);
    std::shared_ptr<const snapshot::Snapshot> start;
    const std::vector<std::string> files =
        emscripten::vecFromJSArray<std::string>(val::global("Object").call<val>("keys", snapshot_files));
    if (!files.empty()) {
      // The loader reads a directory: Emscripten's file system is in memory,
      // so the files go no further than this page.
      const std::filesystem::path directory = "/snapshot-" + std::to_string(++loads_);
      std::filesystem::create_directories(directory);
      for (const std::string& name : files) {
        if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
          throw std::invalid_argument(name + ": not a plain file name");
        std::ofstream(directory / name, std::ios::binary) << snapshot_files[name].as<std::string>();
      }
      snapshot::LoadOptions options;
      options.worker_names = &names_;
      start = std::make_shared<const snapshot::Snapshot>(snapshot::load_snapshot(directory, options));
      std::filesystem::remove_all(directory);
      scenario = scenario::start_from_snapshot(std::move(scenario), *start, source.path);
    }
    auto setup = std::make_unique<model::ModelSetup>(scenario, start);
    results::Metadata metadata =
        runner::results_metadata(scenario, source, scenario.run.seed, "casesim.html (in the browser)");
    results::Layout layout =
        runner::results_layout(scenario, {scenario.name}, static_cast<std::size_t>(scenario.run.replications));
    if (start) {
      runner::record_start_snapshot(metadata, *start);
      runner::record_children(layout, *setup);
    }
    data_ = results::start_in_memory(metadata, layout);
    setup_ = std::move(setup);
  }

  std::unique_ptr<model::ModelSetup> setup_;
  std::vector<std::string> names_;
  results::ResultsData data_;
  int loads_ = 0;
};

std::string version() {
  return runner::casesim_version();
}

EMSCRIPTEN_BINDINGS(casesim) {
  emscripten::class_<WhatIfSession>("WhatIfSession")
      .constructor<>()
      .function("load", &WhatIfSession::load)
      .function("run", &WhatIfSession::run)
      .function("record", &WhatIfSession::record)
      .function("reportHtml", &WhatIfSession::report_html)
      .function("resultsJson", &WhatIfSession::results_json)
      .function("resultsCsv", &WhatIfSession::results_csv);
  emscripten::function("version", &version);
}

}  // namespace casesim::web
