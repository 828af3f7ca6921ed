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
#include <cstddef>
#include <cstdint>
#include <limits>

#include "detail/exp_constants.hpp"
#include "detail/numeric.hpp"
#include "detail/simd.hpp"
#include "scalar.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

// The customisation point (scalar.hpp): an exact scalar's math, found by argument-dependent
// lookup. Every call below is unqualified, and ordinary lookup from here finds only the deleted
// declarations beside it (never gradproof::math's own function, which would call itself), so
// the function called is the one the type declares, e.g. as a hidden friend. Why ADL and not a
// traits class: the type's functions then read as plain math (exp(x), softplus(x)), and a type
// declared after the core's headers still plugs in, since ADL looks at the point of use.
namespace gradproof::detail::adl {
void exp() = delete;
void log1p() = delete;
void log() = delete;
void sigmoid() = delete;
void sigmoid_prime() = delete;
void softplus() = delete;
void sigmoid_and_prime() = delete;
void sigmoid_and_complement() = delete;
template <class T>
constexpr T exp_of(const T& x) noexcept(nothrow_scalar<T>) {
  return exp(x);
}
template <class T>
constexpr T log1p_of(const T& x) noexcept(nothrow_scalar<T>) {
  return log1p(x);
}
template <class T>
constexpr T log_of(const T& x) noexcept(nothrow_scalar<T>) {
  return log(x);
}
template <class T>
constexpr T sigmoid_of(const T& x) noexcept(nothrow_scalar<T>) {
  return sigmoid(x);
}
template <class T>
constexpr T sigmoid_prime_of(const T& x) noexcept(nothrow_scalar<T>) {
  return sigmoid_prime(x);
}
template <class T>
constexpr T softplus_of(const T& x) noexcept(nothrow_scalar<T>) {
  return softplus(x);
}
template <class T>
constexpr SigmoidPair<T> sigmoid_and_prime_of(const T& x) noexcept(nothrow_scalar<T>) {
  return sigmoid_and_prime(x);
}
template <class T>
constexpr SigmoidComplement<T> sigmoid_and_complement_of(const T& x) noexcept(nothrow_scalar<T>) {
  return sigmoid_and_complement(x);
}
}  // namespace gradproof::detail::adl

/// gradproof::math on an exact scalar: the type's own function (the customisation point above).
namespace gradproof::math {
template <exact_scalar T>
constexpr T exp(const T& x) noexcept(nothrow_scalar<T>) {
  return detail::adl::exp_of(x);
}
template <exact_scalar T>
constexpr T log1p(const T& x) noexcept(nothrow_scalar<T>) {
  return detail::adl::log1p_of(x);
}
template <exact_scalar T>
constexpr T log(const T& x) noexcept(nothrow_scalar<T>) {
  return detail::adl::log_of(x);
}
template <exact_scalar T>
constexpr T sigmoid(const T& x) noexcept(nothrow_scalar<T>) {
  return detail::adl::sigmoid_of(x);
}
template <exact_scalar T>
constexpr T sigmoid_prime(const T& x) noexcept(nothrow_scalar<T>) {
  return detail::adl::sigmoid_prime_of(x);
}
template <exact_scalar T>
constexpr T softplus(const T& x) noexcept(nothrow_scalar<T>) {
  return detail::adl::softplus_of(x);
}
template <exact_scalar T>
constexpr SigmoidPair<T> sigmoid_and_prime(const T& x) noexcept(nothrow_scalar<T>) {
  return detail::adl::sigmoid_and_prime_of(x);
}
template <exact_scalar T>
constexpr SigmoidComplement<T> sigmoid_and_complement(const T& x) noexcept(nothrow_scalar<T>) {
  return detail::adl::sigmoid_and_complement_of(x);
}
}  // namespace gradproof::math

