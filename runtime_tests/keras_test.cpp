// runtime_tests/keras_test.cpp: keras.hpp at run time. The conversions and Keras's forward pass
// give the compile-time bits (static_tests/keras_test.cpp proves those), and numpy's values
// (static_tests/keras_reference.hpp, from tools/keras_reference.py) hold at run time within
// the same bounds. Prints the measured distances, the numbers quoted in keras_test.cpp.
//
// The run-time inputs go through opaque() (another translation unit), so the optimiser cannot
// fold the run-time computation into the compile-time one.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <iostream>

#include <gradproof/keras.hpp>

#include "../static_tests/keras_reference.hpp"
#include "../static_tests/test_tools.hpp"
#include "opaque.hpp"

namespace {

using namespace gradproof;
using gradproof::test::ulp_distance;
using gradproof_test::opaque;
namespace ref = gradproof::test::keras_reference;

template <class T, std::size_t R, std::size_t C>
void expect_same_bits(const Matrix<T, R, C>& run_time, const Matrix<T, R, C>& compile_time, const char* what) {
  for (std::size_t r = 0; r < R; ++r)
    for (std::size_t c = 0; c < C; ++c)
      EXPECT_EQ(std::bit_cast<std::uint64_t>(run_time(r, c)), std::bit_cast<std::uint64_t>(compile_time(r, c)))
          << what << "(" << r << ", " << c << ")";
}

constexpr Network<double> ct_net = keras::from_keras(ref::model);
constexpr keras::Model<double> ct_model = keras::to_keras(ct_net);
constexpr Matrix<double, 4, 4> ct_h = keras::layer_output(ref::model.hidden, ref::x);
constexpr Matrix<double, 4, 1> ct_y_hat = keras::predict(ref::model, ref::x);

TEST(keras, conversions_give_the_compile_time_bits) {
  const Network<double> net = keras::from_keras(opaque(ref::model));
  EXPECT_TRUE(gradproof::test::same_bits(net, ct_net));
  EXPECT_TRUE(gradproof::test::same_bits(keras::to_keras(opaque(ct_net)), ct_model));
  EXPECT_TRUE(gradproof::test::same_bits(keras::to_keras(net), ref::model));  // the round trip, at run time
}

TEST(keras, predict_gives_the_compile_time_bits) {
  const keras::Model<double> model = opaque(ref::model);
  const Matrix<double, 4, 3> x = opaque(ref::x);
  expect_same_bits(keras::layer_output(model.hidden, x), ct_h, "h");
  expect_same_bits(keras::predict(model, x), ct_y_hat, "y_hat");
}

TEST(keras, numpy_values_hold_at_run_time) {
  const keras::Model<double> model = opaque(ref::model);
  const Matrix<double, 4, 3> x = opaque(ref::x);
  const Matrix<double, 4, 4> h = keras::layer_output(model.hidden, x);
  const Matrix<double, 4, 1> y_hat = keras::predict(model, x);
  const Network<double> net = keras::from_keras(model);
  std::uint64_t worst_h = 0, worst_y_hat = 0, worst_forward_h = 0, worst_forward_y_hat = 0;
  std::uint64_t layouts_h = 0, layouts_y_hat = 0;
  for (std::size_t r = 0; r < 4; ++r) {
    const ForwardPass<double> f = forward(net, ColVector<double, 3>{{x(r, 0), x(r, 1), x(r, 2)}});
    for (std::size_t j = 0; j < 4; ++j) {
      EXPECT_LE(ulp_distance(h(r, j), ref::numpy_h(r, j)), ref::numpy_h_ulps) << "h(" << r << ", " << j << ")";
      EXPECT_LE(ulp_distance(f.h(j, 0), ref::numpy_h(r, j)), ref::numpy_h_ulps) << "forward h(" << r << ", " << j << ")";
      worst_h = std::max(worst_h, ulp_distance(h(r, j), ref::numpy_h(r, j)));
      worst_forward_h = std::max(worst_forward_h, ulp_distance(f.h(j, 0), ref::numpy_h(r, j)));
      layouts_h = std::max(layouts_h, ulp_distance(h(r, j), f.h(j, 0)));
    }
    EXPECT_LE(ulp_distance(y_hat(r, 0), ref::numpy_y_hat(r, 0)), ref::numpy_y_hat_ulps) << "y_hat(" << r << ")";
    EXPECT_LE(ulp_distance(f.y_hat, ref::numpy_y_hat(r, 0)), ref::numpy_y_hat_ulps) << "forward y_hat(" << r << ")";
    worst_y_hat = std::max(worst_y_hat, ulp_distance(y_hat(r, 0), ref::numpy_y_hat(r, 0)));
    worst_forward_y_hat = std::max(worst_forward_y_hat, ulp_distance(f.y_hat, ref::numpy_y_hat(r, 0)));
    layouts_y_hat = std::max(layouts_y_hat, ulp_distance(y_hat(r, 0), f.y_hat));
  }
  std::cout << "against numpy, max ulp: Keras layout h " << worst_h << ", y_hat " << worst_y_hat << "; forward h "
            << worst_forward_h << ", y_hat " << worst_forward_y_hat << " (bounds " << ref::numpy_h_ulps << ", "
            << ref::numpy_y_hat_ulps << ")\nbetween the layouts, max ulp: h " << layouts_h << ", y_hat " << layouts_y_hat
            << "\n";
}

}  // namespace
