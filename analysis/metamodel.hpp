#pragma once
// A regression metamodel for a sweep: y = b0 + sum_i b_i x_i fitted by least
// squares over every replication of every variant, where x_i are the swept
// parameters' values. The standardised coefficients b_i sd(x_i) / sd(y) put
// levers measured in different units on one scale ("a one-sd change in this
// lever moves the outcome by this many sds"), which is what a tornado chart
// ranks.
#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

namespace casesim::analysis {

struct Metamodel {
  std::vector<std::string> parameters;
  double intercept = 0.0;
  std::vector<double> coefficients;  // b_i, in the outcome's units per unit of parameter i
  std::vector<double> standardised;  // b_i sd(x_i) / sd(y)
  double r_squared = 0.0;            // share of the outcome's variance the model explains
  std::size_t observations = 0;
};

// x: one row per observation, one column per parameter (named in order by
// `parameters`). Rows where y is NaN are left out. Throws std::invalid_argument
// when the parameters cannot be separated: a parameter that does not vary,
// parameters that move together, or fewer observations than coefficients + 1.
Metamodel fit_metamodel(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, std::vector<std::string> parameters);

}  // namespace casesim::analysis
