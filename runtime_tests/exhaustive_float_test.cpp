// runtime_tests/exhaustive_float_test.cpp: proves, for every one of the 2^32 float bit
// patterns, that gradproof::math's float exp, sigmoid, sigmoid_prime, log1p and softplus are
// within accuracy_bounds<float> of the exact value, and that they keep the special-value
// rules: NaN in -> NaN out, a result past FLT_MAX + half its ulp -> +inf, a result below half
// the smallest subnormal -> 0 (of the exact value's sign), subnormal results correctly
// rounded. It reports, per function, the maximum error in ulps and how many of the 2^32 results
// are not the correctly rounded float.
//
// How 2^32 references stay cheap: the correctly rounded float of the exact value y is decided
// from a double approximation d of y (glibc's double exp/log1p, a few roundings: relative error
// below 2^-50 on samples, asserted below 2^-46 against MPFR by reference_is_within_its_margin). round-to-float(d) is
// round-to-float(y) unless y may lie on the other side of a float rounding boundary (a
// midpoint between two floats, FLT_MAX + half an ulp, half the smallest subnormal), i.e.
// unless d is within kMargin = 2^-40 |d| of one; those few (about one input in 2^15) are
// decided by MPFR at 200 bits. The error in ulps is |computed - d| / ulp(y), good to ~2^-11
// of an ulp of a double, i.e. to 1e-11 float ulps; the worst argument is re-measured with MPFR.
//
// Built at -O2 whatever the build type (2^32 calls per function), threaded (all cores, or
// GRADPROOF_TEST_THREADS=n). exp, sigmoid, sigmoid_prime: CTest label "exhaustive", run by CI;
// log1p and softplus, the slowest: label "exhaustive_extra", by hand (ctest --preset
// exhaustive-all). Known-bad twins at the end prove that the harness
// finds one wrong input among 2^25, a uniformly perturbed exp, and broken special-value rules.
#include <mpfr.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gradproof/math.hpp>

#include "accuracy_bounds.hpp"
#include "mpfr_exact.hpp"

