// static_tests/fused_bound.hpp: the judge of fused_step_test.cpp: sgd_step evaluates forward,
// backward and update in its own order (network.hpp: detail::fused_delta1,
// detail::sgd_update_in_place), so each updated parameter may differ from the composed step
// update(net, backward(net, x, y), eta) by roundings, and by no more than
//
//     |Ω_fused − Ω_composed| <= ulp(Ω') + 16 u η G + 8 (smallest subnormal),
//
// where u is the unit roundoff (2^-53 for double, 2^-24 for float), ulp(Ω') the spacing of the
// type at the larger of the two results, and G the magnitude of the gradient entry with |δ1|
// replaced by M = (1 − y) ŷ + y (1 − ŷ), the size of δ1's two terms (M = |δ1| for a label 0 or
// 1; for a soft label near ŷ, δ1 cancels on both sides and only M bounds the difference):
//     W_ij: G = M |U_i σ′_i x_j|,  b1_i: G = M |U_i σ′_i|,  U_i: G = M h_i,  b2: G = M.
//
// Why 16 u. Both sides share z, h, σ′, θ (forward's own functions), a_i = U_i ⊗ σ′_i, and the
// output unit's E = e^−θ, d + d_lo = 1 + E and q = 1/d (math.hpp), with σ* = q (1 − q d_lo),
// a = 1 ⊖ y. Let A = a σ*, B = y E σ* (so M = A + B up to 3 u).
//   composed δ1 = (a ⊗ σ) ⊖ (y ⊗ (E ⊗ σ)), σ = q ⊖ q ⊗ (q ⊗ d_lo): σ is σ* within u (the
//     correction is below 2 u of q, so its own roundings are O(u²)); then A takes 2 roundings,
//     B 3, the difference 1: within 4 u (A + B) of σ* (a − y E).
//   fused δ1 = (k ⊗ q) ⊗ (1 ⊖ q ⊗ d_lo), k = a ⊖ y ⊗ E: y E rounded once (u B), then k, the
//     two products and 1 − q d_lo once each: within 5 u (A + B).
//   So the two δ1 differ by at most 9 u (A + B). W_ij: composed η ⊗ ((δ1 ⊗ a_i) ⊗ x_j), fused
//   δ1 ⊗ ((η ⊗ a_i) ⊗ x_j): 3 roundings each (6 u), plus the δ1 difference: 15 u M |η a_i x_j|
//   between the two products; each side's final subtraction rounds by half an ulp of its result:
//   ulp(Ω') in all. b1_i and U_i have 2 products on each side (13 u), b2 one (11 u). 16 u covers
//   all four and M's own roundings (O(u) relative to the bound). Float: δ1 is the composed one
//   (fused_delta1 is for double), 6 u. The floor covers products that underflow, where relative
//   bounds end (none of the networks here comes near).
// Measured over 200,000 random networks (weights up to 1.5, a third up to 20, a fifth with |U|
// up to 15; labels 0, 1 and, in a quarter, soft; η 0.5 and 0.05), by a throwaway program that
// compared the two steps at run time: 2.9 % of the entries differ at all, none by more than
// ulp(Ω') + 5.2 u η G. The bound is the analysis's, not the fit's.
#ifndef GRADPROOF_STATIC_TESTS_FUSED_BOUND_HPP
#define GRADPROOF_STATIC_TESTS_FUSED_BOUND_HPP

#include <bit>
#include <cstddef>
#include <limits>

#include "test_tools.hpp"

namespace gradproof::test {

inline constexpr int fused_bound_u = 16;

/// The spacing of T at |x|: the distance from |x| to the next larger T (x finite).
template <real T>
constexpr T ulp_at(T x) noexcept {
  using Bits = std::conditional_t<std::is_same_v<T, double>, std::uint64_t, std::uint32_t>;
  const T a = abs(x);
  return std::bit_cast<T>(static_cast<Bits>(std::bit_cast<Bits>(a) + 1U)) - a;
}

/// One parameter entry: fused and composed within ulp(Ω') + bound_u u g + the floor.
template <real T>
constexpr bool within_fused_bound(T fused, T composed, T g, int bound_u = fused_bound_u) noexcept {
  constexpr T u = std::numeric_limits<T>::epsilon() / 2;
  const T larger = abs(fused) > abs(composed) ? abs(fused) : abs(composed);
  return abs(fused - composed) <= ulp_at(larger) + T(bound_u) * u * g + T(8) * std::numeric_limits<T>::denorm_min();
}

/// Every entry of `fused` against update(net, backward(net, x, y), eta), with G as above.
template <real T, std::size_t In, std::size_t H>
constexpr bool step_within_fused_bound(const Network<T, In, H>& fused, const Network<T, In, H>& net,
                                       const ColVector<T, In>& x, T y, T eta, int bound_u = fused_bound_u) noexcept {
  const auto composed = update(net, backward(net, x, y), eta);
  const auto f = forward(net, x);
  const T m = (T(1) - y) * f.y_hat + y * f.one_minus_y_hat;  // the size of δ1's terms
  for (std::size_t i = 0; i < H; ++i) {
    const T a = abs(net.U.data[i] * f.sigma_prime.data[i]);
    for (std::size_t j = 0; j < In; ++j) {
      const std::size_t k = i * In + j;
      if (!within_fused_bound(fused.W.data[k], composed.W.data[k], eta * m * a * abs(x.data[j]), bound_u)) return false;
    }
    if (!within_fused_bound(fused.b1.data[i], composed.b1.data[i], eta * m * a, bound_u)) return false;
    if (!within_fused_bound(fused.U.data[i], composed.U.data[i], eta * m * f.h.data[i], bound_u)) return false;
  }
  return within_fused_bound(fused.b2, composed.b2, eta * m, bound_u);
}

/// sgd_step itself within the bound.
template <real T, std::size_t In, std::size_t H>
constexpr bool fused_step_within_bound(const Network<T, In, H>& net, const ColVector<T, In>& x, T y, T eta) noexcept {
  return step_within_fused_bound(sgd_step(net, x, y, eta), net, x, y, eta);
}

}  // namespace gradproof::test

#endif  // GRADPROOF_STATIC_TESTS_FUSED_BOUND_HPP
