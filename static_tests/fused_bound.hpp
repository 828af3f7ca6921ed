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
//   fused δ1 = k ⊗ q, k = a ⊖ y ⊗ E: y E rounded once (u B), k and the product once each, and q
//     is σ* within 2 u (q d_lo is below 2 u): within 5 u (A + B).
//   So the two δ1 differ by at most 9 u (A + B). W_ij: composed η ⊗ ((δ1 ⊗ a_i) ⊗ x_j), fused
//   δ1 ⊗ ((η ⊗ a_i) ⊗ x_j): 3 roundings each (6 u), plus the δ1 difference: 15 u M |η a_i x_j|
//   between the two products; each side's final subtraction rounds by half an ulp of its result:
//   ulp(Ω') in all. b1_i and U_i have 2 products on each side (13 u), b2 one (11 u). 16 u covers
//   all four and M's own roundings (O(u) relative to the bound). Float: δ1 is the composed one
//   (fused_delta1 is for double), 6 u. The floor covers products that underflow, where relative
//   bounds end (none of the networks here comes near).
// How tight it is on random networks (a run-time comparison of the two steps) is in
// docs/math.md; the bound is the analysis's, not fitted to that comparison.
#ifndef GRADPROOF_STATIC_TESTS_FUSED_BOUND_HPP
#define GRADPROOF_STATIC_TESTS_FUSED_BOUND_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <limits>
#include <span>

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

// ---- Epochs -----------------------------------------------------------------------------------
// sgd_epoch forms each sample's z off the update's chain (network.hpp: detail::sgd_update_in_place):
// (W x + b1) − δ1' ((η U σ′)' s) with the network before the previous step's update, W, b1, and
// s = x'ᵀx + 1, where a per-sample sgd_step forms z = W_new x + b1_new. Everything else in a
// step of the epoch is the fused step's own arithmetic. So a step of the epoch differs from
// sgd_step from the same network only through z, and the bound follows z's difference through
// the step, to first order (the differences are a few units of roundoff):
//   z: both forms are W x + b1 with the real update; each rounds its matmul ((In + 1) u of the
//     terms), W_new and b1_new carry their own rounding (half an ulp each, at most u of the
//     entry, and u of their update's products), s and the correction round 2 u of the
//     correction: |Δz_i| <= D_i = (2 In + 10) u Z_i, Z_i = Σ_j |W_ij x_j| + |b1_i| + |δ1' (ηUσ′)'_i| (Σ_j |x'_j x_j| + 1).
//   σ and σ′ at z_i and z_i + Δz_i: σ′ D_i apart for σ, σ′ D_i for σ′ (|σ″| <= σ′), plus each
//     side's own error (2.5 and 3 ulp, docs/math.md): 10 u and 12 u of the value.
//   θ: Σ_m |U_m| |Δh_m|, plus the two sums' roundings, 2 (H + 1) u (Σ |U_m h_m| + |b2|): Δθ.
//   δ1 = σ(θ) k: σ′(θ) Δθ <= M Δθ (σ′(θ) = ŷ (1 − ŷ) <= M for any y in [0, 1]), plus 5 u M on
//     each side (fused_delta1's own rounding, above).
//   Then per parameter, with G as for the fused step (M |U_i σ′_i x_j|, M |U_i σ′_i|, M h_i, M):
//     W_ij, b1_i: η G (Δθ + D_i + 28 u);  U_i: η M (h_i (Δθ + 24 u) + σ′_i D_i);  b2: η M (Δθ + 12 u),
//   plus ulp(Ω') for the final subtraction. The first step of an epoch forms z as sgd_step does.
// After an epoch of n samples, the distance from n per-sample sgd_steps is the steps' local
// differences carried through the later steps; the bound allows twice their sum (plus an ulp of
// each step's result): a later step moves a difference by its own Jacobian, I − η ∂²L, which for
// the learning rates and networks of these proofs stays well inside that factor (docs/math.md
// gives how much of the bound random networks and epochs use).

/// The local bound of one step of an epoch (without the ulp(Ω') term), as a Network of bounds,
/// for the step from `net` on (x, y), where the previous sample contributed `prev_term`:
/// |δ1' (ηUσ′)'_i| (Σ_j |x'_j x_j| + 1) (0 for the first sample).
template <real T, std::size_t In, std::size_t H>
constexpr Network<T, In, H> epoch_step_bound(const Network<T, In, H>& net, const ColVector<T, In>& x, T y, T eta,
                                             const std::array<T, H>& prev_term) noexcept {
  constexpr T u = std::numeric_limits<T>::epsilon() / 2;
  const auto f = forward(net, x);
  const T m = (T(1) - y) * f.y_hat + y * f.one_minus_y_hat;
  std::array<T, H> d{};
  T sum_u_h = abs(net.b2);
  T dtheta = T(0);
  for (std::size_t i = 0; i < H; ++i) {
    T z_terms = abs(net.b1.data[i]) + prev_term[i];
    for (std::size_t j = 0; j < In; ++j) z_terms += abs(net.W.data[i * In + j] * x.data[j]);
    d[i] = T(2 * In + 10) * u * z_terms;
    dtheta += abs(net.U.data[i]) * (f.sigma_prime.data[i] * d[i] + T(10) * u * f.h.data[i]);
    sum_u_h += abs(net.U.data[i] * f.h.data[i]);
  }
  dtheta += T(2 * (H + 1)) * u * sum_u_h;
  Network<T, In, H> b{};
  for (std::size_t i = 0; i < H; ++i) {
    const T a = abs(net.U.data[i] * f.sigma_prime.data[i]);
    for (std::size_t j = 0; j < In; ++j) b.W.data[i * In + j] = eta * m * a * abs(x.data[j]) * (dtheta + d[i] + T(28) * u);
    b.b1.data[i] = eta * m * a * (dtheta + d[i] + T(28) * u);
    b.U.data[i] = eta * m * (f.h.data[i] * (dtheta + T(24) * u) + f.sigma_prime.data[i] * d[i]);
  }
  b.b2 = eta * m * (dtheta + T(12) * u);
  return b;
}