namespace {

using Bounds = gradproof_tests::accuracy_bounds<float>;

// d within kMargin |d| of a float rounding boundary: MPFR decides. The double references below
// are within 2^-50 |y| of y, 2^10 times closer than this.
constexpr double kMargin = 0x1p-40;
// Results this small are 0 in float whatever the reference's error (half the smallest
// subnormal is 2^-150).
constexpr double kTiny = 0x1p-200;
constexpr double kFltMax = static_cast<double>(std::numeric_limits<float>::max());
// FLT_MAX + half its ulp (2^104): from there on round-to-nearest gives inf.
constexpr double kFltOverflow = kFltMax + 0x1p103;

using gradproof_tests::Mp;
// Per thread (MPFR keeps the exponent range thread-local), so that no exact value of these
// functions over a float argument under- or overflows in MPFR.
using gradproof_tests::widen_mpfr_exponent_range;

// ---------------------------------------------------------------------------------------
// The functions: gradproof's, the double references, the exact (MPFR) values.

enum class Fn { exp, sigmoid, sigmoid_prime, log1p, softplus };

const char* name(Fn f) {
  switch (f) {
    case Fn::exp: return "exp";
    case Fn::sigmoid: return "sigmoid";
    case Fn::sigmoid_prime: return "sigmoid_prime";
    case Fn::log1p: return "log1p";
    case Fn::softplus: return "softplus";
  }
  return "?";
}

double bound(Fn f) {
  switch (f) {
    case Fn::exp: return Bounds::exp;
    case Fn::sigmoid: return Bounds::sigmoid;
    case Fn::sigmoid_prime: return Bounds::sigmoid_prime;
    case Fn::log1p: return Bounds::log1p;
    case Fn::softplus: return Bounds::softplus;
  }
  return 0.0;
}

/// The exact value at 200 bits, written from the definitions (not from gradproof's formulas):
/// mpfr_exact.hpp's.
void exact(Fn f, mpfr_ptr r, mpfr_ptr x) {
  switch (f) {
    case Fn::exp: gradproof_tests::exact_exp(r, x); return;
    case Fn::log1p: gradproof_tests::exact_log1p(r, x); return;
    case Fn::sigmoid: gradproof_tests::exact_sigmoid(r, x); return;              // 1 / (1 + e^-x)
    case Fn::sigmoid_prime: gradproof_tests::exact_sigmoid_prime(r, x); return;  // e^-|x| / (1 + e^-|x|)^2
    // log(1 + e^x), switching to x + log1p(e^-x) above 2^20: for floats above about 3e18, e^x
    // leaves even MPFR's widest exponent range and the unsplit form gave +inf.
    case Fn::softplus: gradproof_tests::exact_softplus(r, x); return;
  }
}

/// The double approximations of the exact values (relative error a few double ulps, or an
/// absolute error far below kTiny where the result is that small). Each is one of the
/// definitions, arranged so that nothing cancels or overflows.
// For |x| >= 128, e^-|x| < 2^-184 is replaced by 0 and e^x by inf: both are far past every
// float boundary that could matter (and glibc's exp takes its slow overflow/underflow path
// there, which would double the time of the sweep).
double exp_minus_abs(double x) { return !(std::fabs(x) >= 128) ? std::exp(-std::fabs(x)) : 0.0; }  // NaN: NaN
struct ExpRef {
  double operator()(double x) const {
    if (!(std::fabs(x) >= 128)) return std::exp(x);  // NaN too
    return x > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  }
};
struct SigmoidRef {
  double operator()(double x) const {
    const double e = exp_minus_abs(x);
    return x < 0 ? e / (1.0 + e) : 1.0 / (1.0 + e);
  }
};
struct SigmoidPrimeRef {
  double operator()(double x) const {
    const double e = exp_minus_abs(x);
    return e / ((1.0 + e) * (1.0 + e));
  }
};
struct Log1pRef {
  double operator()(double x) const { return std::log1p(x); }
};
struct SoftplusRef {
  double operator()(double x) const {
    return x > 0 ? x + std::log1p(exp_minus_abs(x)) : std::log1p(exp_minus_abs(x));
  }
};

// ---------------------------------------------------------------------------------------
// One float at a time.

/// ulp of float at a value of magnitude a (finite, below the overflow boundary): 2^(e - 23)
/// for a in [2^e, 2^(e+1)), the subnormal ulp 2^-149 below 2^-126. From a's bits (no libm call:
/// this runs 2^32 times).
double float_ulp(double a) {
  if (a < 0x1p-126) return 0x1p-149;
  const std::uint64_t biased = std::bit_cast<std::uint64_t>(a) >> 52;  // a is positive: no sign bit
  return std::bit_cast<double>((biased - 23) << 52);
}

/// Round-to-nearest double -> float, overflow made explicit (a C++ conversion of a double
/// beyond FLT_MAX's rounding range is undefined).
float round_to_float(double d) {
  constexpr float inf = std::numeric_limits<float>::infinity();
  if (std::fabs(d) >= kFltOverflow) return std::signbit(d) ? -inf : inf;
  return static_cast<float>(d);
}

/// The correctly rounded float of y, from its double approximation d, or "undecided" when d is
/// within kMargin |d| of a float rounding boundary.
struct Rounded {
  float value;
  bool decided;
};
/// The general case: any d (also infinite, past the overflow boundary, tiny, or in the float
/// subnormal range, where the rounding boundaries are not where the fast path looks).
[[gnu::noinline]] Rounded correctly_rounded_from_general(double d) {
  const double a = std::fabs(d);
  const float f = round_to_float(d);
  if (std::isinf(d) || a < kTiny) return {f, true};        // far past every boundary (see kTiny)
  if (std::isinf(f)) return {f, a - kFltOverflow > kMargin * a};  // at or past the overflow boundary
  const float fa = std::fabs(f);
  const double r = a - static_cast<double>(fa);  // exact: |r| <= half a float ulp
  // Half the gap to the neighbouring float on d's side of fa; above FLT_MAX the "neighbour"
  // is twice the overflow boundary's distance.
  const auto bits = std::bit_cast<std::uint32_t>(fa);
  const double toward = static_cast<double>(std::bit_cast<float>(r >= 0 ? bits + 1 : bits - 1));
  const bool above_max = fa == std::numeric_limits<float>::max() && r >= 0;
  const double gap = above_max ? 0x1p104 : std::fabs(toward - static_cast<double>(fa));
  return {f, gap / 2 - std::fabs(r) > kMargin * a};
}
/// The common case in a few integer operations: for |d| in the normal floats, the float
/// rounding boundaries (midpoints) are the doubles whose 29 low significand bits are
/// 0x10000000, so d is at least 2^14 double ulps (>= 2^-39 |d| > kMargin |d|) away from one
/// when those bits differ from it by more than 2^14.
Rounded correctly_rounded_from(double d) {
  const double a = std::fabs(d);
  if (!(a >= 0x1p-126 && a <= kFltMax)) return correctly_rounded_from_general(d);
  const std::uint64_t low = std::bit_cast<std::uint64_t>(d) & ((std::uint64_t{1} << 29) - 1);
  const std::uint64_t offset = low - (std::uint64_t{1} << 28) + (std::uint64_t{1} << 14);  // wraps below 0
  if (offset <= (std::uint64_t{1} << 15)) return correctly_rounded_from_general(d);  // close: decide carefully
  return {static_cast<float>(d), true};
}

struct Stats {
  std::uint64_t count = 0;
  std::uint64_t not_correctly_rounded = 0;
  std::uint64_t mpfr_decided = 0;  // references MPFR had to decide
  double max_ulp = 0.0;
  std::uint32_t worst_bits = 0;
  std::uint64_t broken = 0;  // special-value rules broken
  std::uint32_t first_broken_bits = 0;
  const char* first_broken_rule = nullptr;

