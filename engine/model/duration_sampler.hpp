#pragma once
// Draws a duration from a scenario's DurationDistribution. Parameters are
// converted once (lognormal and gamma are given by their mean and standard
// deviation in scenarios, which is how a manager thinks of them).
#include <algorithm>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <cmath>
#include <vector>

#include "engine/kernel/random_streams.hpp"
#include "engine/scenario/scenario.hpp"

namespace casesim::model {

class DurationSampler {
 public:
  explicit DurationSampler(const scenario::DurationDistribution& d) : kind_(d.kind), mean_(d.mean) {
    using Kind = scenario::DurationDistribution::Kind;
    if (kind_ == Kind::lognormal) {
      // For a lognormal with mean m and sd s: sigma^2 = ln(1 + s^2/m^2), mu = ln m - sigma^2/2.
      const double sigma2 = std::log1p((d.sd * d.sd) / (d.mean * d.mean));
      lognormal_ = boost::random::lognormal_distribution<double>(std::log(d.mean) - sigma2 / 2, std::sqrt(sigma2));
    } else if (kind_ == Kind::gamma) {
      // shape k = m^2/s^2, scale theta = s^2/m.
      gamma_ = boost::random::gamma_distribution<double>((d.mean * d.mean) / (d.sd * d.sd), (d.sd * d.sd) / d.mean);
    } else if (kind_ == Kind::exponential) {
      exponential_ = boost::random::exponential_distribution<double>(1.0 / d.mean);
    } else if (kind_ == Kind::bands) {
      double upto = 0.0;
      for (const auto& band : d.bands) {
        upto += band.share;
        bands_.push_back({band.from, band.to, upto});
      }
    }
  }

  // Whether every draw is the mean: a fixed duration, which draws nothing.
  bool fixed() const { return kind_ == scenario::DurationDistribution::Kind::fixed; }
  double mean() const { return mean_; }

  // reset() first: a draw must depend only on `engine`, never on what an
  // earlier draw left cached, or an entity's keyed values would depend on order.
  // A fixed duration draws nothing: answered before the call into the draws.
  template <class Engine>
  double operator()(Engine& engine) {
    if (kind_ == scenario::DurationDistribution::Kind::fixed) return mean_;
    return draw(engine);
  }

 private:
  template <class Engine>
  double draw(Engine& engine) {
    using Kind = scenario::DurationDistribution::Kind;
    switch (kind_) {
      case Kind::fixed: return mean_;
      case Kind::exponential: exponential_.reset(); return exponential_(engine);
      case Kind::lognormal: lognormal_.reset(); return lognormal_(engine);
      case Kind::gamma: gamma_.reset(); return gamma_(engine);
      case Kind::bands: return draw_band(engine);
    }
    return mean_;
  }

  // A band by its cumulative share, then a whole number uniformly within it.
  template <class Engine>
  double draw_band(Engine& engine) const {
    const double u = kernel::uniform01(engine);
    std::size_t b = 0;
    while (b + 1 < bands_.size() && u >= bands_[b].cumulative_share) ++b;
    const Band& band = bands_[b];
    const double width = static_cast<double>(band.to - band.from + 1);
    const double offset = std::min(width - 1.0, std::floor(kernel::uniform01(engine) * width));
    return static_cast<double>(band.from) + offset;
  }

  struct Band {
    int from, to;
    double cumulative_share;
  };

  scenario::DurationDistribution::Kind kind_;
  std::vector<Band> bands_;
  double mean_;
  boost::random::exponential_distribution<double> exponential_;
  boost::random::lognormal_distribution<double> lognormal_;
  boost::random::gamma_distribution<double> gamma_;
};

}  // namespace casesim::model
