// gradproof/detail/simd.hpp: the run-time path's 4-lane vectors, and the 4-lane mirrors of the
// logistic kernels of math.hpp.
//
// Why the bits stay the same: GNU vector types (vector_size) do IEEE arithmetic lane by lane,
// each lane rounded exactly as the scalar operation would be. Each function here is the scalar
// function of math.hpp with the same name, written again for 4 lanes: the same operations, in
// the same order, on the same constants (detail/exp_constants.hpp), so every lane gets the
// scalar's bits. What the vector form must not add is contraction: where the target has FMA,
// every product goes through the contraction barrier, which here holds a whole vector register
// (an empty asm whose operand, GRADPROOF_BARRIER_CONSTRAINT, is a ymm register). No FMA, no
// -ffast-math, and no intrinsics but SSE2's compares in one range test (a branch, no value):
// the same source for g++ and clang++. The lanes come in two forms, the same operations on
// either: Lanes4, one 4-lane vector, for the kernels that also run as AVX2 clones; and
// BaselineLanes4, for those that run only for the build's own target (sgd_step, the lane-wise
// functions' first chunk), which for g++ without AVX is two 2-lane vectors, as g++ compiles
// best for SSE2. The scalar functions stay the constant evaluation's path (and the run-time path
// wherever GRADPROOF_SIMD is 0); runtime_tests/simd_lanes_test.cpp proves the mirrors equal to
// them lane by lane, in both forms (every float, and random and edge doubles).
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
#include <type_traits>

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

#include <emmintrin.h>  // SSE2, which every x86-64 target has: BaselineLanes4::all_in

GRADPROOF_FP_CONTRACT_OFF_BEGIN

// Before every loop of the kernels over In, K, the hidden units or a chunk's lanes: g++ -O2 keeps
// such loops rolled, with the loop's vectors in memory and the index arithmetic (even a division
// by In) on the dependency chain; unrolled, they live in registers.
#define GRADPROOF_UNROLL _Pragma("GCC unroll 16")

namespace gradproof::detail {

using f64x2 = double __attribute__((vector_size(16)));
using u64x2 = std::uint64_t __attribute__((vector_size(16)));
using f64x4 = double __attribute__((vector_size(32)));
using u64x4 = std::uint64_t __attribute__((vector_size(32)));

/// 4 lanes as two 16-byte vectors, lanes 0-1 and 2-3, with the operators of a 4-lane vector, each
/// one operation per half: the same IEEE operation on every lane. For a build without AVX, where
/// a 16-byte vector is an SSE2 register: g++ lowers a 32-byte vector there by way of memory (a
/// half or a lane stored and reloaded, a bit cast through the stack, the kernels' vectors
/// spilled), and these pairs it keeps in registers.
template <class Half, class Lane>
struct Halves {
  Half lo;
  Half hi;