  void merge(const Stats& o) {
    count += o.count;
    not_correctly_rounded += o.not_correctly_rounded;
    mpfr_decided += o.mpfr_decided;
    if (o.max_ulp > max_ulp) {
      max_ulp = o.max_ulp;
      worst_bits = o.worst_bits;
    }
    if (o.broken > 0 && (broken == 0 || o.first_broken_bits < first_broken_bits)) {
      first_broken_bits = o.first_broken_bits;
      first_broken_rule = o.first_broken_rule;
    }
    broken += o.broken;
  }
  void break_rule(std::uint32_t bits, const char* rule) {
    if (broken++ == 0 || bits < first_broken_bits) {
      first_broken_bits = bits;
      first_broken_rule = rule;
    }
  }
};

/// The per-thread MPFR workspace (MPFR variables are not shared between threads).
struct Workspace {
  Mp x;
  Mp y;
  Mp diff;
};

/// The exact verdict for one argument: correctly rounded float and error in ulps.
struct ExactVerdict {
  float correctly_rounded;
  double ulps;  // +inf when the exact value rounds to inf (or is NaN) and computed differs
  bool nan;
};
ExactVerdict exact_verdict(Fn f, float x, float computed, Workspace& w) {
  mpfr_set_flt(w.x.get(), x, MPFR_RNDN);
  exact(f, w.y.get(), w.x.get());
  if (mpfr_nan_p(w.y.get())) return {std::numeric_limits<float>::quiet_NaN(), 0.0, true};
  // mpfr_get_flt rounds correctly into the subnormals and to inf (the default exponent range
  // would not matter: the result is a float). The 200-bit y is y rounded once more, harmless
  // unless y is within 2^-200 of a float midpoint, which a transcendental value of a float
  // never is (and exact midpoints, like sigmoid(0) = 1/2 +- nothing, are exact in 200 bits).
  const float cr = mpfr_get_flt(w.y.get(), MPFR_RNDN);
  if (std::isinf(cr) || mpfr_inf_p(w.y.get())) {
    return {cr, computed == cr ? 0.0 : std::numeric_limits<double>::infinity(), false};
  }
  if (mpfr_zero_p(w.y.get())) {
    return {cr, computed == 0.0F ? 0.0 : std::numeric_limits<double>::infinity(), false};
  }
  if (std::isinf(computed) || std::isnan(computed)) return {cr, std::numeric_limits<double>::infinity(), false};
  const long e = static_cast<long>(mpfr_get_exp(w.y.get()));  // |y| in [2^(e-1), 2^e)
  const long ulp_exponent = std::max(e - 24, -149L);
  mpfr_set_flt(w.diff.get(), computed, MPFR_RNDN);
  mpfr_sub(w.diff.get(), w.diff.get(), w.y.get(), MPFR_RNDN);
  mpfr_mul_2si(w.diff.get(), w.diff.get(), -ulp_exponent, MPFR_RNDN);
  return {cr, std::fabs(mpfr_get_d(w.diff.get(), MPFR_RNDN)), false};
}

/// The rare cases of one argument: NaN, an infinite or zero result (either side).
[[gnu::noinline]] void check_special(float c, float cr, std::uint32_t bits, bool exact_nan, Stats& s) {
  if (exact_nan) {
    if (!std::isnan(c)) s.break_rule(bits, "exact is NaN, computed is not");
  } else if (std::isnan(c)) {
    s.break_rule(bits, "computed NaN, exact is a number");
  } else if (std::isinf(cr)) {
    if (c != cr) s.break_rule(bits, "exact rounds to inf, computed is not that inf");
  } else if (std::isinf(c)) {
    s.break_rule(bits, "computed inf, exact rounds to a finite float");
  } else if (cr == 0.0F && c == 0.0F) {
    if (std::signbit(c) != std::signbit(cr)) s.break_rule(bits, "zero of the wrong sign");
  }
}

template <class Computed, class Ref>
void check_one(Fn f, Computed computed_fn, Ref ref_fn, std::uint32_t bits, Stats& s, Workspace& w) {
  const float x = std::bit_cast<float>(bits);
  const float c = computed_fn(x);
  const double d = ref_fn(static_cast<double>(x));
  ++s.count;
  if (std::isnan(d) || std::isnan(c)) {  // NaN argument, log1p below -1, or a wrong NaN
    check_special(c, 0.0F, bits, std::isnan(d), s);
    return;
  }
  Rounded cr = correctly_rounded_from(d);
  double ulps = -1.0;  // not known yet
  if (!cr.decided) {
    ++s.mpfr_decided;
    const ExactVerdict v = exact_verdict(f, x, c, w);
    cr.value = v.correctly_rounded;
    ulps = v.ulps;
  }
  if (std::isinf(cr.value) || std::isinf(c) || (cr.value == 0.0F && c == 0.0F)) {
    check_special(c, cr.value, bits, false, s);
    return;
  }
  if (std::bit_cast<std::uint32_t>(c) != std::bit_cast<std::uint32_t>(cr.value)) ++s.not_correctly_rounded;
  // |c - d| / ulp(y), ulp(y) from d (see float_ulp); compared before dividing.
  const double diff = std::fabs(static_cast<double>(c) - d);
  const double ulp = float_ulp(std::fabs(d));
  if (ulps < 0.0 && diff <= s.max_ulp * ulp) return;
  if (ulps < 0.0) ulps = diff / ulp;
  if (ulps > s.max_ulp) {
    s.max_ulp = ulps;
    s.worst_bits = bits;
  }
}

unsigned thread_count() {
  if (const char* env = std::getenv("GRADPROOF_TEST_THREADS"); env != nullptr && std::atoi(env) > 0) {
    return static_cast<unsigned>(std::atoi(env));
  }
  return std::max(1U, std::thread::hardware_concurrency());
}

/// Checks the bit patterns begin, begin + stride, ... below end (end <= 2^32), in chunks
/// handed out to all threads.
template <class Computed, class Ref>
Stats sweep(Fn f, Computed computed_fn, Ref ref_fn, std::uint64_t begin, std::uint64_t end, std::uint64_t stride = 1) {
  constexpr std::uint64_t chunk = std::uint64_t{1} << 20;  // patterns per work item
  const std::uint64_t n = (end - begin + stride - 1) / stride;
  std::atomic<std::uint64_t> next{0};
  const unsigned threads = thread_count();
  std::vector<Stats> per_thread(threads);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      widen_mpfr_exponent_range();
      Workspace w;
      Stats s;
      for (std::uint64_t i0; (i0 = next.fetch_add(chunk)) < n;) {
        const std::uint64_t i1 = std::min(n, i0 + chunk);
        for (std::uint64_t i = i0; i < i1; ++i) {
          check_one(f, computed_fn, ref_fn, static_cast<std::uint32_t>(begin + i * stride), s, w);
        }
      }
      per_thread[t] = s;
    });
  }
  for (auto& th : pool) th.join();
  Stats total;
  for (const Stats& s : per_thread) total.merge(s);
  return total;
}

