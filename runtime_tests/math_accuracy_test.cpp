// runtime_tests/math_accuracy_test.cpp: proves that gradproof::math's exp, log1p, log, sigmoid,
// sigmoid_prime and softplus, for double and for float, stay within their bounds in
// accuracy_bounds.hpp (the accuracy goals) of the exact value over their whole domain: random
// arguments per function and type (uniform and log-uniform, both signs, the tails down to the
// subnormal results, raw bit patterns) plus every edge and every branch boundary of the
// implementation (exp's |x| = 704 fast path, its overflow and underflow thresholds and every
// multiple of ln2/64 where its table index changes; the left tail at -40; log1p's 2^-54
// shortcut, its Fast2Sum branch at |x| = 1, the sqrt(2) split in every binade; log's
// subnormal branch; ...), each with its neighbours, each judged against MPFR at 200 bits.
// Special values are judged by rule (NaN in -> NaN out, overflow -> +inf, below half the
// smallest subnormal -> 0). Known-bad twins prove that the harness can fail.
//
// Two executables from this file: math_accuracy_test (10^6 random arguments per function and
// type, every build and the sanitizers, label "accuracy") and math_accuracy_full_test
// (GRADPROOF_ACCURACY_SCALE=10: 10^7, built at -O2, label "accuracy_full", CI's release step).
// Both check every edge.
//
// The measured maximum per function and type is printed ("[ accuracy ] ...") and recorded as
// a test property, so a note can quote it.
#include <mpfr.h>

#include <gtest/gtest.h>

#include "../bench/textbook_exp.hpp"  // a peer, for the side-by-side table

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include <gradproof/math.hpp>

#include "../static_tests/bits.hpp"
#include "accuracy_bounds.hpp"
#include "mpfr_exact.hpp"

// Random arguments per function and type: GRADPROOF_ACCURACY_SCALE x 10^6.
#if !defined(GRADPROOF_ACCURACY_SCALE)
#define GRADPROOF_ACCURACY_SCALE 1
#endif

namespace {

constexpr int kScale = GRADPROOF_ACCURACY_SCALE;

using gradproof_tests::exact_exp;
using gradproof_tests::exact_log;
using gradproof_tests::exact_log1p;
using gradproof_tests::exact_sigmoid;
using gradproof_tests::exact_sigmoid_prime;
using gradproof_tests::exact_softplus;
using gradproof_tests::kPrecision;
using gradproof_tests::Mp;
using gradproof_tests::Reference;

// Widened before any MPFR variable exists (mpfr_exact.hpp: only |x| > ~3e18 leaves MPFR's
// range then, and MPFR flags it, see judge()).
[[maybe_unused]] const bool kWideExponentRange = [] {
  gradproof_tests::widen_mpfr_exponent_range();
  return true;
}();

// ---------------------------------------------------------------------------------------
// The judge: error of one computed value in ulps of the target type at the exact value.

/// The facts about a format the judge needs, from numeric_limits (not from gradproof).
template <class T>
struct Format {
  static constexpr long digits = std::numeric_limits<T>::digits;              // 53, 24
  static constexpr long min_exponent = std::numeric_limits<T>::min_exponent;  // -1021, -125
  static constexpr long max_exponent = std::numeric_limits<T>::max_exponent;  // 1024, 128
  // ulp of a subnormal: 2^-1074, 2^-149.
  static constexpr long subnormal_ulp_exponent = min_exponent - digits;
};

/// A verdict: ulps (|computed - exact| / ulp(exact)), or a broken special-value rule.
struct Verdict {
  double ulps = 0.0;
  const char* broken_rule = nullptr;  // non-null: ulps is +inf and this says which rule
};

template <class T>
class Judge {
 public:
  Judge() {
    using F = Format<T>;
    // Round-to-nearest overflows from 2^emax (1 - 2^-(digits+1)) on: DBL_MAX plus half its ulp.
    mpfr_set_ui_2exp(overflow_.get(), (1UL << (F::digits + 1)) - 1, F::max_exponent - F::digits - 1, MPFR_RNDN);
    // Half the smallest subnormal: at or below it the correctly rounded result is 0.
    mpfr_set_ui_2exp(underflow_.get(), 1, F::subnormal_ulp_exponent - 1, MPFR_RNDN);
  }

  /// exact_underflowed: MPFR flagged underflow while computing `exact` (the true value is not
  /// zero, only too small even for MPFR), so the sign of a zero is not checked.
  Verdict operator()(T computed, mpfr_srcptr exact, bool exact_underflowed) {
    using F = Format<T>;
    constexpr double inf = std::numeric_limits<double>::infinity();
    const auto broken = [&](const char* rule) { return Verdict{inf, rule}; };
    if (mpfr_nan_p(exact)) return std::isnan(computed) ? Verdict{} : broken("exact is NaN, computed is not");
    if (std::isnan(computed)) return broken("computed NaN, exact is a number");
    const bool exact_negative = mpfr_signbit(exact) != 0;
    if (mpfr_inf_p(exact)) {
      return std::isinf(computed) && std::signbit(computed) == exact_negative ? Verdict{}
                                                                                : broken("exact is infinite");
    }
    if (mpfr_zero_p(exact)) {
      if (computed != T(0)) return broken("exact is zero, computed is not");
      if (!exact_underflowed && std::signbit(computed) != exact_negative) return broken("zero of the wrong sign");
      return {};
    }
    if (mpfr_cmpabs(exact, overflow_.get()) >= 0) {
      return std::isinf(computed) && std::signbit(computed) == exact_negative
                 ? Verdict{}
                 : broken("exact overflows the type, computed is not inf");
    }
    if (mpfr_cmpabs(exact, underflow_.get()) <= 0) {
      return computed == T(0) ? Verdict{} : broken("exact is below half the smallest subnormal, computed is not 0");
    }
    if (std::isinf(computed)) return broken("computed inf, exact is finite");
    // |exact| in [2^(e-1), 2^e): its ulp is 2^(e - digits), or the subnormal ulp below the normals.
    const long e = static_cast<long>(mpfr_get_exp(exact));
    const long ulp_exponent = std::max(e - F::digits, F::subnormal_ulp_exponent);
    mpfr_set_d(diff_.get(), static_cast<double>(computed), MPFR_RNDN);  // exact: 53 <= 200 bits
    mpfr_sub(diff_.get(), diff_.get(), exact, MPFR_RNDN);
    mpfr_mul_2si(diff_.get(), diff_.get(), -ulp_exponent, MPFR_RNDN);
    return {std::fabs(mpfr_get_d(diff_.get(), MPFR_RNDN)), nullptr};
  }

