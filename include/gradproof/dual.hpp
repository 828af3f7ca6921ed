// gradproof/dual.hpp: forward-mode automatic differentiation. Dual<T> carries a value and its
// derivative along one direction (a + a′ε with ε² = 0); every operation applies the chain rule
// exactly, rounding only as T does. Run the library's own forward pass and loss on
// Network<Dual<T>> with one parameter's derivative seeded to 1, and the loss's derivative is
// ∂L/∂(that parameter): an independent derivative, no step size, no truncation error, against
// which static_tests/ad_test*.cpp prove every entry of dW, db1, dU, db2 (issue 4).
//
// Why forward mode and not finite differences: a central difference at step h has truncation
// error ~h² and cancellation error ~ulp/h, so it agrees with the truth to ~1e-10 at best; a
// dual number agrees to a few ulp, so a proof can demand a few ulp.
#ifndef GRADPROOF_DUAL_HPP
#define GRADPROOF_DUAL_HPP

#include <array>
#include <cstddef>
#include <limits>

#include "detail/fp.hpp"
#include "math.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof {

/// value + derivative ε, ε² = 0. Converts implicitly from T (a constant: derivative 0), so the
/// library's generic code (T(0), sums from T{}) works unchanged.
template <real T>
struct Dual {
  T value{};
  T derivative{};

  constexpr Dual() noexcept = default;
  constexpr Dual(T v, T d = T(0)) noexcept : value(v), derivative(d) {}  // NOLINT: implicit on purpose

  friend constexpr Dual operator-(const Dual& a) noexcept { return {-a.value, -a.derivative}; }
  friend constexpr Dual operator+(const Dual& a, const Dual& b) noexcept {
    return {a.value + b.value, a.derivative + b.derivative};
  }
  friend constexpr Dual operator-(const Dual& a, const Dual& b) noexcept {
    return {a.value - b.value, a.derivative - b.derivative};
  }
  /// (a b)′ = a′ b + a b′.
  friend constexpr Dual operator*(const Dual& a, const Dual& b) noexcept {
    return {GRADPROOF_MUL(a.value, b.value),
            GRADPROOF_MUL(a.derivative, b.value) + GRADPROOF_MUL(a.value, b.derivative)};
  }
  /// (a / b)′ = (a′ − (a/b) b′) / b.
  friend constexpr Dual operator/(const Dual& a, const Dual& b) noexcept {
    const T q = a.value / b.value;
    return {q, (a.derivative - GRADPROOF_MUL(q, b.derivative)) / b.value};
  }
  // Comparisons see the value only: a branch of the library follows the value, as it would in T.
  friend constexpr bool operator==(const Dual& a, const Dual& b) noexcept { return a.value == b.value; }
  friend constexpr bool operator<(const Dual& a, const Dual& b) noexcept { return a.value < b.value; }
  friend constexpr bool operator>(const Dual& a, const Dual& b) noexcept { return a.value > b.value; }
  friend constexpr bool operator<=(const Dual& a, const Dual& b) noexcept { return a.value <= b.value; }
  friend constexpr bool operator>=(const Dual& a, const Dual& b) noexcept { return a.value >= b.value; }
};

template <class T>
struct is_dual<Dual<T>> : std::true_type {};

/// The derivative direction: a variable (derivative 1) or a constant (derivative 0).
template <real T>
constexpr Dual<T> variable(T v) noexcept {
  return {v, T(1)};
}

namespace math {

/// (e^a)′ = e^a a′.
template <real T>
constexpr Dual<T> exp(const Dual<T>& a) noexcept {
  const T e = exp(a.value);
  return {e, GRADPROOF_MUL(e, a.derivative)};
}

/// (log(1 + a))′ = a′ / (1 + a).
template <real T>
constexpr Dual<T> log1p(const Dual<T>& a) noexcept {
  return {log1p(a.value), a.derivative / (T(1) + a.value)};
}

/// (log a)′ = a′ / a.
template <real T>
constexpr Dual<T> log(const Dual<T>& a) noexcept {
  return {log(a.value), a.derivative / a.value};
}

/// σ(a)′ = σ′(a) a′, with the accurate σ′ (not the forward pass's cheaper pair).
template <real T>
constexpr Dual<T> sigmoid(const Dual<T>& a) noexcept {
  return {sigmoid(a.value), GRADPROOF_MUL(sigmoid_prime(a.value), a.derivative)};
}

/// σ′(a)′ = σ′(a) (σ(−a) − σ(a)) a′ = σ′(a) (1 − 2σ(a)) a′, written without the cancellation.
template <real T>
constexpr Dual<T> sigmoid_prime(const Dual<T>& a) noexcept {
  const T p = sigmoid_prime(a.value);
  const T slope = sigmoid(-a.value) - sigmoid(a.value);
  return {p, GRADPROOF_MUL(GRADPROOF_MUL(p, slope), a.derivative)};
}

/// softplus(a)′ = σ(a) a′.
template <real T>
constexpr Dual<T> softplus(const Dual<T>& a) noexcept {
  return {softplus(a.value), GRADPROOF_MUL(sigmoid(a.value), a.derivative)};
}

/// The forward pass's pair on dual numbers: σ and σ′ of a, each with its derivative.
template <real T>
constexpr sigmoid_pair<Dual<T>> sigmoid_and_prime(const Dual<T>& a) noexcept {
  return {sigmoid(a), sigmoid_prime(a)};
}
template <real T, std::size_t Lanes>
constexpr void sigmoid_and_prime(const std::array<Dual<T>, Lanes>& x, std::array<Dual<T>, Lanes>& sigma,
                                 std::array<Dual<T>, Lanes>& sigma_prime) noexcept {
  for (std::size_t i = 0; i < Lanes; ++i) {
    sigma[i] = sigmoid(x[i]);
    sigma_prime[i] = sigmoid_prime(x[i]);
  }
}

/// σ(a) and 1 − σ(a) = σ(−a), each with its derivative (±σ′(a) a′).
template <real T>
constexpr sigmoid_complement<Dual<T>> sigmoid_and_complement(const Dual<T>& a) noexcept {
  const auto p = sigmoid_and_complement(a.value);
  const T slope = GRADPROOF_MUL(sigmoid_prime(a.value), a.derivative);
  return {{p.sigma, slope}, {p.complement, -slope}};
}

}  // namespace math
}  // namespace gradproof

/// Dual<T> has T's range and precision: is_finite, the bad-input checks and the library's
/// constants see it as T.
template <class T>
class std::numeric_limits<gradproof::Dual<T>> : public std::numeric_limits<T> {};

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_DUAL_HPP
