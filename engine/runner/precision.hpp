#pragma once
// The precision stopping rule of an experiment (casesim experiment
// --precision): add replications until the 95% confidence interval of one
// metric is narrow enough, relative to its mean, in every variant.
#include <cstddef>
#include <vector>

namespace casesim::runner {

struct PrecisionTarget {
  double relative_half_width = 0.0;  // e.g. 0.05: the 95% CI half-width below 5% of the mean
  std::size_t metric = 0;            // index in the model's metric catalogue
  std::size_t max_replications = 0;  // per variant; the run stops here met or not
};

struct PrecisionCheck {
  bool met = false;
  double worst_ratio = 0.0;  // half-width / |mean|, over variants
  std::size_t worst_variant = 0;
};

// values[v][r]: the metric in replication r of variant v, every replication finished.
PrecisionCheck check_precision(const std::vector<std::vector<double>>& values, double relative_half_width);

// The next replication count of a precision run: enough, by the usual
// half-width ~ 1/sqrt(n) rule, for the worst variant (with 10% to spare), but
// at most double, and at least one more; never above `most`. It depends only
// on the results so far, so a resumed run takes the same steps as an
// uninterrupted one.
std::size_t next_replications(std::size_t now, const PrecisionCheck& check, double relative_half_width,
                              std::size_t most);

}  // namespace casesim::runner