  GRADPROOF_ALWAYS_INLINE friend Halves operator+(const Halves& a, const Halves& b) noexcept {
    return {a.lo + b.lo, a.hi + b.hi};
  }
  GRADPROOF_ALWAYS_INLINE friend Halves operator+(Lane a, const Halves& b) noexcept { return {a + b.lo, a + b.hi}; }
  GRADPROOF_ALWAYS_INLINE friend Halves operator+(const Halves& a, Lane b) noexcept { return {a.lo + b, a.hi + b}; }
  GRADPROOF_ALWAYS_INLINE friend Halves operator-(const Halves& a, const Halves& b) noexcept {
    return {a.lo - b.lo, a.hi - b.hi};
  }
  GRADPROOF_ALWAYS_INLINE friend Halves operator-(Lane a, const Halves& b) noexcept { return {a - b.lo, a - b.hi}; }
  GRADPROOF_ALWAYS_INLINE friend Halves operator-(const Halves& a, Lane b) noexcept { return {a.lo - b, a.hi - b}; }
  GRADPROOF_ALWAYS_INLINE friend Halves operator-(const Halves& a) noexcept { return {-a.lo, -a.hi}; }
  GRADPROOF_ALWAYS_INLINE friend Halves operator*(const Halves& a, const Halves& b) noexcept {
    return {a.lo * b.lo, a.hi * b.hi};
  }
  GRADPROOF_ALWAYS_INLINE friend Halves operator/(const Halves& a, const Halves& b) noexcept {
    return {a.lo / b.lo, a.hi / b.hi};
  }
  GRADPROOF_ALWAYS_INLINE friend Halves operator/(Lane a, const Halves& b) noexcept { return {a / b.lo, a / b.hi}; }
  GRADPROOF_ALWAYS_INLINE friend Halves operator&(const Halves& a, Lane b) noexcept { return {a.lo & b, a.hi & b}; }
  GRADPROOF_ALWAYS_INLINE friend Halves operator>>(const Halves& a, int b) noexcept { return {a.lo >> b, a.hi >> b}; }
  GRADPROOF_ALWAYS_INLINE friend Halves operator<<(const Halves& a, int b) noexcept { return {a.lo << b, a.hi << b}; }
  GRADPROOF_ALWAYS_INLINE Lane operator[](int lane) const noexcept { return lane < 2 ? lo[lane] : hi[lane - 2]; }
};

/// Whether the vector type V is a Halves.
template <class V>
inline constexpr bool is_halves = false;
template <class Half, class Lane>
inline constexpr bool is_halves<Halves<Half, Lane>> = true;

template <class F, class U>
struct BasicBits4;

/// 4 doubles, one per lane, with the arithmetic of the scalar code: + - / lane by lane, and *
/// through the contraction barrier (GRADPROOF_MUL's vector form), so that the kernels below read
/// like the scalar functions they mirror. F holds the lanes: a 4-lane vector (Lanes4), or its two
/// halves (BaselineLanes4 for g++ without AVX). A struct around the vector, not the vector
/// itself: g++ warns (-Wpsabi) about every function that takes or returns a 32-byte vector by
/// value in a build without AVX, at the caller's line, where no pragma of ours reaches; a struct
/// is exempt.
template <class F, class U>
struct BasicLanes4 {
  using bits = BasicBits4<F, U>;
  F v;

  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator+(const BasicLanes4& a, const BasicLanes4& b) noexcept {
    return {a.v + b.v};
  }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator+(double a, const BasicLanes4& b) noexcept { return {a + b.v}; }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator+(const BasicLanes4& a, double b) noexcept { return {a.v + b}; }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator-(const BasicLanes4& a, const BasicLanes4& b) noexcept {
    return {a.v - b.v};
  }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator-(double a, const BasicLanes4& b) noexcept { return {a - b.v}; }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator-(const BasicLanes4& a, double b) noexcept { return {a.v - b}; }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator-(const BasicLanes4& a) noexcept { return {-a.v}; }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator/(const BasicLanes4& a, const BasicLanes4& b) noexcept {
    return {a.v / b.v};
  }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator/(double a, const BasicLanes4& b) noexcept { return {a / b.v}; }
  /// a * b rounded, and never fused with what follows: the barrier holds the whole register (the
  /// barrier is on only where there is FMA, hence AVX, where F is the 4-lane vector).
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator*(const BasicLanes4& a, const BasicLanes4& b) noexcept {
    BasicLanes4 p{a.v * b.v};
#if GRADPROOF_CONTRACTION_BARRIER
    __asm__("" : GRADPROOF_BARRIER_CONSTRAINT(p.v));
#endif
    return p;
  }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator*(const BasicLanes4& a, double b) noexcept { return a * splat(b); }
  GRADPROOF_ALWAYS_INLINE friend BasicLanes4 operator*(double a, const BasicLanes4& b) noexcept { return splat(a) * b; }

