// runtime_tests/accuracy_bounds.hpp: the accuracy every test of gradproof::math checks, in
// one place: math_accuracy_test (random and edge arguments against MPFR), exhaustive_float_test
// (every float) and fuzz/math_fuzzer (arbitrary bit patterns) all read these numbers.
//
// Unit: |computed - exact| / ulp(exact), ulp of the result type at the exact value (the
// subnormal ulp below the normals), exact = MPFR at 200 bits. A correctly rounded function
// scores at most 0.5.
//
// The values are the project's accuracy goals (docs/math.md), not what the code reaches today.
// A test whose function exceeds its bound fails; that is the point. Measured maxima and the
// arguments where they occur: the tests print them ("[ accuracy ] ..."), docs/math.md quotes
// them. Change a bound here, and only here, with a reason in the comment.
#ifndef GRADPROOF_RUNTIME_TESTS_ACCURACY_BOUNDS_HPP
#define GRADPROOF_RUNTIME_TESTS_ACCURACY_BOUNDS_HPP

namespace gradproof_tests {

template <class T>
struct accuracy_bounds;

template <>
struct accuracy_bounds<double> {
  // The goal: exp and log1p within 0.55 ulp of the correctly rounded result over their whole
  // domains (never worse than 1 ulp).
  static constexpr double exp = 0.55;
  static constexpr double log1p = 0.55;
  // The issue names no number for log; it is "whatever else the library uses" (loss.hpp's
  // cross-entropy) and shares log1p's kernel (detail::log_reduced), so it gets log1p's target.
  static constexpr double log = 0.55;
  // The goal: sigmoid, sigmoid_prime and softplus within 2 ulp, also deep in the tails.
  static constexpr double sigmoid = 2.0;
  static constexpr double sigmoid_prime = 2.0;
  static constexpr double softplus = 2.0;
  // sigmoid_and_prime, the forward pass's pair (math.hpp): σ rounded twice without the
  // correction (2.19 seen), σ′ corrected for 1 + E's rounding only (2.9 seen). Not the scalar
  // 2 ulp: the corrections that reach it cost the SGD step a fifth of its time (the note of
  // that change has the numbers). 4 ulp is the ceiling the forward pass allows; these are tighter.
  static constexpr double pair_sigma = 2.5;
  static constexpr double pair_sigma_prime = 3.0;
};

template <>
struct accuracy_bounds<float> {
  // The issue asks for the float maximum to be reported, not for a number. The float
  // overloads evaluate in double and round once: half an ulp, plus the slack of that double
  // rounding (a double result off by e double ulps is off by e * 2^-29 float ulps; e <= 2
  // above gives 2^-28). 2^-20 leaves room and still fails anything that is not "correctly
  // rounded but for double-rounding ties". If the float functions ever get their own
  // (float) polynomials, this is the number to revisit.
  static constexpr double half_ulp_slack = 0x1p-20;
  static constexpr double exp = 0.5 + half_ulp_slack;
  static constexpr double log1p = 0.5 + half_ulp_slack;
  static constexpr double log = 0.5 + half_ulp_slack;
  static constexpr double sigmoid = 0.5 + half_ulp_slack;
  static constexpr double sigmoid_prime = 0.5 + half_ulp_slack;
  static constexpr double softplus = 0.5 + half_ulp_slack;
};

}  // namespace gradproof_tests

#endif  // GRADPROOF_RUNTIME_TESTS_ACCURACY_BOUNDS_HPP
