#pragma once
// A run's results kept in memory instead of a file (the browser build has no
// HDF5): a ResultsData laid out as ResultsWriter::create lays out a new file,
// every slot NaN and not completed, and filled slot by slot as
// write_replication fills the file, so whatever reads a results file (the
// report, the summaries) reads this the same way.
#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/results/results_file.hpp"

namespace casesim::results {

// Checks `layout` as ResultsWriter::create does (std::invalid_argument, or
// ResultsError for text that is not UTF-8).
ResultsData start_in_memory(const Metadata& metadata, const Layout& layout);

// The same arguments, checks and effect as ResultsWriter::write_replication.
void write_in_memory(ResultsData& data, std::size_t variant, std::size_t replication, std::span<const double> summary,
                     std::span<const double> weekly, std::span<const std::uint32_t> durations = {},
                     std::span<const std::uint8_t> child_visit_late = {}, std::span<const double> worker_weekly = {});

}  // namespace casesim::results