// ---------------------------------------------------------------------------------------
// Reporting and the checks.

template <class Computed>
double exact_error_at(Fn f, Computed computed_fn, std::uint32_t bits) {
  widen_mpfr_exponent_range();
  Workspace w;
  const float x = std::bit_cast<float>(bits);
  return exact_verdict(f, x, computed_fn(x), w).ulps;
}

std::string describe(const Stats& s) {
  char text[256];
  if (s.broken == 0) return "no special-value rule broken";
  const float x = std::bit_cast<float>(s.first_broken_bits);
  std::snprintf(text, sizeof text, "%llu special-value rule(s) broken, first at x = %a (bits 0x%08x): %s",
                static_cast<unsigned long long>(s.broken), static_cast<double>(x), s.first_broken_bits,
                s.first_broken_rule);
  return text;
}

/// Prints and records the sweep's result; the max error is re-measured with MPFR at its argument.
template <class Computed>
double report(const char* what, Fn f, Computed computed_fn, const Stats& s, double seconds) {
  const double exact_max = s.count > 0 ? exact_error_at(f, computed_fn, s.worst_bits) : 0.0;
  const double worst = static_cast<double>(std::bit_cast<float>(s.worst_bits));
  char took[32] = "";
  if (seconds > 0) std::snprintf(took, sizeof took, ", %.1f s", seconds);
  std::printf(
      "[ exhaustive ] %-14s float: max %.9f ulp at x = %a (%.9g), %llu of %llu results not correctly rounded, "
      "%llu decided by MPFR%s\n",
      what, exact_max, worst, worst, static_cast<unsigned long long>(s.not_correctly_rounded),
      static_cast<unsigned long long>(s.count), static_cast<unsigned long long>(s.mpfr_decided), took);
  std::fflush(stdout);
  char text[64];
  std::snprintf(text, sizeof text, "%.9f", exact_max);
  ::testing::Test::RecordProperty("max_ulp", text);
  std::snprintf(text, sizeof text, "%a", worst);
  ::testing::Test::RecordProperty("worst_x", text);
  ::testing::Test::RecordProperty("not_correctly_rounded", std::to_string(s.not_correctly_rounded));
  ::testing::Test::RecordProperty("mpfr_decided", std::to_string(s.mpfr_decided));
  return exact_max;
}

