// Writes a small results file with values a reader can predict, for the
// h5py and rhdf5 client tests (read_results.py, read_results.R):
//   2 variants x 3 replications x 5 weeks, 3 metrics, 2 series, 2 duration
//   histograms of casesim's 92 bins (0..90 working days, more than 90);
//   /summary/<metric m> at (v, r)        = 100 v + 10 r + m, except NaN (not
//     applicable) for unallocated_wait_mean at (0, 1) and for
//     assessments_within_standard_share in every replication of variant 1;
//   /series/<series s> at (v, r, week w) = 1000 v + 100 r + 10 s + w;
//   /distributions/assessment_working_days at (v, r): see sample_durations.
// Replication 2 of variant 1 is left unwritten, as in a run killed part-way.
//
// With --snapshot, a run from a snapshot instead (see write_snapshot_sample);
// with --what-if, a paired what-if run from a snapshot (write_what_if_sample).
//
// Usage: write_sample_results [--snapshot | --what-if] OUTPUT.h5
#include <cstdint>
#include <cstdio>
#include <exception>
#include <limits>
#include <string>
#include <vector>

#include "engine/results/results_file.hpp"

namespace {

using casesim::results::Layout;
using casesim::results::Metadata;
using casesim::results::ResultsWriter;

constexpr std::size_t kVariants = 2;
constexpr std::size_t kReplications = 3;
constexpr std::size_t kWeeks = 5;
constexpr std::size_t kBins = 92;
const double kNotApplicable = std::numeric_limits<double>::quiet_NaN();

Metadata sample_metadata() {
  Metadata m;
  m.casesim_version = "0.1.0";
  m.scenario_name = "sample";
  m.scenario_file = "scenarios/sample.yaml";
  m.scenario_description = "A sample team, for the clients' tests.";
  m.scenario_text = "name: sample\n# Café £5\n";
  m.seed = 20240401;
  m.start_date = "2024-04-01";
  m.horizon_weeks = 5;
  m.warm_up_weeks = 1;
  m.stream_scheme_version = 1;
  m.boost_version = "1.74.0";
  m.command_line = "write_sample_results sample.h5";
  m.created_utc = "2024-04-01T09:00:00Z";
  return m;
}

Layout sample_layout() {
  Layout l;
  l.variants = {"baseline", "extra_worker"};
  l.replications = kReplications;
  l.metrics = {{"referrals_received", "referrals", "Referrals received after the warm-up."},
               {"unallocated_wait_mean", "working days", "Mean wait from acceptance to allocation."},
               {"assessments_within_standard_share", "share", "Share of assessments done within 45 working days."}};
  l.series = {{"caseload", "cases", "Allocated cases in the team at the end of the week."},
              {"unallocated", "cases", "Accepted cases waiting for allocation at the end of the week."}};
  l.week_start_dates = {"2024-04-01", "2024-04-08", "2024-04-15", "2024-04-22", "2024-04-29"};
  l.distributions.quantities = {
      {"assessment_working_days", "assessments", "Assessments completed, by working days from the referral."},
      {"icpc_working_days", "conferences", "Initial conferences held, by working days from the strategy discussion."}};
  for (std::size_t b = 0; b < kBins; ++b) {
    l.distributions.bin_edges.push_back(static_cast<double>(b));
    l.distributions.bin_labels.push_back(b + 1 < kBins ? std::to_string(b) : "more than 90");
  }
  l.distributions.bin_edges.push_back(std::numeric_limits<double>::infinity());
  return l;
}

// Histograms, distribution-major. Assessments: variant 0 has 5 on day 20,
// 10 + r on day 43 and 1 after more than 90 days, except replication 1, which
// completed none; variant 1 has 4 on day 12. Conferences: 2 + r on day 14 in
// variant 0; 1 on day 14 and 1 on day 30 in variant 1.
std::vector<std::uint32_t> sample_durations(std::size_t v, std::size_t r) {
  std::vector<std::uint32_t> counts(2 * kBins, 0);
  std::uint32_t* assessments = counts.data();
  std::uint32_t* conferences = counts.data() + kBins;
  if (v == 0) {
    if (r != 1) {
      assessments[20] = 5;
      assessments[43] = static_cast<std::uint32_t>(10 + r);
      assessments[91] = 1;
    }
    conferences[14] = static_cast<std::uint32_t>(2 + r);
  } else {
    assessments[12] = 4;
    conferences[14] = 1;
    conferences[30] = 1;
  }
  return counts;
}

// A run from a snapshot with dated changes: 1 variant x 3 replications x 2
// weeks x 4 children, replication 2 unwritten. /children/visit_late at
// (0, r, c): r 0: 1 1 0 0; r 1: 1 0 1 0; so over the written replications
// each child's chance is 1, 0.5, 0.5, 0.
// Two weeks from the snapshot of 15 January 2027, with no warm-up.
Metadata snapshot_run_metadata() {
  Metadata m = sample_metadata();
  m.scenario_name = "agency-leave";
  m.start_date = "2027-01-15";
  m.horizon_weeks = 2;
  m.warm_up_weeks = 0;
  m.snapshot_extract_date = "2027-01-15";
  return m;
}

int write_snapshot_sample(const char* path) {
  Metadata m = snapshot_run_metadata();
  m.timeline_dates = {"2027-03-01", "2027-04-06"};
  m.timeline_events = {"2 agency workers leave", "New NQSW, a newly qualified permanent worker (1 FTE), starts"};
  m.snapshot_problems = 2;
  Layout l;
  l.variants = {"agency-leave"};
  l.replications = 3;
  l.metrics = {{"visits_overdue", "visits", "Statutory visits overdue."}};
  l.series = {{"caseload", "cases", "Allocated cases in the team at the end of the week."}};
  l.week_start_dates = {"2027-01-15", "2027-01-22"};
  l.children = {"C-0000000a", "C-0000000b", "C-0000000c", "C-0000000d"};
  l.child_stages = {"CP plan", "CIN plan", "looked after", "open assessment"};
  l.child_overdue_at_start = {0, 1, 0, 0};
  const std::uint8_t late[2][4] = {{1, 1, 0, 0}, {1, 0, 1, 0}};
  ResultsWriter writer = ResultsWriter::create(path, m, l);
  for (std::size_t r = 0; r < 2; ++r) {
    const std::vector<double> summary{10.0 + static_cast<double>(r)};
    const std::vector<double> weekly{100.0 + static_cast<double>(r), 101.0 + static_cast<double>(r)};
    writer.write_replication(0, r, summary, weekly, {}, std::vector<std::uint8_t>(late[r], late[r] + 4));
  }
  writer.close();
  return 0;
}

// A paired what-if from a snapshot: variants "without the changes" and "with
// the changes" x 3 replications x 2 weeks x 3 children x 2 workers, all
// written. /summary/visits_overdue at (v, r) = 10 + r without, 15 + 2 r with
// (differences 5, 6, 7); /children/visit_late: none without, child c late in
// replication r with the changes when c <= r; /children/workers: W-..a, "" (waiting), W-..b;
// /workers/caseload at (v, r, w, k) = 1000 v + 100 r + 10 w + k and
// /workers/overdue_visits = the same + 0.5.
int write_what_if_sample(const char* path) {
  Metadata m = snapshot_run_metadata();
  m.timeline_dates = {"2027-01-18"};
  m.timeline_events = {"2 agency workers leave"};
  m.what_if = true;
  Layout l;
  l.variants = {"without the changes", "with the changes"};
  l.replications = 3;
  l.metrics = {{"visits_overdue", "visits", "Statutory visits overdue."}};
  l.series = {{"caseload", "cases", "Allocated cases in the team at the end of the week."}};
  l.week_start_dates = {"2027-01-15", "2027-01-22"};
  l.children = {"C-0000000a", "C-0000000b", "C-0000000c"};
  l.child_stages = {"CP plan", "CIN plan", "looked after"};
  l.child_overdue_at_start = {0, 0, 0};
  l.child_workers = {"W-000000000000000a", "", "W-000000000000000b"};
  l.workers = {"W-000000000000000a", "W-000000000000000b"};
  l.worker_series = {{"caseload", "cases", "The worker's allocated cases at the end of the week."},
                     {"overdue_visits", "children", "Children allocated to the worker with a visit overdue."}};
  ResultsWriter writer = ResultsWriter::create(path, m, l);
  for (std::size_t v = 0; v < 2; ++v)
    for (std::size_t r = 0; r < 3; ++r) {
      const double rd = static_cast<double>(r);
      const std::vector<double> summary{v == 0 ? 10.0 + rd : 15.0 + 2 * rd};
      const std::vector<double> weekly{rd, rd};
      std::vector<std::uint8_t> late(3, 0);
      for (std::size_t c = 0; c < 3; ++c) late[c] = v == 1 && c <= r ? 1 : 0;
      std::vector<double> workers;
      for (std::size_t q = 0; q < 2; ++q)
        for (std::size_t w = 0; w < 2; ++w)
          for (std::size_t k = 0; k < 2; ++k)
            workers.push_back(1000.0 * static_cast<double>(v) + 100 * rd + 10 * static_cast<double>(w) +
                              static_cast<double>(k) + (q == 1 ? 0.5 : 0.0));
      writer.write_replication(v, r, summary, weekly, {}, late, workers);
    }
  writer.close();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && (std::string(argv[1]) == "--snapshot" || std::string(argv[1]) == "--what-if")) {
    try {
      return std::string(argv[1]) == "--snapshot" ? write_snapshot_sample(argv[2]) : write_what_if_sample(argv[2]);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "write_sample_results: %s\n", e.what());
      return 3;
    }
  }
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_sample_results [--snapshot | --what-if] OUTPUT.h5\n");
    return 2;
  }
  try {
    const Layout layout = sample_layout();
    ResultsWriter writer = ResultsWriter::create(argv[1], sample_metadata(), layout);
    for (std::size_t v = 0; v < kVariants; ++v)
      for (std::size_t r = 0; r < kReplications; ++r) {
        if (v == 1 && r == 2) continue;
        const double base_summary = 100.0 * static_cast<double>(v) + 10.0 * static_cast<double>(r);
        const std::vector<double> summary{base_summary + 0, v == 0 && r == 1 ? kNotApplicable : base_summary + 1,
                                          v == 1 ? kNotApplicable : base_summary + 2};
        std::vector<double> weekly;  // series-major
        for (std::size_t s = 0; s < layout.series.size(); ++s)
          for (std::size_t w = 0; w < kWeeks; ++w)
            weekly.push_back(1000.0 * static_cast<double>(v) + 100.0 * static_cast<double>(r) +
                             10.0 * static_cast<double>(s) + static_cast<double>(w));
        writer.write_replication(v, r, summary, weekly, sample_durations(v, r));
        writer.flush();
      }
    writer.close();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "write_sample_results: %s\n", e.what());
    return 3;
  }
  return 0;
}