 private:
  Mp overflow_;
  Mp underflow_;
  Mp diff_{2 * kPrecision};  // computed - exact: 400 bits, far more than the few digits reported
};

/// The worst case over a set of arguments.
template <class T>
struct Accuracy {
  double max_ulp = 0.0;
  T worst_x{};
  const char* broken_rule = nullptr;  // the first special-value rule broken, if any
  T broken_x{};
  std::size_t broken_count = 0;
  std::size_t count = 0;
};

template <class T, class Computed>
Accuracy<T> measure(Computed computed, Reference reference, std::span<const T> args) {
  Judge<T> judge;
  Mp x;
  Mp exact;
  Accuracy<T> acc;
  for (const T a : args) {
    mpfr_set_d(x.get(), static_cast<double>(a), MPFR_RNDN);  // exact, NaN and inf included
    mpfr_clear_flags();
    reference(exact.get(), x.get());
    const bool underflowed = mpfr_underflow_p() != 0;
    const Verdict v = judge(computed(a), exact.get(), underflowed);
    ++acc.count;
    if (v.broken_rule != nullptr && acc.broken_count++ == 0) {
      acc.broken_rule = v.broken_rule;
      acc.broken_x = a;
    }
    if (v.ulps > acc.max_ulp || (acc.count == 1 && v.ulps == acc.max_ulp)) {
      acc.max_ulp = v.ulps;
      acc.worst_x = a;
    }
  }
  return acc;
}

// ---------------------------------------------------------------------------------------
// The functions under test.

enum class Fn { exp, log1p, log, sigmoid, sigmoid_prime, softplus };

const char* name(Fn f) {
  switch (f) {
    case Fn::exp: return "exp";
    case Fn::log1p: return "log1p";
    case Fn::log: return "log";
    case Fn::sigmoid: return "sigmoid";
    case Fn::sigmoid_prime: return "sigmoid_prime";
    case Fn::softplus: return "softplus";
  }
  return "?";
}

Reference reference(Fn f) {
  switch (f) {
    case Fn::exp: return exact_exp;
    case Fn::log1p: return exact_log1p;
    case Fn::log: return exact_log;
    case Fn::sigmoid: return exact_sigmoid;
    case Fn::sigmoid_prime: return exact_sigmoid_prime;
    case Fn::softplus: return exact_softplus;
  }
  return nullptr;
}

template <class T>
T compute(Fn f, T x) {
  namespace m = gradproof::math;
  switch (f) {
    case Fn::exp: return m::exp(x);
    case Fn::log1p: return m::log1p(x);
    case Fn::log: return m::log(x);
    case Fn::sigmoid: return m::sigmoid(x);
    case Fn::sigmoid_prime: return m::sigmoid_prime(x);
    case Fn::softplus: return m::softplus(x);
  }
  return x;
}

template <class T>
const char* type_name() {
  return std::is_same_v<T, double> ? "double" : "float";
}

// ---------------------------------------------------------------------------------------
// Arguments: random (fixed seeds) and explicit edges.

using gradproof::test::Bits;

/// Random arguments of one type, from one fixed seed.
template <class T>
class Draw {
 public:
  static constexpr auto mantissa_bits = static_cast<unsigned>(std::numeric_limits<T>::digits - 1);  // 52, 23
  static constexpr auto bias = static_cast<unsigned>(std::numeric_limits<T>::max_exponent - 1);       // 1023, 127
  static constexpr unsigned max_biased = 2 * bias;  // the largest finite exponent field
  explicit Draw(std::uint64_t seed) : rng_(seed) {}

  /// Uniform in [lo, hi), rounded to T.
  T uniform(double lo, double hi) { return static_cast<T>(std::uniform_real_distribution<double>(lo, hi)(rng_)); }