constexpr std::uint64_t kAll = std::uint64_t{1} << 32;

template <class Computed, class Ref>
void check_exhaustively(Fn f, Computed computed_fn, Ref ref_fn) {
  const auto t0 = std::chrono::steady_clock::now();
  const Stats s = sweep(f, computed_fn, ref_fn, 0, kAll);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const double max_ulp = report(name(f), f, computed_fn, s, seconds);
  EXPECT_EQ(s.count, kAll);
  EXPECT_EQ(s.broken, 0U) << name(f) << ": " << describe(s);
  EXPECT_LE(max_ulp, bound(f)) << name(f) << " worst at x = " << std::hexfloat
                               << static_cast<double>(std::bit_cast<float>(s.worst_bits));
}

namespace m = gradproof::math;

// The requirement: every float, within accuracy_bounds<float>, every special-value rule kept.
TEST(exhaustive_float, exp) {
  check_exhaustively(Fn::exp, [](float x) { return m::exp(x); }, ExpRef{});
}
TEST(exhaustive_float, sigmoid) {
  check_exhaustively(Fn::sigmoid, [](float x) { return m::sigmoid(x); }, SigmoidRef{});
}
TEST(exhaustive_float, sigmoid_prime) {
  check_exhaustively(Fn::sigmoid_prime, [](float x) { return m::sigmoid_prime(x); }, SigmoidPrimeRef{});
}
TEST(exhaustive_float, log1p) {
  check_exhaustively(Fn::log1p, [](float x) { return m::log1p(x); }, Log1pRef{});
}
TEST(exhaustive_float, softplus) {
  check_exhaustively(Fn::softplus, [](float x) { return m::softplus(x); }, SoftplusRef{});
}

// ---------------------------------------------------------------------------------------
// The shortcut's premise: each double reference is within 2^-46 of the exact value (relative;
// kMargin is 2^-40), on random floats of every magnitude and near the places where they are
// least accurate (large results, tiny results, log1p near -1).

