// static_tests/gradient_check_test.cpp: the analytic gradients agree with the loss's own
// slope, measured at compile time by central finite differences; and the slides' eq. (7) as
// printed (σ′(z1) in every row of ∂L/∂W) fails that same check.
//
// The check, and its tolerance: for each parameter p, (L(p + s) − L(p − s)) / (2s) with
// s = 2^-17 max(1, |p|). Its error is the truncation s² |L‴| / 6 (about 1e-11 here, |L‴| is
// of order 1 for these networks) plus the rounding of the two losses, about 2 u L / (2s) with
// u = 2^-53 (about 1e-11 for L of order 1). So a correct gradient is within 1e-9 absolute +
// 1e-7 relative, a bound 100 times wider than the error; a wrong formula, as the twins below
// show, is off by 1e-3 or more.
#include "test_tools.hpp"

namespace {

using namespace gradproof;

template <class T, std::size_t In, std::size_t Hidden>
inline constexpr std::size_t n_params = Hidden * In + Hidden + Hidden + 1;

/// Parameter k of the network in the order W (row-major), b1, U, b2 (a reference into it).
template <class T, std::size_t In, std::size_t Hidden>
constexpr T& param(Network<T, In, Hidden>& net, std::size_t k) {
  if (k < Hidden * In) return net.W.data[k];
  k -= Hidden * In;
  if (k < Hidden) return net.b1.data[k];
  k -= Hidden;
  if (k < Hidden) return net.U.data[k];
  return net.b2;
}

/// The analytic ∂L/∂(parameter k), in the same order.
template <class T, std::size_t In, std::size_t Hidden>
constexpr T grad(const Gradients<T, In, Hidden>& g, std::size_t k) {
  if (k < Hidden * In) return g.dW.data[k];
  k -= Hidden * In;
  if (k < Hidden) return g.db1.data[k];
  k -= Hidden;
  if (k < Hidden) return g.dU.data[k];
  return g.db2;
}

/// The central difference of the loss along parameter k.
template <class T, std::size_t In, std::size_t Hidden>
constexpr T finite_difference(Network<T, In, Hidden> net, const ColVector<T, In>& x, T y, std::size_t k) {
  T& p = param(net, k);
  const T p0 = p;
  const T s = T(0x1p-17) * (test::abs(p0) > T(1) ? test::abs(p0) : T(1));
  p = p0 + s;
  const T up = p;
  const T l_up = loss(net, x, y);
  p = p0 - s;
  const T down = p;
  const T l_down = loss(net, x, y);
  return (l_up - l_down) / (up - down);  // up - down: the step actually taken, exactly
}

/// Every entry of `g` agrees with the finite difference of the loss.
template <class T, std::size_t In, std::size_t Hidden>
constexpr bool agrees_with_finite_differences(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y,
                                              const Gradients<T, In, Hidden>& g) {
  for (std::size_t k = 0; k < n_params<T, In, Hidden>; ++k)
    if (!test::close(grad(g, k), finite_difference(net, x, y, k), T(1e-7), T(1e-9))) return false;
  return true;
}

template <class T, std::size_t In, std::size_t Hidden>
constexpr bool gradients_check(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y) {
  return agrees_with_finite_differences(net, x, y, backward(net, x, y));
}

/// The slides' eq. (7) as printed: every row of ∂L/∂W uses σ′(z1) (erratum 4).
template <class T, std::size_t In, std::size_t Hidden>
constexpr Gradients<T, In, Hidden> eq7_as_printed(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y) {
  auto g = backward(net, x, y);
  const auto f = forward(net, x);
  for (std::size_t i = 0; i < Hidden; ++i)
    for (std::size_t j = 0; j < In; ++j) g.dW(i, j) = g.delta1 * (net.U(0, i) * f.sigma_prime(0, 0)) * x(j, 0);
  return g;
}

// ---- Networks: the slides' 3-4-1 at several scales, both labels, and other sizes -----------
constexpr Network<double> net_a{{{0.5, -0.25, 0.125, -0.375, 0.625, 0.1875, 0.0625, 0.3125, -0.5625, -0.75, -0.125, 0.4375}},
                                {{0.125, -0.0625, 0.25, -0.1875}},
                                {{0.9375, -0.6875, 0.5625, -0.8125}},
                                0.09375};
constexpr ColVector<double, 3> x_a{{0.75, -1.25, 0.625}};

constexpr Network<double> net_b{{{1.7, -2.3, 0.4, 0.9, 1.1, -1.5, -0.6, 2.2, 0.3, 1.4, -0.2, -1.9}},
                                {{-0.3, 0.8, -1.2, 0.5}},
                                {{2.1, -1.6, 0.7, 1.3}},
                                -0.4};
constexpr ColVector<double, 3> x_b{{0.9, 0.4, -1.1}};

// Saturating hidden units (|z| up to about 9) and a confident output.
constexpr Network<double> net_c{{{4.0, -3.0, 2.5, -2.0, 5.0, 1.0, 3.5, 0.5, -4.5, -1.0, -2.5, 3.0}},
                                {{1.0, -2.0, 0.5, 1.5}},
                                {{3.0, -2.5, 2.0, -1.5}},
                                0.5};
constexpr ColVector<double, 3> x_c{{1.2, -0.8, 0.6}};

static_assert(gradients_check(net_a, x_a, 1.0));
static_assert(gradients_check(net_a, x_a, 0.0));
static_assert(gradients_check(net_b, x_b, 1.0));
static_assert(gradients_check(net_b, x_b, 0.0));
static_assert(gradients_check(net_b, x_b, 0.3));  // a soft label
static_assert(gradients_check(net_c, x_c, 1.0));
static_assert(gradients_check(net_c, x_c, 0.0));

// Other sizes: the same code for any In, Hidden >= 1.
constexpr Network<double, 2, 5> net_d{{{0.3, -0.7, 1.1, 0.2, -0.4, 0.9, 0.6, -1.3, -0.8, 0.5}},
                                      {{0.1, -0.2, 0.3, -0.4, 0.5}},
                                      {{0.7, -1.1, 0.4, 0.9, -0.6}},
                                      0.2};
static_assert(gradients_check(net_d, ColVector<double, 2>{{0.8, -0.6}}, 1.0));
constexpr Network<double, 1, 1> net_e{{{1.5}}, {{-0.5}}, {{-2.0}}, 0.25};
static_assert(gradients_check(net_e, ColVector<double, 1>{{0.7}}, 0.0));

// ---- Known-bad twins: the same check rejects wrong gradients -------------------------------
// Eq. (7) as printed (σ′(z1) in every row): rejected on every network whose units differ.
static_assert(!agrees_with_finite_differences(net_a, x_a, 1.0, eq7_as_printed(net_a, x_a, 1.0)));  // [proof:fd_rejects_eq7]
static_assert(!agrees_with_finite_differences(net_b, x_b, 0.0, eq7_as_printed(net_b, x_b, 0.0)));
static_assert(!agrees_with_finite_differences(net_c, x_c, 1.0, eq7_as_printed(net_c, x_c, 1.0)));
// ...and the corrected eq. (7) (σ′(z_i) in row i) is exactly what backward computes.
constexpr bool eq7_corrected_is_backward() {
  const auto g = backward(net_b, x_b, 0.0);
  const auto f = forward(net_b, x_b);
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 3; ++j)
      if (g.dW(i, j) != g.delta1 * (net_b.U(0, i) * f.sigma_prime(i, 0)) * x_b(j, 0)) return false;
  return true;
}
static_assert(eq7_corrected_is_backward());

// σ in place of σ′ in δ2 (a classic slip): rejected.
constexpr bool sigma_for_sigma_prime_passes() {
  auto g = backward(net_b, x_b, 1.0);
  const auto f = forward(net_b, x_b);
  g.delta2 = equations::delta2(g.delta1, net_b.U, f.h);
  g.dW = equations::dW(g.delta2, x_b);
  g.db1 = equations::db1(g.delta2);
  return agrees_with_finite_differences(net_b, x_b, 1.0, g);
}
static_assert(!sigma_for_sigma_prime_passes());

// δ1 with the wrong sign (y − ŷ): rejected.
constexpr bool flipped_delta1_passes() {
  auto g = backward(net_a, x_a, 1.0);
  g.dU = -1.0 * g.dU;
  g.db2 = -g.db2;
  return agrees_with_finite_differences(net_a, x_a, 1.0, g);
}
static_assert(!flipped_delta1_passes());

}  // namespace
