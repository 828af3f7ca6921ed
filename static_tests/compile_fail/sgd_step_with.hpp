// static_tests/compile_fail/sgd_step_with.hpp: the one SGD step the bad-input cases take
// (constexpr_sgd_step_*.cpp). Each case passes the label y, the learning rate eta, the input
// entry x2 and the output weight u3, and makes exactly one of them bad under
// GRADPROOF_EXPECT_COMPILE_ERROR; with the good values, y = 1 > y_hat, so delta1 = db2 < 0 and
// b2 grows from 0.125, which each case's good twin asserts.
#ifndef GRADPROOF_STATIC_TESTS_COMPILE_FAIL_SGD_STEP_WITH_HPP
#define GRADPROOF_STATIC_TESTS_COMPILE_FAIL_SGD_STEP_WITH_HPP

#include <gradproof/network.hpp>

namespace compile_fail_cases {

inline constexpr double b2_before = 0.125;

constexpr gradproof::Network<double> sgd_step_with(double y, double eta, double x2, double u3) {
  const gradproof::Network<double> net{
      .W = {0.5, -0.25, 0.125, 0.0, 0.25, -0.5, 0.75, 0.5, 0.0, -0.125, 0.0, 0.25},
      .b1 = {0.0, 0.5, -0.5, 0.25},
      .U = {1.0, -1.0, u3, 0.25},
      .b2 = b2_before,
  };
  const gradproof::ColVector<double, 3> x{0.5, x2, 2.0};
  return gradproof::sgd_step(net, x, y, eta);
}

}  // namespace compile_fail_cases

#endif  // GRADPROOF_STATIC_TESTS_COMPILE_FAIL_SGD_STEP_WITH_HPP