  /// The lanes a, b, c, d.
  GRADPROOF_ALWAYS_INLINE static BasicLanes4 make(double a, double b, double c, double d) noexcept {
    if constexpr (is_halves<F>)
      return {F{{a, b}, {c, d}}};
    else
      return {F{a, b, c, d}};
  }
  GRADPROOF_ALWAYS_INLINE static BasicLanes4 splat(double s) noexcept { return make(s, s, s, s); }
  /// p[0], p[stride], p[2 stride], p[3 stride].
  GRADPROOF_ALWAYS_INLINE static BasicLanes4 load(const double* p, std::size_t stride = 1) noexcept {
    return make(p[0], p[stride], p[2 * stride], p[3 * stride]);
  }
  /// The lanes to p[0], p[stride], p[2 stride], p[3 stride].
  GRADPROOF_ALWAYS_INLINE void store(double* p, std::size_t stride = 1) const noexcept {
    if (stride == 1) {
      if constexpr (is_halves<F>) {
        // As two 16-byte stores of the registers: a memcpy from &v made g++ keep v in memory.
        using f64x2_unaligned = double __attribute__((vector_size(16), aligned(8), may_alias));
        *reinterpret_cast<f64x2_unaligned*>(p) = v.lo;
        *reinterpret_cast<f64x2_unaligned*>(p + 2) = v.hi;
      } else {
        __builtin_memcpy(p, &v, sizeof v);
      }
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
    if constexpr (is_halves<F>) {
      return ((v.lo[0] + v.lo[1]) + v.hi[0]) + v.hi[1];
    } else {
      const f64x2 low = __builtin_shufflevector(v, v, 0, 1);
      const f64x2 high = __builtin_shufflevector(v, v, 2, 3);
      return ((low[0] + low[1]) + high[0]) + high[1];
    }
  }
  /// Every lane in [lo, hi) (false for a NaN lane).
  GRADPROOF_ALWAYS_INLINE bool all_in(double lo, double hi) const noexcept {
    if constexpr (is_halves<F>) {
      // SSE2's compares and movmskpd, by name: g++ turns the mask of a vector comparison into a
      // vector of bools and back, lane by lane through general registers.
      const __m128d low = _mm_set1_pd(lo), high = _mm_set1_pd(hi);
      const __m128d in_lo = _mm_and_pd(_mm_cmpge_pd(v.lo, low), _mm_cmplt_pd(v.lo, high));
      const __m128d in_hi = _mm_and_pd(_mm_cmpge_pd(v.hi, low), _mm_cmplt_pd(v.hi, high));
      return _mm_movemask_pd(_mm_and_pd(in_lo, in_hi)) == 3;
    } else {
#if defined(__AVX__)
      // The lanes' sign bits as one integer (vmovmskpd): g++ otherwise moves the mask's 4 lanes
      // one by one into integer registers to AND them.
      const auto in = (v >= lo) & (v < hi);  // -1 per lane where true, 0 where false
      return __builtin_ia32_movmskpd256(__builtin_bit_cast(f64x4, in)) == 0xF;
#else
      // Without AVX, as two 2-lane comparisons, which SSE2 has: g++ lowers the 4-lane comparison
      // to a compare, a set and a negation per lane, and spills the mask.
      const f64x2 low = __builtin_shufflevector(v, v, 0, 1);
      const f64x2 high = __builtin_shufflevector(v, v, 2, 3);
      const auto in = ((low >= lo) & (low < hi)) & ((high >= lo) & (high < hi));
      return (in[0] & in[1]) != 0;
#endif
    }
  }
};

/// 4 unsigned 64-bit integers: a double's bits, a table index.
template <class F, class U>
struct BasicBits4 {
  U v;

