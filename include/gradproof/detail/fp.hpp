// gradproof/detail/fp.hpp: floating-point helpers that are legal in a constant expression
// on every compiler we support.
//
// Why this header exists: a constant expression may not produce a NaN (clang), may not
// overflow (gcc), and may not divide by zero (both). So every special value is *tested*
// with comparisons and *returned* from std::numeric_limits, never made by arithmetic.
#ifndef GRADPROOF_DETAIL_FP_HPP
#define GRADPROOF_DETAIL_FP_HPP

#include <bit>
#include <concepts>
#include <cstdint>
#include <limits>

namespace gradproof {

/// The scalar types gradproof's math is written for (and proven on).
template <class T>
concept real = std::same_as<T, float> || std::same_as<T, double>;

namespace detail {

template <class T>
constexpr bool is_nan(T x) noexcept {
  return x != x;  // the one comparison that is true only for NaN
}

/// Finite: neither NaN nor ±inf. Comparisons only (`x - x` would be inf - inf).
template <class T>
constexpr bool is_finite(T x) noexcept {
  return x >= -std::numeric_limits<T>::max() && x <= std::numeric_limits<T>::max();
}

template <class T>
constexpr T abs(T x) noexcept {
  return x < T(0) ? -x : x;
}

/// 2^k for k in [-1022, 1023], built from its bits (exact, and cheap in constant evaluation).
constexpr double pow2(int k) noexcept {
  return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}

/// v * 2^k for a v in [0.5, 4) and any k that keeps the result representable or subnormal.
/// One multiplication in the common case; the two ends need two, because 2^k itself is
/// not a normal double there.
constexpr double ldexp_small(double v, int k) noexcept {
  if (k > 1023) return v * pow2(k - 1) * 2.0;
  if (k < -1021) return (v * pow2(k + 1000)) * pow2(-1000);  // rounds once, into the subnormals
  return v * pow2(k);
}

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

}  // namespace detail
}  // namespace gradproof

#endif  // GRADPROOF_DETAIL_FP_HPP
