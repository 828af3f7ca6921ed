// static_tests/fused_step_test.cpp: the fused step (sgd_step, sgd_step_in_place) against the
// composed step update(net, backward(net, x, y), eta), on every network of the AD battery
// (ad_networks.hpp: everyday, hidden saturated, output saturated on either side, both, the
// all-zero network, 1-1 and 2-5 networks), both labels and a soft one, two learning rates, both
// types: every updated parameter within the bound that fused_bound.hpp derives. Known-bad twins:
// σ in place of σ′, a parameter moved just past the bound, and η applied twice are
// rejected; and the bound is not vacuous: the two steps do differ in their bits.
#include "ad_networks.hpp"
#include "fused_bound.hpp"

namespace {

using namespace gradproof;
using test::fused_step_within_bound;
namespace nets = test::nets;

template <real T>
constexpr bool battery_within_bound(T eta) {
  const auto& x = nets::everyday_x<T>;
  const auto& xs = nets::saturating_x<T>;
  return fused_step_within_bound(nets::everyday<T>, x, T(1), eta) && fused_step_within_bound(nets::everyday<T>, x, T(0), eta) &&
         fused_step_within_bound(nets::everyday<T>, x, T(0.25), eta) &&  // soft label
         fused_step_within_bound(nets::hidden_saturated<T>, xs, T(1), eta) &&
         fused_step_within_bound(nets::hidden_saturated<T>, xs, T(0), eta) &&
         fused_step_within_bound(nets::output_saturated(T(1)), x, T(1), eta) &&   // right, confident
         fused_step_within_bound(nets::output_saturated(T(1)), x, T(0), eta) &&   // wrong, confident
         fused_step_within_bound(nets::output_saturated(T(-1)), x, T(0), eta) &&  // right, confident
         fused_step_within_bound(nets::output_saturated(T(-1)), x, T(1), eta) &&  // wrong, confident
         fused_step_within_bound(nets::output_saturated(T(1)), x, T(0.75), eta) &&  // soft, saturated
         fused_step_within_bound(nets::both_saturated<T>, xs, T(1), eta) &&
         fused_step_within_bound(nets::both_saturated<T>, xs, T(0), eta) &&
         fused_step_within_bound(Network<T>{}, x, T(1), eta) && fused_step_within_bound(Network<T>{}, x, T(0), eta) &&
         fused_step_within_bound(nets::tiny<T>, nets::tiny_x<T>, T(1), eta) &&
         fused_step_within_bound(nets::tiny<T>, nets::tiny_x<T>, T(0), eta) &&
         fused_step_within_bound(nets::wide<T>, nets::wide_x<T>, T(1), eta) &&
         fused_step_within_bound(nets::wide<T>, nets::wide_x<T>, T(0), eta);
}
static_assert(battery_within_bound<double>(0.5));  // [proof:fused_step]
static_assert(battery_within_bound<double>(0.0625));
static_assert(battery_within_bound<float>(0.5f));
static_assert(battery_within_bound<float>(0.0625f));

// A soft label right at ŷ: δ1 cancels on both sides to a few units of roundoff of ŷ; the bound,
// measured against M rather than |δ1|, still holds.
constexpr double y_at_y_hat = forward(nets::everyday<double>, nets::everyday_x<double>).y_hat;
static_assert(fused_step_within_bound(nets::everyday<double>, nets::everyday_x<double>, y_at_y_hat, 0.5));

// ---- The bound is not vacuous ---------------------------------------------------------------
// The fused order does change bits: on the everyday network some entry differs from the composed
// step's (were they always equal, this file would prove nothing about the order).
constexpr bool some_bits_differ() {
  const auto& net = nets::everyday<double>;
  const auto& x = nets::everyday_x<double>;
  for (const double y : {1.0, 0.0, 0.25}) {
    if (!test::same_bits(sgd_step(net, x, y, 0.5), update(net, backward(net, x, y), 0.5))) return true;
  }
  return false;
}
static_assert(some_bits_differ());

// ---- Known-bad twins: the judge rejects steps outside the bound -------------------------------

// (a) σ(z) in place of σ′(z) in δ2 (the fault of the slides' eq. (5) kind): W and b1 move by
// the wrong amount, far outside the bound.
constexpr bool sigma_for_sigma_prime_step_within_bound() {
  const auto& net0 = nets::everyday<double>;
  const auto& x = nets::everyday_x<double>;
  const double eta = 0.5;
  const auto f = forward(net0, x);
  const auto g = test::gradients_from(net0, x, equations::delta1(f.y_hat, f.one_minus_y_hat, 1.0), f.h, f.h);
  return test::step_within_fused_bound(update(net0, g, eta), net0, x, 1.0, eta);
}
static_assert(!sigma_for_sigma_prime_step_within_bound());

// (b) The bound's resolution: the fused step with one entry of W moved by 3 ulp + 16 u η G past
// the composed value is rejected, while the fused step itself passes (above).
constexpr bool nudged_step_within_bound() {
  const auto& net0 = nets::everyday<double>;
  const auto& x = nets::everyday_x<double>;
  const double eta = 0.5, y = 1.0;
  const auto composed = update(net0, backward(net0, x, y), eta);
  const auto f = forward(net0, x);
  const double m = f.one_minus_y_hat;  // y = 1: M = 1 − ŷ
  const double g = eta * m * test::abs(net0.U(0, 2) * f.sigma_prime(2, 0) * x(1, 0));
  auto nudged = sgd_step(net0, x, y, eta);
  nudged.W(2, 1) = composed.W(2, 1) + 3 * test::ulp_at(composed.W(2, 1)) + 16 * 0x1p-53 * g;
  return test::step_within_fused_bound(nudged, net0, x, y, eta);
}
static_assert(!nudged_step_within_bound());

// (c) η applied twice to the hidden layer's update (η² δ2 x): a real fault, far outside.
constexpr bool eta_twice_within_bound() {
  const auto& net0 = nets::everyday<double>;
  const auto& x = nets::everyday_x<double>;
  const double eta = 0.5;
  auto g = backward(net0, x, 1.0);
  g.dW = eta * g.dW;
  return test::step_within_fused_bound(update(net0, g, eta), net0, x, 1.0, eta);
}
static_assert(!eta_twice_within_bound());

}  // namespace
