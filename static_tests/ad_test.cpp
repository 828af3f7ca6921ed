// static_tests/ad_test.cpp: every entry of dW, db1, dU and db2 from backward() equals the
// derivative that forward-mode AD (gradproof::ad_gradients: the library's own forward pass and
// loss run on Dual numbers) gives, within 12 units of roundoff (ad_check.hpp says why), on
// eight networks and both types (float: ad_float_test.cpp), on both compilers. Known-bad
// twins: the slides' δ1 = ŷ − y evaluated as written, σ in place of σ′, and a gradient 16 u
// off are all rejected.
#include "ad_check.hpp"
#include "ad_networks.hpp"
#include "fixtures.hpp"

namespace {

using namespace gradproof;
using test::backward_agrees_with_ad;
namespace nets = test::nets;

// ---- The dual numbers' own chain rules (dual.hpp), one function at a time -----------------
// d/dx f(x) read off f(Dual::variable(x)), against the known derivative computed by the
// library's double functions: exp′ = exp, log′ = 1/x, log1p′ = 1/(1 + x), σ′ = sigmoid_prime,
// softplus′ = σ; σ″ against a central difference of sigmoid_prime (step 2^-20: truncation
// about 1e-13, rounding about 1e-10 relative here, so 1e-8 is a safe bound).
using D1 = Dual<double>;
template <class F>
constexpr double derivative(F f, double x) {
  return f(D1::variable(x)).derivative[0];
}
constexpr bool dual_chain_rules_hold(double x) {
  const auto near = [](double a, double b) { return test::close(a, b, 4 * 0x1p-53); };
  const double h = 0x1p-20;
  const double sigma_second_fd = (math::sigmoid_prime(x + h) - math::sigmoid_prime(x - h)) / (2 * h);
  return near(derivative([](D1 v) { return math::exp(v); }, x), math::exp(x)) &&
         near(derivative([](D1 v) { return math::log(v); }, x), 1.0 / x) &&
         near(derivative([](D1 v) { return math::log1p(v); }, x), 1.0 / (1.0 + x)) &&
         near(derivative([](D1 v) { return math::sigmoid(v); }, x), math::sigmoid_prime(x)) &&
         near(derivative([](D1 v) { return math::softplus(v); }, x), math::sigmoid(x)) &&
         test::close(derivative([](D1 v) { return math::sigmoid_prime(v); }, x), sigma_second_fd, 1e-8) &&
         near(derivative([](D1 v) { return v * v / (v + 1.0) - v; }, x),  // (x²/(x + 1))′ − 1
              (x * x + 2 * x) / ((x + 1) * (x + 1)) - 1.0);
}
static_assert(dual_chain_rules_hold(0.75) && dual_chain_rules_hold(3.5) && dual_chain_rules_hold(0.125));
// Known-bad twin: the same judge rejects σ itself as σ's derivative.
static_assert(!test::close(derivative([](D1 v) { return math::sigmoid(v); }, 0.75), math::sigmoid(0.75), 4 * 0x1p-53));

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
// One assert per case, each with its own twin (ad_networks.hpp): a failure names its case.
static_assert(
    test::ad_case_holds<double, test::AdCase::everyday_y1>());  // [proof:ad] float: ad_float_test.cpp (its own TU)
static_assert(test::ad_case_holds<double, test::AdCase::everyday_y0>());
static_assert(test::ad_case_holds<double, test::AdCase::everyday_soft>());
static_assert(test::ad_case_holds<double, test::AdCase::hidden_saturated_y1>());
static_assert(test::ad_case_holds<double, test::AdCase::hidden_saturated_y0>());
static_assert(test::ad_case_holds<double, test::AdCase::output_saturated_right_y1>());
static_assert(test::ad_case_holds<double, test::AdCase::output_saturated_wrong_y0>());
static_assert(test::ad_case_holds<double, test::AdCase::output_saturated_right_y0>());
static_assert(test::ad_case_holds<double, test::AdCase::output_saturated_wrong_y1>());
static_assert(test::ad_case_holds<double, test::AdCase::both_saturated_y1>());
static_assert(test::ad_case_holds<double, test::AdCase::both_saturated_y0>());
static_assert(test::ad_case_holds<double, test::AdCase::zero_network_y1>());
static_assert(test::ad_case_holds<double, test::AdCase::zero_network_y0>());
static_assert(test::ad_case_holds<double, test::AdCase::tiny_1_1_y1>());
static_assert(test::ad_case_holds<double, test::AdCase::tiny_1_1_y0>());
static_assert(test::ad_case_holds<double, test::AdCase::wide_2_5_y1>());
static_assert(test::ad_case_holds<double, test::AdCase::wide_2_5_y0>());

// The all-zero network by hand (θ = 0, ŷ = 1/2, y = 1): δ1 = −1/2 exactly, on both sides; the
// loss's kinks at θ = 0 (max(θ, 0), |θ|) cancel in AD too.
static_assert(ad_gradients(Network<double>{}, nets::everyday_x<double>, 1.0).db2 == -0.5);

// ---- Known-bad twins: the check rejects wrong gradients --------------------------------------

// (a) The slides' δ1 = ŷ − y, evaluated as written: at θ ≈ 45 with y = 1, ŷ rounds to 1 and
// ŷ − y to 0, while ∂L/∂θ = −σ(−θ) ≈ −3e-20. Everything downstream is lost with it.
// ŷ − y as written forms 1 − ŷ by subtraction, where backward's form takes σ(−θ): backward on
// that forward pass is the slides' δ1, bit for bit (first two asserts), and AD rejects it.
constexpr auto slides_delta1_net = nets::output_saturated(1.0);
constexpr Gradients<double> slides_delta1_as_written(double y) {
  return test::backward_with(slides_delta1_net, nets::everyday_x<double>, y,
                             [](auto& f) { f.one_minus_y_hat = 1.0 - f.y_hat; });
}
constexpr double slides_y_hat = forward(slides_delta1_net, nets::everyday_x<double>).y_hat;
static_assert(slides_delta1_as_written(1.0).delta1 == equations::delta1(slides_y_hat, 1.0));
static_assert(slides_delta1_as_written(0.0).delta1 == equations::delta1(slides_y_hat, 0.0));
constexpr bool slides_delta1_as_written_agrees(double y) {
  return test::gradients_agree_with_ad(slides_delta1_as_written(y),
                                       ad_gradients(slides_delta1_net, nets::everyday_x<double>, y));
}
static_assert(!slides_delta1_as_written_agrees(1.0));
static_assert(slides_delta1_as_written_agrees(0.0));  // wrong side: ŷ − 0 does not cancel

// (b) σ(z) in place of σ′(z) in δ2.
constexpr bool sigma_for_sigma_prime_agrees() {
  const auto& net = nets::everyday<double>;
  const auto& x = nets::everyday_x<double>;
  const auto g = test::backward_with(net, x, 1.0, [](auto& f) { f.sigma_prime = f.h; });
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
