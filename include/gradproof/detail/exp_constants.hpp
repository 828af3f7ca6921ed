// gradproof/detail/exp_constants.hpp: the constants and tables of gradproof::math's exp and of
// the logistic functions built on it, in one place, because two bodies of code read them: the
// scalar functions of math.hpp (constant evaluation, and run time) and their 4-lane mirrors of
// detail/simd.hpp (run time). Every value comes from tools/constants.py or tools/exp_poly.py.
#ifndef GRADPROOF_DETAIL_EXP_CONSTANTS_HPP
#define GRADPROOF_DETAIL_EXP_CONSTANTS_HPP

#include <bit>
#include <cstddef>
#include <cstdint>

#include "config.hpp"

namespace gradproof::detail {

// ln 2 split for Cody-Waite reduction: ln2_hi has 32 significant bits, so n * ln2_hi / 32
// is exact for |n| < 2^21; ln2_lo = ln 2 - ln2_hi rounded. Source: tools/constants.py.
inline constexpr double ln2_hi = 0x1.62e42ff000000p-1;
inline constexpr double ln2_lo = -0x1.718432a1b0e26p-35;
inline constexpr int exp_table_bits = 5;
inline constexpr int exp_table_size = 1 << exp_table_bits;
inline constexpr double exp_n_over_ln2 = 0x1.71547652b82fep+5;  // 32 / ln 2
// ln2/32 as the same two parts (a division by a power of two: exact), named so that the
// reduction's products take a name, not an expression, as GRADPROOF_MUL's arguments.
inline constexpr double exp_step_hi = ln2_hi / exp_table_size;
inline constexpr double exp_step_lo = ln2_lo / exp_table_size;
// Largest x with exp(x) <= DBL_MAX, and the x below which exp(x) < 2^-1075 rounds to 0.
inline constexpr double exp_overflow_x = 0x1.62e42fefa39efp+9;    // 709.78271289338397
inline constexpr double exp_underflow_x = -0x1.74910d52d3052p+9;  // -745.13321910194122
inline constexpr double sqrt2 = 0x1.6a09e667f3bcdp+0;
// e^r - 1 ~ r + r^2 (c2 + c3 r) + r^4 (c4 + c5 r + c6 r^2) on |r| <= ln2/64: a Chebyshev fit,
// relative error below 2^-61.9 (Taylor's 1/k! would leave 2^-58 at the ends, 0.03 ulp).
// Source: tools/exp_poly.py (mpmath).
inline constexpr double exp_c2 = 0x1.0000000000000p-1;
inline constexpr double exp_c3 = 0x1.555555554dd39p-3;
inline constexpr double exp_c4 = 0x1.5555555551947p-5;
inline constexpr double exp_c5 = 0x1.11114f8dac296p-7;
inline constexpr double exp_c6 = 0x1.6c16ffe8b0841p-10;
// sqrt(2)/2 - 1 and sqrt(2) - 1, the range of f in log_reduced (exact differences of doubles
// near the true values; any double near them will do, both sides of each are accurate).
inline constexpr double sqrt2_over_2_minus_1 = 0x1.6a09e667f3bcdp-1 - 1.0;
inline constexpr double sqrt2_minus_1 = sqrt2 - 1.0;

// The tables are built-in arrays, not std::array: in a constant evaluation std::array's
// operator[] is a function call, and exp makes two lookups (tools/constexpr_time.sh).
// 2^(j/32) for j = 0..31, correctly rounded. Source: tools/constants.py (mpmath, 300 bits).
inline constexpr double exp_table_hi[32]{
    0x1.0000000000000p+0, 0x1.059b0d3158574p+0, 0x1.0b5586cf9890fp+0, 0x1.11301d0125b51p+0,
    0x1.172b83c7d517bp+0, 0x1.1d4873168b9aap+0, 0x1.2387a6e756238p+0, 0x1.29e9df51fdee1p+0,
    0x1.306fe0a31b715p+0, 0x1.371a7373aa9cbp+0, 0x1.3dea64c123422p+0, 0x1.44e086061892dp+0,
    0x1.4bfdad5362a27p+0, 0x1.5342b569d4f82p+0, 0x1.5ab07dd485429p+0, 0x1.6247eb03a5585p+0,
    0x1.6a09e667f3bcdp+0, 0x1.71f75e8ec5f74p+0, 0x1.7a11473eb0187p+0, 0x1.82589994cce13p+0,
    0x1.8ace5422aa0dbp+0, 0x1.93737b0cdc5e5p+0, 0x1.9c49182a3f090p+0, 0x1.a5503b23e255dp+0,
    0x1.ae89f995ad3adp+0, 0x1.b7f76f2fb5e47p+0, 0x1.c199bdd85529cp+0, 0x1.cb720dcef9069p+0,
    0x1.d5818dcfba487p+0, 0x1.dfc97337b9b5fp+0, 0x1.ea4afa2a490dap+0, 0x1.f50765b6e4540p+0};
// tail_j = (2^(j/32) - hi_j) / hi_j rounded: the table's rest, relative, so that the scale
// 2^k hi_j can carry the power of two in its exponent bits. Source: tools/constants.py.
inline constexpr double exp_table_tail[32]{
    0x0.0p+0, 0x1.cd2523567f613p-55, 0x1.79aa65d837b6dp-54, -0x1.556522a2fbd0ep-54,
    -0x1.01b15eaa59348p-55, 0x1.aecf73e3a2f60p-54, 0x1.68efde3a8a894p-54, 0x1.2f7e16d09ab31p-55,
    0x1.34d754db0abb6p-55, -0x1.24aedcc4b5068p-54, 0x1.59f48a72a4c6dp-55, 0x1.363ed60c2ac11p-59,
    0x1.690cebb7aafb0p-56, -0x1.8dec6bd0f385fp-56, 0x1.063e1e21c5409p-54, -0x1.c33c53bef4da8p-55,
    -0x1.3b3efbf5e2228p-54, -0x1.81f647e5a3ecfp-56, -0x1.b32dcb94da51dp-56, -0x1.369b6f13b3734p-54,
    0x1.db72fc1f0eab4p-55, -0x1.da9b88b6c1e29p-58, 0x1.1affc2b91ce27p-56, -0x1.1bbd1d3bcbb15p-54,
    0x1.c1a7792cb3387p-55, -0x1.8d6f438ad9334p-57, 0x1.36eae30af0cb3p-56, 0x1.76b2c6c921968p-57,
    0x1.4a385a63d07a7p-56, -0x1.2d52107b43e1fp-55, -0x1.ff7128fd391f0p-55, 0x1.a64a931d185eep-55};
// The bits of hi_j, to which k << 52 is added to make 2^k hi_j with one integer addition.
struct ExpBitsTable {
  std::uint64_t bits[32];
};
inline constexpr ExpBitsTable exp_table_hi_bits = [] {
  ExpBitsTable table{};
  for (std::size_t j = 0; j < 32; ++j) table.bits[j] = std::bit_cast<std::uint64_t>(exp_table_hi[j]);
  return table;
}();

/// Where exp_scale_normal applies.
inline constexpr double exp_normal_range = 704.0;

/// Below this, σ(x) = e^x / (1 + e^x) and σ′(x) = e^x / (1 + e^x)^2 are e^x to within a
/// relative e^x resp. 2 e^x <= 2 e^-40 < 2^-55 (a tenth of an ulp), so both return e^x; and
/// E = e^-x <= e^40 keeps (1 + E)^2 far from overflow. A branch ordinary data never takes.
inline constexpr double logistic_left_tail = -40.0;

}  // namespace gradproof::detail

#endif  // GRADPROOF_DETAIL_EXP_CONSTANTS_HPP
