// The JavaScript binding of the browser build (docs/web.md): only the glue
// between the page and the same libraries the command line calls. A
// WhatIfSession loads a scenario's text and a snapshot's files as `casesim
// run --start-from` does and plans the run with the same runner code
// (plan_scenario_run: a what-if also runs the team without its changes,
// paired), runs a range of replications of every variant with run_pairs (a
// Web Worker runs its share), records them into in-memory results laid out as
// the results file, and builds the report from them as `casesim report` does
// from the file.
//
// Bad input comes back as {"error": "FILE:LINE: FIELD: PROBLEM"}, the message
// the command line prints: a C++ exception does not cross into JavaScript.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/report/html_report.hpp"
#include "analysis/report/json.hpp"
#include "analysis/report/paired_differences.hpp"
#include "analysis/results_summary.hpp"
#include "analysis/tidy_tables.hpp"
#include "engine/kernel/date.hpp"
#include "engine/model/replication.hpp"
#include "engine/results/results_in_memory.hpp"
#include "engine/runner/run_experiment.hpp"
#include "engine/runner/scenario_run.hpp"
#include "engine/runner/version.hpp"
#include "engine/runner/worker_columns.hpp"
#include "engine/scenario/load_scenario.hpp"
#include "engine/scenario/scenario_bases.hpp"
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

// The scenario as the page holds it: its text, and its bases' texts
// ([{path, text}], nearest first), which a page cannot read from beside it.
scenario::ScenarioSource source_of(const std::string& scenario_file, const std::string& scenario_text,
                                   const val& bases) {
  scenario::ScenarioSource source{scenario_file, scenario_text};
  const auto base_count = bases["length"].as<unsigned>();
  for (unsigned i = 0; i < base_count; ++i)
    source.bases.push_back({bases[i]["path"].as<std::string>(), bases[i]["text"].as<std::string>()});
  return source;
}

}  // namespace

// The base file a what-if opened from disk still needs, for the page to ask
// her for it (scenario_bases.hpp, next_named_base): {"base": as written,
// "path": beside the file naming it, "file", "line"} of the `base:` line;
// {} when the chain is whole; {"error": ...} for a file that is not a
// scenario or a `base:` that is refused.
std::string next_base(const std::string& scenario_file, const std::string& scenario_text, const val& bases) {
  try {
    Json out = Json::object();
    if (const auto named = scenario::next_named_base(source_of(scenario_file, scenario_text, bases))) {
      out.set("base", named->written);
      out.set("path", named->path);
      out.set("file", named->file);
      out.set("line", named->line);
    }
    return out.dump();
  } catch (const std::exception& e) {
    return error_json(e.what()).dump();
  }
}

class WhatIfSession {
 public:
  // `bases`: [{path, text}] of the scenario's `base:` files, nearest first (a
  // page cannot read a file beside another). `snapshot_files`: {file name:
  // text or bytes} as the manager picked them, with a snapshot.yaml among
  // them; empty: no snapshot (the team the scenario describes). Returns
  // describe()'s JSON, or {"error": ...}.
  std::string load(const std::string& scenario_file, const std::string& scenario_text, const val& bases,
                   const val& snapshot_files) {
    try {
      load_inputs(scenario_file, scenario_text, bases, snapshot_files);
      Json out = describe(plan_->setups.back().scenario(), plan_->metadata, start_.get(), worker_names_);
      out.set("what_if", plan_->what_if);
      out.set("variants", plan_->layout.variants.size());
      // As the results record it: resolved from its bases, workers by
      // pseudonym; what the page edits and saves.
      out.set("scenario_text", plan_->metadata.scenario_text);
      return out.dump();
    } catch (const std::exception& e) {
      plan_.reset();
      return error_json(e.what()).dump();
    }
  }

