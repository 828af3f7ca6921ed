// static_tests/known_values_test.cpp: networks whose every number can be derived by hand.
//
// Where a value is exact in binary (1/2, 1/4, 2, ...) it is checked with ==. Where it is not
// (σ(2), log 2), the reference is a 40-digit value from tools/reference_values.py (mpmath),
// checked within 1 ulp: each of those quantities is one or two correctly-rounded-ish steps
// away from exact, and gradproof's exp/log1p are accurate to well under 1 ulp.
#include "test_tools.hpp"

namespace {

using namespace gradproof;
using test::within_ulps;

// ---- The hand-derivable network: W = 0, b1 = 0, U = ones, b2 = 0 --------------------------
// z = W x + b1 = 0, so h = σ(0) = 1/2 and σ′(0) = 1/4 exactly; θ = U h + b2 = 4 · 1/2 = 2.
// ŷ = σ(2) (not exact); δ1 = ŷ − y; δ2 = δ1 · U ∘ σ′(z)ᵀ = δ1/4 in every entry (exact given δ1);
// dW(i, j) = δ2_i x_j, exact for x = (1, 2, −1/2); dU = δ1 hᵀ = δ1/2; db1 = δ2ᵀ; db2 = δ1.
template <real T>
constexpr Network<T> hand_net{{}, {}, {{T(1), T(1), T(1), T(1)}}, T(0)};
template <real T>
constexpr ColVector<T, 3> hand_x{{T(1), T(2), T(-0.5)}};

template <real T>
constexpr bool hand_forward_is_exact() {
  constexpr auto f = forward(hand_net<T>, hand_x<T>);
  for (std::size_t i = 0; i < 4; ++i)
    if (f.z(i, 0) != T(0) || f.h(i, 0) != T(0.5) || f.sigma_prime(i, 0) != T(0.25)) return false;
  return f.theta == T(2);
}
static_assert(hand_forward_is_exact<double>());
static_assert(hand_forward_is_exact<float>());

// σ(2) = 0.8807970779778824440597291413023967952064 (tools/reference_values.py).
static_assert(within_ulps(forward(hand_net<double>, hand_x<double>).y_hat,
                          0.8807970779778824440597291413023967952064L, 1));
static_assert(within_ulps(forward(hand_net<float>, hand_x<float>).y_hat,
                          0.8807970779778824440597291413023967952064L, 1));
// Known-bad twin: the same check rejects a value 2 ulps away.
static_assert(!within_ulps(0.8807970779778824440597291413023967952064 * (1 + 0x1p-51), 0.8807970779778824440597291413023967952064L, 1));

// δ1 = σ(2) − y, with σ(2) from mpmath (above): y = 1 gives −0.1192029220221175559402708586976032047936,
// y = 0 gives σ(2), y = 1/4 gives 0.6307970779778824440597291413023967952064. backward() forms
// it as (1 − y) ŷ − y (1 − ŷ) (network.hpp), so it is within 2 ulp of these, not equal to ŷ − y.
template <real T>
constexpr bool hand_backward_is_exact(T y, long double exact_delta1) {
  const auto g = backward(hand_net<T>, hand_x<T>, y);
  const T d1 = g.delta1;
  if (!within_ulps(d1, exact_delta1, 2) || g.db2 != d1) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (g.delta2(0, i) != d1 / 4 || g.db1(i, 0) != d1 / 4 || g.dU(0, i) != d1 / 2) return false;
    for (std::size_t j = 0; j < 3; ++j)
      if (g.dW(i, j) != d1 / 4 * hand_x<T>(j, 0)) return false;
  }
  return true;
}
static_assert(hand_backward_is_exact<double>(1.0, -0.1192029220221175559402708586976032047936L));
static_assert(hand_backward_is_exact<double>(0.0, 0.8807970779778824440597291413023967952064L));
static_assert(hand_backward_is_exact<float>(1.0f, -0.1192029220221175559402708586976032047936L));
static_assert(hand_backward_is_exact<float>(0.25f, 0.6307970779778824440597291413023967952064L));  // a soft label
// Known-bad twin: the same check with a δ1 of the wrong sign (the slides' ŷ − y read as y − ŷ).
static_assert(!hand_backward_is_exact<double>(1.0, 0.1192029220221175559402708586976032047936L));

