#include "analysis/metamodel.hpp"

#include <cmath>
#include <stdexcept>

#include <Eigen/QR>

namespace casesim::analysis {

namespace {

double sample_sd(const Eigen::VectorXd& v) {
  return std::sqrt((v.array() - v.mean()).square().sum() / static_cast<double>(v.size() - 1));
}

}  // namespace

Metamodel fit_metamodel(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, std::vector<std::string> parameters) {
  if (x.rows() != y.size()) throw std::invalid_argument("fit_metamodel: x and y have different numbers of rows");
  if (static_cast<std::size_t>(x.cols()) != parameters.size())
    throw std::invalid_argument("fit_metamodel: one name per parameter column is needed");

  std::vector<Eigen::Index> kept;
  for (Eigen::Index r = 0; r < y.size(); ++r)
    if (!std::isnan(y[r])) kept.push_back(r);
  const auto n = static_cast<Eigen::Index>(kept.size());
  const Eigen::Index p = x.cols();
  if (n < p + 2)
    throw std::invalid_argument("fit_metamodel: needs at least " + std::to_string(p + 2) + " observations, got " +
                                std::to_string(n));

  Eigen::MatrixXd design(n, p + 1);
  Eigen::VectorXd outcome(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    design(i, 0) = 1.0;
    design.row(i).tail(p) = x.row(kept[static_cast<std::size_t>(i)]);
    outcome[i] = y[kept[static_cast<std::size_t>(i)]];
  }
  for (Eigen::Index j = 0; j < p; ++j)
    if (sample_sd(design.col(j + 1)) == 0.0)
      throw std::invalid_argument("fit_metamodel: parameter '" + parameters[static_cast<std::size_t>(j)] +
                                  "' does not vary");

  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(design);
  if (qr.rank() < p + 1)
    throw std::invalid_argument("fit_metamodel: the parameters move together, so their effects cannot be separated");
  const Eigen::VectorXd b = qr.solve(outcome);

  Metamodel model;
  model.parameters = std::move(parameters);
  model.observations = static_cast<std::size_t>(n);
  model.intercept = b[0];
  const double sd_y = sample_sd(outcome);
  for (Eigen::Index j = 0; j < p; ++j) {
    model.coefficients.push_back(b[j + 1]);
    model.standardised.push_back(sd_y > 0 ? b[j + 1] * sample_sd(design.col(j + 1)) / sd_y : 0.0);
  }
  const double total = (outcome.array() - outcome.mean()).square().sum();
  const double residual = (outcome - design * b).squaredNorm();
  model.r_squared = total > 0 ? 1.0 - residual / total : 1.0;
  return model;
}

}  // namespace casesim::analysis
