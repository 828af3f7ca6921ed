// Test-only: a header that a user reaches through a plain -I, as gradproof's, with code the
// strict consumer's flags must reject. runtime_tests/consumer/strict.cpp includes it in the
// known-bad twins (GRADPROOF_STRICT_CONSUMER_PROBE), one warning per macro below, to show that
// the strict build reports a warning in such a header rather than passing over it.
#ifndef GRADPROOF_PROBE_HPP
#define GRADPROOF_PROBE_HPP

namespace gradproof_probe {

// Two variables: clang does not report == against a literal that is exact (x == 0.5).
inline bool warns(double x, double y) {
#if defined(GRADPROOF_PROBE_FLOAT_EQUAL)
  return x == y;  // -Wfloat-equal
#elif defined(GRADPROOF_PROBE_USELESS_CAST)
  return static_cast<double>(x) > y;  // -Wuseless-cast (g++ only)
#else
  return x > y;
#endif
}

}  // namespace gradproof_probe

#endif  // GRADPROOF_PROBE_HPP
