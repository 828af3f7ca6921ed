// bench/textbook_exp.hpp: THE PEER, NOT GRADPROOF. A constexpr exp as a textbook writes it:
// Cody-Waite reduction x = k ln2 + r (|r| <= ln2/2), e^r by its Taylor series to degree 13 in
// Horner's form, then 2^k e^r by two power-of-two multiplications. No table, no care for the
// last bit: the row "textbook Cody-Waite + Taylor" of docs/math.md's table of exps, measured by
// math_bench (speed) and math_accuracy_test (accuracy, with MPFR).
#ifndef GRADPROOF_BENCH_TEXTBOOK_EXP_HPP
#define GRADPROOF_BENCH_TEXTBOOK_EXP_HPP

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace textbook {

constexpr double exp_pow2(int k) {  // 2^k for k in [-1022, 1023]
  return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}

/// 1/n! for n = 0..13, each rounded once (n! is exact in a double up to 22!).
inline constexpr std::array<double, 14> inverse_factorials = [] {
  std::array<double, 14> c{};
  double factorial = 1.0;
  for (std::size_t n = 0; n < c.size(); ++n) {
    if (n > 0) factorial *= static_cast<double>(n);
    c[n] = 1.0 / factorial;
  }
  return c;
}();

constexpr double exp_cody_waite(double x) {
  if (x != x) return x;
  if (x > 709.782712893384) return std::numeric_limits<double>::infinity();
  if (x < -745.1332191019412) return 0.0;
  constexpr double inv_ln2 = 1.4426950408889634;
  constexpr double ln2_hi = 0.693147180369123816490;  // 32 significant bits: k ln2_hi is exact
  constexpr double ln2_lo = 1.90821492927058770002e-10;
  const double kf = x * inv_ln2;
  const int k = static_cast<int>(kf < 0 ? kf - 0.5 : kf + 0.5);
  const double r = (x - k * ln2_hi) - k * ln2_lo;
  // 1 + r + r^2/2! + ... + r^13/13!, Horner.
  double p = inverse_factorials[13];
  for (int n = 12; n >= 0; --n) p = p * r + inverse_factorials[static_cast<std::size_t>(n)];
  // 2^k in two halves, so that k down to -1074 and up to 1024 stay representable.
  const int k1 = k / 2;
  return p * exp_pow2(k1) * exp_pow2(k - k1);
}

}  // namespace textbook

#endif  // GRADPROOF_BENCH_TEXTBOOK_EXP_HPP