template <class Ref>
void check_reference(Fn f, Ref ref_fn) {
  widen_mpfr_exponent_range();
  Mp x;
  Mp y;
  Mp d;
  std::mt19937 rng(0x65786875U + static_cast<unsigned>(f));
  double worst = 0.0;
  float worst_x = 0.0F;
  int checked = 0;
  for (int i = 0; i < (1 << 18); ++i) {
    const float a = std::bit_cast<float>(static_cast<std::uint32_t>(rng()));
    const double r = ref_fn(static_cast<double>(a));
    if (std::isnan(r) || std::isinf(r) || std::fabs(r) < kTiny) continue;
    mpfr_set_flt(x.get(), a, MPFR_RNDN);
    exact(f, y.get(), x.get());
    mpfr_set_d(d.get(), r, MPFR_RNDN);
    mpfr_sub(d.get(), d.get(), y.get(), MPFR_RNDN);
    mpfr_div(d.get(), d.get(), y.get(), MPFR_RNDN);
    const double rel = std::fabs(mpfr_get_d(d.get(), MPFR_RNDN));
    ++checked;
    if (rel > worst) {
      worst = rel;
      worst_x = a;
    }
  }
  std::printf("[ reference ] %-14s worst relative error of the double reference %.3g (2^%.1f) at %a, %d checked\n",
              name(f), worst, std::log2(worst), static_cast<double>(worst_x), checked);
  EXPECT_GT(checked, 1 << 16);
  EXPECT_LE(worst, 0x1p-46) << name(f) << " at x = " << std::hexfloat << static_cast<double>(worst_x);
}

TEST(exhaustive_float_harness, reference_is_within_its_margin) {
  check_reference(Fn::exp, ExpRef{});
  check_reference(Fn::sigmoid, SigmoidRef{});
  check_reference(Fn::sigmoid_prime, SigmoidPrimeRef{});
  check_reference(Fn::log1p, Log1pRef{});
  check_reference(Fn::softplus, SoftplusRef{});
}

// The boundary logic against MPFR on the floats where it matters most: every float rounding
// boundary is reached by some y = midpoint (1 +- tiny); here, the decision must agree with
// MPFR wherever it claims to be decided.
TEST(exhaustive_float_harness, decides_like_mpfr_near_boundaries) {
  std::mt19937 rng(7);
  int decided = 0;
  int undecided = 0;
  for (int i = 0; i < 200'000; ++i) {
    // A random positive finite float, its upper midpoint, and d = midpoint (1 + k 2^-45).
    const auto fb = static_cast<std::uint32_t>(rng() % 0x7f7fffffU);
    const double f = static_cast<double>(std::bit_cast<float>(fb));
    const double mid = (f + static_cast<double>(std::bit_cast<float>(fb + 1))) / 2;
    const double d = mid * (1.0 + static_cast<double>(static_cast<int>(rng() % 4097) - 2048) * 0x1p-45);
    const Rounded r = correctly_rounded_from(d);
    if (!r.decided) {
      ++undecided;
      continue;
    }
    ++decided;
    // Decided: any y within 2^-46 |d| of d rounds like d.
    const float lo = round_to_float(d * (1 - 0x1p-46));
    const float hi = round_to_float(d * (1 + 0x1p-46));
    ASSERT_EQ(lo, r.value) << std::hexfloat << d;
    ASSERT_EQ(hi, r.value) << std::hexfloat << d;
  }
  EXPECT_GT(decided, 1000);
  EXPECT_GT(undecided, 1000);
  // The overflow boundary and the half-smallest-subnormal boundary.
  EXPECT_FALSE(correctly_rounded_from(kFltOverflow).decided);
  EXPECT_FALSE(correctly_rounded_from(kFltOverflow * (1 - 0x1p-50)).decided);
  EXPECT_TRUE(std::isinf(correctly_rounded_from(kFltOverflow * (1 + 0x1p-30)).value));
  EXPECT_EQ(correctly_rounded_from(kFltOverflow * (1 - 0x1p-30)).value, std::numeric_limits<float>::max());
  EXPECT_FALSE(correctly_rounded_from(0x1p-150).decided);
  EXPECT_EQ(correctly_rounded_from(0x1p-150 * (1 - 0x1p-30)).value, 0.0F);
  EXPECT_EQ(correctly_rounded_from(0x1p-150 * (1 + 0x1p-30)).value, std::numeric_limits<float>::denorm_min());
}

// ---------------------------------------------------------------------------------------
// Known-bad twins: the harness can fail, and it finds what the exhaustive sweep is for.