  // Replications first..first+count-1 of every variant, replication-major as
  // `casesim run` runs them: each pair's arrays concatenated in that order.
  val run(double first, double count) const {
    const runner::ScenarioRun& plan = loaded();
    std::vector<runner::ExperimentPair> pairs;
    for (auto r = static_cast<std::size_t>(first); r < static_cast<std::size_t>(first + count); ++r)
      for (std::size_t v = 0; v < plan.setups.size(); ++v) pairs.push_back({v, r});
    const std::vector<model::ReplicationResult> results = runner::run_pairs(plan.setups, plan.metadata.seed, pairs, 1);
    std::vector<double> summary, weekly, workers;
    std::vector<std::uint32_t> durations;
    std::vector<std::uint8_t> late;
    double events = 0;
    for (const model::ReplicationResult& r : results) {
      summary.insert(summary.end(), r.summary.begin(), r.summary.end());
      weekly.insert(weekly.end(), r.weekly.begin(), r.weekly.end());
      durations.insert(durations.end(), r.durations.begin(), r.durations.end());
      late.insert(late.end(), r.child_visit_late.begin(), r.child_visit_late.end());
      const std::vector<double> columns = runner::worker_columns_of(plan.layout, r);
      workers.insert(workers.end(), columns.begin(), columns.end());
      events += static_cast<double>(r.events);
    }
    val out = val::object();
    out.set("first", first);
    out.set("count", count);
    out.set("summary", typed_array("Float64Array", summary));
    out.set("weekly", typed_array("Float64Array", weekly));
    out.set("durations", typed_array("Uint32Array", durations));
    out.set("late", typed_array("Uint8Array", late));
    out.set("workers", typed_array("Float64Array", workers));
    out.set("events", events);
    return out;
  }

  // Records what run() returned (here or in a worker) into the in-memory results.
  void record(const val& chunk) {
    const runner::ScenarioRun& plan = loaded();
    const auto first = static_cast<std::size_t>(chunk["first"].as<double>());
    const auto count = static_cast<std::size_t>(chunk["count"].as<double>());
    const std::size_t variants = plan.setups.size(), pairs = count * variants;
    const auto summary = emscripten::convertJSArrayToNumberVector<double>(chunk["summary"]);
    const auto weekly = emscripten::convertJSArrayToNumberVector<double>(chunk["weekly"]);
    const auto durations = emscripten::convertJSArrayToNumberVector<std::uint32_t>(chunk["durations"]);
    const auto late = emscripten::convertJSArrayToNumberVector<std::uint8_t>(chunk["late"]);
    const auto workers = emscripten::convertJSArrayToNumberVector<double>(chunk["workers"]);
    const auto piece = [pairs](const auto& all, std::size_t i) {
      const std::size_t size = all.size() / pairs;
      return std::span(all).subspan(i * size, size);
    };
    for (std::size_t i = 0; i < pairs; ++i)
      results::write_in_memory(data_, i % variants, first + i / variants, piece(summary, i), piece(weekly, i),
                               piece(durations, i), piece(late, i), piece(workers, i));
  }

  // The report `casesim report` would write for the same results; with
  // `names`, the local-only one (`casesim report --names`): the manager's own
  // screen shows who each pseudonym is, a download does not.
  std::string report_html(bool names) const {
    loaded();
    analysis::report::ReportInput input;
    input.data = data_;
    input.results_path = "(kept in this browser, not saved)";
    input.differences = analysis::report::paired_differences_from_base(data_);
    if (names) input.names = local_names_;
    input.shareable_report = "the page's \u201cDownload the report\u201d button";
    return analysis::report::build_report_html(input);
  }

