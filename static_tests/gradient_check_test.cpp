// static_tests/gradient_check_test.cpp: the analytic gradients agree with the loss's own
// slope, measured at compile time by central finite differences; and the slides' eq. (7) as
// printed (σ′(z1) in the last row of ∂L/∂W) fails that same check.
//
// The check, and its tolerance: for each parameter p, (L(p + s) − L(p − s)) / (2s) with
// s = 2^-17 max(1, |p|). Its error is the truncation s² |L‴| / 6 (about 1e-11 here, |L‴| is
// of order 1 for these networks) plus the rounding of the two losses, about 2 u L / (2s) with
// u = 2^-53 (about 1e-11 for L of order 1). So a correct gradient is within 1e-9 absolute +
// 1e-7 relative, a bound 100 times wider than the error; a wrong formula, as the twins below
// show, is off by 1e-3 or more.
#include "fixtures.hpp"

namespace {

using namespace gradproof;

/// Every entry of `g` agrees with the central difference of the loss along its parameter
/// (parameters.hpp pairs each entry with its gradient's).
template <class T, std::size_t In, std::size_t Hidden>
constexpr bool agrees_with_finite_differences(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y,
                                              const Gradients<T, In, Hidden>& g) {
  Network<T, In, Hidden> moved = net;
  bool ok = true;
  for_each_parameter_entry_with_gradient(moved, g, [&](const ParameterEntry&, T& p, const T& dp) {
    const T p0 = p;
    const T s = T(0x1p-17) * (test::abs(p0) > T(1) ? test::abs(p0) : T(1));
    p = p0 + s;
    const T up = p;
    const T l_up = loss(moved, x, y);
    p = p0 - s;
    const T down = p;
    const T l_down = loss(moved, x, y);
    p = p0;
    const T slope = (l_up - l_down) / (up - down);  // up - down: the step actually taken, exactly
    ok = ok && test::close(dp, slope, T(1e-7), T(1e-9));
  });
  return ok;
}

template <class T, std::size_t In, std::size_t Hidden>
constexpr bool gradients_check(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y) {
  return agrees_with_finite_differences(net, x, y, backward(net, x, y));
}

// ---- Networks: the slides' 3-4-1 at several scales, both labels, and other sizes -----------
constexpr const auto& net_a = test::dyadic_net;
constexpr const auto& x_a = test::dyadic_x;

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
// Eq. (7) as printed (σ′(z1) in the last row): rejected on every network whose units differ.
static_assert(!agrees_with_finite_differences(net_a, x_a, 1.0,
                                              test::eq7_as_printed(net_a, x_a, 1.0)));  // [proof:fd_rejects_eq7]
static_assert(!agrees_with_finite_differences(net_b, x_b, 0.0, test::eq7_as_printed(net_b, x_b, 0.0)));
static_assert(!agrees_with_finite_differences(net_c, x_c, 1.0, test::eq7_as_printed(net_c, x_c, 1.0)));
// ...and the corrected eq. (7) (σ′(z4) in the last row) is what backward computes.
static_assert(test::eq7_with_unit(net_b, x_b, 0.0, 3) == backward(net_b, x_b, 0.0));

// σ in place of σ′ in δ2 (a classic slip): rejected.
constexpr bool sigma_for_sigma_prime_passes() {
  const auto g = test::backward_with(net_b, x_b, 1.0, [](auto& f) { f.sigma_prime = f.h; });
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