  /// The lanes a, b, c, d.
  GRADPROOF_ALWAYS_INLINE static BasicBits4 make(std::uint64_t a, std::uint64_t b, std::uint64_t c,
                                                 std::uint64_t d) noexcept {
    if constexpr (is_halves<U>)
      return {U{{a, b}, {c, d}}};
    else
      return {U{a, b, c, d}};
  }
  // The bit casts of Halves half by half: g++ bit-casts a whole struct by way of the stack.
  GRADPROOF_ALWAYS_INLINE static BasicBits4 of(const BasicLanes4<F, U>& x) noexcept {
    if constexpr (is_halves<U>)
      return {U{__builtin_bit_cast(decltype(U::lo), x.v.lo), __builtin_bit_cast(decltype(U::hi), x.v.hi)}};
    else
      return {__builtin_bit_cast(U, x.v)};
  }
  GRADPROOF_ALWAYS_INLINE BasicLanes4<F, U> as_double() const noexcept {
    if constexpr (is_halves<F>)
      return {F{__builtin_bit_cast(decltype(F::lo), v.lo), __builtin_bit_cast(decltype(F::hi), v.hi)}};
    else
      return {__builtin_bit_cast(F, v)};
  }
  GRADPROOF_ALWAYS_INLINE friend BasicBits4 operator+(const BasicBits4& a, const BasicBits4& b) noexcept {
    return {a.v + b.v};
  }
  GRADPROOF_ALWAYS_INLINE friend BasicBits4 operator&(const BasicBits4& a, std::uint64_t b) noexcept {
    return {a.v & b};
  }
  GRADPROOF_ALWAYS_INLINE friend BasicBits4 operator>>(const BasicBits4& a, int b) noexcept { return {a.v >> b}; }
  GRADPROOF_ALWAYS_INLINE friend BasicBits4 operator<<(const BasicBits4& a, int b) noexcept { return {a.v << b}; }
};

/// The lanes of every kernel that also runs as an AVX2 clone (GRADPROOF_AVX2_CLONE): one 4-lane
/// vector, a ymm register in the clone.
using Lanes4 = BasicLanes4<f64x4, u64x4>;
using bits4 = Lanes4::bits;
/// The lanes of the kernels that run only for the build's own target (sgd_step's, 4 lanes of the
/// lane-wise functions): for g++ without AVX, two SSE2 registers (Halves); otherwise Lanes4
/// (clang++ splits a 4-lane vector into SSE2 registers itself, and better than Halves).
#if defined(__AVX__) || defined(__clang__)
using BaselineLanes4 = Lanes4;
#else
using BaselineLanes4 = BasicLanes4<Halves<f64x2, double>, Halves<u64x2, std::uint64_t>>;
#endif

/// The In columns of W (4, In) row-major: column j is entries j, j + In, j + 2 In, j + 3 In. For
/// the 3-input network with AVX, from three whole 4-double loads by shuffles (moves: the bits are
/// the entries'); otherwise one entry at a time.
template <std::size_t In, class L>
GRADPROOF_ALWAYS_INLINE inline void load_columns(const double* W, L (&columns)[In]) noexcept {
#if defined(__AVX__)  // with AVX a shuffle is one or two instructions on one register
  if constexpr (In == 3) {
    const f64x4 r0 = L::load(W).v;      // w00 w01 w02 w10
    const f64x4 r1 = L::load(W + 4).v;  // w11 w12 w20 w21
    const f64x4 r2 = L::load(W + 8).v;  // w22 w30 w31 w32
    columns[0].v = __builtin_shufflevector(__builtin_shufflevector(r0, r1, 0, 3, 6, 7), r2, 0, 1, 2, 5);
    columns[1].v = __builtin_shufflevector(__builtin_shufflevector(r0, r1, 1, 4, 7, 7), r2, 0, 1, 2, 6);
    columns[2].v = __builtin_shufflevector(__builtin_shufflevector(r0, r1, 2, 5, 5, 5), r2, 0, 1, 4, 7);
    return;
  }
#endif
  GRADPROOF_UNROLL for (std::size_t j = 0; j < In; ++j) columns[j] = L::load(W + j, In);
}

/// W (4, In) row-major from its In columns, in whole 4-double chunks: the next read of W (a
/// copy of the network, the next step's columns) then finds each of its loads inside one store,
/// which the CPU forwards; loads that straddle narrower stores wait until those reach the cache.
template <std::size_t In, class L>
GRADPROOF_ALWAYS_INLINE inline void store_columns(double* W, const L (&columns)[In]) noexcept {
#if defined(__AVX__)
  if constexpr (In == 3) {  // by shuffles, as load_columns
    const f64x4 &c0 = columns[0].v, &c1 = columns[1].v, &c2 = columns[2].v;
    L{__builtin_shufflevector(__builtin_shufflevector(c0, c1, 0, 4, 1, 1), c2, 0, 1, 4, 2)}.store(W);
    L{__builtin_shufflevector(__builtin_shufflevector(c1, c2, 1, 5, 2, 2), c0, 0, 1, 6, 2)}.store(W + 4);
    L{__builtin_shufflevector(__builtin_shufflevector(c2, c0, 2, 7, 3, 3), c1, 0, 1, 7, 2)}.store(W + 8);
    return;
  }
#endif
  GRADPROOF_UNROLL for (std::size_t chunk = 0; chunk < In; ++chunk) {
    double row_major[4];
    GRADPROOF_UNROLL for (std::size_t lane = 0; lane < 4; ++lane) {
      const std::size_t flat = 4 * chunk + lane;  // entry (flat / In, flat % In) of W
      row_major[lane] = columns[flat % In][static_cast<int>(flat / In)];
    }
    L::load(row_major).store(W + 4 * chunk);
  }
}

/// load_columns for W as the previous step's store_columns left it in memory (sgd_step's loop,
/// where the network makes a round trip through memory between steps): for clang++ without
/// AVX, in the 16-byte pieces that store_columns stores, each loaded whole and then shuffled
/// in registers. A load that spans two of those stores, which clang++ made of the strided
/// loads (W_01 and W_02 as one 16-byte load), is not forwarded from them: it waits until both
/// reach the cache (gradproof_bench's sgd_step at clang++ -O2 measures the difference). The
/// empty asm keeps clang++ from splitting the pieces into the loads it would choose.
template <std::size_t In, class L>
GRADPROOF_ALWAYS_INLINE inline void load_stored_columns(const double* W, L (&columns)[In]) noexcept {
#if defined(__clang__) && !defined(__AVX__)
  if constexpr (In == 3 && std::is_same_v<decltype(columns[0].v), f64x4>) {  // W_00 W_01 | W_02 W_10 | ...
    f64x2 p[6];
    GRADPROOF_UNROLL for (int k = 0; k < 6; ++k) {
      __builtin_memcpy(&p[k], W + 2 * k, sizeof p[k]);
      __asm__("" : "+x"(p[k]));
    }
    const f64x2 c0lo = __builtin_shufflevector(p[0], p[1], 0, 3), c0hi = __builtin_shufflevector(p[3], p[4], 0, 3);
    const f64x2 c1lo = __builtin_shufflevector(p[0], p[2], 1, 2), c1hi = __builtin_shufflevector(p[3], p[5], 1, 2);
    const f64x2 c2lo = __builtin_shufflevector(p[1], p[2], 0, 3), c2hi = __builtin_shufflevector(p[4], p[5], 0, 3);
    columns[0].v = __builtin_shufflevector(c0lo, c0hi, 0, 1, 2, 3);
    columns[1].v = __builtin_shufflevector(c1lo, c1hi, 0, 1, 2, 3);
    columns[2].v = __builtin_shufflevector(c2lo, c2hi, 0, 1, 2, 3);
    return;
  }
#endif
  load_columns(W, columns);
}

/// The 4 lanes of a table index as 4 scalars. For clang++ through an empty asm: seeing 4 loads
/// at the lanes of one index vector, clang++ with AVX2 makes them a gather instruction, which
/// decodes into more micro-ops than the 4 loads and their inserts on the CPUs we measure. g++
/// makes no gather, and the asm costs it instructions.
struct LaneIndices {
  std::uint64_t i0, i1, i2, i3;
};
template <class F, class U>
GRADPROOF_ALWAYS_INLINE inline LaneIndices lane_indices(const BasicBits4<F, U>& j) noexcept {
  LaneIndices out{j.v[0], j.v[1], j.v[2], j.v[3]};
#if defined(__clang__)
  __asm__("" : "+r"(out.i0), "+r"(out.i1), "+r"(out.i2), "+r"(out.i3));
#endif
  return out;
}

/// table[j] for each lane's j: four scalar loads (the lookups are off the dependency chain,
/// beside the polynomial).
template <class F, class U>
GRADPROOF_ALWAYS_INLINE inline BasicLanes4<F, U> lookup(const double* table, const BasicBits4<F, U>& j) noexcept {
  const LaneIndices i = lane_indices(j);
  return BasicLanes4<F, U>::make(table[i.i0], table[i.i1], table[i.i2], table[i.i3]);
}
template <class F, class U>
GRADPROOF_ALWAYS_INLINE inline BasicBits4<F, U> lookup(const std::uint64_t* table, const BasicBits4<F, U>& j) noexcept {
  const LaneIndices i = lane_indices(j);
  return BasicBits4<F, U>::make(table[i.i0], table[i.i1], table[i.i2], table[i.i3]);
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
// 4 lanes of the type L (Lanes4 or BaselineLanes4; GRADPROOF_MUL(a, b) is a * b here: L's * is
// the barrier).

template <class L>
struct exp_reduced4 {
  typename L::bits ki;
  L nd;
  typename L::bits j;
  L tail_plus_p;
};
template <class L>
GRADPROOF_ALWAYS_INLINE inline exp_reduced4<L> exp_reduce(const L& x) noexcept {
  constexpr double shifter = 0x1.8p52;
  const L kd = x * exp_n_over_ln2 + shifter;
  const auto ki = L::bits::of(kd);
  const L nd = kd - shifter;
  const L r = (x - nd * (ln2_hi / exp_table_size)) - nd * (ln2_lo / exp_table_size);
  const auto j = ki & (exp_table_size - 1u);
  const L r2 = r * r;
  const L r4 = r2 * r2;
  const L a = exp_c2 + r * exp_c3;
  const L b = (exp_c4 + r * exp_c5) + r2 * exp_c6;
  const L tail_plus_p = (lookup(exp_table_tail, j) + r) + (r2 * a + r4 * b);
  return {ki, nd, j, tail_plus_p};
}

template <class L>
struct exp_parts4 {
  L hi;
  L lo;
};
template <class L>
GRADPROOF_ALWAYS_INLINE inline exp_parts4<L> exp_scale_normal(const exp_reduced4<L>& e) noexcept {
  const L scale = (lookup(exp_table_hi_bits.bits, e.j) + ((e.ki >> exp_table_bits) << 52)).as_double();
  const L scaled_tail = scale * e.tail_plus_p;
  const L hi = scale + scaled_tail;
  return {hi, (scale - hi) + scaled_tail};
}

template <class L>
struct LogisticParts4 {
  exp_parts4<L> e;
  L d;
  L d_lo;
  L q;
};
template <class L>
GRADPROOF_ALWAYS_INLINE inline LogisticParts4<L> logistic_of_exp(const exp_parts4<L>& e) noexcept {
  const L d = 1.0 + e.hi;
  const L e_part = d - 1.0;
  const L d_lo = ((1.0 - (d - e_part)) + (e.hi - e_part)) + e.lo;
  return {e, d, d_lo, 1.0 / d};
}

/// logistic(x) of every lane, for x in [logistic_left_tail, exp_normal_range) (the caller
/// checks): logistic_of_exp(exp_with_tail(-x)), whose common path is exp_scale_normal(exp_reduce).
template <class L>
GRADPROOF_ALWAYS_INLINE inline LogisticParts4<L> logistic_common(const L& x) noexcept {
  return logistic_of_exp(exp_scale_normal(exp_reduce(-x)));
}

/// σ and σ′ of sigmoid_and_prime (q, sigmoid_prime_fast), and σ and 1 − σ of
/// sigmoid_and_complement (sigmoid_accurate, E σ), from logistic_common.
template <class L>
struct Pair4 {
  L first;
  L second;
};
template <class L>
GRADPROOF_ALWAYS_INLINE inline Pair4<L> sigmoid_and_prime_common(const LogisticParts4<L>& p) noexcept {
  const L s = p.e.hi / (p.d * p.d);
  return {p.q, s - s * ((2.0 * p.d_lo) * p.q)};
}
template <class L>
GRADPROOF_ALWAYS_INLINE inline Pair4<L> sigmoid_and_complement_common(const LogisticParts4<L>& p) noexcept {
  const L sigma = p.q - p.q * (p.q * p.d_lo);
  return {sigma, p.e.hi * sigma};
}

}  // namespace gradproof::detail

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_SIMD

#endif  // GRADPROOF_DETAIL_SIMD_HPP
