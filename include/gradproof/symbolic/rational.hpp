// gradproof/symbolic/rational.hpp: exact rational numbers for the symbolic scalar's
// coefficients, and the errors of the symbolic type.
//
// Why 64-bit and checked, not arbitrary precision: the coefficients of the network's loss and
// gradients are small (1, -1, 1/B for a mini-batch of B samples), so int64 suffices, and a
// coefficient that would overflow must stop the computation with its name rather than wrap:
// a wrapped coefficient would make two different expressions compare equal.
#ifndef GRADPROOF_SYMBOLIC_RATIONAL_HPP
#define GRADPROOF_SYMBOLIC_RATIONAL_HPP

#include <bit>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "../detail/config.hpp"

namespace gradproof::symbolic {

/// Deliberately not constexpr (validate.hpp's technique): a constant evaluation that reaches one
/// of these stops, and the compiler's message names the function, so the name is the
/// diagnostic. At run time each throws an exception with the same words, which the caller can
/// catch (std::overflow_error or std::domain_error).
namespace error {
[[noreturn]] inline void a_rational_coefficient_overflows_64_bits() {
  throw std::overflow_error("gradproof::symbolic: a rational coefficient overflows 64 bits");
}
[[noreturn]] inline void division_by_zero() { throw std::domain_error("gradproof::symbolic: division by zero"); }
[[noreturn]] inline void division_by_an_expression_that_is_not_a_constant() {
  throw std::domain_error(
      "gradproof::symbolic: division by an expression that is not a constant; the symbolic type holds "
      "polynomials, so it divides by a nonzero rational constant only (e.g. 1/B for a mini-batch mean)");
}
[[noreturn]] inline void the_constant_is_not_finite() {
  throw std::domain_error("gradproof::symbolic: a constant must be finite (not NaN, not infinite)");
}
[[noreturn]] inline void the_floating_point_constant_is_not_a_64_bit_rational() {
  throw std::domain_error(
      "gradproof::symbolic: the floating-point constant is not p/q with |p| < 2^63 and q <= 2^62 "
      "(too large, too small or subnormal); write it as a rational(p, q)");
}
[[noreturn]] inline void the_integer_constant_does_not_fit_64_bits() {
  throw std::domain_error("gradproof::symbolic: the integer constant does not fit a signed 64-bit integer");
}
[[noreturn]] inline void the_expression_is_not_a_constant() {
  throw std::domain_error("gradproof::symbolic: the expression is not a constant");
}
}  // namespace error

namespace detail {
inline constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

/// a + b, or the named error. INT64_MIN never occurs: every operand is in [-max, max].
constexpr std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  if ((b > 0 && a > int64_max - b) || (b < 0 && a < -int64_max - b)) error::a_rational_coefficient_overflows_64_bits();
  return a + b;
}
constexpr std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  if (a == 0 || b == 0) return 0;
  const std::int64_t abs_a = a < 0 ? -a : a;
  const std::int64_t abs_b = b < 0 ? -b : b;
  if (abs_a > int64_max / abs_b) error::a_rational_coefficient_overflows_64_bits();
  return a * b;
}
}  // namespace detail

/// num/den in lowest terms, den > 0, |num| <= INT64_MAX (never INT64_MIN): one value, one
/// representation, so equal rationals have equal members.
class rational {
 public:
  constexpr rational() noexcept = default;
  constexpr rational(std::int64_t n) : num_(n) {  // NOLINT: implicit, an integer is a rational
    if (n == std::numeric_limits<std::int64_t>::min()) error::a_rational_coefficient_overflows_64_bits();
  }
  constexpr rational(std::int64_t n, std::int64_t d) {
    if (d == 0) error::division_by_zero();
    if (n == std::numeric_limits<std::int64_t>::min() || d == std::numeric_limits<std::int64_t>::min())
      error::a_rational_coefficient_overflows_64_bits();
    const std::int64_t g = std::gcd(n, d);  // > 0, since d != 0
    num_ = (d < 0 ? -n : n) / g;
    den_ = (d < 0 ? -d : d) / g;
  }