// L(θ = 2, y = 1) = log1p(e^−2) = 0.1269280110429724964437268063583044314343 (mpmath).
static_assert(within_ulps(loss(hand_net<double>, hand_x<double>, 1.0), 0.1269280110429724964437268063583044314343L, 1));

// ---- The all-zero network: everything is exact ---------------------------------------------
// θ = 0, ŷ = 1/2, δ1 = 1/2 − y, δ2 = δ1 · 0 = 0, dW = 0, db1 = 0, dU = δ1 · 1/2, db2 = δ1.
// One SGD step with η = 1 and y = 1: U ← 0 − (−1/4) = 1/4 each, b2 ← 0 − (−1/2) = 1/2.
constexpr Network<double> zero_net{};
constexpr ColVector<double, 3> zero_x{{3.0, -1.0, 0.5}};
constexpr auto zero_g = backward(zero_net, zero_x, 1.0);
static_assert(forward(zero_net, zero_x).y_hat == 0.5);
static_assert(zero_g.delta1 == -0.5 && zero_g.db2 == -0.5);
static_assert(zero_g.delta2 == RowVector<double, 4>{} && zero_g.dW == Matrix<double, 4, 3>{} &&
              zero_g.db1 == ColVector<double, 4>{});
static_assert(zero_g.dU == RowVector<double, 4>{{-0.25, -0.25, -0.25, -0.25}});
constexpr auto zero_next = sgd_step(zero_net, zero_x, 1.0, 1.0);
static_assert(zero_next.W == Matrix<double, 4, 3>{} && zero_next.b1 == ColVector<double, 4>{});
static_assert(zero_next.U == RowVector<double, 4>{{0.25, 0.25, 0.25, 0.25}} && zero_next.b2 == 0.5);
// L(θ = 0) = log 2 = 0.6931471805599453094172321214581765680755 (mpmath), for either label.
static_assert(within_ulps(loss(zero_net, zero_x, 1.0), 0.6931471805599453094172321214581765680755L, 1));
static_assert(within_ulps(loss(zero_net, zero_x, 0.0), 0.6931471805599453094172321214581765680755L, 1));
// θ = 0 exactly is ŷ = 1/2: class 1 (classify tests θ >= 0).
static_assert(classify(zero_net, zero_x));

// ---- The loss: the logits form keeps its digits where the probability form cannot ---------
// A confident right answer, θ = 40, y = 1: L = log1p(e^−40) = 4.248354255291588986304977843631582181878e-18.
static_assert(within_ulps(bce_with_logits(40.0, 1.0), 4.248354255291588986304977843631582181878e-18L, 1));
// The naive −log σ(θ) is the known-bad twin: σ(40) rounds to 1, so it reports a loss of 0.
static_assert(-math::log(math::sigmoid(40.0)) == 0.0);
// Large |θ| on the wrong side: L = 800 + log1p(e^−800) = 800 (the tail is far below an ulp).
static_assert(bce_with_logits(-800.0, 1.0) == 800.0);
static_assert(bce_with_logits(800.0, 0.0) == 800.0);
// Keras's probability form clips ŷ to [1e−7, 1 − 1e−7]: a certain wrong answer costs
// −log(1e−7 as a double) = 16.11809565095831983337782835690429179146 (mpmath).
static_assert(within_ulps(bce(0.0, 1.0), 16.11809565095831983337782835690429179146L, 1));
static_assert(bce(0.5, 1.0) == bce(0.5, 0.0));
// The other end is clipped too: ŷ = 1, y = 0 costs −log(1 − fl(1 − 1e−7)) =
// 16.11809565148467563606083243778348607455 (tools/reference_values.py), not +inf.
static_assert(within_ulps(bce(1.0, 0.0), 1.611809565148467563606083243778348607455e+1L, 1));
// δ1 = ∂L/∂θ = ŷ − y: it is exactly the slope the logits loss has (checked by finite
// differences in gradient_check_test.cpp).

}  // namespace
