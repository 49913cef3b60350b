#pragma once
// The report: one self-contained HTML page (the charting libraries inlined,
// no network needed) that a service manager can read and a researcher can
// check: the summary in words, charts, every measure's table, and the
// settings that produced it.
#include <string>

#include "analysis/report/charts.hpp"
#include "analysis/report/report_input.hpp"

namespace casesim::analysis::report {

std::string build_report_html(const ReportInput& input);

// A chart's heading, note, element and Vega-Lite specification, drawn when the page loads.
std::string chart_html(const Chart& chart);

// The report's title and description: an experiment's or optimise file's own
// (its name as words, "Caseload caps"), else the scenario's.
std::string report_title(const results::Metadata& metadata);
std::string report_description(const results::Metadata& metadata);

// Text made safe for HTML element content and attribute values.
std::string html_escape(const std::string& text);

}  // namespace casesim::analysis::report
