// static_tests/test_tools.hpp: the few helpers the proofs share.
#ifndef GRADPROOF_STATIC_TESTS_TEST_TOOLS_HPP
#define GRADPROOF_STATIC_TESTS_TEST_TOOLS_HPP

#include <array>
#include <bit>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

#include <gradproof/gradproof.hpp>

#include "bits.hpp"

namespace gradproof::test {

/// is_of_type<T>(expr): the exact type of an expression, as mp-units checks it.
template <class Expected, class Actual>
constexpr bool is_of_type(const Actual&) noexcept {
  return std::is_same_v<Expected, Actual>;
}

template <class T>
constexpr T abs(T x) noexcept {
  return x < T(0) ? -x : x;
}

/// Distance in units in the last place between two finite numbers of one type (0 if equal;
/// -0 and +0 coincide; counts across zero and through the subnormals).
template <gradproof::real T>
constexpr std::uint64_t ulp_distance(T a, T b) noexcept {
  // Map the sign-magnitude bit pattern onto a monotone unsigned line.
  auto key = [](T v) {
    constexpr Bits<T> sign = Bits<T>{1} << (sizeof(Bits<T>) * 8 - 1);
    const Bits<T> pattern = bits(v);
    return static_cast<std::uint64_t>((pattern & sign) != 0U ? sign - (pattern & ~sign) : sign + pattern);
  };
  const std::uint64_t ka = key(a);
  const std::uint64_t kb = key(b);
  return ka > kb ? ka - kb : kb - ka;
}

/// a is within n ulps of the reference `exact`, rounded to T. `exact` is given in long
/// double so a 40-digit literal keeps more than double's digits until this one rounding.
template <gradproof::real T>
constexpr bool within_ulps(T a, long double exact, std::uint64_t n) noexcept {
  return ulp_distance(a, static_cast<T>(exact)) <= n;
}

/// a and b are the same bits: NaN equals itself, -0 differs from +0.
template <class T>
constexpr bool same_bits(const T& a, const T& b) noexcept {
  using Bytes = std::array<unsigned char, sizeof(T)>;
  return std::bit_cast<Bytes>(a) == std::bit_cast<Bytes>(b);
}

/// |a - b| <= rel * max(|a|, |b|) + abs_tol: relative closeness, with a floor for values near 0.
template <class T>
constexpr bool close(T a, T b, T rel, T abs_tol = T(0)) noexcept {
  const T diff = abs(a - b);
  const T scale = abs(a) > abs(b) ? abs(a) : abs(b);
  return diff <= rel * scale + abs_tol;
}

/// Every entry of two same-shaped matrices is close.
template <class T, std::size_t R, std::size_t C>
constexpr bool all_close(const Matrix<T, R, C>& a, const Matrix<T, R, C>& b, T rel, T abs_tol = T(0)) noexcept {
  for (std::size_t i = 0; i < R * C; ++i)
    if (!close(a.data[i], b.data[i], rel, abs_tol)) return false;
  return true;
}

/// The operations, as predicates on operand types: a shape rule holds where it compiles.
template <class A, class B>
concept can_matmul = requires(const A& a, const B& b) {
  gradproof::matmul(a, b);
};
template <class A, class B>
concept can_multiply = requires(const A& a, const B& b) {
  a* b;
};
template <class A, class B>
concept can_hadamard = requires(const A& a, const B& b) {
  gradproof::hadamard(a, b);
};
template <class A, class B>
concept can_add = requires(const A& a, const B& b) {
  a + b;
};
template <class A, class B>
concept can_subtract = requires(const A& a, const B& b) {
  a - b;
};
template <class A, class B>
concept can_outer = requires(const A& a, const B& b) {
  gradproof::outer(a, b);
};
template <class A>
concept can_transpose = requires(const A& a) {
  gradproof::transpose(a);
};

}  // namespace gradproof::test

#endif  // GRADPROOF_STATIC_TESTS_TEST_TOOLS_HPP
