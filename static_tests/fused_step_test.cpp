// static_tests/fused_step_test.cpp: the fused step (sgd_step, sgd_step_in_place) against the
// composed step update(net, backward(net, x, y), eta), on every network of the AD battery
// (ad_networks.hpp: everyday, hidden saturated, output saturated on either side, both, the
// all-zero network, 1-1 and 2-5 networks), both labels and a soft one, two learning rates, both
// types: every updated parameter within the bound that fused_bound.hpp derives. Known-bad twins:
// σ in place of σ′, a parameter moved just past the bound, and η applied twice are
// rejected; and the bound is not vacuous: the two steps do differ in their bits.
#include <array>
#include <span>

#include "ad_networks.hpp"
#include "fixtures.hpp"
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
  const auto g = test::backward_with(net0, x, 1.0, [](auto& f) { f.sigma_prime = f.h; });
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

// ---- Epochs: sgd_epoch against per-sample sgd_steps --------------------------------------------
// Eight samples per network: its battery x with both labels and six more of the same kind (the
// saturated networks get inputs that keep them saturated), two learning rates, both types.
template <real T>
constexpr std::array<Sample<T>, 8> everyday_samples{{{nets::everyday_x<T>, T(1)},
                                                     {nets::everyday_x<T>, T(0)},
                                                     {{{T(1), T(0.5), T(-0.5)}}, T(1)},
                                                     {{{T(-1), T(-0.5), T(0.5)}}, T(0)},
                                                     {{{T(0.75), T(-0.25), T(-0.5)}}, T(0.25)},
                                                     {{{T(-0.75), T(0.25), T(0.5)}}, T(0)},
                                                     {{{T(0.25), T(0.5), T(1)}}, T(0)},
                                                     {{{T(-0.25), T(-0.5), T(-1)}}, T(1)}}};
template <real T>
constexpr std::array<Sample<T>, 8> saturating_samples{{{nets::saturating_x<T>, T(1)},
                                                       {nets::saturating_x<T>, T(0)},
                                                       {{{T(1.1), T(-0.9), T(0.6)}}, T(1)},
                                                       {{{T(0.9), T(-1.1), T(0.4)}}, T(0)},
                                                       {{{T(1.2), T(-1), T(0.5)}}, T(1)},
                                                       {{{T(1), T(-1.2), T(0.3)}}, T(0.75)},
                                                       {{{T(0.95), T(-0.95), T(0.55)}}, T(0)},
                                                       {{{T(1.05), T(-1.05), T(0.45)}}, T(1)}}};
template <real T>
constexpr std::array<Sample<T, 1>, 6> tiny_samples{{{nets::tiny_x<T>, T(1)},
                                                    {{{T(-0.4)}}, T(0)},
                                                    {{{T(1.3)}}, T(1)},
                                                    {{{T(0.2)}}, T(0.25)},
                                                    {{{T(-1.1)}}, T(0)},
                                                    {{{T(0.9)}}, T(1)}}};
template <real T>
constexpr std::array<Sample<T, 2>, 6> wide_samples{{{nets::wide_x<T>, T(1)},
                                                    {nets::wide_x<T>, T(0)},
                                                    {{{T(0.5), T(-0.6)}}, T(1)},
                                                    {{{T(-1.2), T(0.3)}}, T(0)},
                                                    {{{T(0.1), T(1.4)}}, T(0.5)},
                                                    {{{T(-0.3), T(-0.8)}}, T(1)}}};

template <real T>
constexpr bool battery_epochs_within_bound(T eta) {
  using test::sgd_epoch_within_bound;
  return sgd_epoch_within_bound(nets::everyday<T>, everyday_samples<T>, eta) &&
         sgd_epoch_within_bound(nets::hidden_saturated<T>, saturating_samples<T>, eta) &&
         sgd_epoch_within_bound(nets::output_saturated(T(1)), everyday_samples<T>, eta) &&
         sgd_epoch_within_bound(nets::output_saturated(T(-1)), everyday_samples<T>, eta) &&
         sgd_epoch_within_bound(nets::both_saturated<T>, saturating_samples<T>, eta) &&
         sgd_epoch_within_bound(Network<T>{}, everyday_samples<T>, eta) &&
         sgd_epoch_within_bound(nets::tiny<T>, tiny_samples<T>, eta) &&
         sgd_epoch_within_bound(nets::wide<T>, wide_samples<T>, eta);
}
static_assert(battery_epochs_within_bound<double>(0.5));  // [proof:fused_epoch]
static_assert(battery_epochs_within_bound<double>(0.0625));
static_assert(battery_epochs_within_bound<float>(0.5f));
static_assert(battery_epochs_within_bound<float>(0.0625f));

// Not vacuous: the epoch's z does differ from the per-sample steps' in its bits somewhere.
static_assert(!test::same_bits(sgd_epoch(nets::everyday<double>, everyday_samples<double>, 0.5),
                               [] {
                                 auto n = nets::everyday<double>;
                                 for (const auto& s : everyday_samples<double>) n = sgd_step(n, s.x, s.y, 0.5);
                                 return n;
                               }()));

// Known-bad twins: epochs whose z is formed wrongly are rejected.
// (a) The correction forgotten: each z from the network before the previous step's update.
constexpr auto epoch_without_correction = [](const Network<double>& net0, std::span<const Sample<double>> s, double eta) {
  Network<double> n = net0;
  Network<double> previous = net0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    const auto z = (k == 0 ? n.W : previous.W) * s[k].x + (k == 0 ? n.b1 : previous.b1);
    previous = n;
    gradproof::detail::sgd_step_from_z(n, s[k].x, s[k].y, eta, z);
  }
  return n;
};
static_assert(!test::epoch_within_bound(nets::everyday<double>, everyday_samples<double>, 0.5, epoch_without_correction));
// (b) The correction without its 1 (s = xᵀx' instead of xᵀx' + 1: b1's update left out of z).
constexpr auto epoch_without_b1_share = [](const Network<double>& net0, std::span<const Sample<double>> s, double eta) {
  Network<double> n = net0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    auto z = n.W * s[k].x + n.b1;
    if (k > 0) {  // z as W_new x + b1_new would give it, minus the b1 update: + δ1' (η U σ′)'
      const auto& p = s[k - 1];
      Network<double> before = net0;
      for (std::size_t i = 0; i + 1 < k; ++i) before = sgd_step(before, s[i].x, s[i].y, eta);
      const auto f = forward(before, p.x);
      const double delta1 = gradproof::detail::fused_delta1(f.theta, p.y);
      for (std::size_t i = 0; i < 4; ++i) z.data[i] += delta1 * (eta * (before.U.data[i] * f.sigma_prime.data[i]));
    }
    gradproof::detail::sgd_step_from_z(n, s[k].x, s[k].y, eta, z);
  }
  return n;
};
static_assert(!test::epoch_within_bound(nets::everyday<double>, everyday_samples<double>, 0.5, epoch_without_b1_share));

}  // namespace