  constexpr std::int64_t num() const noexcept { return num_; }
  constexpr std::int64_t den() const noexcept { return den_; }
  constexpr bool is_zero() const noexcept { return num_ == 0; }
  constexpr bool is_one() const noexcept { return num_ == 1 && den_ == 1; }
  constexpr bool is_negative() const noexcept { return num_ < 0; }
  constexpr bool is_integer() const noexcept { return den_ == 1; }
  constexpr rational abs() const noexcept { return from_reduced(num_ < 0 ? -num_ : num_, den_); }

  friend constexpr rational operator-(const rational& a) noexcept { return from_reduced(-a.num_, a.den_); }
  friend constexpr rational operator+(const rational& a, const rational& b) {
    const std::int64_t g = std::gcd(a.den_, b.den_);
    const std::int64_t n =
        detail::checked_add(detail::checked_mul(a.num_, b.den_ / g), detail::checked_mul(b.num_, a.den_ / g));
    return rational(n, detail::checked_mul(a.den_ / g, b.den_));
  }
  friend constexpr rational operator-(const rational& a, const rational& b) { return a + (-b); }
  // Cross-cancelled first, so the product is already in lowest terms and overflows only if
  // the result does not fit.
  friend constexpr rational operator*(const rational& a, const rational& b) {
    if (a.num_ == 0 || b.num_ == 0) return rational();
    const std::int64_t g1 = std::gcd(a.num_, b.den_);
    const std::int64_t g2 = std::gcd(b.num_, a.den_);
    return from_reduced(detail::checked_mul(a.num_ / g1, b.num_ / g2), detail::checked_mul(a.den_ / g2, b.den_ / g1));
  }
  friend constexpr rational operator/(const rational& a, const rational& b) {
    if (b.num_ == 0) error::division_by_zero();
    return a * from_reduced(b.num_ < 0 ? -b.den_ : b.den_, b.num_ < 0 ? -b.num_ : b.num_);
  }
  friend constexpr bool operator==(const rational&, const rational&) = default;

  /// The nearest double (num and den each rounded once, then divided): for evaluating.
  constexpr double to_double() const noexcept { return static_cast<double>(num_) / static_cast<double>(den_); }

  /// The exact value of a finite double or float, m 2^e, when it is a 64-bit rational.
  static constexpr rational exactly(double value) {
    const auto bits = std::bit_cast<std::uint64_t>(value);
    const int biased = static_cast<int>((bits >> 52) & 0x7ff);
    std::uint64_t mantissa = bits & 0x000f'ffff'ffff'ffffULL;
    const bool negative = (bits >> 63) != 0;
    if (biased == 0x7ff) error::the_constant_is_not_finite();
    if (biased == 0 && mantissa == 0) return rational();
    if (biased == 0) error::the_floating_point_constant_is_not_a_64_bit_rational();  // subnormal
    mantissa |= 0x0010'0000'0000'0000ULL;
    int exponent = biased - 1075;  // value = mantissa 2^exponent
    const int zeros = std::countr_zero(mantissa);
    mantissa >>= zeros;
    exponent += zeros;
    const auto signed_mantissa = static_cast<std::int64_t>(mantissa);  // < 2^53
    if (exponent >= 0) {
      if (exponent > 62 || signed_mantissa > (detail::int64_max >> exponent))
        error::the_floating_point_constant_is_not_a_64_bit_rational();
      const std::int64_t shifted = signed_mantissa << exponent;
      return from_reduced(negative ? -shifted : shifted, 1);
    }
    if (exponent < -62) error::the_floating_point_constant_is_not_a_64_bit_rational();
    return from_reduced(negative ? -signed_mantissa : signed_mantissa, std::int64_t{1} << -exponent);
  }

 private:
  static constexpr rational from_reduced(std::int64_t n, std::int64_t d) noexcept {
    rational r;
    r.num_ = n;
    r.den_ = d;
    return r;
  }
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

}  // namespace gradproof::symbolic

#endif  // GRADPROOF_SYMBOLIC_RATIONAL_HPP
