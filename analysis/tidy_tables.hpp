#pragma once
// A results file as tidy tables (one observation per row), for a researcher's
// data frame: `casesim export --long` and `--series`. The CSV is written
// row by row to a stream, so a table of millions of rows needs no more memory
// than the file's data already does.
//
// Only completed replications have rows (a replication not written has no
// values), so an empty value cell always means "not applicable": a share or a
// mean with nothing to count in that replication. Numbers are written exactly
// (the shortest text that reads back as the same double); text is quoted only
// when it holds a comma, a quote or a line break. Replications and weeks are
// numbered from 0, as in the file.
#include <ostream>

#include "engine/results/results_file.hpp"

namespace casesim::analysis {

// Header, then one row per (variant, completed replication, metric), in the
// file's orders: variant, replication, metric, value, unit, then one column
// per parameter an experiment's variants override (named by its field path,
// empty where the variant's value is not one number; none for a plain run).
void write_long_table(const results::ResultsData& data, std::ostream& out);

// Header, then one row per (variant, completed replication, series, week):
// variant, replication, series, week, week_start, warm_up, value, unit, where
// warm_up is true for the weeks the metrics do not count and false after.
void write_series_table(const results::ResultsData& data, std::ostream& out);

}  // namespace casesim::analysis
