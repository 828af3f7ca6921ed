// gradproof/detail/fp.hpp: floating-point helpers that are legal in a constant expression
// on every compiler we support.
//
// Why this header exists: a constant expression may not produce a NaN (clang), may not
// overflow (gcc), and may not divide by zero (both). So every special value is *tested*
// with comparisons and *returned* from std::numeric_limits, never made by arithmetic.
#ifndef GRADPROOF_DETAIL_FP_HPP
#define GRADPROOF_DETAIL_FP_HPP

#include <bit>
#include <cfloat>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

// Builds under which no bit-for-bit guarantee can hold are refused, not silently accepted.
#if defined(__FAST_MATH__)
#error "gradproof: -ffast-math (or -Ofast) lets the compiler reassociate, contract and drop NaN/inf handling, so run-time results can no longer equal the compile-time ones; build gradproof code without it (e.g. -fno-fast-math for these files)"
#endif
#if defined(__FLT_EVAL_METHOD__) && __FLT_EVAL_METHOD__ != 0
#error "gradproof: this target evaluates float/double in extended precision (FLT_EVAL_METHOD != 0, e.g. x87 without -mfpmath=sse), so run-time results would differ from the compile-time ones; use SSE2 (-msse2 -mfpmath=sse) or a 64-bit target"
#endif

// The constant evaluator never fuses a * b + c into an FMA; compiled code may, and then the
// same expression has two values. clang fuses within an expression by default
// (-ffp-contract=on), so every gradproof header that does arithmetic brackets its code with
// these (push/pop: the user's own code keeps the user's setting). g++ has no pragma that
// survives inlining (see docs/math.md); it contracts only for targets with FMA.
#if defined(__clang__)
#define GRADPROOF_FP_CONTRACT_OFF_BEGIN _Pragma("float_control(push)") _Pragma("clang fp contract(off)")
#define GRADPROOF_FP_CONTRACT_OFF_END _Pragma("float_control(pop)")
#else
#define GRADPROOF_FP_CONTRACT_OFF_BEGIN
#define GRADPROOF_FP_CONTRACT_OFF_END
#endif

// The hot path's small functions are forced inline where inlining heuristics stop short:
// clang -O2 keeps math::exp, forward and the SGD step out of line (a call per exp, and the
// 4 hidden units' exps then cannot overlap), g++ -O2 keeps forward out of line and passes
// its result through memory. Measured with bench/: 1.4x -> 1.08x (clang), 1.25x -> 1.12x
// (g++) of the textbook's time per SGD step. Define either macro empty to opt out.
#if !defined(GRADPROOF_INLINE_EXP)
#if defined(__GNUC__) || defined(__clang__)
#define GRADPROOF_INLINE_EXP [[gnu::always_inline]]
#else
#define GRADPROOF_INLINE_EXP
#endif
#endif
#if !defined(GRADPROOF_INLINE_STEP)
#if defined(__GNUC__) || defined(__clang__)
#define GRADPROOF_INLINE_STEP [[gnu::always_inline]]
#else
#define GRADPROOF_INLINE_STEP
#endif
#endif

// Where the target has fused multiply-add instructions, compilers contract a * b + c into one
// at run time (g++ by default even across statements, -ffp-contract=fast), while the constant
// evaluator never does; and g++ has no pragma that survives inlining. So every product in
// gradproof goes through detail::mul, which on such targets passes the rounded product through
// an empty asm statement: the compiler can no longer see a multiplication to fuse. No
// instruction is emitted; the cost is only the lost fusion. Off where no FMA can be formed
// (x86 without -mfma / -march with FMA), so the baseline build is untouched.
#if !defined(GRADPROOF_CONTRACTION_BARRIER)
#if (defined(__GNUC__) || defined(__clang__)) && \
    (defined(__FMA__) || defined(__FMA4__) || !(defined(__x86_64__) || defined(__i386__)))
#define GRADPROOF_CONTRACTION_BARRIER 1
#else
#define GRADPROOF_CONTRACTION_BARRIER 0
#endif
#endif

namespace gradproof {

/// The scalar types gradproof's math is written for (and proven on).
template <class T>
concept real = std::same_as<T, float> || std::same_as<T, double>;

/// Specialised for gradproof::Dual (dual.hpp), the forward-mode derivative type.
template <class T>
struct is_dual : std::false_type {};

/// What the network and the loss compute on: a real type, or a Dual of one (so that the same
/// code yields exact derivatives).
template <class T>
concept scalar = real<T> || is_dual<T>::value;

namespace detail {

template <class T>
constexpr bool is_nan(T x) noexcept {
  return x != x;  // the one comparison that is true only for NaN
}

/// Finite: neither NaN nor ±inf. Comparisons only (`x - x` would be inf - inf).
template <class T>
constexpr bool is_finite(T x) noexcept {
  constexpr T largest = std::numeric_limits<T>::max();  // a constant, not a call per test
  return x >= -largest && x <= largest;
}

/// a * b, rounded, and never fused with the addition that follows (see above).
template <class T>
[[gnu::always_inline]] constexpr T mul(T a, T b) noexcept {
  T p = a * b;
#if GRADPROOF_CONTRACTION_BARRIER
  if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float>) {
    if (!std::is_constant_evaluated()) {
#if defined(__x86_64__) || defined(__i386__)
      __asm__("" : "+x"(p));
#elif defined(__aarch64__) || defined(__arm__)
      __asm__("" : "+w"(p));
#else
      __asm__("" : "+m"(p));
#endif
    }
  }
#endif
  return p;
}

// GRADPROOF_MUL(a, b): every product of gradproof's arithmetic. Where no FMA can be formed it
// is the plain a * b; where one can, it is mul() above at run time. A constant evaluation
// always takes the plain a * b (the evaluator never fuses), because a function call costs
// clang steps: an SGD step took 1,742 instead of 643 on FMA targets (tools/constexpr_cost.sh
// with -march=native).
#if GRADPROOF_CONTRACTION_BARRIER
#define GRADPROOF_MUL(a, b) (__builtin_is_constant_evaluated() ? (a) * (b) : ::gradproof::detail::mul((a), (b)))
#else
#define GRADPROOF_MUL(a, b) ((a) * (b))
#endif

template <class T>
constexpr T abs(T x) noexcept {
  return x < T(0) ? -x : x;
}

/// 2^k for k in [-1022, 1023], built from its bits (exact, and cheap in constant evaluation).
constexpr double pow2(int k) noexcept {
  return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}

/// double -> float, rounding to nearest, with the overflow that a C++ conversion leaves
/// undefined (and that a constant evaluation therefore rejects) turned into ±inf.
constexpr float to_float(double d) noexcept {
  constexpr double fmax = static_cast<double>(std::numeric_limits<float>::max());
  // Half an ulp of FLT_MAX above FLT_MAX: from there on, round-to-nearest gives inf.
  constexpr double overflow = fmax + 0x1p103;
  if (d >= overflow) return std::numeric_limits<float>::infinity();
  if (d <= -overflow) return -std::numeric_limits<float>::infinity();
  if (d > fmax) return std::numeric_limits<float>::max();
  if (d < -fmax) return -std::numeric_limits<float>::max();
  return static_cast<float>(d);
}

}  // namespace detail
}  // namespace gradproof

#endif  // GRADPROOF_DETAIL_FP_HPP
