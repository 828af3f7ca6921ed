// gradproof/detail/numeric.hpp: floating-point helpers that are legal in a constant expression
// on every compiler we support, and the product that is never fused.
//
// Why this header exists: a constant expression may not produce a NaN (clang), may not
// overflow (gcc), and may not divide by zero (both). So every special value is *tested*
// with comparisons and *returned* from std::numeric_limits, never made by arithmetic.
#ifndef GRADPROOF_DETAIL_NUMERIC_HPP
#define GRADPROOF_DETAIL_NUMERIC_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "../scalar.hpp"
#include "config.hpp"

namespace gradproof::detail {

/// The unsigned integer type of T's width, and +inf's bits in it (a constant: no cost per use in
/// a constant evaluation).
template <real T>
using BitsOf = std::conditional_t<std::same_as<T, double>, std::uint64_t, std::uint32_t>;
template <real T>
inline constexpr BitsOf<T> infinity_bits = std::bit_cast<BitsOf<T>>(std::numeric_limits<T>::infinity());

/// NaN: every exponent bit set and a fraction that is not 0, so |x|'s bits exceed +inf's. Read
/// from the bits rather than as x != x, which -Wfloat-equal would report in a user's build.
template <real T>
constexpr bool is_nan(T x) noexcept {
  return (std::bit_cast<BitsOf<T>>(x) & (~BitsOf<T>{0} >> 1)) > infinity_bits<T>;
}

/// Finite: neither NaN nor ±inf. Comparisons only (`x - x` would be inf - inf).
template <class T>
constexpr bool is_finite(T x) noexcept {
  constexpr T largest = std::numeric_limits<T>::max();  // a constant, not a call per test
  return x >= -largest && x <= largest;
}

/// p, hidden from the optimiser at run time (config.hpp's contraction barrier): it can no longer
/// see the multiplication that made p, so it cannot fuse it with the addition that follows.
template <class T>
GRADPROOF_ALWAYS_INLINE inline T hide_product(T p) noexcept {
#if GRADPROOF_BARRIER_ASM
  __asm__("" : GRADPROOF_BARRIER_CONSTRAINT(p));
#else
  volatile T hidden = p;  // the optimiser must store and reload it: nothing left to fuse
  p = hidden;
#endif
  return p;
}

/// a * b, rounded, and never fused with the addition that follows: GRADPROOF_MUL's run-time
/// form. A type that is not real gets its own plain product.
template <class T>
GRADPROOF_ALWAYS_INLINE constexpr T mul(const T& a, const T& b) noexcept(nothrow_scalar<T>) {
  if constexpr (real<T>) {
    if (!std::is_constant_evaluated()) return hide_product(a * b);
  }
  return a * b;
}

// GRADPROOF_MUL(a, b): every rounded product of gradproof's arithmetic that an FMA could absorb.
// Where no FMA can be formed it is the plain a * b; where one can, mul() above at run time. A
// constant evaluation takes the plain a * b (the evaluator never fuses) through a conditional
// rather than a call, because a call costs clang constant-evaluation steps on every product
// (tools/constexpr_cost.sh, and the budgets of static_tests/compile_fail/). So a and b appear
// in both arms: the rule that keeps the text small is that they are names, constants or
// subscripts, never another product (a nested evaluation is written as statements, one product
// each). Products known to be exact (a scaling by a power of two) are written plainly: there is
// no rounding to fuse away.
// Each arm is an xvalue, a member of a Temporary, not a prvalue: g++ 12 mis-evaluates a
// conditional whose arms are prvalues of a class owning constant-evaluation memory (the symbolic
// Expr is one) and reports a use of freed storage; static_tests/owning_scalar.hpp runs the form on
// such a class. An aggregate's initialisation is no call: a double pays nothing.
template <class T>
struct Temporary {
  T value;
};
#if GRADPROOF_CONTRACTION_BARRIER && GRADPROOF_BARRIER_ASM
#define GRADPROOF_MUL(a, b)                                                          \
  (__builtin_is_constant_evaluated() ? ::gradproof::detail::Temporary{(a) * (b)}.value \
                                     : ::gradproof::detail::Temporary{::gradproof::detail::mul((a), (b))}.value)
#elif GRADPROOF_CONTRACTION_BARRIER
#define GRADPROOF_MUL(a, b) (::gradproof::detail::mul((a), (b)))
#else
#define GRADPROOF_MUL(a, b) ((a) * (b))
#endif

/// The entries of a std::array as a raw pointer; matrix.hpp's entries(m) says why.
template <class T, std::size_t Size>
constexpr T* entries(std::array<T, Size>& a) noexcept {
  return a.data();
}
template <class T, std::size_t Size>
constexpr const T* entries(const std::array<T, Size>& a) noexcept {
  return a.data();
}

template <class T>
constexpr T abs(T x) noexcept {
  return x < T(0) ? -x : x;
}

/// 2^k for k in [-1022, 1023], built from its bits (exact, and cheap in constant evaluation).
constexpr double pow2(int k) noexcept { return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52); }

/// double -> float, rounding to nearest, with the overflow that a C++ conversion leaves
/// undefined (and that a constant evaluation therefore rejects) turned into ±inf.
constexpr float to_float(double d) noexcept {
  constexpr double fmax = static_cast<double>(std::numeric_limits<float>::max());
  // Half an ulp of FLT_MAX above FLT_MAX: from there on, round-to-nearest gives inf.
  constexpr double overflow = fmax + 0x1p103;
  if (d >= overflow) return std::numeric_limits<float>::infinity();
  if (d <= -overflow) return -std::numeric_limits<float>::infinity();
  if (d > fmax) return std::numeric_limits<float>::max();
  if (d < -fmax) return -std::numeric_limits<float>::max();
  return static_cast<float>(d);
}

}  // namespace gradproof::detail

#endif  // GRADPROOF_DETAIL_NUMERIC_HPP
