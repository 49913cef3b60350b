#pragma once
// The charting libraries, minified, compiled into the program at build time
// (from report-assets/, installed with `npm ci` into the build tree), so a
// report inlines them and opens offline.
#include <string_view>

namespace casesim::analysis::report {

std::string_view vega_js();
std::string_view vega_lite_js();
std::string_view vega_embed_js();

// e.g. "vega 5.30.0, vega-lite 5.21.0, vega-embed 6.26.0", from package-lock.json.
std::string_view chart_library_versions();

}  // namespace casesim::analysis::report