// One wrong float among 2^25: exp is off by one ulp at x = 0.125 only. The sweep over every
// float in [2^-5, 2^-1) (4 binades, 2^25 patterns) must count exactly that one and blame it.
TEST(exhaustive_float_harness, finds_one_wrong_input_among_2_to_the_25) {
  constexpr float victim = 0.125F;
  const auto bad_exp = [](float x) {
    const float e = m::exp(x);
    return x == victim ? std::nextafter(e, std::numeric_limits<float>::infinity()) : e;
  };
  const auto first = std::bit_cast<std::uint32_t>(0x1p-5F);
  const auto last = std::bit_cast<std::uint32_t>(0x1p-1F);
  const Stats s = sweep(Fn::exp, bad_exp, ExpRef{}, first, last);
  const double max_ulp = report("exp+1ulp@0.125", Fn::exp, bad_exp, s, 0);
  EXPECT_EQ(s.count, std::uint64_t{last - first});
  EXPECT_EQ(s.not_correctly_rounded, 1U);
  EXPECT_EQ(s.worst_bits, std::bit_cast<std::uint32_t>(victim));
  EXPECT_GT(max_ulp, Bounds::exp);
  EXPECT_LT(max_ulp, 1.5);
}

// exp with a relative error of 2^-21 everywhere (4 to 8 float ulps; in double, then rounded
// once), on every 251st bit pattern: reported far above the bound, about half the results not
// correctly rounded (the perturbation leaves the results that are 0, 1 or inf alone).
TEST(exhaustive_float_harness, rejects_exp_perturbed_by_2_to_the_minus_21) {
  const auto bad_exp = [](float x) {
    return gradproof::detail::to_float(m::exp(static_cast<double>(x)) * (1.0 + 0x1p-21));
  };
  const Stats s = sweep(Fn::exp, bad_exp, ExpRef{}, 0, kAll, 251);
  const double max_ulp = report("exp*(1+2^-21)", Fn::exp, bad_exp, s, 0);
  EXPECT_GT(max_ulp, 3.5);
  EXPECT_GT(s.not_correctly_rounded, s.count / 4);
  EXPECT_EQ(s.broken, 0U) << describe(s);
}

// Special values: an exp that saturates at FLT_MAX, returns 0 for NaN, and -0 for the
// results that round to 0, each swept over every pattern where it matters.
TEST(exhaustive_float_harness, rejects_broken_special_values) {
  const auto saturating = [](float x) {
    const float e = m::exp(x);
    return std::isinf(e) ? std::numeric_limits<float>::max() : e;
  };
  const auto nan_to_zero = [](float x) { return std::isnan(x) ? 0.0F : m::exp(x); };
  const auto negative_zero = [](float x) {
    const float e = m::exp(x);
    return e == 0.0F ? -0.0F : e;
  };
  // [88, 96): exp overflows from x ~ 88.72 on.
  const auto s1 = sweep(Fn::exp, saturating, ExpRef{}, std::bit_cast<std::uint32_t>(88.0F),
                        std::bit_cast<std::uint32_t>(96.0F));
  EXPECT_GT(s1.broken, 0U);
  EXPECT_GT(std::bit_cast<float>(s1.first_broken_bits), 88.72F) << describe(s1);
  EXPECT_LT(std::bit_cast<float>(s1.first_broken_bits), 88.73F) << describe(s1);
  // Every positive NaN pattern: exponent field all ones, nonzero mantissa.
  const auto s2 = sweep(Fn::exp, nan_to_zero, ExpRef{}, 0x7f800001U, 0x80000000U);
  EXPECT_EQ(s2.broken, (std::uint64_t{1} << 23) - 1) << describe(s2);
  // [-112, -96): the results round to +0 from x ~ -103.97 on.
  const auto s3 = sweep(Fn::exp, negative_zero, ExpRef{}, std::bit_cast<std::uint32_t>(-96.0F),
                        std::bit_cast<std::uint32_t>(-112.0F));
  EXPECT_GT(s3.broken, 0U) << describe(s3);
  std::printf("[ harness ] saturating exp: %s\n[ harness ] NaN -> 0: %s\n[ harness ] -0: %s\n", describe(s1).c_str(),
              describe(s2).c_str(), describe(s3).c_str());
}

}  // namespace
