// static_tests/ad_test.cpp: every entry of dW, db1, dU and db2 from backward() equals the
// derivative that forward-mode AD (gradproof::ad_gradients: the library's own forward pass and
// loss run on Dual numbers) gives, within 12 units of roundoff (ad_check.hpp says why), on
// eight networks and both types (float: ad_float_test.cpp), on both compilers. Known-bad
// twins: the slides' δ1 = ŷ − y evaluated as written, σ in place of σ′, and a gradient 16 u
// off are all rejected.
#include "ad_check.hpp"
#include "ad_networks.hpp"

namespace {

using namespace gradproof;
using test::backward_agrees_with_ad;
namespace nets = test::nets;

// ---- The regimes are what they claim to be -------------------------------------------------
template <class Net, class X>
constexpr bool every_z_beyond(const Net& net, const X& x, double bound) {
  const auto f = forward(net, x);
  for (const auto z : f.z.data)
    if (!(test::abs(static_cast<double>(z)) > bound)) return false;
  return true;
}
static_assert(every_z_beyond(nets::hidden_saturated<double>, nets::saturating_x<double>, 30));
static_assert(every_z_beyond(nets::both_saturated<double>, nets::saturating_x<double>, 30));
static_assert(!every_z_beyond(nets::everyday<double>, nets::everyday_x<double>, 30));  // the twin
static_assert(forward(nets::output_saturated(1.0), nets::everyday_x<double>).theta > 30);
static_assert(forward(nets::output_saturated(-1.0), nets::everyday_x<double>).theta < -30);
static_assert(forward(nets::both_saturated<double>, nets::saturating_x<double>).theta > 30);
static_assert(forward(Network<double>{}, nets::everyday_x<double>).theta == 0.0);

// ---- backward() == AD, entry by entry --------------------------------------------------------
static_assert(test::all_networks_agree_with_ad<double>());  // float: ad_float_test.cpp (its own TU, built in parallel)

// The all-zero network by hand (θ = 0, ŷ = 1/2, y = 1): δ1 = −1/2 exactly, on both sides; the
// loss's kinks at θ = 0 (max(θ, 0), |θ|) cancel in AD too.
static_assert(ad_gradients(Network<double>{}, nets::everyday_x<double>, 1.0).db2 == -0.5);

// ---- Known-bad twins: the check rejects wrong gradients --------------------------------------

// (a) The slides' δ1 = ŷ − y, evaluated as written: at θ ≈ 45 with y = 1, ŷ rounds to 1 and
// ŷ − y to 0, while ∂L/∂θ = −σ(−θ) ≈ −3e-20. Everything downstream is lost with it.
constexpr bool slides_delta1_as_written_agrees(double y) {
  const auto net = nets::output_saturated(1.0);
  const auto& x = nets::everyday_x<double>;
  const auto f = forward(net, x);
  const auto g = test::gradients_from(net, x, equations::delta1(f.y_hat, y), f.sigma_prime, f.h);
  return test::gradients_agree_with_ad(g, ad_gradients(net, x, y));
}
static_assert(!slides_delta1_as_written_agrees(1.0));
static_assert(slides_delta1_as_written_agrees(0.0));  // wrong side: ŷ − 0 does not cancel

// (b) σ(z) in place of σ′(z) in δ2.
constexpr bool sigma_for_sigma_prime_agrees() {
  const auto& net = nets::everyday<double>;
  const auto& x = nets::everyday_x<double>;
  const auto f = forward(net, x);
  const auto g = test::gradients_from(net, x, equations::delta1(f.y_hat, f.one_minus_y_hat, 1.0), f.h, f.h);
  return test::gradients_agree_with_ad(g, ad_gradients(net, x, 1.0));
}
static_assert(!sigma_for_sigma_prime_agrees());

// (c) The bound's resolution: one entry of dW moved by 16 u is rejected.
constexpr bool nudged_gradient_agrees() {
  const auto& net = nets::everyday<double>;
  const auto& x = nets::everyday_x<double>;
  auto g = backward(net, x, 1.0);
  g.dW(2, 1) = g.dW(2, 1) * (1.0 + 16 * 0x1p-53);
  return test::gradients_agree_with_ad(g, ad_gradients(net, x, 1.0));
}
static_assert(!nudged_gradient_agrees());

}  // namespace