  /// Log-uniform magnitude: the exponent field uniform in [biased_lo, biased_hi] (0 is the
  /// subnormals), the significand uniform. sign: +1, -1, or 0 for either.
  T log_uniform(unsigned biased_lo, unsigned biased_hi, int sign) {
    const auto e = std::uniform_int_distribution<unsigned>(biased_lo, biased_hi)(rng_);
    const Bits<T> mantissa = static_cast<Bits<T>>(rng_()) & ((Bits<T>{1} << mantissa_bits) - 1);
    const bool negative = sign < 0 || (sign == 0 && (rng_() & 1U) != 0);
    const Bits<T> bits = static_cast<Bits<T>>((Bits<T>{negative ? 1U : 0U} << (sizeof(T) * 8 - 1)) |
                                              (Bits<T>{e} << mantissa_bits) | mantissa);
    return std::bit_cast<T>(bits);
  }
  /// Magnitude in [2^lo, 2^(hi+1)) (exponents clamped to the format's range).
  T magnitude(int lo, int hi, int sign) {
    const auto clamp = [](int k) {
      return static_cast<unsigned>(std::clamp(k + static_cast<int>(bias), 0, static_cast<int>(max_biased)));
    };
    return log_uniform(clamp(lo), clamp(hi), sign);
  }
  /// Every bit pattern equally likely: all signs, exponents, NaN payloads.
  T any_bits() { return std::bit_cast<T>(static_cast<Bits<T>>(rng_())); }

