// gradproof/dual.hpp: forward-mode automatic differentiation. Dual<T, N> carries a value and
// its derivatives along N directions (a + Σ a′_k ε_k with ε_k ε_l = 0); every operation applies
// the chain rule exactly, rounding only as T does. Run the library's own forward pass and loss
// on Network<Dual<T, N>> with each parameter entry's derivative seeded along its own direction
// (ad.hpp), and the loss's derivatives are ∂L/∂(every parameter): independent derivatives, no
// step size, no truncation error, against which static_tests/ad_test.cpp proves every entry of
// dW, db1, dU, db2.
//
// Why forward mode and not finite differences: a central difference at step h has truncation
// error ~h² and cancellation error ~ulp/h, so it agrees with the truth to ~1e-10 at best; a
// dual number agrees to a few ulp, so a proof can demand a few ulp.
#ifndef GRADPROOF_DUAL_HPP
#define GRADPROOF_DUAL_HPP

#include <array>
#include <cstddef>
#include <limits>

#include "detail/numeric.hpp"
#include "math.hpp"
#include "scalar.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof {

/// value + Σ derivative[k] ε_k, ε_k ε_l = 0: a value and its derivatives along N directions at
/// once (N = 1: the textbook dual number). One evaluation with N directions costs one
/// evaluation of the value (the exps, the logs) plus N of the chain rule's products; ad.hpp
/// seeds one direction per parameter entry, so one forward pass gives every gradient.
/// Converts implicitly from T (a constant: derivatives 0), so the library's generic code
/// (T(0), sums from T{}) works unchanged.
template <real T, std::size_t N = 1>
struct Dual {
  T value{};
  std::array<T, N> derivative{};

  constexpr Dual() noexcept = default;
  constexpr Dual(T initial_value) noexcept : value(initial_value) {}  // NOLINT: implicit on purpose
  constexpr Dual(T initial_value, const std::array<T, N>& initial_derivative) noexcept
      : value(initial_value), derivative(initial_derivative) {}

  /// v with derivative 1 along direction k (a variable), 0 along the others.
  static constexpr Dual variable(T v, std::size_t k = 0) noexcept {
    Dual d(v);
    d.derivative[k] = T(1);
    return d;
  }
  /// The derivative scaled: every direction times s (the chain rule's f′(a) a′).
  constexpr std::array<T, N> scaled_derivative(T s) const noexcept {
    std::array<T, N> r{};
    for (std::size_t k = 0; k < N; ++k) r[k] = GRADPROOF_MUL(s, derivative[k]);
    return r;
  }

  friend constexpr Dual operator-(const Dual& a) noexcept {
    Dual r(-a.value);
    for (std::size_t k = 0; k < N; ++k) r.derivative[k] = -a.derivative[k];
    return r;
  }
  friend constexpr Dual operator+(const Dual& a, const Dual& b) noexcept {
    Dual r(a.value + b.value);
    for (std::size_t k = 0; k < N; ++k) r.derivative[k] = a.derivative[k] + b.derivative[k];
    return r;
  }
  friend constexpr Dual operator-(const Dual& a, const Dual& b) noexcept {
    Dual r(a.value - b.value);
    for (std::size_t k = 0; k < N; ++k) r.derivative[k] = a.derivative[k] - b.derivative[k];
    return r;
  }
  /// (a b)′ = a′ b + a b′.
  friend constexpr Dual operator*(const Dual& a, const Dual& b) noexcept {
    Dual r(GRADPROOF_MUL(a.value, b.value));
    for (std::size_t k = 0; k < N; ++k)
      r.derivative[k] = GRADPROOF_MUL(a.derivative[k], b.value) + GRADPROOF_MUL(a.value, b.derivative[k]);
    return r;
  }
  /// (a / b)′ = (a′ − (a/b) b′) / b.
  friend constexpr Dual operator/(const Dual& a, const Dual& b) noexcept {
    Dual r(a.value / b.value);
    for (std::size_t k = 0; k < N; ++k)
      r.derivative[k] = (a.derivative[k] - GRADPROOF_MUL(r.value, b.derivative[k])) / b.value;
    return r;
  }
  // Comparisons see the value only: a branch of the library follows the value, as it would in T.
  GRADPROOF_EXACT_EQUALITY_BEGIN
  friend constexpr bool operator==(const Dual& a, const Dual& b) noexcept { return a.value == b.value; }
  GRADPROOF_EXACT_EQUALITY_END
  friend constexpr bool operator<(const Dual& a, const Dual& b) noexcept { return a.value < b.value; }
  friend constexpr bool operator>(const Dual& a, const Dual& b) noexcept { return a.value > b.value; }
  friend constexpr bool operator<=(const Dual& a, const Dual& b) noexcept { return a.value <= b.value; }
  friend constexpr bool operator>=(const Dual& a, const Dual& b) noexcept { return a.value >= b.value; }

