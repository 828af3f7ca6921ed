// gradproof/detail/simd.hpp: the run-time path's 4-lane vectors, and the 4-lane mirrors of the
// logistic kernels of math.hpp.
//
// Why the bits stay the same: GNU vector types (vector_size) do IEEE arithmetic lane by lane,
// each lane rounded exactly as the scalar operation would be. Each function here is the scalar
// function of math.hpp with the same name, written again for 4 lanes: the same operations, in
// the same order, on the same constants (detail/exp_constants.hpp), so every lane gets the
// scalar's bits. What the vector form must not add is contraction: where the target has FMA,
// every product goes through the contraction barrier, which here holds a whole vector register
// (an empty asm whose operand, GRADPROOF_BARRIER_CONSTRAINT, is a ymm register). No intrinsics,
// no FMA, no -ffast-math: the same source for g++ and clang++. The scalar functions stay the constant evaluation's path (and the
// run-time path wherever GRADPROOF_SIMD is 0); runtime_tests/simd_lanes_test.cpp proves the
// mirrors equal to them lane by lane (every float, and random and edge doubles).
//
//   GRADPROOF_SIMD   1 where the run-time path uses the vectors: g++ or clang++ on x86-64 (a
//                    4-lane vector is two SSE2 registers there, one AVX register with -mavx),
//                    provided that the barrier, where it is on, has a register for 4 doubles
//                    (AVX: every FMA target has it). 0 elsewhere (other targets and compilers),
//                    where the scalar path runs at run time too. Define it 0 to opt out; the bits
//                    are the same either way.
#ifndef GRADPROOF_DETAIL_SIMD_HPP
#define GRADPROOF_DETAIL_SIMD_HPP

#include <bit>
#include <cstddef>
#include <cstdint>

#include "config.hpp"
#include "exp_constants.hpp"

#if !defined(GRADPROOF_SIMD)
#if (defined(__GNUC__) || defined(__clang__)) && defined(__x86_64__) && defined(__SSE2__) && \
    (!GRADPROOF_CONTRACTION_BARRIER || (GRADPROOF_BARRIER_ASM && defined(__AVX__)))
#define GRADPROOF_SIMD 1
#else
#define GRADPROOF_SIMD 0
#endif
#endif

// GRADPROOF_SIMD_DISPATCH   1 where GRADPROOF_SIMD is and the target lacks AVX2 (a build for the
//                           x86-64 baseline, -O2 without -march): the hot kernels are compiled
//                           twice, as they are and as AVX2 clones (GRADPROOF_AVX2_CLONE, which adds
//                           AVX2 but never FMA), and a CPU that has AVX2 runs the clones. Both
//                           clones do the same IEEE operations in the same order on every lane, so
//                           the bits are the same; the bit matrix runs both (GRADPROOF_SIMD_FORCE).
// GRADPROOF_SIMD_FORCE      a test hook: 0 (the default) asks the CPU; 1 always runs the baseline
//                           kernels, 2 always the AVX2 clones (the CPU must have AVX2).
#if GRADPROOF_SIMD && !defined(__AVX2__) && !defined(GRADPROOF_SIMD_DISPATCH)
#define GRADPROOF_SIMD_DISPATCH 1
#elif !defined(GRADPROOF_SIMD_DISPATCH)
#define GRADPROOF_SIMD_DISPATCH 0
#endif
#if !defined(GRADPROOF_SIMD_FORCE)
#define GRADPROOF_SIMD_FORCE 0
#endif

#if GRADPROOF_SIMD

GRADPROOF_FP_CONTRACT_OFF_BEGIN

// Before every loop of the kernels over In, K, the hidden units or a chunk's lanes: g++ -O2 keeps
// such loops rolled, with the loop's vectors in memory and the index arithmetic (even a division
// by In) on the dependency chain; unrolled, they live in registers.
#define GRADPROOF_UNROLL _Pragma("GCC unroll 16")