 private:
  std::mt19937_64 rng_;
};

/// The numbers that differ between the double and the float test plans.
template <class T>
struct Ranges;
template <>
struct Ranges<double> {
  static constexpr double exp_lo = -746, exp_hi = 710;          // past both exp thresholds
  static constexpr double overflow_lo = 709, overflow_hi = 710;  // around log(DBL_MAX)
  static constexpr double subnormal_lo = -746, subnormal_hi = -708;  // exp(x) subnormal
  static constexpr double narrow = 40, wide = 750;  // sigmoid's slope; past exp's thresholds
  static constexpr double near_one = 0x1p-20;       // log near 1
};
template <>
struct Ranges<float> {
  static constexpr double exp_lo = -104, exp_hi = 89;
  static constexpr double overflow_lo = 88, overflow_hi = 89;
  static constexpr double subnormal_lo = -104, subnormal_hi = -87;
  static constexpr double narrow = 20, wide = 110;
  static constexpr double near_one = 0x1p-8;
};

/// kScale x 10^6 random arguments for f, from a seed fixed per function and type. Each line is
/// a region: uniform over the interesting range, log-uniform magnitudes of both signs over the
/// whole format (subnormals included), windows around the thresholds, and raw bit patterns.
template <class T>
std::vector<T> random_arguments(Fn f) {
  using R = Ranges<T>;
  Draw<T> d(0x6772'6164'7072'6f6fULL + 131 * static_cast<std::uint64_t>(f) + sizeof(T));
  constexpr unsigned all = Draw<T>::max_biased;
  constexpr int digits = std::numeric_limits<T>::digits;
  std::vector<T> v;
  v.reserve(1'000'000 * kScale);
  const auto add = [&](int n, auto draw) {
    for (int i = 0; i < n * kScale; ++i) v.push_back(draw());
  };
  switch (f) {
    case Fn::exp:
      add(250'000, [&] { return d.uniform(R::exp_lo, R::exp_hi); });
      add(100'000, [&] { return d.uniform(-1, 1); });
      add(100'000, [&] { return d.uniform(-30, 30); });
      add(100'000, [&] { return d.uniform(R::overflow_lo, R::overflow_hi); });
      add(100'000, [&] { return d.uniform(R::subnormal_lo, R::subnormal_hi); });
      add(250'000, [&] { return d.log_uniform(0, all, 0); });
      add(100'000, [&] { return d.any_bits(); });
      break;
    case Fn::log1p:
      // x near -1, where log1p has its pole: -1 + m, m log-uniform in [2^-digits, 1/2].
      add(150'000, [&] { return static_cast<T>(-1.0 + static_cast<double>(d.magnitude(-digits, -2, 1))); });
      add(150'000, [&] { return d.uniform(-1, 1); });
      add(100'000, [&] { return d.uniform(-1, 10); });
      add(250'000, [&] { return d.log_uniform(0, all, 1); });
      add(150'000, [&] { return d.magnitude(-2000, -1, -1); });  // negative, |x| < 1
      add(50'000, [&] { return d.magnitude(-60, -48, 0); });     // around the 2^-54 shortcut
      add(50'000, [&] { return d.uniform(-1e-3, 1e-3); });
      add(100'000, [&] { return d.any_bits(); });  // half of them < -1: NaN
      break;
    case Fn::log:
      add(400'000, [&] { return d.log_uniform(0, all, 1); });
      add(150'000, [&] { return d.uniform(0.5, 2); });
      add(50'000, [&] { return d.uniform(0.70, 0.72); });  // around sqrt(2)/2
      add(50'000, [&] { return d.uniform(1.40, 1.43); });  // around sqrt(2)
      add(100'000, [&] { return d.log_uniform(0, 0, 1); });  // subnormals only
      add(100'000, [&] { return d.uniform(1 - R::near_one, 1 + R::near_one); });
      add(50'000, [&] { return d.log_uniform(0, all, -1); });  // NaN
      add(100'000, [&] { return d.any_bits(); });
      break;
    case Fn::sigmoid:
    case Fn::sigmoid_prime:
    case Fn::softplus:
      add(250'000, [&] { return d.uniform(-R::narrow, R::narrow); });
      add(150'000, [&] { return d.uniform(-R::wide, R::wide); });
      add(100'000, [&] { return d.uniform(-8, 8); });  // where the rounding errors add up most
      // The left tail down to the subnormal results (and sigmoid_prime's right tail, it is even).
      add(50'000, [&] { return d.uniform(R::subnormal_lo, -R::narrow); });
      add(50'000, [&] { return d.uniform(-R::subnormal_lo, -R::subnormal_hi); });
      add(300'000, [&] { return d.log_uniform(0, all, 0); });
      add(100'000, [&] { return d.any_bits(); });
      break;
  }
  return v;
}

/// x and its k neighbours on each side.
template <class T>
void add_neighbours(std::vector<T>& v, T x, int k) {
  v.push_back(x);
  T up = x;
  T down = x;
  for (int i = 0; i < k; ++i) {
    up = std::nextafter(up, std::numeric_limits<T>::infinity());
    down = std::nextafter(down, -std::numeric_limits<T>::infinity());
    v.push_back(up);
    v.push_back(down);
  }
}

/// The T nearest to m ln(2) / 64, from MPFR: exp's reduction boundaries (n = round(32 x / ln 2)
/// changes at odd m, the table point j/32 is hit exactly at even m).
template <class T>
T multiple_of_ln2_over_64(long m) {
  Mp r;
  mpfr_const_log2(r.get(), MPFR_RNDN);
  mpfr_mul_si(r.get(), r.get(), m, MPFR_RNDN);
  mpfr_div_2ui(r.get(), r.get(), 6, MPFR_RNDN);
  if constexpr (std::is_same_v<T, double>) {
    return mpfr_get_d(r.get(), MPFR_RNDN);
  } else {
    return mpfr_get_flt(r.get(), MPFR_RNDN);
  }
}

/// The T nearest to log(v) for v = 2^e2 (1 - 2^-k) (or 2^e2 when k == 0), from MPFR.
template <class T>
T log_of_boundary(long e2, long k) {
  Mp r;
  mpfr_set_ui_2exp(r.get(), 1, e2, MPFR_RNDN);
  if (k > 0) {
    Mp s;
    mpfr_set_ui_2exp(s.get(), 1, e2 - k, MPFR_RNDN);
    mpfr_sub(r.get(), r.get(), s.get(), MPFR_RNDN);
  }
  mpfr_log(r.get(), r.get(), MPFR_RNDN);
  if constexpr (std::is_same_v<T, double>) {
    return mpfr_get_d(r.get(), MPFR_RNDN);
  } else {
    return mpfr_get_flt(r.get(), MPFR_RNDN);
  }
}

/// The explicit edges of f for type T.
template <class T>
std::vector<T> edge_arguments(Fn f) {
  using L = std::numeric_limits<T>;
  constexpr int digits = L::digits;
  constexpr long max_e = L::max_exponent;           // 1024, 128
  constexpr long sub_e = L::min_exponent - digits;  // -1074, -149
  std::vector<T> v;
  // Everywhere: zeros, infinities, NaNs (with a payload and negative), the subnormal and
  // normal limits, and small integers.
  const T nan_payload = std::bit_cast<T>(std::bit_cast<Bits<T>>(L::quiet_NaN()) | Bits<T>{0x2a});
  for (const T x : {T(0), L::infinity(), L::quiet_NaN(), nan_payload, L::denorm_min(), T(2) * L::denorm_min(),
                    std::nextafter(L::min(), T(0)), L::min(), L::max(), T(0.5), T(1), T(2), T(0.1), T(10), T(100),
                    L::epsilon()}) {
    v.push_back(x);
    v.push_back(-x);
  }
  add_neighbours(v, T(1), 2);
  add_neighbours(v, T(-1), 2);
  // The exp thresholds gradproof uses (double), and the true ones of this type from MPFR:
  // overflow at log(2^max_e (1 - 2^-(digits+1))), result 0 below log(2^(sub_e - 1)),
  // subnormal results below log(2^(min_exponent - 1)).
  std::vector<T> thresholds{static_cast<T>(gradproof::detail::exp_overflow_x),
                            static_cast<T>(gradproof::detail::exp_underflow_x),
                            log_of_boundary<T>(max_e, digits + 1), log_of_boundary<T>(max_e, digits),
                            log_of_boundary<T>(sub_e - 1, 0), log_of_boundary<T>(L::min_exponent - 1, 0)};
  const long last_m = std::is_same_v<T, double> ? 65'600 : 8'200;      // past the overflow threshold
  const long first_m = std::is_same_v<T, double> ? -68'900 : -9'700;   // past the underflow threshold
  switch (f) {
    case Fn::exp:
      for (const T t : thresholds) add_neighbours(v, t, 4);
      // Reduction boundaries: all of them near 0, a sample over the range, all near both ends.
      for (long m = -512; m <= 512; ++m) add_neighbours(v, multiple_of_ln2_over_64<T>(m), 1);
      for (long m = first_m; m <= last_m; m += 61) add_neighbours(v, multiple_of_ln2_over_64<T>(m), 1);
      for (long m = last_m - 200; m <= last_m; ++m) add_neighbours(v, multiple_of_ln2_over_64<T>(m), 1);
      for (long m = first_m; m <= first_m + 200; ++m) add_neighbours(v, multiple_of_ln2_over_64<T>(m), 1);
      break;
    case Fn::log: {
      // log splits at m = sqrt(2) (m = significand): sqrt(2) 2^k and neighbours in every binade,
      // subnormals included; and the powers of two themselves.
      const T sqrt2 = static_cast<T>(std::sqrt(2.0L));
      for (long k = sub_e; k < max_e; ++k) {
        add_neighbours(v, static_cast<T>(std::ldexp(sqrt2, static_cast<int>(k))), 2);
        add_neighbours(v, static_cast<T>(std::ldexp(T(1), static_cast<int>(k))), 1);
      }
      break;
    }
    case Fn::log1p: {
      add_neighbours(v, T(-1), 4);  // the pole; below it NaN
      for (int k = 1; k <= digits; ++k) add_neighbours(v, static_cast<T>(-1.0 + std::ldexp(1.0, -k)), 1);
      add_neighbours(v, T(-0.5), 2);  // where 1 + x stops being exact
      for (int k = 40; k <= 70; ++k) {  // around the |x| < 2^-54 shortcut
        add_neighbours(v, std::ldexp(T(1), -k), 2);
        add_neighbours(v, -std::ldexp(T(1), -k), 2);
      }
      // 1 + x = sqrt(2) 2^k: where log1p's reduction switches k.
      const double sqrt2 = static_cast<double>(std::sqrt(2.0L));
      for (int k = -1; k < max_e; ++k) {
        const double x = std::ldexp(sqrt2, k) - 1.0;
        if (x < static_cast<double>(L::max())) add_neighbours(v, static_cast<T>(x), 2);
      }
      break;
    }
    case Fn::sigmoid:
    case Fn::sigmoid_prime:
    case Fn::softplus:
      // They call exp(-|x|): its thresholds and reduction boundaries, of both signs.
      for (const T t : thresholds) {
        add_neighbours(v, t, 4);
        add_neighbours(v, -t, 4);
      }
      for (long m = -256; m <= 256; ++m) add_neighbours(v, multiple_of_ln2_over_64<T>(m), 1);
      for (long m = first_m; m <= -first_m; m += 97) add_neighbours(v, multiple_of_ln2_over_64<T>(m), 1);
      // Where e^-|x| drops below half an ulp of 1 (sigmoid rounds to 1) and of 1/4.
      for (const int k : {digits, digits + 1, digits + 2, 2 * digits}) {
        add_neighbours(v, log_of_boundary<T>(k, 0), 2);
        add_neighbours(v, -log_of_boundary<T>(k, 0), 2);
      }
      break;
  }
  return v;
}

/// Every branch boundary of the implementation in include/gradproof/math.hpp, each with
/// neighbours on both sides (the switch may sit an ulp or two away from the real-number
/// boundary, and a threshold or table off by one hides from random arguments): exp's
/// fast-path boundary |x| = 704, its thresholds, and every multiple of ln2/64 over its range
/// (n = round(32 x / ln2) changes at the odd ones, r = 0 at the even ones); the logistic left
/// tail at -40; log1p's 2^-54 shortcut, its Fast2Sum branch at |x| = 1, 1 + x at every power
/// of two and at sqrt(2) times it; log's subnormal branch; softplus's inner log1p boundaries
/// (e^-|x| = 2^-54, e^-|x| = sqrt(2) - 1); and every power of two of the format, both signs.
/// Added to edge_arguments (the format's own edges).
template <class T>
std::vector<T> branch_boundaries(Fn f) {
  using L = std::numeric_limits<T>;
  constexpr int digits = L::digits;
  constexpr int sub_e = L::min_exponent - digits;  // -1074, -149
  constexpr int max_e = L::max_exponent;           // 1024, 128
  constexpr bool is_double = std::is_same_v<T, double>;
  // The multiples m ln2/64 from below the underflow threshold to above the overflow one.
  constexpr long first_m = is_double ? -68'900 : -9'700;
  constexpr long last_m = is_double ? 65'600 : 8'200;
  std::vector<T> v;
  // x (a double, in T's range) and k neighbours of its nearest T on each side.
  const auto near = [&v](double x, int k) { add_neighbours(v, static_cast<T>(x), k); };
  const auto near_both_signs = [&near](double x, int k) {
    near(x, k);
    near(-x, k);
  };
  for (int k = sub_e; k < max_e; ++k) near_both_signs(std::ldexp(1.0, k), 1);
  const double sqrt2 = static_cast<double>(std::sqrt(2.0L));
  namespace md = gradproof::detail;
  // log(2^(min_exponent - 1)): below it exp's result is subnormal (exp_scale_edges' u < 1).
  const T subnormal_results = log_of_boundary<T>(L::min_exponent - 1, 0);
  switch (f) {
    case Fn::exp:
      near_both_signs(704.0, 8);  // the fast path is -704 < x < 704
      near(md::exp_overflow_x, 8);
      near(md::exp_underflow_x, 8);
      add_neighbours(v, subnormal_results, 8);
      for (long m = first_m; m <= last_m; ++m) add_neighbours(v, multiple_of_ln2_over_64<T>(m), 2);
      break;
    case Fn::log1p:
      near_both_signs(1.0, 8);          // the Fast2Sum branch is |x| <= 1; -1 is the pole
      near_both_signs(0x1p-54, 8);      // the shortcut is |x| < 2^-54
      for (int k = -digits - 1; k < max_e; ++k) {
        near(std::ldexp(1.0, k) - 1.0, 4);    // 1 + x = 2^k: split_log's k changes
        near(std::ldexp(sqrt2, k) - 1.0, 8);  // 1 + x = sqrt(2) 2^k: its m > sqrt(2) test
      }
      // (k = -1 and 0 above are also the ends of the range sqrt(2)/2 - 1 < x < sqrt(2) - 1,
      // where log1p passes x to log_reduced directly.)
      break;
    case Fn::log:
      near(static_cast<double>(L::min()), 8);  // the subnormal branch is x < DBL_MIN
      near(1.0, 8);
      for (int k = sub_e; k < max_e; ++k) near(std::ldexp(sqrt2, k), 4);
      break;
    case Fn::sigmoid:
    case Fn::sigmoid_prime:
    case Fn::softplus:
      near_both_signs(md::logistic_left_tail, 8);  // x < -40 returns e^x
      near_both_signs(704.0, 8);                   // exp(-x)'s fast path
      near_both_signs(md::exp_overflow_x, 8);
      near_both_signs(md::exp_underflow_x, 8);
      add_neighbours(v, subnormal_results, 8);
      add_neighbours(v, static_cast<T>(-subnormal_results), 8);
      near_both_signs(54 * std::log(2.0), 8);  // softplus: e^-|x| = 2^-54, log1p's shortcut
      near_both_signs(std::asinh(1.0), 8);     // softplus: 1 + e^-|x| = sqrt(2), log's split
      near_both_signs(0.0, 8);                 // softplus's x > 0 select
      for (long m = first_m; m <= -first_m; ++m) add_neighbours(v, multiple_of_ln2_over_64<T>(m), 1);
      break;
  }
  return v;
}

/// Every argument a function is judged on: random, edges, and branch boundaries.
template <class T>
std::vector<T> all_arguments(Fn f) {
  std::vector<T> args = random_arguments<T>(f);
  const std::vector<T> edges = edge_arguments<T>(f);
  args.insert(args.end(), edges.begin(), edges.end());
  const std::vector<T> boundaries = branch_boundaries<T>(f);
  args.insert(args.end(), boundaries.begin(), boundaries.end());
  return args;
}

// ---------------------------------------------------------------------------------------
// Reporting.

template <class T>
void report(const char* what, const Accuracy<T>& acc) {
  const double worst = static_cast<double>(acc.worst_x);
  std::printf("[ accuracy ] %-14s %-6s max %.6f ulp at x = %a (%.17g), %zu arguments\n", what, type_name<T>(),
              acc.max_ulp, worst, worst, acc.count);
  std::fflush(stdout);
  char text[128];
  std::snprintf(text, sizeof text, "%.6f", acc.max_ulp);
  ::testing::Test::RecordProperty("max_ulp", text);
  std::snprintf(text, sizeof text, "%a", worst);
  ::testing::Test::RecordProperty("worst_x", text);
  ::testing::Test::RecordProperty("arguments", std::to_string(acc.count));
}

template <class T>
std::string describe_broken(const Accuracy<T>& acc) {
  if (acc.broken_count == 0) return "no special-value rule broken";
  char text[256];
  std::snprintf(text, sizeof text, "%zu special-value rule(s) broken, first at x = %a: %s", acc.broken_count,
                static_cast<double>(acc.broken_x), acc.broken_rule);
  return text;
}

/// The bound of f for T: accuracy_bounds.hpp, the one place the numbers live.
template <class T>
double bound(Fn f) {
  using B = gradproof_tests::accuracy_bounds<T>;
  switch (f) {
    case Fn::exp: return B::exp;
    case Fn::log1p: return B::log1p;
    case Fn::log: return B::log;
    case Fn::sigmoid: return B::sigmoid;
    case Fn::sigmoid_prime: return B::sigmoid_prime;
    case Fn::softplus: return B::softplus;
  }
  return 0.0;
}

template <class T>
void check_accuracy(Fn f) {
  const std::vector<T> args = all_arguments<T>(f);
  ASSERT_GE(args.size(), 1'000'000U * kScale);
  const auto acc = measure<T>([f](T x) { return compute(f, x); }, reference(f), std::span<const T>(args));
  report(name(f), acc);
  EXPECT_EQ(acc.broken_count, 0U) << name(f) << "<" << type_name<T>() << ">: " << describe_broken(acc);
  EXPECT_LE(acc.max_ulp, bound<T>(f)) << name(f) << "<" << type_name<T>() << "> worst at x = "
                                  << std::hexfloat << static_cast<double>(acc.worst_x);
}

/// sigmoid_and_prime, the forward pass's cheaper pair: the same arguments and references as
/// sigmoid (Fn::sigmoid) resp. sigmoid_prime, its own bounds (accuracy_bounds.hpp).
template <class T>
void check_pair_accuracy(Fn f, double pair_bound) {
  const std::vector<T> args = all_arguments<T>(f);
  const bool prime = f == Fn::sigmoid_prime;
  const auto acc = measure<T>(
      [prime](T x) {
        const auto p = gradproof::math::sigmoid_and_prime(x);
        return prime ? p.sigma_prime : p.sigma;
      },
      reference(f), std::span<const T>(args));
  report(prime ? "pair.sigma_prime" : "pair.sigma", acc);
  EXPECT_EQ(acc.broken_count, 0U) << describe_broken(acc);
  EXPECT_LE(acc.max_ulp, pair_bound) << "worst at x = " << std::hexfloat << static_cast<double>(acc.worst_x);
}

// ---------------------------------------------------------------------------------------
// The requirement: accuracy_bounds.hpp's bound, every function, both types.

TEST(math_accuracy, sigmoid_and_prime_sigma_double) {
  check_pair_accuracy<double>(Fn::sigmoid, gradproof_tests::accuracy_bounds<double>::pair_sigma);
}
TEST(math_accuracy, sigmoid_and_prime_sigma_prime_double) {
  check_pair_accuracy<double>(Fn::sigmoid_prime, gradproof_tests::accuracy_bounds<double>::pair_sigma_prime);
}
TEST(math_accuracy, sigmoid_and_prime_sigma_float) {
  check_pair_accuracy<float>(Fn::sigmoid, gradproof_tests::accuracy_bounds<float>::sigmoid);
}
TEST(math_accuracy, sigmoid_and_prime_sigma_prime_float) {
  check_pair_accuracy<float>(Fn::sigmoid_prime, gradproof_tests::accuracy_bounds<float>::sigmoid_prime);
}

// ---------------------------------------------------------------------------------------
// The peers, by the same method on the same arguments as gradproof's exp and log1p (the rows
// of docs/math.md's table): glibc's std::exp and std::log1p, and the textbook constexpr
// Cody-Waite + Taylor exp of bench/textbook_exp.hpp. Reported, not judged against gradproof's
// bounds; the one check is glibc's documented accuracy (exp and log1p within 1 ulp), which
// also keeps the measurement itself honest.

template <class Computed>
Accuracy<double> measure_peer(Fn f, Computed computed) {
  const std::vector<double> args = all_arguments<double>(f);
  return measure<double>(computed, reference(f), std::span<const double>(args));
}

TEST(math_accuracy_peers, glibc_exp) {
  const auto acc = measure_peer(Fn::exp, [](double x) { return std::exp(x); });
  report("peer glibc exp", acc);
  EXPECT_LE(acc.max_ulp, 1.0);
}
TEST(math_accuracy_peers, glibc_log1p) {
  const auto acc = measure_peer(Fn::log1p, [](double x) { return std::log1p(x); });
  report("peer glibc log1p", acc);
  EXPECT_LE(acc.max_ulp, 1.0);
}
TEST(math_accuracy_peers, textbook_exp) {
  const auto acc = measure_peer(Fn::exp, [](double x) { return textbook::exp_cody_waite(x); });
  report("peer textbook exp", acc);
  EXPECT_GT(acc.max_ulp, 0.5);  // no correctly rounded exp is this simple: a sanity check of the judge
}

TEST(math_accuracy, exp_double) { check_accuracy<double>(Fn::exp); }
TEST(math_accuracy, exp_float) { check_accuracy<float>(Fn::exp); }
TEST(math_accuracy, log1p_double) { check_accuracy<double>(Fn::log1p); }
TEST(math_accuracy, log1p_float) { check_accuracy<float>(Fn::log1p); }
TEST(math_accuracy, log_double) { check_accuracy<double>(Fn::log); }
TEST(math_accuracy, log_float) { check_accuracy<float>(Fn::log); }
TEST(math_accuracy, sigmoid_double) { check_accuracy<double>(Fn::sigmoid); }
TEST(math_accuracy, sigmoid_float) { check_accuracy<float>(Fn::sigmoid); }
TEST(math_accuracy, sigmoid_prime_double) { check_accuracy<double>(Fn::sigmoid_prime); }
TEST(math_accuracy, sigmoid_prime_float) { check_accuracy<float>(Fn::sigmoid_prime); }
TEST(math_accuracy, softplus_double) { check_accuracy<double>(Fn::softplus); }
TEST(math_accuracy, softplus_float) { check_accuracy<float>(Fn::softplus); }

// ---------------------------------------------------------------------------------------
// The harness itself: its unit is the ulp of the exact value, and it can fail.

TEST(math_accuracy_harness, measures_in_ulps_of_the_exact_value) {
  Judge<double> judge_d;
  Judge<float> judge_f;
  Mp exact;
  // exact 1: ulp 2^-52 above (the binade [1, 2)), so the next double is 1 ulp away and the
  // previous one half an ulp.
  mpfr_set_ui(exact.get(), 1, MPFR_RNDN);
  EXPECT_EQ(judge_d(std::nextafter(1.0, 2.0), exact.get(), false).ulps, 1.0);
  EXPECT_EQ(judge_d(std::nextafter(1.0, 0.0), exact.get(), false).ulps, 0.5);
  EXPECT_EQ(judge_f(std::nextafter(1.0F, 2.0F), exact.get(), false).ulps, 1.0);
  // A subnormal exact value: the ulp is the smallest subnormal.
  mpfr_set_ui_2exp(exact.get(), 3, -1074, MPFR_RNDN);
  EXPECT_EQ(judge_d(std::numeric_limits<double>::denorm_min(), exact.get(), false).ulps, 2.0);
  // 3 * 2^-1075 is 1.5 subnormal ulps: rounds to 2 * 2^-1074, half an ulp from it.
  mpfr_set_ui_2exp(exact.get(), 3, -1075, MPFR_RNDN);
  EXPECT_EQ(judge_d(2 * std::numeric_limits<double>::denorm_min(), exact.get(), false).ulps, 0.5);
}

TEST(math_accuracy_harness, reports_special_value_rule_breaks) {
  Judge<double> judge;
  Mp exact;
  constexpr double inf = std::numeric_limits<double>::infinity();
  // Overflowing exact value: DBL_MAX is not accepted, only +inf.
  mpfr_set_ui_2exp(exact.get(), 1, 1024, MPFR_RNDN);
  EXPECT_NE(judge(std::numeric_limits<double>::max(), exact.get(), false).broken_rule, nullptr);
  EXPECT_EQ(judge(inf, exact.get(), false).broken_rule, nullptr);
  // DBL_MAX + a quarter of its ulp (2^1024 - 3 * 2^969) is no overflow: DBL_MAX is right, inf wrong.
  mpfr_set_ui_2exp(exact.get(), (1UL << 55) - 3, 969, MPFR_RNDN);
  EXPECT_EQ(judge(std::numeric_limits<double>::max(), exact.get(), false).ulps, 0.25);
  EXPECT_NE(judge(inf, exact.get(), false).broken_rule, nullptr);
  // Below half the smallest subnormal: only 0 is right.
  mpfr_set_ui_2exp(exact.get(), 1, -1076, MPFR_RNDN);
  EXPECT_NE(judge(std::numeric_limits<double>::denorm_min(), exact.get(), false).broken_rule, nullptr);
  EXPECT_EQ(judge(0.0, exact.get(), false).broken_rule, nullptr);
  // NaN both ways, and the sign of an exact zero.
  mpfr_set_nan(exact.get());
  EXPECT_NE(judge(0.0, exact.get(), false).broken_rule, nullptr);
  mpfr_set_ui(exact.get(), 1, MPFR_RNDN);
  EXPECT_NE(judge(std::numeric_limits<double>::quiet_NaN(), exact.get(), false).broken_rule, nullptr);
  mpfr_set_zero(exact.get(), -1);
  EXPECT_NE(judge(0.0, exact.get(), false).broken_rule, nullptr);
  EXPECT_EQ(judge(-0.0, exact.get(), false).broken_rule, nullptr);
}

// Known-bad twin: exp with a relative error of 8 double ulps (1 + 2^-49) must be reported
// above the bound (measured error between 8 and 16 ulp, plus rounding).
TEST(math_accuracy_harness, rejects_exp_perturbed_by_8_ulp_double) {
  Draw<double> d(42);
  std::vector<double> args;
  for (int i = 0; i < 100'000; ++i) args.push_back(d.uniform(-700, 700));
  constexpr double factor = 1.0 + 8 * std::numeric_limits<double>::epsilon();
  const auto acc = measure<double>([](double x) { return gradproof::math::exp(x) * factor; }, exact_exp,
                                   std::span<const double>(args));
  report("exp*(1+8ulp)", acc);
  EXPECT_GT(acc.max_ulp, bound<double>(Fn::exp));
  EXPECT_GE(acc.max_ulp, 8.0);
  EXPECT_LT(acc.max_ulp, 17.0);
}

TEST(math_accuracy_harness, rejects_exp_perturbed_by_8_ulp_float) {
  Draw<float> d(43);
  std::vector<float> args;
  for (int i = 0; i < 100'000; ++i) args.push_back(d.uniform(-87, 88));
  // In double, then rounded once to float: a relative error of 8 float ulps (1 + 2^-20).
  constexpr double factor = 1.0 + 8 * static_cast<double>(std::numeric_limits<float>::epsilon());
  const auto acc = measure<float>(
      [](float x) { return static_cast<float>(static_cast<double>(gradproof::math::exp(x)) * factor); }, exact_exp,
      std::span<const float>(args));
  report("exp*(1+8ulp)", acc);
  EXPECT_GT(acc.max_ulp, bound<float>(Fn::exp));
}

// Known-bad twin: log1p computed as log(1 + x) loses every digit for tiny x.
TEST(math_accuracy_harness, rejects_log1p_as_log_of_one_plus_x) {
  Draw<double> d(44);
  std::vector<double> args;
  for (int i = 0; i < 10'000; ++i) args.push_back(d.uniform(-1e-3, 1e-3));
  const auto acc = measure<double>([](double x) { return gradproof::math::log(1.0 + x); }, exact_log1p,
                                   std::span<const double>(args));
  report("log(1+x)", acc);
  EXPECT_GT(acc.max_ulp, bound<double>(Fn::log1p));
}

// Known-bad twin: an exp that saturates at DBL_MAX and flushes subnormal results to zero
// must break rules, although each of those answers is "close".
TEST(math_accuracy_harness, rejects_exp_without_inf_and_subnormals) {
  const std::vector<double> args{710.0, 1000.0, -740.0, -709.0};
  const auto acc = measure<double>(
      [](double x) {
        const double e = gradproof::math::exp(x);
        if (std::isinf(e)) return std::numeric_limits<double>::max();
        return e < std::numeric_limits<double>::min() ? 0.0 : e;
      },
      exact_exp, std::span<const double>(args));
  EXPECT_EQ(acc.broken_count, 2U) << describe_broken(acc);  // 710 and 1000 (overflow rule)
  EXPECT_GT(acc.max_ulp, bound<double>(Fn::exp));           // and the flushed subnormals
}

// Known-bad twin: an exp 4 ulp off at a single multiple of ln2/64 (m = 12345, x ~ 133.7),
// which random arguments would all but never hit, must be caught by the branch boundaries.
TEST(math_accuracy_harness, boundaries_catch_one_wrong_table_point) {
  const double victim = multiple_of_ln2_over_64<double>(12'345);
  const std::vector<double> args = branch_boundaries<double>(Fn::exp);
  const auto acc = measure<double>(
      [victim](double x) {
        double e = gradproof::math::exp(x);
        for (int i = 0; x == victim && i < 4; ++i) e = std::nextafter(e, std::numeric_limits<double>::infinity());
        return e;
      },
      exact_exp, std::span<const double>(args));
  report("exp+4ulp@m=12345", acc);
  EXPECT_GT(acc.max_ulp, 3.0);
  EXPECT_GT(acc.max_ulp, bound<double>(Fn::exp));
  EXPECT_EQ(acc.worst_x, victim);
}

}  // namespace