namespace gradproof::detail {

/// (hi, lo) with hi + lo == a + b exactly (Knuth's TwoSum, no condition on the magnitudes).
struct DoubleDouble {
  double hi;
  double lo;
};
constexpr DoubleDouble two_sum(double a, double b) noexcept {
  const double s = a + b;
  const double b_part = s - a;
  return {s, (a - (s - b_part)) + (b - b_part)};
}

/// (hi, lo) with hi + lo == a * b exactly, by Dekker's splitting (no FMA: the same bits at
/// compile time and at run time). For |a|, |b| < 2^996 and products far from underflow.
constexpr DoubleDouble two_product(double a, double b) noexcept {
  const double p = GRADPROOF_MUL(a, b);
  const double ca = GRADPROOF_MUL(134217729.0, a);  // 2^27 + 1
  const double a_hi = ca - (ca - a);
  const double a_lo = a - a_hi;
  const double cb = GRADPROOF_MUL(134217729.0, b);
  const double b_hi = cb - (cb - b);
  const double b_lo = b - b_hi;
  return {p, ((GRADPROOF_MUL(a_hi, b_hi) - p) + GRADPROOF_MUL(a_hi, b_lo) + GRADPROOF_MUL(a_lo, b_hi)) +
                 GRADPROOF_MUL(a_lo, b_lo)};
}

/// log(2^k (1 + f)) + c, for f in [sqrt(2)/2 - 1, sqrt(2) - 1) exact and a tiny c.
/// log(1+f) = 2 atanh(s) with s = f / (2 + f), which is f - f²/2 + s f²/2 + s R with
/// R = 2s²/3 + 2s⁴/5 + ... (|s| <= 0.1716: 12 Taylor terms reach 2^-60).
/// Everything of size comparable to the result is carried in double-double: f²/2 and s f²/2
/// exactly (Dekker), s to twice double precision (its division's residual), the sums by
/// TwoSum; only s R (at most a hundredth of the result) and the low parts round on their own,
/// so the result is one rounding (0.5 ulp) plus about 0.02 ulp.
constexpr double log_reduced(int k, double f, double c) noexcept {
  const DoubleDouble d = two_sum(2.0, f);
  const double s = f / d.hi;
  const DoubleDouble sd = two_product(s, d.hi);
  const double s_lo = (((f - sd.hi) - sd.lo) - GRADPROOF_MUL(s, d.lo)) / d.hi;  // s + s_lo = f / (2 + f)
  const double z = GRADPROOF_MUL(s, s);
  // R = z (2/3 + z (2/5 + ... + z (2/23 + z 2/25))), by Horner from the inside out.
  constexpr double coefficient[] = {2.0 / 23, 2.0 / 21, 2.0 / 19, 2.0 / 17, 2.0 / 15, 2.0 / 13,
                                    2.0 / 11, 2.0 / 9,  2.0 / 7,  2.0 / 5,  2.0 / 3};
  double R = GRADPROOF_MUL(z, 2.0 / 25);
  for (const double c_k : coefficient) {
    const double term = c_k + R;
    R = GRADPROOF_MUL(z, term);
  }
  const DoubleDouble sq = two_product(f, f);
  const double hfsq = 0.5 * sq.hi;  // halving is exact
  const double hfsq_lo = 0.5 * sq.lo;
  const DoubleDouble shf = two_product(s, hfsq);  // s f²/2, exactly
  const double hfsq_plus_R = hfsq + R;
  const double t_lo = (shf.lo + GRADPROOF_MUL(s, R)) + (GRADPROOF_MUL(s_lo, hfsq_plus_R) + GRADPROOF_MUL(s, hfsq_lo));
  const double dk = static_cast<double>(k);
  const DoubleDouble a = two_sum(f, -hfsq);                          // f - f²/2
  const DoubleDouble a2 = two_sum(a.hi, shf.hi);                     // + s f²/2
  const DoubleDouble b = two_sum(GRADPROOF_MUL(dk, ln2_hi), a2.hi);  // + k ln2_hi, which is exact
  const double low = (((b.lo + a2.lo) + a.lo) + (t_lo - hfsq_lo)) + (GRADPROOF_MUL(dk, ln2_lo) + c);
  return b.hi + low;
}

/// Splits a positive normal u into 2^k * m with m in [sqrt(2)/2, sqrt(2)); returns f = m - 1
/// (exact, by Sterbenz's lemma) and k.
struct SplitResult {
  int k;
  double f;
};
constexpr SplitResult split_log(double u) noexcept {
  const auto bits = std::bit_cast<std::uint64_t>(u);
  int k = static_cast<int>(bits >> 52) - 1023;
  double m = std::bit_cast<double>((bits & 0x000f'ffff'ffff'ffffULL) | 0x3ff0'0000'0000'0000ULL);
  if (m > sqrt2) {
    m = m * 0.5;
    ++k;
  }
  return {k, m - 1.0};
}

/// 2^k hi_j (1 + tail_plus_p) where 2^k hi_j is not a normal double (|x| >= 704): near
/// overflow, and near and in the subnormals, where a plain two-step scaling would round twice.
constexpr double exp_scale_edges(int k, std::size_t j, double tail_plus_p) noexcept {
  const double t_hi = exp_table_hi[j];
  if (k > 0) {  // x >= 704: the result is normal; scaling by powers of two is exact
    const double t = t_hi + GRADPROOF_MUL(t_hi, tail_plus_p);
    return (t * pow2(k - 1)) * 2.0;
  }
  // u = e^x / 2^-1022, from 2^(k+1022) hi_j, which is a normal double here (k + 1022 >= -53).
  const double sc = pow2(k + 1022) * t_hi;  // a power of two times hi_j, a normal double: exact
  const double u = sc + GRADPROOF_MUL(sc, tail_plus_p);
  if (u >= 1.0) return u * 0x1p-1022;  // a normal result: this scaling is exact
  // A subnormal result is a multiple of 2^-1074 = 2^-1022 2^-52: round u to a multiple of
  // 2^-52 once, by adding it to 1 (whose ulp is 2^-52) with the low part carried exactly.
  const double one_plus_sc = 1.0 + sc;
  const double lo = ((1.0 - one_plus_sc) + sc) + GRADPROOF_MUL(sc, tail_plus_p);  // Fast2Sum: 1 >= sc
  return ((one_plus_sc + lo) - 1.0) * 0x1p-1022;  // a multiple of 2^-52 below 1, scaled: exact
}
/// e^x as hi + lo: hi is math::exp(x), lo the part of scale (1 + tail_plus_p) that hi's
/// rounding dropped (exact by Fast2Sum), so that sigmoid can divide by 1 + e^-x to twice
/// double precision. lo is 0 off the fast range, where sigmoid does not need it.
struct ExpParts {
  double hi;
  double lo;
};
/// x reduced for the table method: x = (32 k + j) ln2/32 + r, with e^r (1 + tail_j) - 1 as
/// tail_plus_p. No branch: exp_with_tail and the lane-wise sigmoid_and_prime share it, so that
/// both produce the same bits. For finite |x| <= 746.
struct ExpReduced {
  std::uint64_t ki;    // the bits of x 32/ln2 + shifter: n = 32 k + j in the low bits
  double nd;           // n as a double
  std::size_t j;       // n mod 32
  double tail_plus_p;  // (1 + tail_j) e^r - 1, to double precision
};
GRADPROOF_HOT_INLINE constexpr ExpReduced exp_reduce(double x) noexcept {
  // n = round(x 32/ln2) with the 1.5 2^52 shifter: kd's low mantissa bits are n itself (two's
  // complement), so j = n mod 32 and k = floor(n / 32) come from its bits, without a branch
  // or a conversion instruction.
  constexpr double shifter = 0x1.8p52;
  const double kd = GRADPROOF_MUL(x, exp_n_over_ln2) + shifter;
  const auto ki = std::bit_cast<std::uint64_t>(kd);
  const double nd = kd - shifter;
  const double r = (x - GRADPROOF_MUL(nd, exp_step_hi)) - GRADPROOF_MUL(nd, exp_step_lo);
  const std::size_t j = static_cast<std::uint32_t>(ki) & (exp_table_size - 1u);
  // e^r - 1 ~ r + r^2 (c2 + c3 r) + r^4 (c4 + c5 r + c6 r^2), in Estrin's order: the pieces
  // are independent, so the dependency chain is 3 multiplications deep, not 6.
  const double r2 = GRADPROOF_MUL(r, r);
  const double r4 = GRADPROOF_MUL(r2, r2);
  const double a = exp_c2 + GRADPROOF_MUL(r, exp_c3);
  const double b = (exp_c4 + GRADPROOF_MUL(r, exp_c5)) + GRADPROOF_MUL(r2, exp_c6);
  // The table's tail joins r first, in parallel with the polynomial's higher terms.
  const double tail_plus_p = (exp_table_tail[j] + r) + (GRADPROOF_MUL(r2, a) + GRADPROOF_MUL(r4, b));
  return {ki, nd, j, tail_plus_p};
}

/// e^x for -704 < x < 704 from its reduction, as hi + lo (see ExpParts). No branch.
GRADPROOF_HOT_INLINE constexpr ExpParts exp_scale_normal(const ExpReduced& e) noexcept {
  // 2^k hi_j by adding k to hi_j's exponent field: (ki >> 5) << 52 is k << 52 modulo 2^64
  // (the shifter's own bits shift out). |x| < 704 keeps 2^k hi_j and the result normal.
  const double scale = std::bit_cast<double>(exp_table_hi_bits.bits[e.j] + ((e.ki >> exp_table_bits) << 52));
  const double scaled_tail = GRADPROOF_MUL(scale, e.tail_plus_p);
  const double hi = scale + scaled_tail;
  return {hi, (scale - hi) + scaled_tail};
}

GRADPROOF_HOT_INLINE constexpr ExpParts exp_with_tail(double x) noexcept {
  // The common range first: one test (false for NaN), which also keeps a constant evaluation
  // of exp cheap (tools/constexpr_cost.sh counts its steps).
  if (x > -exp_normal_range && x < exp_normal_range) return exp_scale_normal(exp_reduce(x));
  if (is_nan(x)) return {x, 0.0};
  if (x > exp_overflow_x) return {std::numeric_limits<double>::infinity(), 0.0};
  if (x < exp_underflow_x) return {0.0, 0.0};
  const ExpReduced e = exp_reduce(x);
  const int k = static_cast<int>(e.nd - static_cast<double>(e.j)) / exp_table_size;
  return {exp_scale_edges(k, e.j, e.tail_plus_p), 0.0};
}
}  // namespace gradproof::detail

namespace gradproof::math {

/// e^x. Table-driven: x = (32 k + j) ln2/32 + r, |r| <= ln2/64, e^x = 2^k 2^(j/32) e^r,
/// e^r - 1 by a degree-6 polynomial (error below 2^-61.9). docs/math.md has the error
/// analysis; the order of operations is chosen for a short dependency chain.
GRADPROOF_HOT_INLINE constexpr double exp(double x) noexcept { return detail::exp_with_tail(x).hi; }

/// The float overloads evaluate in double and round once. A NaN comes back as it went in: the
/// round trip float -> double -> float keeps its payload in hardware floating point and in the
/// constant evaluator, but not in every software implementation (soft-float ARM's returns the
/// default NaN), and the bits must not depend on the target.
constexpr float exp(float x) noexcept { return detail::is_nan(x) ? x : detail::to_float(exp(static_cast<double>(x))); }

/// log(1 + x), accurate also when x is tiny (where log(1 + x) would lose every digit).
constexpr double log1p(double x) noexcept {
  using namespace detail;
  if (is_nan(x)) return x;
  if (x < -1.0) return std::numeric_limits<double>::quiet_NaN();
  // Order comparisons, not ==, which -Wfloat-equal reports: x is a number >= -1 here.
  if (x <= -1.0) return -std::numeric_limits<double>::infinity();  // x = -1
  if (x > std::numeric_limits<double>::max()) return x;            // x = +inf
  if (detail::abs(x) < 0x1p-54) return x;                          // log1p(x) = x - x^2/2 rounds to x; keeps -0.0
  // In log_reduced's own range, x is its f: exact, no rounded 1 + x to correct for.
  if (x > sqrt2_over_2_minus_1 && x < sqrt2_minus_1) return log_reduced(0, x, 0.0);
  const double u = 1.0 + x;
  // The rounding error of u (Fast2Sum, exact), carried as c / u since log(u + c) ~ log u + c/u.
  const double c = detail::abs(x) <= 1.0 ? x - (u - 1.0) : 1.0 - (u - x);
  const auto [k, f] = split_log(u);
  return log_reduced(k, f, c / u);
}
constexpr float log1p(float x) noexcept {
  return detail::is_nan(x) ? x : static_cast<float>(log1p(static_cast<double>(x)));  // NaN: see exp(float)
}

/// Natural logarithm.
constexpr double log(double x) noexcept {
  using namespace detail;
  if (is_nan(x)) return x;
  if (x < 0.0) return std::numeric_limits<double>::quiet_NaN();
  // Order comparisons, not ==, which -Wfloat-equal reports: x is a number >= 0 here.
  if (x <= 0.0) return -std::numeric_limits<double>::infinity();  // x = ±0
  if (x > std::numeric_limits<double>::max()) return x;           // x = +inf
  int k_sub = 0;
  if (x < std::numeric_limits<double>::min()) {  // subnormal: make it normal first
    x = x * 0x1p54;                              // exact
    k_sub = -54;
  }
  const auto [k, f] = split_log(x);
  return log_reduced(k + k_sub, f, 0.0);
}
constexpr float log(float x) noexcept {
  return detail::is_nan(x) ? x : static_cast<float>(log(static_cast<double>(x)));  // NaN: see exp(float)
}

}  // namespace gradproof::math

namespace gradproof::detail {
/// E = e^-x (as E_hi + E_lo) and d + d_lo = 1 + E exactly (TwoSum plus exp's low part), with
/// q = 1/d rounded: the shared start of every sigmoid below, for x >= logistic_left_tail (so
/// E <= e^40). Why not e^-|x| and a select on the sign: the select goes through the integer
/// unit and lengthens the forward pass's dependency chain; 1 / (1 + E) has no cancellation on
/// either side (for x < 0, E > 1 and 1 + E carries E's relative accuracy).
struct LogisticParts {
  ExpParts e;  // e^-x = e.hi + e.lo
  double d;     // fl(1 + e.hi)
  double d_lo;  // (1 + e^-x) - d, to double precision
  double q;     // 1 / d, rounded
};
GRADPROOF_HOT_INLINE constexpr LogisticParts logistic_of_exp(const ExpParts& e) noexcept {
  const double d = 1.0 + e.hi;
  const double e_part = d - 1.0;
  const double d_lo = ((1.0 - (d - e_part)) + (e.hi - e_part)) + e.lo;  // TwoSum, then exp's tail
  return {e, d, d_lo, 1.0 / d};
}
GRADPROOF_HOT_INLINE constexpr LogisticParts logistic(double x) noexcept { return logistic_of_exp(exp_with_tail(-x)); }

/// σ = 1 / (d + d_lo) = q - q (q d_lo) to first order (q = 1/d to 1 ulp is plenty for a term of
/// relative size 2^-53). Only q's division and the final subtraction round: within 2 ulp,
/// about 1 seen.
constexpr double sigmoid_accurate(const LogisticParts& p) noexcept {
  const double q_d_lo = GRADPROOF_MUL(p.q, p.d_lo);
  return p.q - GRADPROOF_MUL(p.q, q_d_lo);
}

/// σ′ = E / (1 + E)². With d² = D + D_lo exactly (Dekker): σ′ = s + (E_lo - s (D_lo + 2 d d_lo))
/// q², s = E_hi / D (1/D is q² to the accuracy a correction needs). The roundings left are s's
/// division and the final addition: within 2 ulp, about 1 seen.
constexpr double sigmoid_prime_accurate(const LogisticParts& p) noexcept {
  const DoubleDouble d2 = two_product(p.d, p.d);
  const double two_d = 2.0 * p.d;  // exact
  const double D_lo = d2.lo + GRADPROOF_MUL(two_d, p.d_lo);
  const double s = p.e.hi / d2.hi;
  const double correction = p.e.lo - GRADPROOF_MUL(s, D_lo);
  const double q2 = GRADPROOF_MUL(p.q, p.q);
  return s + GRADPROOF_MUL(correction, q2);
}

/// The forward pass's σ′: s = E_hi / fl(d²), corrected for d_lo only. Two roundings fewer to
/// undo than sigmoid_prime_accurate, and no Dekker product: within 3 ulp (2.9 seen).
constexpr double sigmoid_prime_fast(const LogisticParts& p) noexcept {
  // One declaration: clang's constant evaluator charges a step per statement.
  const double d2 = GRADPROOF_MUL(p.d, p.d), s = p.e.hi / d2, two_d_lo = 2.0 * p.d_lo /* exact */,
               relative = GRADPROOF_MUL(two_d_lo, p.q);
  return s - GRADPROOF_MUL(s, relative);
}
}  // namespace gradproof::detail

namespace gradproof::math {

/// The logistic sigmoid 1 / (1 + e^-x). Never overflows (the left tail, where e^-x would, is
/// e^x); relative accuracy on both sides, since 1 + e^-x never cancels.
GRADPROOF_HOT_INLINE constexpr double sigmoid(double x) noexcept {
  if (detail::is_nan(x)) return x;
  if (x < detail::logistic_left_tail) return exp(x);
  return detail::sigmoid_accurate(detail::logistic(x));
}
constexpr float sigmoid(float x) noexcept {
  return detail::is_nan(x) ? x : static_cast<float>(sigmoid(static_cast<double>(x)));  // NaN: see exp(float)
}

/// σ′(x) = σ(x) σ(-x) = E q² with E = e^-x, q = 1/(1+E). Never computes 1 - σ, so it keeps
/// its relative accuracy for large |x| (until e^-|x| underflows).
constexpr double sigmoid_prime(double x) noexcept {
  if (detail::is_nan(x)) return x;
  if (x < detail::logistic_left_tail) return exp(x);
  return detail::sigmoid_prime_accurate(detail::logistic(x));
}
constexpr float sigmoid_prime(float x) noexcept {
  return detail::is_nan(x) ? x : static_cast<float>(sigmoid_prime(static_cast<double>(x)));  // NaN: see exp(float)
}

/// σ(x) and 1 − σ(x), both to relative accuracy, from one exp: the output unit's ŷ and 1 − ŷ.
/// 1 − σ(x) = E σ(x) with E = e^-x, so it never subtracts: for a confident prediction (ŷ close
/// to 1) it keeps every digit that 1 − ŷ would lose (at x = 40, ŷ rounds to 1 and 1 − ŷ to 0,
/// while E σ = 4.2e-18). δ1 is formed from both (network.hpp). Within 1 ulp (σ, as sigmoid)
/// and 2.5 ulp (1 − σ: E, σ and the product).
GRADPROOF_HOT_INLINE constexpr SigmoidComplement<double> sigmoid_and_complement(double x) noexcept {
  if (detail::is_nan(x)) return {x, x};
  if (x < detail::logistic_left_tail) {
    const double e = exp(x);
    return {e, 1.0 - e};  // 1 − e^x with e^x < 2^-57: no digit to lose
  }
  const auto parts = detail::logistic(x);
  const double sigma = detail::sigmoid_accurate(parts);
  return {sigma, GRADPROOF_MUL(parts.e.hi, sigma)};
}
constexpr SigmoidComplement<float> sigmoid_and_complement(float x) noexcept {
  if (detail::is_nan(x)) return {x, x};  // see exp(float)
  const auto p = sigmoid_and_complement(static_cast<double>(x));
  return {static_cast<float>(p.sigma), static_cast<float>(p.complement)};
}

/// Both at once, from one exp: what the forward pass needs (σ(z) now, σ′(z) for the backward
/// pass), at the forward pass's price. σ = 1/(1 + e^-z) rounded twice (within 2.2 ulp), σ′ as
/// sigmoid_prime_fast (within 3 ulp): the corrections that take sigmoid and sigmoid_prime to
/// about 1 ulp cost an SGD step a fifth of its time (docs/performance.md), for digits that the
/// SGD step then rounds away in the next addition.
GRADPROOF_HOT_INLINE constexpr SigmoidPair<double> sigmoid_and_prime(double x) noexcept {
  if (detail::is_nan(x)) return {x, x};
  if (x < detail::logistic_left_tail) {
    const double e = exp(x);
    return {e, e};
  }
  const auto parts = detail::logistic(x);
  return {parts.q, detail::sigmoid_prime_fast(parts)};
}
constexpr SigmoidPair<float> sigmoid_and_prime(float x) noexcept {
  if (detail::is_nan(x)) return {x, x};  // see exp(float)
  const auto p = sigmoid_and_prime(static_cast<double>(x));
  return {static_cast<float>(p.sigma), static_cast<float>(p.sigma_prime)};
}

}  // namespace gradproof::math

namespace gradproof::detail {
/// What a lane-wise logistic function computes: σ and σ′ (sigmoid_and_prime, the hidden layer)
/// or σ and 1 − σ (sigmoid_and_complement, output units side by side). Each job gives the
/// scalar function (any lane outside the common range), the common range's formula from the
/// scalar function's parts, and, with GRADPROOF_SIMD, the same formula on 4 lanes
/// (detail/simd.hpp); logistic_lanes below is the one loop that uses them.
struct SigmoidAndPrimeJob {
  template <class T>
  static constexpr void scalar(const T& x, T& sigma, T& sigma_prime) noexcept(nothrow_scalar<T>) {
    const auto both = math::sigmoid_and_prime(x);
    sigma = both.sigma;
    sigma_prime = both.sigma_prime;
  }
  static constexpr void common(const LogisticParts& parts, double& sigma, double& sigma_prime) noexcept {
    sigma = parts.q;
    sigma_prime = sigmoid_prime_fast(parts);
  }
#if GRADPROOF_SIMD
  template <class L>
  GRADPROOF_ALWAYS_INLINE static Pair4<L> common4(const LogisticParts4<L>& parts) noexcept {
    return sigmoid_and_prime_common(parts);
  }
#endif
};
struct SigmoidAndComplementJob {
  template <class T>
  static constexpr void scalar(const T& x, T& sigma, T& complement) noexcept(nothrow_scalar<T>) {
    const auto both = math::sigmoid_and_complement(x);
    sigma = both.sigma;
    complement = both.complement;
  }
  static constexpr void common(const LogisticParts& parts, double& sigma, double& complement) noexcept {
    sigma = sigmoid_accurate(parts);
    complement = GRADPROOF_MUL(parts.e.hi, sigma);
  }
#if GRADPROOF_SIMD
  template <class L>
  GRADPROOF_ALWAYS_INLINE static Pair4<L> common4(const LogisticParts4<L>& parts) noexcept {
    return sigmoid_and_complement_common(parts);
  }
#endif
};

#if GRADPROOF_SIMD
/// Job on the lanes x0..x3 by the scalar function, lane by lane: logistic4_lanes's rare path. It
/// fills arrays and loads them whole: filled lane by lane, the vectors kept g++ from holding the
/// common path's values in registers.
template <class Job, class L>
GRADPROOF_ALWAYS_INLINE inline Pair4<L> logistic4_by_scalar(double x0, double x1, double x2, double x3) noexcept {
  const double x[4]{x0, x1, x2, x3};
  double first[4];
  double second[4];
  for (std::size_t i = 0; i < 4; ++i) Job::scalar(x[i], first[i], second[i]);
  return {L::load(first), L::load(second)};
}
/// The same out of line and cold, given the lanes in registers.
template <class Job, class L>
[[gnu::noinline, gnu::cold]] Pair4<L> logistic4_lane_by_lane(double x0, double x1, double x2, double x3) noexcept {
  return logistic4_by_scalar<Job, L>(x0, x1, x2, x3);
}
/// Job on the 4 lanes of x, at run time: the 4-lane mirrors when every lane is in the common
/// range, as logistic_lanes decides; otherwise the scalar function lane by lane, as a call
/// (RareCall) or inlined. The same bits as the scalar function, per lane. L: Lanes4 or
/// BaselineLanes4.
template <class Job, class L, bool RareCall = true>
GRADPROOF_ALWAYS_INLINE inline Pair4<L> logistic4_lanes(const L& x) noexcept {
  if (x.all_in(logistic_left_tail, exp_normal_range)) [[likely]]
    return Job::common4(logistic_common(x));
  if constexpr (RareCall) return logistic4_lane_by_lane<Job, L>(x[0], x[1], x[2], x[3]);
  return logistic4_by_scalar<Job, L>(x[0], x[1], x[2], x[3]);
}
/// logistic4_lanes on x[0..3] into first[0..3], second[0..3].
template <class Job, class L = Lanes4>
GRADPROOF_ALWAYS_INLINE inline void logistic4(const double* x, double* first, double* second) noexcept {
  const Pair4<L> both = logistic4_lanes<Job>(L::load(x));
  both.first.store(first);
  both.second.store(second);
}
/// logistic4 over x[0, whole), whole a multiple of 4.
template <class Job, class L>
GRADPROOF_ALWAYS_INLINE inline void logistic_lanes4(const double* x, double* first, double* second,
                                                    std::size_t whole) noexcept {
  for (std::size_t lane = 0; lane < whole; lane += 4) logistic4<Job, L>(x + lane, first + lane, second + lane);
}
/// The same loop as an AVX2 clone (detail/simd.hpp), on Lanes4: one ymm register there.
template <class Job>
GRADPROOF_AVX2_CLONE inline void logistic_lanes4_avx2(const double* x, double* first, double* second,
                                                      std::size_t whole) noexcept {
  logistic_lanes4<Job, Lanes4>(x, first, second, whole);
}
#endif

/// The lane-wise logistic functions' one loop. At run time (GRADPROOF_SIMD), 4 lanes at a time,
/// the rest one by one. In a constant evaluation: when every x_i is in the common range
/// [-40, 704) (false for NaN), Job::common of x_i's parts for every i in one branch-free loop;
/// otherwise the scalar function for every i. The parts are what the scalar functions compute
/// on that range (logistic(x) = logistic_of_exp(exp_with_tail(-x)), whose common path is
/// exp_scale_normal(exp_reduce(-x))), so every path gives the scalar bits.
/// (Lanes) -> first (Lanes), second (Lanes).
template <class Job, std::size_t Lanes>
GRADPROOF_HOT_INLINE constexpr void logistic_lanes(const std::array<double, Lanes>& x, double* first,
                                                   double* second) noexcept {
  const double* const xs = entries(x);
#if GRADPROOF_SIMD
  if (!__builtin_is_constant_evaluated()) {
    constexpr std::size_t whole = Lanes / 4 * 4;
    // The AVX2 clone is a call: worth it from two chunks on, not for one (forward's 4 units).
    whole >= 8 && simd_avx2() ? logistic_lanes4_avx2<Job>(xs, first, second, whole)
                              : logistic_lanes4<Job, BaselineLanes4>(xs, first, second, whole);
    for (std::size_t lane = whole; lane < Lanes; ++lane) Job::scalar(xs[lane], first[lane], second[lane]);
    return;
  }
#endif
  bool all_common = true;
  for (std::size_t i = 0; i < Lanes; ++i) {
    const bool in_range = xs[i] >= logistic_left_tail && xs[i] < exp_normal_range;  // false for NaN
    all_common = all_common && in_range;
  }
  if (all_common) {
    for (std::size_t i = 0; i < Lanes; ++i)
      Job::common(logistic_of_exp(exp_scale_normal(exp_reduce(-xs[i]))), first[i], second[i]);
    return;
  }
  for (std::size_t i = 0; i < Lanes; ++i) Job::scalar(xs[i], first[i], second[i]);
}
/// The same for float and for an exact scalar: the scalar function lane by lane.
template <class Job, class T, std::size_t Lanes>
constexpr void scalar_lanes(const std::array<T, Lanes>& x, std::array<T, Lanes>& first,
                            std::array<T, Lanes>& second) noexcept(nothrow_scalar<T>) {
  for (std::size_t i = 0; i < Lanes; ++i) Job::scalar(x[i], first[i], second[i]);
}
}  // namespace gradproof::detail

namespace gradproof::math {

/// sigmoid_and_prime of every entry of x, the same bits as the scalar one entry by entry, but
/// written so that the compiler can vectorise it (detail::logistic_lanes): the forward pass's
/// hidden layer. (Lanes) -> (Lanes), (Lanes).
template <std::size_t Lanes>
GRADPROOF_HOT_INLINE constexpr void sigmoid_and_prime(const std::array<double, Lanes>& x,
                                                      std::array<double, Lanes>& sigma,
                                                      std::array<double, Lanes>& sigma_prime) noexcept {
  detail::logistic_lanes<detail::SigmoidAndPrimeJob>(x, detail::entries(sigma), detail::entries(sigma_prime));
}
/// The same for float and for an exact scalar.
template <scalar T, std::size_t Lanes>
requires(!std::same_as<T, double>) constexpr void sigmoid_and_prime(
    const std::array<T, Lanes>& x, std::array<T, Lanes>& sigma,
    std::array<T, Lanes>& sigma_prime) noexcept(nothrow_scalar<T>) {
  detail::scalar_lanes<detail::SigmoidAndPrimeJob>(x, sigma, sigma_prime);
}

/// sigmoid_and_complement of every entry of x, the same bits as the scalar one entry by entry,
/// vectorisable (detail::logistic_lanes): the output units of networks trained side by side.
/// (Lanes) -> (Lanes), (Lanes).
template <std::size_t Lanes>
GRADPROOF_HOT_INLINE constexpr void sigmoid_and_complement(const std::array<double, Lanes>& x,
                                                           std::array<double, Lanes>& sigma,
                                                           std::array<double, Lanes>& complement) noexcept {
  detail::logistic_lanes<detail::SigmoidAndComplementJob>(x, detail::entries(sigma), detail::entries(complement));
}
/// The same for float and for an exact scalar.
template <scalar T, std::size_t Lanes>
requires(!std::same_as<T, double>) constexpr void sigmoid_and_complement(
    const std::array<T, Lanes>& x, std::array<T, Lanes>& sigma,
    std::array<T, Lanes>& complement) noexcept(nothrow_scalar<T>) {
  detail::scalar_lanes<detail::SigmoidAndComplementJob>(x, sigma, complement);
}

/// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow, and relative
/// accuracy in the left tail, where it is about e^x.
constexpr double softplus(double x) noexcept {
  if (detail::is_nan(x)) return x;
  const double tail = log1p(exp(-detail::abs(x)));
  return x > 0.0 ? x + tail : tail;
}
constexpr float softplus(float x) noexcept {
  return detail::is_nan(x) ? x : static_cast<float>(softplus(static_cast<double>(x)));  // NaN: see exp(float)
}

}  // namespace gradproof::math

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_MATH_HPP