namespace gradproof::detail {

using f64x4 = double __attribute__((vector_size(32)));
using u64x4 = std::uint64_t __attribute__((vector_size(32)));

/// 4 doubles, one per lane, with the arithmetic of the scalar code: + - / lane by lane, and *
/// through the contraction barrier (GRADPROOF_MUL's vector form), so that the kernels below read
/// like the scalar functions they mirror. A struct around the vector, not the vector itself:
/// g++ warns (-Wpsabi) about every function that takes or returns a 32-byte vector by value in a
/// build without AVX, at the caller's line, where no pragma of ours reaches; a struct is exempt.
struct Lanes4 {
  f64x4 v;

  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator+(const Lanes4& a, const Lanes4& b) noexcept { return {a.v + b.v}; }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator+(double a, const Lanes4& b) noexcept { return {a + b.v}; }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator+(const Lanes4& a, double b) noexcept { return {a.v + b}; }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator-(const Lanes4& a, const Lanes4& b) noexcept { return {a.v - b.v}; }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator-(double a, const Lanes4& b) noexcept { return {a - b.v}; }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator-(const Lanes4& a, double b) noexcept { return {a.v - b}; }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator-(const Lanes4& a) noexcept { return {-a.v}; }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator/(const Lanes4& a, const Lanes4& b) noexcept { return {a.v / b.v}; }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator/(double a, const Lanes4& b) noexcept { return {a / b.v}; }
  /// a * b rounded, and never fused with what follows: the barrier holds the whole register.
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator*(const Lanes4& a, const Lanes4& b) noexcept {
    Lanes4 p{a.v * b.v};
#if GRADPROOF_CONTRACTION_BARRIER
    __asm__("" : GRADPROOF_BARRIER_CONSTRAINT(p.v));
#endif
    return p;
  }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator*(const Lanes4& a, double b) noexcept { return a * splat(b); }
  GRADPROOF_ALWAYS_INLINE friend Lanes4 operator*(double a, const Lanes4& b) noexcept { return splat(a) * b; }

  GRADPROOF_ALWAYS_INLINE static Lanes4 splat(double s) noexcept { return {f64x4{s, s, s, s}}; }
  /// p[0], p[stride], p[2 stride], p[3 stride].
  GRADPROOF_ALWAYS_INLINE static Lanes4 load(const double* p, std::size_t stride = 1) noexcept {
    return {f64x4{p[0], p[stride], p[2 * stride], p[3 * stride]}};
  }
  /// The lanes to p[0], p[stride], p[2 stride], p[3 stride].
  GRADPROOF_ALWAYS_INLINE void store(double* p, std::size_t stride = 1) const noexcept {
    if (stride == 1) {
      __builtin_memcpy(p, &v, sizeof v);
      return;
    }
    p[0] = v[0];
    p[stride] = v[1];
    p[2 * stride] = v[2];
    p[3 * stride] = v[3];
  }
  GRADPROOF_ALWAYS_INLINE double operator[](int lane) const noexcept { return v[lane]; }
  /// ((v0 + v1) + v2) + v3: the lanes summed from the first on, as matmul sums a row. Through the
  /// two halves: g++ takes a single lane out of a 4-lane vector by way of memory.
  GRADPROOF_ALWAYS_INLINE double sum_in_order() const noexcept {
    using f64x2 = double __attribute__((vector_size(16)));
    const f64x2 low = __builtin_shufflevector(v, v, 0, 1);
    const f64x2 high = __builtin_shufflevector(v, v, 2, 3);
    return ((low[0] + low[1]) + high[0]) + high[1];
  }
  /// Every lane in [lo, hi) (false for a NaN lane).
  GRADPROOF_ALWAYS_INLINE bool all_in(double lo, double hi) const noexcept {
#if defined(__AVX__)
    // The lanes' sign bits as one integer (vmovmskpd): g++ otherwise moves the mask's 4 lanes
    // one by one into integer registers to AND them.
    const auto in = (v >= lo) & (v < hi);  // -1 per lane where true, 0 where false
    return __builtin_ia32_movmskpd256(__builtin_bit_cast(f64x4, in)) == 0xF;
#else
    // Without AVX, as two 2-lane comparisons, which SSE2 has: g++ lowers the 4-lane comparison
    // to a compare, a set and a negation per lane, and spills the mask.
    using f64x2 = double __attribute__((vector_size(16)));
    const f64x2 low = __builtin_shufflevector(v, v, 0, 1);
    const f64x2 high = __builtin_shufflevector(v, v, 2, 3);
    const auto in = ((low >= lo) & (low < hi)) & ((high >= lo) & (high < hi));
    return (in[0] & in[1]) != 0;
#endif
  }
};

/// Whether the shuffles below pay: with AVX a 4-lane vector is one register and each shuffle one
/// or two instructions; without it, g++ makes them out of stores and loads.
#if defined(__AVX__)
inline constexpr bool shuffle_columns = true;
#else
inline constexpr bool shuffle_columns = false;
#endif

/// The In columns of W (4, In) row-major: column j is entries j, j + In, j + 2 In, j + 3 In. For
/// the 3-input network with AVX, from three whole 4-double loads by shuffles (moves: the bits are
/// the entries'); otherwise one entry at a time.
template <std::size_t In>
GRADPROOF_ALWAYS_INLINE inline void load_columns(const double* W, Lanes4 (&columns)[In]) noexcept {
  if constexpr (In == 3 && shuffle_columns) {
    const f64x4 r0 = Lanes4::load(W).v;  // w00 w01 w02 w10
    const f64x4 r1 = Lanes4::load(W + 4).v;  // w11 w12 w20 w21
    const f64x4 r2 = Lanes4::load(W + 8).v;  // w22 w30 w31 w32
    columns[0].v = __builtin_shufflevector(__builtin_shufflevector(r0, r1, 0, 3, 6, 7), r2, 0, 1, 2, 5);
    columns[1].v = __builtin_shufflevector(__builtin_shufflevector(r0, r1, 1, 4, 7, 7), r2, 0, 1, 2, 6);
    columns[2].v = __builtin_shufflevector(__builtin_shufflevector(r0, r1, 2, 5, 5, 5), r2, 0, 1, 4, 7);
  } else {
    GRADPROOF_UNROLL for (std::size_t j = 0; j < In; ++j) columns[j] = Lanes4::load(W + j, In);
  }
}

/// W (4, In) row-major from its In columns, in whole 4-double chunks: the next read of W (a
/// copy of the network, the next step's columns) then finds each of its loads inside one store,
/// which the CPU forwards; loads that straddle narrower stores wait until those reach the cache.
template <std::size_t In>
GRADPROOF_ALWAYS_INLINE inline void store_columns(double* W, const Lanes4 (&columns)[In]) noexcept {
  if constexpr (In == 3 && shuffle_columns) {  // by shuffles, as load_columns
    const f64x4 &c0 = columns[0].v, &c1 = columns[1].v, &c2 = columns[2].v;
    Lanes4{__builtin_shufflevector(__builtin_shufflevector(c0, c1, 0, 4, 1, 1), c2, 0, 1, 4, 2)}.store(W);
    Lanes4{__builtin_shufflevector(__builtin_shufflevector(c1, c2, 1, 5, 2, 2), c0, 0, 1, 6, 2)}.store(W + 4);
    Lanes4{__builtin_shufflevector(__builtin_shufflevector(c2, c0, 2, 7, 3, 3), c1, 0, 1, 7, 2)}.store(W + 8);
  } else {
    GRADPROOF_UNROLL for (std::size_t chunk = 0; chunk < In; ++chunk) {
      Lanes4 row_major{};
      GRADPROOF_UNROLL for (std::size_t lane = 0; lane < 4; ++lane) {
        const std::size_t flat = 4 * chunk + lane;  // entry (flat / In, flat % In) of W
        row_major.v[lane] = columns[flat % In].v[flat / In];
      }
      row_major.store(W + 4 * chunk);
    }
  }
}

/// 4 unsigned 64-bit integers: a double's bits, a table index.
struct bits4 {
  u64x4 v;

