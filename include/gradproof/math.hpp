// gradproof/math.hpp: exp, log, log1p, sigmoid, sigmoid_prime, softplus as constexpr
// functions: the same code, and so the same bits, at compile time and at run time.
//
// Why our own: std::exp and std::log are not constexpr in C++20. g++ folds them anyway
// (with MPFR), clang refuses, so code that leans on g++'s folding is not portable.
//
// Scalars: float and double. The float overloads evaluate in double and round once,
// which makes them accurate to about half an ulp of float.
// Special values: NaN propagates (at run time; a constant evaluation never sees one,
// because the inputs are checked first), overflow returns +inf and underflow 0 or a
// subnormal through explicit branches, so no constant evaluation trips on them.
// Algorithms and error analysis: docs/math.md. Constants: tools/constants.py.
#ifndef GRADPROOF_MATH_HPP
#define GRADPROOF_MATH_HPP

#include <array>
#include <bit>
#include <cstdint>
#include <limits>

#include "detail/fp.hpp"

// clang contracts a*b+c into an FMA at run time (-ffp-contract=on), the constant
// evaluator never does: the same expression could give two results. Off, for this header
// only (push/pop keeps the user's setting for their own code). g++ has no pragma that
// survives inlining: see docs/math.md, "The same bits everywhere".
#if defined(__clang__)
#pragma float_control(push)
#pragma clang fp contract(off)
#endif

