// Writes the report of a small synthetic sweep (three variants of a caseload
// cap, with paired differences and a parameter table) so the browser test sees
// every kind of chart, including the ones a single `casesim run` cannot make.
// The numbers are made up, smooth and deterministic: this checks drawing, not
// statistics. It also has what must be drawn with care: a late-work metric
// not applicable in some replications of cap_15 and in every one of cap_12
// (n/a, never 0), duration histograms where cap_12 held no conferences, and
// an unallocated queue that grows through the counted weeks under cap_12.
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>

#include "analysis/report/html_report.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_sweep_report OUTPUT.html\n";
    return 2;
  }
  using namespace casesim;
  analysis::report::ReportInput input;
  results::ResultsData& d = input.data;
  d.format_version = results::kFormatVersion;
  d.metadata.casesim_version = "0.1.0";
  d.metadata.scenario_name = "cap-sweep";
  d.metadata.scenario_text = "name: cap-sweep\n";
  d.metadata.seed = 11;
  d.metadata.start_date = "2025-04-07";
  d.metadata.horizon_weeks = 20;
  d.metadata.warm_up_weeks = 5;
  d.metadata.command_line = "make_sweep_report";
  d.metadata.created_utc = "2025-01-01T00:00:00Z";
  d.layout.variants = {"cap_18", "cap_15", "cap_12"};
  d.layout.replications = 12;
  d.layout.metrics = {{"visits_overdue", "visits", "Statutory visits overdue."},
                      {"longest_visit_gap", "working days", "Longest gap between visits."},
                      {"caseload_per_fte_mean", "cases per FTE", "Mean caseload per FTE."},
                      {"visit_days_overdue_mean", "working days", "Mean lateness of overdue visits."}};
  d.layout.series = {{"caseload", "cases", "Allocated cases."},
                     {"unallocated", "cases", "Cases waiting."},
                     {"agency_fte", "FTE", "Agency social worker FTE in post."}};
  const std::size_t weeks = 20, reps = 12, variants = 3;
  for (std::size_t w = 0; w < weeks; ++w)
    d.layout.week_start_dates.push_back("2025-" +
                                        std::string(w < 4    ? "04"
                                                    : w < 8  ? "05"
                                                    : w < 13 ? "06"
                                                    : w < 17 ? "07"
                                                             : "08") +
                                        "-" + std::to_string(10 + w % 4));
  constexpr std::size_t kBins = 92;
  d.layout.distributions.quantities = {{"assessment_working_days", "assessments", "Assessments by working days."},
                                       {"icpc_working_days", "conferences", "Conferences by working days."}};
  for (std::size_t b = 0; b < kBins; ++b) {
    d.layout.distributions.bin_edges.push_back(static_cast<double>(b));
    d.layout.distributions.bin_labels.push_back(b + 1 < kBins ? std::to_string(b) : "more than 90");
  }
  d.layout.distributions.bin_edges.push_back(INFINITY);
  d.distributions.assign(2, std::vector<std::uint32_t>(variants * reps * kBins, 0));
  d.summary.assign(4, std::vector<double>(variants * reps));
  d.weekly.assign(3, std::vector<double>(variants * reps * weeks));
  for (std::size_t v = 0; v < variants; ++v)
    for (std::size_t r = 0; r < reps; ++r) {
      const double wobble = std::sin(static_cast<double>(r * 7 + v));
      const std::size_t slot = v * reps + r;
      d.summary[0][slot] = 40.0 - 8.0 * static_cast<double>(v) + 4 * wobble;
      d.summary[1][slot] = 25.0 - 2.0 * static_cast<double>(v) + 3 * wobble;
      d.summary[2][slot] = 17.0 - 2.5 * static_cast<double>(v) + 0.3 * wobble;
      d.summary[3][slot] = v == 2 || (v == 1 && r % 3 == 0) ? NAN : 4.0 + wobble;
      std::uint32_t* assessments = d.distributions[0].data() + slot * kBins;
      assessments[5 + 10 * v] = 3;
      assessments[30] = 5;
      assessments[44] = static_cast<std::uint32_t>(4 + r % 3);
      assessments[70] = 1;
      if (v < 2) {
        std::uint32_t* conferences = d.distributions[1].data() + slot * kBins;
        conferences[13] = 5;
        conferences[14] = 6;
        conferences[18] = static_cast<std::uint32_t>(1 + r % 2);
        conferences[25] = 1;
      }
      for (std::size_t w = 0; w < weeks; ++w) {
        const double t = static_cast<double>(w);
        d.weekly[0][slot * weeks + w] = 110 * (1 - std::exp(-t / 4)) - 10 * static_cast<double>(v) + 3 * wobble;
        d.weekly[1][slot * weeks + w] = 2 + static_cast<double>(v) + wobble + (v == 2 ? 0.8 * t : 0.0);
        d.weekly[2][slot * weeks + w] = 1.0 + 0.5 * static_cast<double>(v) + 0.2 * wobble;
      }
    }
  d.completed.assign(variants * reps, 1);
  input.results_path = "synthetic";
  input.parameters = analysis::report::ParameterTable{{"team.caseload_cap_per_fte", "referrals.rate_per_working_day"},
                                                      {{18, 0.76}, {15, 0.80}, {12, 0.76}}};
  input.differences = {{"visits_overdue", 1, 0, 12, -8, -9.5, -6.5},
                       {"visits_overdue", 2, 0, 12, -16, -18, -14},
                       {"longest_visit_gap", 1, 0, 12, -2, -4.5, 0.5},
                       {"longest_visit_gap", 2, 0, 12, -4, -6, -2}};
  std::ofstream(argv[1]) << analysis::report::build_report_html(input);
  return 0;
}