  // The math the core calls on a Dual (scalar.hpp's customisation point), found by
  // argument-dependent lookup; each applies the chain rule to the real function of math.hpp.

  /// (e^a)′ = e^a a′.
  friend constexpr Dual exp(const Dual& a) noexcept {
    const T e = math::exp(a.value);
    return {e, a.scaled_derivative(e)};
  }
  /// (log(1 + a))′ = a′ / (1 + a).
  friend constexpr Dual log1p(const Dual& a) noexcept {
    Dual r(math::log1p(a.value));
    const T one_plus_a = T(1) + a.value;
    for (std::size_t k = 0; k < N; ++k) r.derivative[k] = a.derivative[k] / one_plus_a;
    return r;
  }
  /// (log a)′ = a′ / a.
  friend constexpr Dual log(const Dual& a) noexcept {
    Dual r(math::log(a.value));
    for (std::size_t k = 0; k < N; ++k) r.derivative[k] = a.derivative[k] / a.value;
    return r;
  }
  /// σ(a)′ = σ′(a) a′, with the accurate σ′ (not the forward pass's cheaper pair).
  friend constexpr Dual sigmoid(const Dual& a) noexcept {
    return {math::sigmoid(a.value), a.scaled_derivative(math::sigmoid_prime(a.value))};
  }
  /// σ′(a)′ = σ″(a) a′.
  friend constexpr Dual sigmoid_prime(const Dual& a) noexcept {
    const T p = math::sigmoid_prime(a.value);
    return {p, a.scaled_derivative(sigmoid_second(p, math::sigmoid(a.value)))};
  }
  /// softplus(a)′ = σ(a) a′.
  friend constexpr Dual softplus(const Dual& a) noexcept {
    return {math::softplus(a.value), a.scaled_derivative(math::sigmoid(a.value))};
  }
  /// The forward pass's pair on dual numbers. The values are the T pair's own (sigmoid_and_prime's
  /// cheaper σ and σ′), so a Dual forward pass computes the very θ that the T forward pass
  /// computes: δ1 = σ(θ) − y is ill-conditioned in θ's absolute error when |θ| is large (a change
  /// of one ulp of θ = 12 moves σ(−12) by 12 ulp), so comparing the derivatives of two slightly
  /// different θ would measure that, not the gradient. The derivatives use the accurate σ′; σ″
  /// comes from the pair's σ: no second exp for a derivative that the loss does not use (θ
  /// depends on h, not on σ′).
  friend constexpr SigmoidPair<Dual> sigmoid_and_prime(const Dual& a) noexcept {
    const auto p = math::sigmoid_and_prime(a.value);
    const T slope = math::sigmoid_prime(a.value);
    return {{p.sigma, a.scaled_derivative(slope)},
            {p.sigma_prime, a.scaled_derivative(sigmoid_second(slope, p.sigma))}};
  }
  /// σ(a) and 1 − σ(a) = σ(−a), each with its derivative (±σ′(a) a′).
  friend constexpr SigmoidComplement<Dual> sigmoid_and_complement(const Dual& a) noexcept {
    const auto p = math::sigmoid_and_complement(a.value);
    const T slope = math::sigmoid_prime(a.value);
    return {{p.sigma, a.scaled_derivative(slope)}, {p.complement, a.scaled_derivative(-slope)}};
  }

 private:
  /// σ″ = σ′ (1 − 2σ), from σ′ and σ already at hand.
  static constexpr T sigmoid_second(T sigma_prime, T sigma) noexcept {
    const T two_sigma = T(2) * sigma;  // exact
    const T one_minus_two_sigma = T(1) - two_sigma;
    return GRADPROOF_MUL(sigma_prime, one_minus_two_sigma);
  }
};

/// Dual opts in to the core (scalar.hpp): its math is the hidden friends above, its values
/// compare (by their value), and nothing of it throws.
template <class T, std::size_t N>
struct ScalarTraits<Dual<T, N>> {
  static constexpr bool exact = true;
  static constexpr bool checked = true;
  static constexpr bool nothrow = true;
};

}  // namespace gradproof

/// Dual<T, N> has T's range and precision: is_finite, the bad-input checks and the library's
/// constants see it as T.
template <class T, std::size_t N>
class std::numeric_limits<gradproof::Dual<T, N>> : public std::numeric_limits<T> {};

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_DUAL_HPP
