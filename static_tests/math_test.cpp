// static_tests/math_test.cpp: gradproof::math at compile time, on both compilers. Exact values
// where the result is exact; the edges (overflow, underflow, infinities) without the constant
// evaluation tripping on them; and the numerical soundness of sigmoid and sigmoid_prime.
// References: tools/reference_values.py (mpmath). Accuracy over the whole range is the MPFR
// test in runtime_tests/.
#include "test_tools.hpp"

namespace {

using namespace gradproof;
using test::within_ulps;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr float inff = std::numeric_limits<float>::infinity();

// ---- Exact values --------------------------------------------------------------------------
static_assert(math::exp(0.0) == 1.0 && math::exp(-0.0) == 1.0);
static_assert(math::log(1.0) == 0.0 && math::log1p(0.0) == 0.0);
static_assert(math::sigmoid(0.0) == 0.5 && math::sigmoid(0.0f) == 0.5f);
static_assert(math::sigmoid_prime(0.0) == 0.25 && math::sigmoid_prime(0.0f) == 0.25f);
// −0 keeps its sign through log1p, as IEEE 754 asks.
static_assert(std::bit_cast<std::uint64_t>(math::log1p(-0.0)) == std::bit_cast<std::uint64_t>(-0.0));

// ---- Close to exact (references from mpmath) ----------------------------------------------
static_assert(within_ulps(math::exp(-40.0), 4.24835425529158899532923478285865801788e-18L, 1));
static_assert(within_ulps(math::softplus(0.0), 0.6931471805599453094172321214581765680755L, 1));
// log of the smallest subnormal, 2^−1074 (the subnormal branch of log).
static_assert(within_ulps(math::log(0x1p-1074), -7.444400719213812623141072984460816341131e+2L, 1));
static_assert(within_ulps(math::sigmoid(2.0), 0.8807970779778824440597291413023967952064L, 1));

// Where one table entry, branch, threshold or correction term of math.hpp decides the last bits
// (each kills a fault of tools/mutation-check; references from tools/reference_values.py):
static_assert(within_ulps(math::exp(0.046875), 1.047991002016632702276738291819684966939L, 1));  // table entry j = 2
static_assert(within_ulps(math::log(0.9375), -6.453852113757117167292391568399292812891e-2L, 1));  // split at √2/2
static_assert(within_ulps(math::log(0.609375), -4.953214372300254290546600502612150990002e-1L, 1));  // TwoSum's tail
static_assert(within_ulps(math::log1p(0x1p-21), 4.76837044516323418443461751960488410315e-7L, 1));  // not yet "tiny"
static_assert(within_ulps(math::log1p(-0.3), -3.566749439387323630523097880246625976872e-1L, 1));  // 1 + x rounds
static_assert(within_ulps(math::sigmoid(-24.0), 3.775134544136581343376256223054692705513e-11L, 1));  // not the tail yet
static_assert(within_ulps(math::sigmoid_prime(-24.0), 3.775134543994064935112923084745593551738e-11L, 1));
static_assert(within_ulps(math::sigmoid_prime(-0.0625), 2.49756018232805889159186275439863430869e-1L, 1));  // correction's sign
static_assert(within_ulps(math::sigmoid_prime(-10.625), 2.429965024157941812737820056951606016782e-5L, 1));  // exp's low part
// The error-free transformations themselves: TwoSum keeps all of a b below a's ulp, Dekker's
// product is exact (hi + lo = a b; lo by rationals in tools/reference_values.py).
static_assert(detail::two_sum(1.0, 0x1p-60).hi == 1.0 && detail::two_sum(1.0, 0x1p-60).lo == 0x1p-60);
constexpr auto dekker = detail::two_product(0x1.bd69fe34dd719p+0, 0x1.ec1d7db0f6162p+0);
static_assert(dekker.hi == 0x1.ac1d822005de2p+1 && dekker.lo == 0x1.09799ff0f4248p-54);

// ---- Edges: explicit branches, so no constant evaluation overflows -------------------------
static_assert(math::exp(709.0) < inf && math::exp(710.0) == inf && math::exp(inf) == inf);
static_assert(math::exp(detail::exp_overflow_x) < inf);  // the last finite one
static_assert(math::exp(-inf) == 0.0 && math::exp(-746.0) == 0.0);
static_assert(math::exp(-745.0) > 0.0 && math::exp(-745.0) < std::numeric_limits<double>::min());  // subnormal
static_assert(math::exp(89.0f) == inff && math::exp(88.0f) < inff && math::exp(-104.0f) == 0.0f);
static_assert(math::log1p(-1.0) == -inf && math::log(0.0) == -inf && math::log1p(inf) == inf);
static_assert(math::log1p(-2.0) != math::log1p(-2.0));  // NaN, returned, not computed
static_assert(math::sigmoid(inf) == 1.0 && math::sigmoid(-inf) == 0.0 && math::sigmoid_prime(-inf) == 0.0);
static_assert(math::softplus(inf) == inf && math::softplus(-inf) == 0.0);
static_assert(math::softplus(1000.0) == 1000.0 && math::softplus(-1000.0) == 0.0);

// ---- sigmoid never overflows and keeps its relative accuracy in the left tail -----------------
// σ(−700) = 9.859676543759770856705372947849465105116e-305 (mpmath): a naive 1 / (1 + e^700)
// is fine here, but 1 / (1 + e^710) overflows e^710; gradproof takes e^−|x| on both sides.
static_assert(within_ulps(math::sigmoid(-700.0), 9.859676543759770856705372947849465105116e-305L, 2));
static_assert(math::sigmoid(-720.0) > 0.0 && math::sigmoid(720.0) == 1.0);

// ---- sigmoid_prime keeps its digits where σ(1 − σ) loses them all --------------------------
// σ′(40) = 4.248354255291588959232207025950354801666e-18 (mpmath).
static_assert(within_ulps(math::sigmoid_prime(40.0), 4.248354255291588959232207025950354801666e-18L, 2));
static_assert(within_ulps(math::sigmoid_prime(-40.0), 4.248354255291588959232207025950354801666e-18L, 2));
// Known-bad twin: the textbook σ(1 − σ) at z = 40: σ rounds to 1, so it gives exactly 0.
static_assert(math::sigmoid(40.0) * (1.0 - math::sigmoid(40.0)) == 0.0);

// ---- sigmoid_and_prime: the forward pass's cheaper pair, within a few ulp of the accurate ones
// (math.hpp: σ rounded twice, σ′ with one correction fewer; runtime_tests measure both against
// MPFR). Known-bad twin: the naive σ(1 − σ) is not within that bound at z = 12.
constexpr bool pair_is_close(double x) {
  const auto p = math::sigmoid_and_prime(x);
  return test::close(p.sigma, math::sigmoid(x), 0x1p-50) && test::close(p.sigma_prime, math::sigmoid_prime(x), 0x1p-50);
}
static_assert(pair_is_close(-3.5) && pair_is_close(0.0) && pair_is_close(2.25) && pair_is_close(-39.0) &&
              pair_is_close(37.0) && pair_is_close(-45.0));
static_assert(!test::close(math::sigmoid(12.0) * (1.0 - math::sigmoid(12.0)), math::sigmoid_prime(12.0), 0x1p-50));

// ---- sigmoid_and_prime over the hidden units at once (the lane-wise overload the forward
// pass calls): the bits of the scalar function, entry by entry, both on its branch-free path
// (every entry in [-40, 704)) and on its fallback (one entry outside: the left tail, NaN, the
// far right). Known-bad twin: a lane that skipped exp's table tail differs from the scalar.
struct library_lanes {
  template <std::size_t Lanes>
  constexpr void operator()(const std::array<double, Lanes>& z, std::array<double, Lanes>& h,
                            std::array<double, Lanes>& hp) const {
    math::sigmoid_and_prime(z, h, hp);
  }
};
template <std::size_t Lanes, class LaneFn = library_lanes>
constexpr bool lanes_match_scalar(const std::array<double, Lanes>& z, LaneFn lanes = {}) {
  std::array<double, Lanes> h{};
  std::array<double, Lanes> hp{};
  lanes(z, h, hp);
  for (std::size_t i = 0; i < Lanes; ++i) {
    const auto p = math::sigmoid_and_prime(z[i]);
    if (!test::same_bits(h[i], p.sigma) || !test::same_bits(hp[i], p.sigma_prime)) return false;
  }
  return true;
}
static_assert(lanes_match_scalar<4>({-3.5, 0.0, 2.25, 37.0}));                  // branch-free path
static_assert(lanes_match_scalar<4>({-40.0, 0x1.5fffffffffffp9, -0.0, 1e-300}));  // its two ends
static_assert(lanes_match_scalar<4>({-3.5, -45.0, 2.25, 37.0}));                // fallback: left tail
static_assert(lanes_match_scalar<4>({-3.5, 704.0, 2.25, 800.0}));               // fallback: far right
static_assert(lanes_match_scalar<3>({1.0, std::numeric_limits<double>::quiet_NaN(), -inf}));
static_assert(lanes_match_scalar<1>({0.5}) && lanes_match_scalar<7>({1, 2, 3, 4, 5, 6, 7}));
// Known-bad twin: lanes that form σ′ as σ(1 − σ) (σ itself right) fail the check.
struct textbook_prime_lanes {
  template <std::size_t Lanes>
  constexpr void operator()(const std::array<double, Lanes>& z, std::array<double, Lanes>& h,
                            std::array<double, Lanes>& hp) const {
    for (std::size_t i = 0; i < Lanes; ++i) {
      h[i] = math::sigmoid_and_prime(z[i]).sigma;
      hp[i] = h[i] * (1.0 - h[i]);
    }
  }
};
static_assert(!lanes_match_scalar<4>({-3.5, 0.0, 2.25, 37.0}, textbook_prime_lanes{}));

}  // namespace
