// runtime_tests/mpfr_exact.hpp: the single MPFR reference of the accuracy tests
// (math_accuracy_test, exhaustive_float_test, fuzz/math_fuzzer): the exact values of exp,
// log1p, log, sigmoid, sigmoid_prime and softplus at 200 bits, an RAII MPFR number, and the
// widening of MPFR's exponent range. Header-only; every test that reads accuracy_bounds.hpp
// judges against these.
//
// Why the formulas are written as they are: exp, log1p and log are MPFR's correctly rounded
// functions; sigmoid, sigmoid_prime and softplus are written from their definitions (not from
// gradproof's formulas), arranged so that nothing cancels, and each rounds only a few times at
// 200 bits, so the reference carries about 195 correct bits, 140 more than a double: its own
// error is far below 10^-30 ulp of the tested type.
#ifndef GRADPROOF_RUNTIME_TESTS_MPFR_EXACT_HPP
#define GRADPROOF_RUNTIME_TESTS_MPFR_EXACT_HPP

#include <mpfr.h>

namespace gradproof_tests {

// 200 bits: the reference formulas below round a few times each, so the reference carries
// about 195 correct bits, 140 more than a double; its own error is far below 10^-30 ulp.
inline constexpr mpfr_prec_t kPrecision = 200;

/// MPFR's exponent range widened to the maximum (per thread: MPFR keeps it thread-local).
/// MPFR's default range ends near 2^(2^30), so exp(1e10) would "overflow" in MPFR although it
/// is a finite real. Call it before any MPFR variable of the thread exists: then only
/// |x| > ~3e18 leaves MPFR's range, where every result is 0, 1 or inf in any format anyway
/// (and MPFR flags it).
inline void widen_mpfr_exponent_range() {
  mpfr_set_emin(mpfr_get_emin_min());
  mpfr_set_emax(mpfr_get_emax_max());
}

/// One MPFR number, freed on scope exit.
class Mp {
 public:
  explicit Mp(mpfr_prec_t precision = kPrecision) { mpfr_init2(v_, precision); }
  ~Mp() { mpfr_clear(v_); }
  Mp(const Mp&) = delete;
  Mp& operator=(const Mp&) = delete;
  mpfr_ptr get() noexcept { return v_; }
  mpfr_srcptr get() const noexcept { return v_; }

 private:
  mpfr_t v_;
};

// ---------------------------------------------------------------------------------------
// The exact values: MPFR's correctly rounded exp, log1p, log at 200 bits, and the three
// composite functions written from their definitions (not from gradproof's formulas).

using Reference = void (*)(mpfr_ptr result, mpfr_srcptr x);

inline void exact_exp(mpfr_ptr r, mpfr_srcptr x) { mpfr_exp(r, x, MPFR_RNDN); }
inline void exact_log1p(mpfr_ptr r, mpfr_srcptr x) { mpfr_log1p(r, x, MPFR_RNDN); }
inline void exact_log(mpfr_ptr r, mpfr_srcptr x) { mpfr_log(r, x, MPFR_RNDN); }

/// sigma(x) = 1 / (1 + e^-x).
inline void exact_sigmoid(mpfr_ptr r, mpfr_srcptr x) {
  Mp d;
  mpfr_neg(d.get(), x, MPFR_RNDN);
  mpfr_exp(d.get(), d.get(), MPFR_RNDN);
  mpfr_add_ui(d.get(), d.get(), 1, MPFR_RNDN);
  mpfr_ui_div(r, 1, d.get(), MPFR_RNDN);
}

/// sigma'(x) = e^-|x| / (1 + e^-|x|)^2 (even in x; no cancellation anywhere).
inline void exact_sigmoid_prime(mpfr_ptr r, mpfr_srcptr x) {
  Mp e;
  Mp d;
  mpfr_abs(e.get(), x, MPFR_RNDN);
  mpfr_neg(e.get(), e.get(), MPFR_RNDN);
  mpfr_exp(e.get(), e.get(), MPFR_RNDN);
  mpfr_add_ui(d.get(), e.get(), 1, MPFR_RNDN);
  mpfr_sqr(d.get(), d.get(), MPFR_RNDN);
  mpfr_div(r, e.get(), d.get(), MPFR_RNDN);
}

/// softplus(x) = log(1 + e^x). Above 2^20 the algebraically equal x + log1p(e^-x) is used
/// only because e^x would leave even MPFR's widened exponent range for x > ~3e18.
inline void exact_softplus(mpfr_ptr r, mpfr_srcptr x) {
  Mp e;
  if (mpfr_nan_p(x) || mpfr_cmp_ui_2exp(x, 1, 20) <= 0) {
    mpfr_exp(e.get(), x, MPFR_RNDN);
    mpfr_log1p(r, e.get(), MPFR_RNDN);
  } else {
    mpfr_neg(e.get(), x, MPFR_RNDN);
    mpfr_exp(e.get(), e.get(), MPFR_RNDN);
    mpfr_log1p(e.get(), e.get(), MPFR_RNDN);
    mpfr_add(r, x, e.get(), MPFR_RNDN);
  }
}

}  // namespace gradproof_tests

#endif  // GRADPROOF_RUNTIME_TESTS_MPFR_EXACT_HPP