  GRADPROOF_ALWAYS_INLINE static bits4 of(const Lanes4& x) noexcept { return {__builtin_bit_cast(u64x4, x.v)}; }
  GRADPROOF_ALWAYS_INLINE Lanes4 as_double() const noexcept { return {__builtin_bit_cast(f64x4, v)}; }
  GRADPROOF_ALWAYS_INLINE friend bits4 operator+(const bits4& a, const bits4& b) noexcept { return {a.v + b.v}; }
  GRADPROOF_ALWAYS_INLINE friend bits4 operator&(const bits4& a, std::uint64_t b) noexcept { return {a.v & b}; }
  GRADPROOF_ALWAYS_INLINE friend bits4 operator>>(const bits4& a, int b) noexcept { return {a.v >> b}; }
  GRADPROOF_ALWAYS_INLINE friend bits4 operator<<(const bits4& a, int b) noexcept { return {a.v << b}; }
};

/// The 4 lanes of a table index as 4 scalars. Through an empty asm: seeing 4 loads at the lanes
/// of one index vector, clang++ with AVX2 makes them a gather instruction, which decodes into
/// more micro-ops than the 4 loads and their inserts on the CPUs we measure.
struct LaneIndices {
  std::uint64_t i0, i1, i2, i3;
};
GRADPROOF_ALWAYS_INLINE inline LaneIndices lane_indices(const bits4& j) noexcept {
  LaneIndices out{j.v[0], j.v[1], j.v[2], j.v[3]};
  __asm__("" : "+r"(out.i0), "+r"(out.i1), "+r"(out.i2), "+r"(out.i3));
  return out;
}

/// table[j] for each lane's j: four scalar loads (the lookups are off the dependency chain,
/// beside the polynomial).
GRADPROOF_ALWAYS_INLINE inline Lanes4 lookup(const double* table, const bits4& j) noexcept {
  const LaneIndices i = lane_indices(j);
  return {f64x4{table[i.i0], table[i.i1], table[i.i2], table[i.i3]}};
}
GRADPROOF_ALWAYS_INLINE inline bits4 lookup(const std::uint64_t* table, const bits4& j) noexcept {
  const LaneIndices i = lane_indices(j);
  return {u64x4{table[i.i0], table[i.i1], table[i.i2], table[i.i3]}};
}

#if GRADPROOF_SIMD_DISPATCH
// A kernel's AVX2 clone: a function of its own (never inlined into baseline code, whose target
// lacks AVX2), into which the kernel, written for any target, is inlined.
#define GRADPROOF_AVX2_CLONE [[gnu::target("avx2")]]

/// Whether to run the AVX2 clones: the CPU's answer, asked once (or the test hook's).
inline bool simd_avx2() noexcept {
#if GRADPROOF_SIMD_FORCE == 1
  return false;
#elif GRADPROOF_SIMD_FORCE == 2
  return true;
#else
  static const bool has_avx2 = __builtin_cpu_supports("avx2") != 0;
  return has_avx2;
#endif
}
#else
// No clones to choose from (the target has AVX2 itself): each *_avx2 function is its kernel
// again and is never called, so that callers choose with one expression and no #if.
#define GRADPROOF_AVX2_CLONE
constexpr bool simd_avx2() noexcept { return false; }
#endif


// The mirrors: each line is the line of the scalar function of math.hpp with the same name, on
// 4 lanes (GRADPROOF_MUL(a, b) is a * b here: Lanes4's * is the barrier).

struct exp_reduced4 {
  bits4 ki;
  Lanes4 nd;
  bits4 j;
  Lanes4 tail_plus_p;
};
GRADPROOF_ALWAYS_INLINE inline exp_reduced4 exp_reduce(const Lanes4& x) noexcept {
  constexpr double shifter = 0x1.8p52;
  const Lanes4 kd = x * exp_n_over_ln2 + shifter;
  const bits4 ki = bits4::of(kd);
  const Lanes4 nd = kd - shifter;
  const Lanes4 r = (x - nd * (ln2_hi / exp_table_size)) - nd * (ln2_lo / exp_table_size);
  const bits4 j = ki & (exp_table_size - 1u);
  const Lanes4 r2 = r * r;
  const Lanes4 r4 = r2 * r2;
  const Lanes4 a = exp_c2 + r * exp_c3;
  const Lanes4 b = (exp_c4 + r * exp_c5) + r2 * exp_c6;
  const Lanes4 tail_plus_p = (lookup(exp_table_tail, j) + r) + (r2 * a + r4 * b);
  return {ki, nd, j, tail_plus_p};
}

struct exp_parts4 {
  Lanes4 hi;
  Lanes4 lo;
};
GRADPROOF_ALWAYS_INLINE inline exp_parts4 exp_scale_normal(const exp_reduced4& e) noexcept {
  const Lanes4 scale = (lookup(exp_table_hi_bits.bits, e.j) + ((e.ki >> exp_table_bits) << 52)).as_double();
  const Lanes4 scaled_tail = scale * e.tail_plus_p;
  const Lanes4 hi = scale + scaled_tail;
  return {hi, (scale - hi) + scaled_tail};
}

struct LogisticParts4 {
  exp_parts4 e;
  Lanes4 d;
  Lanes4 d_lo;
  Lanes4 q;
};
GRADPROOF_ALWAYS_INLINE inline LogisticParts4 logistic_of_exp(const exp_parts4& e) noexcept {
  const Lanes4 d = 1.0 + e.hi;
  const Lanes4 e_part = d - 1.0;
  const Lanes4 d_lo = ((1.0 - (d - e_part)) + (e.hi - e_part)) + e.lo;
  return {e, d, d_lo, 1.0 / d};
}

/// logistic(x) of every lane, for x in [logistic_left_tail, exp_normal_range) (the caller
/// checks): logistic_of_exp(exp_with_tail(-x)), whose common path is exp_scale_normal(exp_reduce).
GRADPROOF_ALWAYS_INLINE inline LogisticParts4 logistic_common(const Lanes4& x) noexcept {
  return logistic_of_exp(exp_scale_normal(exp_reduce(-x)));
}

/// σ and σ′ of sigmoid_and_prime (q, sigmoid_prime_fast), and σ and 1 − σ of
/// sigmoid_and_complement (sigmoid_accurate, E σ), from logistic_common.
struct Pair4 {
  Lanes4 first;
  Lanes4 second;
};
GRADPROOF_ALWAYS_INLINE inline Pair4 sigmoid_and_prime_common(const LogisticParts4& p) noexcept {
  const Lanes4 s = p.e.hi / (p.d * p.d);
  return {p.q, s - s * ((2.0 * p.d_lo) * p.q)};
}
GRADPROOF_ALWAYS_INLINE inline Pair4 sigmoid_and_complement_common(const LogisticParts4& p) noexcept {
  const Lanes4 sigma = p.q - p.q * (p.q * p.d_lo);
  return {sigma, p.e.hi * sigma};
}

}  // namespace gradproof::detail

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_SIMD

#endif  // GRADPROOF_DETAIL_SIMD_HPP
