#pragma once
// Internal to engine/results: what the writer checks before it writes
// anything, so a file is never left half-made by input it cannot store.
#include <cstddef>
#include <string>

#include "engine/results/results_file.hpp"

namespace casesim::results {

// A layout that cannot be stored (no variants, no replications, a metric,
// series or distribution name that is not an identifier, is repeated or is
// reserved, series without weeks, distributions without bins or with edges
// that do not bound them in ascending order, lists that differ in length) is std::invalid_argument; text
// that is not UTF-8 is ResultsError naming the field and the byte.
void validate_layout(const std::string& path, const Metadata& metadata, const Layout& layout);

// Bytes of the per-replication datasets of `variants` x `replications` slots
// (the rest of the file is small).
double laid_out_bytes(std::size_t variants, std::size_t replications, std::size_t metrics, std::size_t series_values,
                      std::size_t distribution_counts, std::size_t children);

// The file is laid out at full size when created, so its size is known then.
// HDF5 (1.10, as Debian ships it) crashes on a write the operating system
// refuses for the file size limit, so a file that cannot fit under the limit,
// or on its disk, is refused (ResultsError) before HDF5 writes it.
void check_room(const std::string& path, double bytes);

}  // namespace casesim::results