/// What a step contributes to the next step's z bound: |δ1 (η U_i σ′_i)| (Σ_j |x_j x'_j| + 1).
template <real T, std::size_t In, std::size_t H>
constexpr std::array<T, H> epoch_prev_term(const Network<T, In, H>& net, const ColVector<T, In>& x, T y, T eta,
                                           const ColVector<T, In>& next_x) noexcept {
  const auto f = forward(net, x);
  const T delta1 = abs(gradproof::detail::fused_delta1(f.theta, y));
  T s = T(1);
  for (std::size_t j = 0; j < In; ++j) s += abs(x.data[j] * next_x.data[j]);
  std::array<T, H> out{};
  for (std::size_t i = 0; i < H; ++i) out[i] = delta1 * abs(eta * net.U.data[i] * f.sigma_prime.data[i]) * s;
  return out;
}

/// |a − b| <= ulp(larger) + bound, entry by entry.
template <real T, std::size_t In, std::size_t H>
constexpr bool networks_within(const Network<T, In, H>& a, const Network<T, In, H>& b, const Network<T, In, H>& bound,
                               T ulps = T(1)) noexcept {
  const auto one = [ulps](T p, T q, T allowed) {
    const T larger = abs(p) > abs(q) ? abs(p) : abs(q);
    return abs(p - q) <= ulps * ulp_at(larger) + allowed + T(8) * std::numeric_limits<T>::denorm_min();
  };
  for (std::size_t k = 0; k < In * H; ++k)
    if (!one(a.W.data[k], b.W.data[k], bound.W.data[k])) return false;
  for (std::size_t i = 0; i < H; ++i)
    if (!one(a.b1.data[i], b.b1.data[i], bound.b1.data[i]) || !one(a.U.data[i], b.U.data[i], bound.U.data[i])) return false;
  return one(a.b2, b.b2, bound.b2);
}

template <real T, std::size_t In, std::size_t H>
constexpr void add_to(Network<T, In, H>& sum, const Network<T, In, H>& b, T factor) noexcept {
  for (std::size_t k = 0; k < In * H; ++k) sum.W.data[k] += factor * b.W.data[k];
  for (std::size_t i = 0; i < H; ++i) {
    sum.b1.data[i] += factor * b.b1.data[i];
    sum.U.data[i] += factor * b.U.data[i];
  }
  sum.b2 += factor * b.b2;
}

/// The spacing of every entry of n (ulp_at), as a Network.
template <real T, std::size_t In, std::size_t H>
constexpr Network<T, In, H> ulps_of(const Network<T, In, H>& n) noexcept {
  Network<T, In, H> out{};
  for (std::size_t k = 0; k < In * H; ++k) out.W.data[k] = ulp_at(n.W.data[k]);
  for (std::size_t i = 0; i < H; ++i) {
    out.b1.data[i] = ulp_at(n.b1.data[i]);
    out.U.data[i] = ulp_at(n.U.data[i]);
  }
  out.b2 = ulp_at(n.b2);
  return out;
}

/// `epoch(net0, samples[0..k))` for k = 1..N against the bounds: each step of the epoch within the
/// local bound of sgd_step from the same network, and the whole epoch within twice the local
/// bounds' sum of N per-sample sgd_steps. `epoch` is sgd_epoch, or a known-bad twin.
template <real T, std::size_t In, std::size_t H, std::size_t N, class Epoch>
constexpr bool epoch_within_bound(const Network<T, In, H>& net0, const std::array<Sample<T, In>, N>& samples, T eta,
                                  Epoch epoch) noexcept {
  Network<T, In, H> sum{};  // Σ_k (local bound_k + ulp of step k's result)
  Network<T, In, H> before = net0;
  Network<T, In, H> per_sample = net0;
  std::array<T, H> prev_term{};
  for (std::size_t k = 0; k < N; ++k) {
    const Network<T, In, H> after = epoch(net0, std::span<const Sample<T, In>>(samples.data(), k + 1), eta);
    const auto bound = epoch_step_bound(before, samples[k].x, samples[k].y, eta, prev_term);
    if (!networks_within(after, sgd_step(before, samples[k].x, samples[k].y, eta), bound)) return false;
    add_to(sum, bound, T(1));
    add_to(sum, ulps_of(after), T(1));
    if (k + 1 < N) prev_term = epoch_prev_term(before, samples[k].x, samples[k].y, eta, samples[k + 1].x);
    per_sample = sgd_step(per_sample, samples[k].x, samples[k].y, eta);
    before = after;
  }
  Network<T, In, H> twice{};
  add_to(twice, sum, T(2));
  return networks_within(before, per_sample, twice);
}

template <real T, std::size_t In, std::size_t H, std::size_t N>
constexpr bool sgd_epoch_within_bound(const Network<T, In, H>& net0, const std::array<Sample<T, In>, N>& samples,
                                      T eta) noexcept {
  return epoch_within_bound(net0, samples, eta, [](const Network<T, In, H>& n, std::span<const Sample<T, In>> s, T e) {
    return sgd_epoch(n, s, e);
  });
}

}  // namespace gradproof::test

#endif  // GRADPROOF_STATIC_TESTS_FUSED_BOUND_HPP
