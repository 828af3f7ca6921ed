// static_tests/keras_test.cpp: gradproof's layout and Keras's Dense layout (keras.hpp) hold the
// same network: the shapes, every entry, exact round trips both ways, the same prediction from
// both layouts, and numpy's values (keras_reference.hpp, from tools/keras_reference.py).
//
// Rule under test (note 6 of docs/errata.md): Keras's Dense computes x K + b with x a row, so its hidden kernel
// is Wᵀ (In, Hidden) and its output kernel Uᵀ (Hidden, 1); the biases are 1-D arrays.
// Measured (runtime_tests/keras_test.cpp prints it; g++ 12 and clang++-19 alike): against numpy,
// Keras's layout h at most 1 ulp and y_hat 0 ulp apart, gradproof's forward h 2 and y_hat 1
// (bounds 15 and 44); the two layouts, h 1 ulp and y_hat 1 ulp apart (bounds 5 and about 30).
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "keras_reference.hpp"
#include "test_tools.hpp"

namespace {

using namespace gradproof;
using gradproof::test::is_of_type;
using gradproof::test::same_bits;
using gradproof::test::ulp_distance;
namespace ref = gradproof::test::keras_reference;

// Distinct entries (no two equal, signs mixed), so that any index mix-up changes a value.
template <class T, std::size_t In, std::size_t Hidden>
constexpr Network<T, In, Hidden> distinct_net() {
  Network<T, In, Hidden> net{};
  for (std::size_t i = 0; i < Hidden; ++i) {
    for (std::size_t j = 0; j < In; ++j)
      net.W(i, j) = T(static_cast<int>(i * In + j) - 5) / T(8);  // multiples of 1/8: exact in float too
    net.b1(i, 0) = T(-static_cast<int>(i) - 1) / T(16);
    net.U(0, i) = T(static_cast<int>(i) + 1) / T(4) * (i % 2 == 0 ? T(1) : T(-1));
  }
  net.b2 = T(-3) / T(32);
  return net;
}

// Every entry in its Keras place, bit for bit: kernel(j, i) = W(i, j), bias[i] = b1(i, 0),
// output kernel(i, 0) = U(0, i), output bias[0] = b2.
template <class T, std::size_t In, std::size_t Hidden>
constexpr bool in_keras_layout(const Network<T, In, Hidden>& net, const keras::Model<T, In, Hidden>& model) {
  for (std::size_t i = 0; i < Hidden; ++i) {
    for (std::size_t j = 0; j < In; ++j)
      if (!same_bits(model.hidden.kernel(j, i), net.W(i, j))) return false;
    if (!same_bits(model.hidden.bias[i], net.b1(i, 0))) return false;
    if (!same_bits(model.output.kernel(i, 0), net.U(0, i))) return false;
  }
  return same_bits(model.output.bias[0], net.b2);
}

// Both round trips give back the very bits (NaN and -0 included, which == cannot tell).
template <class T, std::size_t In, std::size_t Hidden>
constexpr bool round_trips(const Network<T, In, Hidden>& net) {
  const keras::Model<T, In, Hidden> model = keras::to_keras(net);
  return in_keras_layout(net, model) && same_bits(keras::from_keras(model), net) &&
         same_bits(keras::from_keras(model.hidden, model.output), net) && same_bits(keras::to_keras(keras::from_keras(model)), model);
}

// The known-bad conversion: W's numbers copied into the kernel in storage order (numpy's
// reshape instead of transpose). It compiles for every shape, and for a square W it is W itself.
template <class T, std::size_t In, std::size_t Hidden>
constexpr keras::Model<T, In, Hidden> reshaped(const Network<T, In, Hidden>& net) {
  keras::Model<T, In, Hidden> model = keras::to_keras(net);
  model.hidden.kernel.data = net.W.data;
  return model;
}

// ---- shapes: K1 (In, Hidden), bias (Hidden,), K2 (Hidden, 1), bias (1,) ------------------------
template <class T, std::size_t In, std::size_t Hidden>
constexpr bool keras_shapes_hold() {
  constexpr Network<T, In, Hidden> net{};
  constexpr keras::Model<T, In, Hidden> model = keras::to_keras(net);
  static_assert(is_of_type<keras::Model<T, In, Hidden>>(model));
  static_assert(is_of_type<Matrix<T, In, Hidden>>(model.hidden.kernel));
  static_assert(is_of_type<std::array<T, Hidden>>(model.hidden.bias));
  static_assert(is_of_type<Matrix<T, Hidden, 1>>(model.output.kernel));
  static_assert(is_of_type<std::array<T, 1>>(model.output.bias));
  static_assert(keras::Dense<T, In, Hidden>::inputs == In && keras::Dense<T, In, Hidden>::units == Hidden);
  static_assert(is_of_type<Network<T, In, Hidden>>(keras::from_keras(model)));
  static_assert(is_of_type<Network<T, In, Hidden>>(keras::from_keras(model.hidden, model.output)));
  // Keras's forward: x (Batch, In) -> h (Batch, Hidden) -> y_hat (Batch, 1)
  static_assert(is_of_type<Matrix<T, 1, Hidden>>(keras::layer_output(model.hidden, RowVector<T, In>{})));
  static_assert(is_of_type<Matrix<T, 5, Hidden>>(keras::layer_output(model.hidden, Matrix<T, 5, In>{})));
  static_assert(is_of_type<Matrix<T, 1, 1>>(keras::predict(model, RowVector<T, In>{})));
  static_assert(is_of_type<Matrix<T, 5, 1>>(keras::predict(model, Matrix<T, 5, In>{})));
  return true;
}
static_assert(keras_shapes_hold<double, 3, 4>() && keras_shapes_hold<float, 3, 4>());
static_assert(keras_shapes_hold<double, 2, 5>() && keras_shapes_hold<float, 7, 3>());
static_assert(keras_shapes_hold<double, 4, 4>() && keras_shapes_hold<double, 1, 1>());
static_assert(std::is_same_v<keras::Model<double>, keras::Model<double, 3, 4>>);
static_assert(std::is_aggregate_v<keras::Model<double>> && std::is_trivially_copyable_v<keras::Model<double>>);

// ---- every entry in its place: the slides' reference network, by hand and by to_keras ----------
// tools/reference_values.py's network in gradproof's layout; ref::model is the same numbers
// transposed by hand.
constexpr Network<double> reference_net{
    .W = {{32 / 64.0, -16 / 64.0, 8 / 64.0, -24 / 64.0, 40 / 64.0, 12 / 64.0, 4 / 64.0, 20 / 64.0, -36 / 64.0,
           -48 / 64.0, -8 / 64.0, 28 / 64.0}},
    .b1 = {{8 / 64.0, -4 / 64.0, 16 / 64.0, -12 / 64.0}},
    .U = {{60 / 64.0, -44 / 64.0, 36 / 64.0, -52 / 64.0}},
    .b2 = 6 / 64.0,
};
static_assert(keras::to_keras(reference_net) == ref::model);
static_assert(keras::from_keras(ref::model) == reference_net);
static_assert(in_keras_layout(reference_net, ref::model));
static_assert(ref::model.hidden.kernel(2, 1) == reference_net.W(1, 2) && ref::model.hidden.kernel(0, 3) == reference_net.W(3, 0));
static_assert(ref::model.output.kernel(3, 0) == reference_net.U(0, 3) && ref::model.output.bias[0] == reference_net.b2);
// Known-bad twin: the kernel reshaped from W's storage instead of transposed is rejected.
static_assert(!in_keras_layout(reference_net, reshaped(reference_net)));

// ---- exact round trips, both ways --------------------------------------------------------------
static_assert(round_trips(reference_net));
static_assert(round_trips(distinct_net<double, 3, 4>()) && round_trips(distinct_net<float, 3, 4>()));
static_assert(round_trips(distinct_net<double, 2, 5>()) && round_trips(distinct_net<float, 7, 3>()));
static_assert(round_trips(distinct_net<double, 4, 4>()) && round_trips(distinct_net<float, 4, 4>()));
static_assert(round_trips(distinct_net<double, 1, 1>()));
static_assert(keras::to_keras(keras::from_keras(ref::model)) == ref::model);
static_assert(keras::from_keras(keras::to_keras(distinct_net<double, 2, 5>())) == distinct_net<double, 2, 5>());

// Special values are copied, not computed: -0, the smallest subnormal, ±inf, NaN, the largest.
template <class T>
constexpr Network<T, 4, 4> special_net() {
  using limits = std::numeric_limits<T>;
  Network<T, 4, 4> net = distinct_net<T, 4, 4>();
  net.W(0, 1) = -T(0);
  net.W(1, 0) = limits::denorm_min();
  net.W(2, 3) = limits::infinity();
  net.W(3, 2) = limits::quiet_NaN();
  net.b1(2, 0) = -limits::infinity();
  net.U(0, 3) = limits::max();
  net.b2 = -T(0);
  return net;
}
static_assert(round_trips(special_net<double>()) && round_trips(special_net<float>()));
// Known-bad twins: the bit comparison sees what == cannot (-0 for +0) and a single ulp.
constexpr Network<double, 4, 4> special_with_plus_zero = [] {
  Network<double, 4, 4> net = special_net<double>();
  net.b2 = 0.0;
  return net;
}();
static_assert(keras::from_keras(keras::to_keras(special_with_plus_zero)).b2 == special_net<double>().b2);
static_assert(!same_bits(keras::from_keras(keras::to_keras(special_with_plus_zero)), special_net<double>()));
constexpr Network<double> reference_net_nudged = [] {
  Network<double> net = reference_net;
  net.U(0, 2) = std::bit_cast<double>(std::bit_cast<std::uint64_t>(net.U(0, 2)) + 1);  // 1 ulp up
  return net;
}();
static_assert(!same_bits(keras::from_keras(keras::to_keras(reference_net_nudged)), reference_net));
// and the square network with W reshaped: a transpose the types cannot see.
static_assert(!same_bits(keras::from_keras(reshaped(distinct_net<double, 4, 4>())), distinct_net<double, 4, 4>()));

// ---- both layouts give the same prediction -----------------------------------------------------
// z = x K1 + b1 sums the same products in the same order as W x + b1 (keras.hpp), so z is the
// same bits; h differs by the two sigmoids: math::sigmoid (within 2 ulp) for Keras's layout,
// forward's sigmoid_and_prime (within 2.5): at most 5 ulp apart. θ sums the same terms in the
// same order, each side rounding at most 5u S (S = Σ|U_j h_j| + |b2|), and h's 9u move it by
// 9u S: 19u S apart. Both layouts take ŷ = math::sigmoid(θ) (forward's sigmoid_and_complement
// has its bits), within 2 ulp each: ŷ is at most (19 S (1 − ŷ) + 8) ulp apart.
inline constexpr std::uint64_t layouts_h_ulps = 5;

template <class T, std::size_t In, std::size_t Hidden, std::size_t Batch>
constexpr bool layouts_agree(const Network<T, In, Hidden>& net, const keras::Model<T, In, Hidden>& model,
                             const Matrix<T, Batch, In>& xs) {
  const Matrix<T, Batch, Hidden> h = keras::layer_output(model.hidden, xs);
  const Matrix<T, Batch, 1> y_hat = keras::predict(model, xs);
  for (std::size_t r = 0; r < Batch; ++r) {
    ColVector<T, In> x{};
    for (std::size_t j = 0; j < In; ++j) x(j, 0) = xs(r, j);  // gradproof's sample is a column
    const ForwardPass<T, In, Hidden> f = forward(net, x);
    T s = test::abs(net.b2);
    for (std::size_t j = 0; j < Hidden; ++j) {
      if (ulp_distance(h(r, j), f.h(j, 0)) > layouts_h_ulps) return false;
      s += test::abs(net.U(0, j) * f.h(j, 0));
    }
    const auto y_hat_ulps = static_cast<std::uint64_t>(19 * s * f.one_minus_y_hat) + 9;  // rounded up
    if (ulp_distance(y_hat(r, 0), f.y_hat) > y_hat_ulps) return false;
  }
  return true;
}
static_assert(layouts_agree(reference_net, ref::model, ref::x));
static_assert(layouts_agree(distinct_net<double, 4, 4>(), keras::to_keras(distinct_net<double, 4, 4>()),
                            Matrix<double, 3, 4>{{0.5, -1, 2, 0.25, 0, 0, 0, 0, -3, 1.5, -0.75, 1}}));
static_assert(layouts_agree(distinct_net<float, 3, 4>(), keras::to_keras(distinct_net<float, 3, 4>()),
                            Matrix<float, 2, 3>{{0.5f, -1, 2, -3, 1.5f, -0.75f}}));
static_assert(layouts_agree(distinct_net<double, 1, 1>(), keras::to_keras(distinct_net<double, 1, 1>()),
                            Matrix<double, 2, 1>{{0.5, -4}}));
// z is the same bits in both layouts: h's only difference is the sigmoid.
static_assert([] {
  const ColVector<double, 3> x{{0.75, -1.25, 0.625}};
  return same_bits(transpose(x) * ref::model.hidden.kernel + RowVector<double, 4>{ref::model.hidden.bias},
                   transpose(forward(reference_net, x).z));
}());
// Known-bad twin: a square network whose kernel is W reshaped (the types cannot tell) predicts
// something else, and the same check rejects it.
static_assert(!layouts_agree(distinct_net<double, 4, 4>(), reshaped(distinct_net<double, 4, 4>()),
                             Matrix<double, 3, 4>{{0.5, -1, 2, 0.25, 0, 0, 0, 0, -3, 1.5, -0.75, 1}}));

// ---- numpy's values (keras_reference.hpp: the command, the bounds and their derivation) --------
constexpr bool matches_numpy(const Matrix<double, 4, 4>& h, const ColVector<double, 4>& y_hat) {
  for (std::size_t r = 0; r < 4; ++r) {
    for (std::size_t j = 0; j < 4; ++j)
      if (ulp_distance(h(r, j), ref::numpy_h(r, j)) > ref::numpy_h_ulps) return false;
    if (ulp_distance(y_hat(r, 0), ref::numpy_y_hat(r, 0)) > ref::numpy_y_hat_ulps) return false;
  }
  return true;
}
// In Keras's layout, the batch at once.
constexpr Matrix<double, 4, 4> keras_h = keras::layer_output(ref::model.hidden, ref::x);
constexpr Matrix<double, 4, 1> keras_y_hat = keras::predict(ref::model, ref::x);
static_assert(matches_numpy(keras_h, keras_y_hat));
// In gradproof's layout, from_keras's network, one column sample at a time.
constexpr auto forward_row = [](std::size_t r) {
  return forward(keras::from_keras(ref::model), ColVector<double, 3>{{ref::x(r, 0), ref::x(r, 1), ref::x(r, 2)}});
};
constexpr bool forward_matches_numpy() {
  Matrix<double, 4, 4> h{};
  ColVector<double, 4> y_hat{};
  for (std::size_t r = 0; r < 4; ++r) {
    const auto f = forward_row(r);
    for (std::size_t j = 0; j < 4; ++j) h(r, j) = f.h(j, 0);
    y_hat(r, 0) = f.y_hat;
  }
  return matches_numpy(h, y_hat);
}
static_assert(forward_matches_numpy());
// Known-bad twins: the kernel reshaped instead of transposed, and the hidden bias dropped.
constexpr keras::Model<double> numpy_bad_reshaped = reshaped(reference_net);
static_assert(!matches_numpy(keras::layer_output(numpy_bad_reshaped.hidden, ref::x), keras::predict(numpy_bad_reshaped, ref::x)));
constexpr keras::Model<double> numpy_bad_no_bias = [] {
  keras::Model<double> model = ref::model;
  model.hidden.bias = {};
  return model;
}();
static_assert(!matches_numpy(keras::layer_output(numpy_bad_no_bias.hidden, ref::x), keras::predict(numpy_bad_no_bias, ref::x)));

}  // namespace