  // Every variant's and replication's metrics, with each metric's summary
  // for every variant: for a download, and for the tests' comparison with
  // the command line's results file.
  std::string results_json() const {
    loaded();
    const std::size_t replications = data_.layout.replications;
    const std::size_t variants = data_.layout.variants.size();
    Json metrics = Json::array();
    const auto summaries = analysis::summarise_results(data_);
    for (std::size_t m = 0; m < data_.layout.metrics.size(); ++m) {
      const results::Quantity& q = data_.layout.metrics[m];
      Json values = Json::array();
      for (std::size_t v = 0; v < variants; ++v) {
        Json of_variant = Json::array();
        for (std::size_t r = 0; r < replications; ++r) {
          const std::size_t slot = v * replications + r;
          of_variant.push(data_.completed[slot] ? Json(data_.summary[m][slot]) : Json());
        }
        values.push(std::move(of_variant));
      }
      Json means = Json::array();
      for (const analysis::MetricSummary& s : summaries)
        if (s.metric == q.name)
          means.push(Json::object({{"variant", s.variant},
                                   {"mean", s.summary.mean},
                                   {"ci_low", s.summary.ci_low},
                                   {"ci_high", s.summary.ci_high}}));
      metrics.push(Json::object({{"name", q.name},
                                 {"unit", q.unit},
                                 {"description", q.description},
                                 {"summaries", std::move(means)},
                                 {"values", std::move(values)}}));
    }
    Json variant_names = Json::array();
    for (const std::string& name : data_.layout.variants) variant_names.push(name);
    const results::Metadata& m = data_.metadata;
    return Json::object({{"casesim_version", m.casesim_version},
                         {"scenario", m.scenario_name},
                         {"scenario_text", m.scenario_text},
                         {"seed", std::to_string(m.seed)},
                         {"start_date", m.start_date},
                         {"horizon_weeks", m.horizon_weeks},
                         {"what_if", m.what_if},
                         {"variants", std::move(variant_names)},
                         {"replications", replications},
                         {"stream_scheme_version", m.stream_scheme_version},
                         {"boost_version", m.boost_version},
                         {"created_utc", m.created_utc},
                         {"metrics", std::move(metrics)}})
        .dump();
  }

  // The metrics as `casesim export --long` writes them from a results file.
  std::string results_csv() const {
    loaded();
    std::ostringstream out;
    analysis::write_long_table(data_, out);
    return out.str();
  }

 private:
  const runner::ScenarioRun& loaded() const {
    if (!plan_) throw std::logic_error("WhatIfSession: nothing loaded");
    return *plan_;
  }

  void load_inputs(const std::string& scenario_file, const std::string& scenario_text, const val& bases,
                   const val& snapshot_files) {
    plan_.reset();
    start_.reset();
    worker_names_.clear();
    local_names_ = {};
    const scenario::ScenarioSource source = source_of(scenario_file, scenario_text, bases);
    const std::vector<std::string> files =
        emscripten::vecFromJSArray<std::string>(val::global("Object").call<val>("keys", snapshot_files));
    // As `casesim run` parses it: from a snapshot, the snapshot's team replaces the file's.
    scenario::Scenario scenario = scenario::parse_scenario(
        source, {}, files.empty() ? scenario::TeamSource::scenario_file : scenario::TeamSource::snapshot);
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
      std::map<std::string, std::string> child_ids;
      snapshot::LoadOptions options;
      options.worker_names = &worker_names_;
      options.child_ids = &child_ids;
      try {
        start_ = std::make_shared<const snapshot::Snapshot>(snapshot::load_snapshot(directory, options));
      } catch (...) {
        std::filesystem::remove_all(directory);
        throw;
      }
      std::filesystem::remove_all(directory);
      for (const auto& [pseudonym, id] : child_ids) local_names_.add(pseudonym, id);
      for (std::size_t w = 0; w < start_->workers.size() && w < worker_names_.size(); ++w)
        local_names_.add(start_->workers[w].pseudonym, worker_names_[w]);
      scenario = scenario::start_from_snapshot(std::move(scenario), *start_, source.path);
    }
    runner::ScenarioRun plan =
        runner::plan_scenario_run(scenario, source, start_, true, "casesim.html (in the browser)");
    data_ = results::start_in_memory(plan.metadata, plan.layout);
    plan_ = std::move(plan);
  }

  std::optional<runner::ScenarioRun> plan_;
  std::shared_ptr<const snapshot::Snapshot> start_;
  std::vector<std::string> worker_names_;  // real names, index-aligned with start_->workers: her screen only
  analysis::report::LocalNames local_names_;
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
  emscripten::function("nextBase", &next_base);
}

}  // namespace casesim::web
