// static_tests/ad_check.hpp: the judge of the AD proofs (ad_test.cpp, errata_test.cpp): a
// gradient agrees with forward-mode AD (gradproof::ad_gradients) entry by entry, within
// ad_bound_u units of roundoff u (2^-53 for double, 2^-24 for float) of the larger magnitude.
//
// Why 12 u. Both sides compute from the same z, h and θ (the Dual forward pass takes its values
// from the same functions as T's, dual.hpp), so only the derivative arithmetic differs.
//   backward(): σ′(z_i) from the forward pass's cheaper pair (<= 3 ulp, docs/math.md); δ1 =
//     (1 − y) ŷ − y (1 − ŷ), for y in {0, 1} one exact product of ŷ (<= 1 ulp) or of
//     1 − ŷ = E σ (<= 2.5 ulp); then at most three roundings (U_i σ′_i, δ1 · that, · x_j):
//     <= 3 + 2.5 + 1.5 = 7 u.
//   AD: the accurate σ′ (<= 1 ulp), the chain's products (<= 1.5), and the derivative of
//     max(θ, 0) − θ y + log1p(e^-|θ|): e^-|θ| (0.5), its product with θ′ (0.5), 1 + e (0.5),
//     the division (0.5), and the final sum, which at most doubles the relative error of a term
//     of at most half its size (θ >= 0 puts e^-θ/(1 + e^-θ) <= 1/2): <= 5 u.
// Sum: 12 u. Measured over 20,000 random networks, a third of them with |z| up to 40 and
// |U| up to 20 (so |θ| up to 50): 6.9 u (double), 5.7 u (float), by a throwaway program that
// compared ad_gradients with backward at run time (the bound is the analysis's, not the fit's).
// Where a gradient underflows into the subnormals its relative accuracy goes with it: the
// floor is 8 of the type's smallest subnormals.
// Soft labels: δ1 = σ(θ) − y cancels when σ(θ) is near y, on both sides, so no relative bound
// holds there; the proofs use soft labels only away from σ(θ).
#ifndef GRADPROOF_STATIC_TESTS_AD_CHECK_HPP
#define GRADPROOF_STATIC_TESTS_AD_CHECK_HPP

#include <cstddef>
#include <limits>

#include "test_tools.hpp"

namespace gradproof::test {

inline constexpr int ad_bound_u = 12;

template <real T>
constexpr bool agrees_with_ad(T analytic, T ad) noexcept {
  constexpr T u = std::numeric_limits<T>::epsilon() / 2;
  return close(analytic, ad, T(ad_bound_u) * u, T(8) * std::numeric_limits<T>::denorm_min());
}

/// Every entry of dW, db1, dU and db2 (and so δ1 and δ2) agrees with AD.
template <real T, std::size_t In, std::size_t Hidden>
constexpr bool gradients_agree_with_ad(const Gradients<T, In, Hidden>& g, const Gradients<T, In, Hidden>& ad) noexcept {
  for (std::size_t k = 0; k < In * Hidden; ++k)
    if (!agrees_with_ad(g.dW.data[k], ad.dW.data[k])) return false;
  for (std::size_t i = 0; i < Hidden; ++i)
    if (!agrees_with_ad(g.db1.data[i], ad.db1.data[i]) || !agrees_with_ad(g.dU.data[i], ad.dU.data[i])) return false;
  return agrees_with_ad(g.db2, ad.db2);
}

/// backward(net, x, y) agrees with ad_gradients(net, x, y).
template <real T, std::size_t In, std::size_t Hidden>
constexpr bool backward_agrees_with_ad(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y) noexcept {
  return gradients_agree_with_ad(backward(net, x, y), ad_gradients(net, x, y));
}

}  // namespace gradproof::test

#endif  // GRADPROOF_STATIC_TESTS_AD_CHECK_HPP
