#pragma once
// Erlang C: the probability that an arrival waits in an M/M/c queue, with c
// servers and offered load a = lambda / mu < c. The validation tests and the
// optimiser's staffing test both check the engine against it.
namespace casesim::testing {

inline double erlang_c(int c, double a) {
  double term = 1.0, sum = 1.0;  // a^k / k! for k = 0
  for (int k = 1; k < c; ++k) {
    term *= a / k;
    sum += term;
  }
  const double last = term * a / c * (c / (c - a));  // a^c / c! * c / (c - a)
  return last / (sum + last);
}

}  // namespace casesim::testing
