// runtime_tests/fuzz/math_fuzzer.cpp: a libFuzzer target that proves, for whatever arguments
// libFuzzer can find (the input bytes read as doubles, 8 at a time, and as floats, 4 at a
// time: any bit pattern, NaNs with payloads, infinities, subnormals, the thresholds), that
// every gradproof::math function (exp, log, log1p, sigmoid, sigmoid_prime, softplus,
// sigmoid_and_prime; double and float)
//   - is within accuracy_bounds.hpp's bound of the exact value (MPFR at 200 bits),
//   - keeps the special-value rules: NaN in -> NaN out, NaN exactly where the exact value is
//     none (log of a negative, log1p below -1), a result past the largest finite value + half
//     its ulp -> inf, below half the smallest subnormal -> 0, a zero of the exact value's sign,
//   - and that sigmoid_and_prime(x) is bit for bit {sigmoid(x), sigmoid_prime(x)}.
// A violation prints what and where ("math_fuzzer: VIOLATION ...") and traps, which libFuzzer
// reports as a crash and saves as a reproducer (crash-<sha1>; rerun: math_fuzzer crash-<sha1>).
//
// Built only with clang and -fsanitize=fuzzer,address,undefined (runtime_tests/fuzz/
// CMakeLists.txt, option GRADPROOF_BUILD_FUZZ, preset "fuzz"), so ASan and UBSan watch every
// call too. Defining GRADPROOF_FUZZ_KNOWN_BAD builds the known-bad twin: exp(double) off by a
// factor 1 + 2^-49 (8 ulp), which must trap on the first seed (CTest math_fuzzer_known_bad).
#include <mpfr.h>

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <type_traits>

#include <gradproof/math.hpp>

#include "../accuracy_bounds.hpp"
#include "../mpfr_exact.hpp"

