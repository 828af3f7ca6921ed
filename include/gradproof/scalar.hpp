// gradproof/scalar.hpp: the scalar types the library runs on, and how a new one plugs in.
//
// The core (matrix, ops, math, loss, network, train, checked, keras) is written for a `real`
// type, float or double, and proven on both. A type that is not real can run the same forward
// pass, backward pass, update, SGD step and loss when it opts in here: it specialises
// ScalarTraits, and defines its math (exp, log1p, sigmoid, sigmoid_and_prime,
// sigmoid_and_complement, softplus) as functions that argument-dependent lookup finds, e.g.
// hidden friends. The core calls them through gradproof::math, whose overload for such a type
// makes the unqualified call (math.hpp). dual.hpp (forward-mode derivatives) plugs in this way;
// so does any other scalar, without an edit to the core. docs/architecture.md walks through it.
#ifndef GRADPROOF_SCALAR_HPP
#define GRADPROOF_SCALAR_HPP

#include <concepts>
#include <type_traits>

#include "detail/config.hpp"

namespace gradproof {

/// The scalar types gradproof's math is written for (and proven on).
template <class T>
concept real = std::same_as<T, float> || std::same_as<T, double>;

/// What the core needs to know of a scalar type that is not real. The primary template says
/// "not a scalar"; a type opts in with a specialisation that sets `exact` and says whether its
/// values are checked and whether its operations may throw.
template <class T>
struct ScalarTraits {
  /// The core runs on T, with T's math found by argument-dependent lookup.
  static constexpr bool exact = false;
  /// T's values compare like numbers (<, >=, std::numeric_limits<T>): the core's bad-input
  /// checks (a label in [0, 1], a positive learning rate, finite parameters) apply to them and
  /// the loss may branch on the sign of θ. False for a type whose values are not numbers (a
  /// formula): the checks are skipped and the loss is written without a comparison.
  static constexpr bool checked = false;
  /// T's operations never throw, so forward, backward, the SGD step and the loss stay noexcept.
  static constexpr bool nothrow = false;
};

/// A scalar type that is not real and has opted in (ScalarTraits<T>::exact): Dual, or yours.
template <class T>
concept exact_scalar = !real<T> && ScalarTraits<T>::exact;

/// What the network and the loss compute on: a real type, or an exact scalar.
template <class T>
concept scalar = real<T> || exact_scalar<T>;

/// Whether the core checks T's values for bad input (always for a real type).
template <class T>
inline constexpr bool checked_scalar = real<T> || ScalarTraits<T>::checked;

/// Whether the core's functions on T are noexcept (always for an arithmetic type).
template <class T>
inline constexpr bool nothrow_scalar = std::is_arithmetic_v<T> || ScalarTraits<T>::nothrow;

/// σ(x) and σ′(x), from one exp: what the forward pass keeps of each hidden unit.
template <class T>
struct SigmoidPair {
  T sigma;        ///< σ(x)
  T sigma_prime;  ///< σ′(x)
};

/// σ(x) and 1 − σ(x) = σ(−x), each to relative accuracy: the output unit's ŷ and 1 − ŷ.
template <class T>
struct SigmoidComplement {
  T sigma;       ///< σ(x)
  T complement;  ///< 1 − σ(x) = σ(−x)
};

}  // namespace gradproof

#endif  // GRADPROOF_SCALAR_HPP