namespace gradproof::math {

namespace detail {

using gradproof::detail::is_nan;

// ln 2 split for Cody-Waite reduction: ln2_hi has 32 significant bits, so n * ln2_hi / 32
// is exact for |n| < 2^21; ln2_lo = ln 2 - ln2_hi rounded. Source: tools/constants.py.
inline constexpr double ln2_hi = 0x1.62e42ff000000p-1;
inline constexpr double ln2_lo = -0x1.718432a1b0e26p-35;
inline constexpr int exp_table_bits = 5;
inline constexpr int exp_table_size = 1 << exp_table_bits;
inline constexpr double exp_n_over_ln2 = 0x1.71547652b82fep+5;  // 32 / ln 2
// Largest x with exp(x) <= DBL_MAX, and the x below which exp(x) < 2^-1075 rounds to 0.
inline constexpr double exp_overflow_x = 0x1.62e42fefa39efp+9;    // 709.78271289338397
inline constexpr double exp_underflow_x = -0x1.74910d52d3052p+9;  // -745.13321910194122
inline constexpr double sqrt2 = 0x1.6a09e667f3bcdp+0;

// 2^(j/32) = hi + lo for j = 0..31: hi is the correctly rounded double, lo the rest,
// so the table carries about 106 bits. Source: tools/constants.py (mpmath, 300 bits).
inline constexpr std::array<double, 32> exp_table_hi{
    0x1.0000000000000p+0, 0x1.059b0d3158574p+0, 0x1.0b5586cf9890fp+0, 0x1.11301d0125b51p+0,
    0x1.172b83c7d517bp+0, 0x1.1d4873168b9aap+0, 0x1.2387a6e756238p+0, 0x1.29e9df51fdee1p+0,
    0x1.306fe0a31b715p+0, 0x1.371a7373aa9cbp+0, 0x1.3dea64c123422p+0, 0x1.44e086061892dp+0,
    0x1.4bfdad5362a27p+0, 0x1.5342b569d4f82p+0, 0x1.5ab07dd485429p+0, 0x1.6247eb03a5585p+0,
    0x1.6a09e667f3bcdp+0, 0x1.71f75e8ec5f74p+0, 0x1.7a11473eb0187p+0, 0x1.82589994cce13p+0,
    0x1.8ace5422aa0dbp+0, 0x1.93737b0cdc5e5p+0, 0x1.9c49182a3f090p+0, 0x1.a5503b23e255dp+0,
    0x1.ae89f995ad3adp+0, 0x1.b7f76f2fb5e47p+0, 0x1.c199bdd85529cp+0, 0x1.cb720dcef9069p+0,
    0x1.d5818dcfba487p+0, 0x1.dfc97337b9b5fp+0, 0x1.ea4afa2a490dap+0, 0x1.f50765b6e4540p+0};
inline constexpr std::array<double, 32> exp_table_lo{
    0x0.0p+0,               0x1.d73e2a475b465p-55,  0x1.8a62e4adc610bp-54,  -0x1.6c51039449b3ap-54,
    -0x1.19041b9d78a76p-55, 0x1.e016e00a2643cp-54,  0x1.9b07eb6c70573p-54,  0x1.612e8afad1255p-55,
    0x1.6f46ad23182e4p-55,  -0x1.63aeabf42eae2p-54, 0x1.ada0911f09ebcp-55,  0x1.89b7a04ef80d0p-59,
    0x1.d4397afec42e2p-56,  -0x1.07abe1db13cadp-55, 0x1.6324c054647adp-54,  -0x1.383c17e40b497p-54,
    -0x1.bdd3413b26456p-54, -0x1.16e4786887a99p-55, -0x1.41577ee04992fp-55, -0x1.d4c1dd41532d8p-54,
    0x1.6e9f156864b27p-54,  -0x1.75fc781b57ebcp-57, 0x1.c7c46b071f2bep-56,  -0x1.d2f6edb8d41e1p-54,
    0x1.7a1cd345dcc81p-54,  -0x1.5584f7e54ac3bp-56, 0x1.11065895048ddp-55,  0x1.503cbd1e949dbp-56,
    0x1.2ed02d75b3707p-55,  -0x1.1a5cd4f184b5cp-54, -0x1.e9c23179c2893p-54, 0x1.9d3e12dd8a18bp-54};

/// log(2^k * (1 + f)) + c, for f in [sqrt(2)/2 - 1, sqrt(2) - 1) exact and a tiny c.
/// log(1+f) = 2 atanh(s) with s = f / (2 + f); written as f - (hfsq - s (hfsq + R)) so
/// that the leading f is exact and only small terms carry rounding error.
/// R = 2 s^2/3 + 2 s^4/5 + ... : |s| <= 0.1716, so 12 Taylor terms reach 2^-60.
constexpr double log_reduced(int k, double f, double c) noexcept {
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double R =
      z * (2.0 / 3 + z * (2.0 / 5 + z * (2.0 / 7 + z * (2.0 / 9 + z * (2.0 / 11 + z * (2.0 / 13 + z * (2.0 / 15 + z * (2.0 / 17 + z * (2.0 / 19 + z * (2.0 / 21 + z * (2.0 / 23 + z * (2.0 / 25))))))))))));
  const double hfsq = 0.5 * f * f;
  const double dk = static_cast<double>(k);
  return dk * ln2_hi + (f - (hfsq - (s * (hfsq + R) + (dk * ln2_lo + c))));
}

/// Splits a positive normal u into 2^k * m with m in [sqrt(2)/2, sqrt(2)); returns f = m - 1
/// (exact, by Sterbenz's lemma) and k.
struct split_result {
  int k;
  double f;
};
constexpr split_result split_log(double u) noexcept {
  const auto bits = std::bit_cast<std::uint64_t>(u);
  int k = static_cast<int>(bits >> 52) - 1023;
  double m = std::bit_cast<double>((bits & 0x000f'ffff'ffff'ffffULL) | 0x3ff0'0000'0000'0000ULL);
  if (m > sqrt2) {
    m *= 0.5;
    ++k;
  }
  return {k, m - 1.0};
}

/// exp(-a) together with sigma(a) = 1 / (1 + exp(-a)) for a >= 0: the shared core of
/// sigmoid and sigmoid_prime. e is in (0, 1], so nothing here can overflow.
struct logistic_parts {
  double e;  // exp(-|x|)
  double q;  // 1 / (1 + e) = sigma(|x|)
};

}  // namespace detail

/// e^x. Table-driven: x = (32 k + j) ln2/32 + r, |r| <= ln2/64, e^x = 2^k 2^(j/32) e^r,
/// e^r - 1 by its degree-6 Taylor polynomial (truncation below 2^-58).
constexpr double exp(double x) noexcept {
  using namespace detail;
  if (is_nan(x)) return x;
  if (x > exp_overflow_x) return std::numeric_limits<double>::infinity();
  if (x < exp_underflow_x) return 0.0;
  // Round x * 32/ln2 to the nearest integer with the 1.5 * 2^52 shifter: no branch,
  // no conversion of an out-of-range double.
  constexpr double shifter = 0x1.8p52;
  const double nd = (x * exp_n_over_ln2 + shifter) - shifter;
  const int n = static_cast<int>(nd);
  const double r = (x - nd * (ln2_hi / exp_table_size)) - nd * (ln2_lo / exp_table_size);
  const int j = n & (exp_table_size - 1);
  const int k = (n - j) / exp_table_size;
  const double p = r + r * r * (1.0 / 2 + r * (1.0 / 6 + r * (1.0 / 24 + r * (1.0 / 120 + r * (1.0 / 720)))));
  const auto ju = static_cast<std::size_t>(j);
  const double t_hi = exp_table_hi[ju];
  const double v = t_hi + (exp_table_lo[ju] + t_hi * p);
  return gradproof::detail::ldexp_small(v, k);
}
constexpr float exp(float x) noexcept { return gradproof::detail::to_float(exp(static_cast<double>(x))); }

/// log(1 + x), accurate also when x is tiny (where log(1 + x) would lose every digit).
constexpr double log1p(double x) noexcept {
  using namespace detail;
  if (is_nan(x)) return x;
  if (x < -1.0) return std::numeric_limits<double>::quiet_NaN();
  if (x == -1.0) return -std::numeric_limits<double>::infinity();
  if (x == std::numeric_limits<double>::infinity()) return x;
  if (gradproof::detail::abs(x) < 0x1p-54) return x;  // log1p(x) = x - x^2/2 rounds to x; keeps -0.0
  const double u = 1.0 + x;
  // The rounding error of u (Fast2Sum, exact), carried as c / u since log(u + c) ~ log u + c/u.
  const double c = gradproof::detail::abs(x) <= 1.0 ? x - (u - 1.0) : 1.0 - (u - x);
  const auto [k, f] = split_log(u);
  return log_reduced(k, f, c / u);
}
constexpr float log1p(float x) noexcept { return static_cast<float>(log1p(static_cast<double>(x))); }

/// Natural logarithm.
constexpr double log(double x) noexcept {
  using namespace detail;
  if (is_nan(x)) return x;
  if (x < 0.0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0.0) return -std::numeric_limits<double>::infinity();
  if (x == std::numeric_limits<double>::infinity()) return x;
  int k_sub = 0;
  if (x < std::numeric_limits<double>::min()) {  // subnormal: make it normal first
    x *= 0x1p54;
    k_sub = -54;
  }
  const auto [k, f] = split_log(x);
  return log_reduced(k + k_sub, f, 0.0);
}
constexpr float log(float x) noexcept { return static_cast<float>(log(static_cast<double>(x))); }

namespace detail {
constexpr logistic_parts logistic(double x) noexcept {
  const double e = exp(-gradproof::detail::abs(x));
  return {e, 1.0 / (1.0 + e)};
}
}  // namespace detail

/// The logistic sigmoid 1 / (1 + e^-x). Never overflows: e^-|x| <= 1 on both branches,
/// sigma(x) = 1/(1+e) for x >= 0 and e/(1+e) for x < 0 (relative accuracy in the left tail).
constexpr double sigmoid(double x) noexcept {
  if (detail::is_nan(x)) return x;
  const auto [e, q] = detail::logistic(x);
  return x >= 0.0 ? q : e * q;
}
constexpr float sigmoid(float x) noexcept { return static_cast<float>(sigmoid(static_cast<double>(x))); }

/// sigma'(x) = sigma(x) sigma(-x) = e q^2 with e = e^-|x|, q = 1/(1+e). Never computes
/// 1 - sigma, so it keeps its relative accuracy for large |x| (until e^-|x| underflows).
constexpr double sigmoid_prime(double x) noexcept {
  if (detail::is_nan(x)) return x;
  const auto [e, q] = detail::logistic(x);
  return e * q * q;
}
constexpr float sigmoid_prime(float x) noexcept { return static_cast<float>(sigmoid_prime(static_cast<double>(x))); }

/// Both at once, from one exp: what the forward pass needs (sigma(z) now, sigma'(z) for
/// the backward pass). Bit-identical to sigmoid(x) and sigmoid_prime(x).
template <class T>
struct sigmoid_pair {
  T sigma;
  T sigma_prime;
};
constexpr sigmoid_pair<double> sigmoid_and_prime(double x) noexcept {
  if (detail::is_nan(x)) return {x, x};
  const auto [e, q] = detail::logistic(x);
  return {x >= 0.0 ? q : e * q, e * q * q};
}
constexpr sigmoid_pair<float> sigmoid_and_prime(float x) noexcept {
  const auto p = sigmoid_and_prime(static_cast<double>(x));
  return {static_cast<float>(p.sigma), static_cast<float>(p.sigma_prime)};
}

/// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow, and relative
/// accuracy in the left tail, where it is about e^x.
constexpr double softplus(double x) noexcept {
  if (detail::is_nan(x)) return x;
  const double tail = log1p(exp(-gradproof::detail::abs(x)));
  return x > 0.0 ? x + tail : tail;
}
constexpr float softplus(float x) noexcept { return static_cast<float>(softplus(static_cast<double>(x))); }

}  // namespace gradproof::math

#if defined(__clang__)
#pragma float_control(pop)
#endif

#endif  // GRADPROOF_MATH_HPP