namespace {

using gradproof_tests::kPrecision;
using gradproof_tests::Mp;

enum class Fn { exp, log, log1p, sigmoid, sigmoid_prime, softplus };
constexpr Fn kAll[] = {Fn::exp, Fn::log, Fn::log1p, Fn::sigmoid, Fn::sigmoid_prime, Fn::softplus};

const char* name(Fn f) {
  switch (f) {
    case Fn::exp: return "exp";
    case Fn::log: return "log";
    case Fn::log1p: return "log1p";
    case Fn::sigmoid: return "sigmoid";
    case Fn::sigmoid_prime: return "sigmoid_prime";
    case Fn::softplus: return "softplus";
  }
  return "?";
}

template <class T>
double bound(Fn f) {
  using B = gradproof_tests::accuracy_bounds<T>;
  switch (f) {
    case Fn::exp: return B::exp;
    case Fn::log: return B::log;
    case Fn::log1p: return B::log1p;
    case Fn::sigmoid: return B::sigmoid;
    case Fn::sigmoid_prime: return B::sigmoid_prime;
    case Fn::softplus: return B::softplus;
  }
  return 0.0;
}

double exp_under_test(double x) {
#if defined(GRADPROOF_FUZZ_KNOWN_BAD)
  return gradproof::math::exp(x) * (1.0 + 0x1p-49);  // the known-bad twin: 8 ulp off
#else
  return gradproof::math::exp(x);
#endif
}

template <class T>
T compute(Fn f, T x) {
  namespace m = gradproof::math;
  switch (f) {
    case Fn::exp:
      if constexpr (std::is_same_v<T, double>) return exp_under_test(x);
      return m::exp(x);
    case Fn::log: return m::log(x);
    case Fn::log1p: return m::log1p(x);
    case Fn::sigmoid: return m::sigmoid(x);
    case Fn::sigmoid_prime: return m::sigmoid_prime(x);
    case Fn::softplus: return m::softplus(x);
  }
  return x;
}

/// The exact value, from the definitions (not from gradproof's formulas): mpfr_exact.hpp's.
void exact(Fn f, mpfr_ptr r, mpfr_ptr x) {
  namespace ref = gradproof_tests;
  switch (f) {
    case Fn::exp: ref::exact_exp(r, x); return;
    case Fn::log: ref::exact_log(r, x); return;
    case Fn::log1p: ref::exact_log1p(r, x); return;
    case Fn::sigmoid: ref::exact_sigmoid(r, x); return;              // 1 / (1 + e^-x)
    case Fn::sigmoid_prime: ref::exact_sigmoid_prime(r, x); return;  // e^-|x| / (1 + e^-|x|)^2
    case Fn::softplus: ref::exact_softplus(r, x); return;  // log(1 + e^x); above 2^20 as x + log1p(e^-x)
  }
}

[[noreturn]] void violation(const char* what, Fn f, const char* type, double x, double computed, const char* detail) {
  std::fprintf(stderr, "math_fuzzer: VIOLATION: %s<%s>(%a = %.17g) = %a: %s%s\n", name(f), type, x, x, computed, what,
               detail);
  std::fflush(stderr);
  __builtin_trap();
}

/// The judge of math_accuracy_test: error in ulps of T at the exact value, or a broken rule.
template <class T>
void check(Fn f, T x) {
  constexpr const char* type = std::is_same_v<T, double> ? "double" : "float";
  constexpr long digits = std::numeric_limits<T>::digits;
  constexpr long subnormal_ulp_exponent = std::numeric_limits<T>::min_exponent - digits;  // -1074, -149
  constexpr long max_exponent = std::numeric_limits<T>::max_exponent;
  const T c = compute(f, x);
  const auto fail = [&](const char* what, const char* detail = "") {
    violation(what, f, type, static_cast<double>(x), static_cast<double>(c), detail);
  };
  Mp mx;
  Mp y;
  mpfr_set_d(mx.get(), static_cast<double>(x), MPFR_RNDN);  // exact, NaN and inf included
  mpfr_clear_flags();
  exact(f, y.get(), mx.get());
  const bool underflowed = mpfr_underflow_p() != 0;
  if (mpfr_nan_p(y.get())) {
    if (!std::isnan(c)) fail("the exact value is NaN, the result is not");
    return;
  }
  if (std::isnan(c)) fail("NaN, but the exact value is a number");
  const bool negative = mpfr_signbit(y.get()) != 0;
  if (mpfr_inf_p(y.get())) {
    if (!(std::isinf(c) && std::signbit(c) == negative)) fail("the exact value is infinite, the result is not");
    return;
  }
  if (mpfr_zero_p(y.get())) {
    if (c != T(0)) fail("the exact value is zero, the result is not");
    if (!underflowed && std::signbit(c) != negative) fail("zero of the wrong sign");
    return;
  }
  // Overflow: from 2^max_exponent (1 - 2^-(digits+1)) on, round-to-nearest gives inf.
  Mp limit;
  mpfr_set_ui_2exp(limit.get(), (1UL << (digits + 1)) - 1, max_exponent - digits - 1, MPFR_RNDN);
  if (mpfr_cmpabs(y.get(), limit.get()) >= 0) {
    if (!(std::isinf(c) && std::signbit(c) == negative)) fail("the exact value rounds to inf, the result is not");
    return;
  }
  mpfr_set_ui_2exp(limit.get(), 1, subnormal_ulp_exponent - 1, MPFR_RNDN);  // half the smallest subnormal
  if (mpfr_cmpabs(y.get(), limit.get()) <= 0) {
    if (c != T(0)) fail("the exact value is at most half the smallest subnormal, the result is not 0");
    return;
  }
  if (std::isinf(c)) fail("inf, but the exact value is finite");
  const long e = static_cast<long>(mpfr_get_exp(y.get()));  // |y| in [2^(e-1), 2^e)
  const long ulp_exponent = e - digits > subnormal_ulp_exponent ? e - digits : subnormal_ulp_exponent;
  Mp diff(2 * kPrecision);
  mpfr_set_d(diff.get(), static_cast<double>(c), MPFR_RNDN);
  mpfr_sub(diff.get(), diff.get(), y.get(), MPFR_RNDN);
  mpfr_mul_2si(diff.get(), diff.get(), -ulp_exponent, MPFR_RNDN);
  const double ulps = std::fabs(mpfr_get_d(diff.get(), MPFR_RNDN));
  if (ulps > bound<T>(f)) {
    char detail[96];
    std::snprintf(detail, sizeof detail, "%.6f ulp > %.6f", ulps, bound<T>(f));
    fail("error above the bound: ", detail);
  }
}

template <class T>
void check_all(T x) {
  for (const Fn f : kAll) check<T>(f, x);
  // sigmoid_and_prime, the forward pass's cheaper pair, stays within a few ulp of the two
  // accurate functions (its own accuracy is math_accuracy_test's), and is NaN exactly where
  // they are.
  const auto pair = gradproof::math::sigmoid_and_prime(x);
  const T s = gradproof::math::sigmoid(x);
  const T p = gradproof::math::sigmoid_prime(x);
  constexpr const char* type = std::is_same_v<T, double> ? "double" : "float";
  constexpr T tol = 8 * std::numeric_limits<T>::epsilon();
  const bool sigma_ok = (s != s) ? (pair.sigma != pair.sigma) : std::fabs(pair.sigma - s) <= tol * s;
  const bool prime_ok = (p != p) ? (pair.sigma_prime != pair.sigma_prime) : std::fabs(pair.sigma_prime - p) <= tol * p;
  if (!sigma_ok) {
    violation("sigmoid_and_prime().sigma is far from sigmoid()", Fn::sigmoid, type, static_cast<double>(x),
              static_cast<double>(pair.sigma), "");
  }
  if (!prime_ok) {
    violation("sigmoid_and_prime().sigma_prime is far from sigmoid_prime()", Fn::sigmoid_prime, type,
              static_cast<double>(x), static_cast<double>(pair.sigma_prime), "");
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // MPFR's default exponent range ends near 2^(2^30); widened so that exp of any double is a
  // finite MPFR number (only |x| > ~3e18 leaves it, where MPFR flags the underflow).
  gradproof_tests::widen_mpfr_exponent_range();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (std::size_t i = 0; i + sizeof(double) <= size; i += sizeof(double)) {
    double x;
    std::memcpy(&x, data + i, sizeof x);
    check_all(x);
  }
  for (std::size_t i = 0; i + sizeof(float) <= size; i += sizeof(float)) {
    float x;
    std::memcpy(&x, data + i, sizeof x);
    check_all(x);
  }
  return 0;
}
