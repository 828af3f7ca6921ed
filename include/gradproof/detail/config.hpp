// gradproof/detail/config.hpp: the build policy, in one place. Which language and which
// floating-point modes gradproof accepts (it refuses, with a message, every build in which a
// run-time result could differ from the compile-time one), and the macros that keep compiled
// code bit-identical to the constant evaluator: no FMA contraction, forced inlining. Every
// gradproof header includes this one first.
#ifndef GRADPROOF_DETAIL_CONFIG_HPP
#define GRADPROOF_DETAIL_CONFIG_HPP

// C++20: concepts, std::bit_cast, std::is_constant_evaluated. MSVC reports its standard in
// _MSVC_LANG (its __cplusplus stays 199711L without /Zc:__cplusplus). The #error names the
// problem; the include of a file that cannot exist stops the compiler right there, so the
// user sees one clear line instead of the pages that C++17 would print for the first concept.
#if defined(_MSVC_LANG) && _MSVC_LANG > __cplusplus
#define GRADPROOF_CPLUSPLUS _MSVC_LANG
#else
#define GRADPROOF_CPLUSPLUS __cplusplus
#endif
#if GRADPROOF_CPLUSPLUS < 202002L
#error "gradproof needs C++20: compile with -std=c++20 (MSVC: /std:c++20) or later"
#include <gradproof_stops_here_it_needs_cxx20>
#endif

// Builds under which no bit-for-bit guarantee can hold are refused, not silently accepted.
#if defined(__FAST_MATH__)
#error "gradproof: -ffast-math (or -Ofast) lets the compiler reassociate, contract and drop NaN/inf handling, so run-time results can no longer equal the compile-time ones; build gradproof code without it (e.g. -fno-fast-math for these files)"
#endif
#if defined(_MSC_VER) && !defined(__clang__) && defined(_M_FP_FAST)
#error "gradproof: /fp:fast lets MSVC reassociate and contract, so run-time results can no longer equal the compile-time ones; build gradproof code with /fp:precise or /fp:strict"
#endif
#if defined(_MSC_VER) && !defined(__clang__) && defined(_M_FP_CONTRACT)
#error "gradproof: /fp:contract lets MSVC fuse a * b + c into one FMA, which the constant evaluator never does, so run-time results would differ from the compile-time ones; build gradproof code without /fp:contract"
#endif
// Before Visual Studio 2022 (MSVC 19.30), /fp:precise itself allowed contractions where the
// target has FMA (/arch:AVX2 and later).
#if defined(_MSC_VER) && !defined(__clang__) && _MSC_VER < 1930 && defined(__AVX2__)
#error "gradproof: MSVC before Visual Studio 2022 contracts a * b + c into an FMA under /arch:AVX2 even with /fp:precise; use Visual Studio 2022 or later, or a target without /arch:AVX2"
#endif
#if defined(__FLT_EVAL_METHOD__) && __FLT_EVAL_METHOD__ != 0
#error "gradproof: this target evaluates float/double in extended precision (FLT_EVAL_METHOD != 0, e.g. x87 without -mfpmath=sse), so run-time results would differ from the compile-time ones; use SSE2 (-msse2 -mfpmath=sse) or a 64-bit target"
#endif

// The constant evaluator never fuses a * b + c into an FMA; compiled code may, and then the
// same expression has two values. clang fuses within an expression by default
// (-ffp-contract=on), so every gradproof header that does arithmetic brackets its code with
// these (push/pop: the user's own code keeps the user's setting). g++ has no pragma that
// survives inlining (see docs/math.md); the contraction barrier below covers it. Software
// floating point has no FMA to contract into, and clang ignores float_control there (with a
// warning), so nothing is pushed.
#if defined(__clang__) && !defined(__SOFTFP__)
#define GRADPROOF_FP_CONTRACT_OFF_BEGIN _Pragma("float_control(push)") _Pragma("clang fp contract(off)")
#define GRADPROOF_FP_CONTRACT_OFF_END _Pragma("float_control(pop)")
#else
#define GRADPROOF_FP_CONTRACT_OFF_BEGIN
#define GRADPROOF_FP_CONTRACT_OFF_END
#endif

// Around the comparisons that are exact on purpose, the operator== of gradproof's types (run
// time == compile time is the library's claim): a user's -Wfloat-equal then says nothing about
// gradproof's headers and still reports the user's own comparisons (push/pop).
#if defined(__GNUC__) || defined(__clang__)
#define GRADPROOF_EXACT_EQUALITY_BEGIN \
  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wfloat-equal\"")
#define GRADPROOF_EXACT_EQUALITY_END _Pragma("GCC diagnostic pop")
#else
#define GRADPROOF_EXACT_EQUALITY_BEGIN
#define GRADPROOF_EXACT_EQUALITY_END
#endif

// Forced inlining, where the compiler has a way to say it. Compilers without GNU attributes
// get plain inline functions: slower, the same bits.
#if defined(__has_cpp_attribute)
#if __has_cpp_attribute(gnu::always_inline)
#define GRADPROOF_ALWAYS_INLINE [[gnu::always_inline]]
#endif
#endif
#if !defined(GRADPROOF_ALWAYS_INLINE)
#define GRADPROOF_ALWAYS_INLINE
#endif

// The hot path's small functions (exp's steps, the logistic functions, forward and the SGD
// step) are forced inline where inlining heuristics stop short: clang -O2 keeps math::exp,
// forward and the SGD step out of line (a call per exp, and the hidden units' exps then cannot
// overlap), g++ -O2 keeps forward out of line and passes its result through memory
// (docs/performance.md). Define it empty to opt out: slower, the same bits.
#if !defined(GRADPROOF_HOT_INLINE)
#define GRADPROOF_HOT_INLINE GRADPROOF_ALWAYS_INLINE
#endif

// The contraction barrier. Where the target has fused multiply-add instructions, compilers
// contract a * b + c into one at run time (g++ by default even across statements,
// -ffp-contract=fast), while the constant evaluator never does; and g++ has no pragma that
// survives inlining. So every product in gradproof goes through GRADPROOF_MUL (detail/numeric.hpp), which at
// run time hides the rounded product from the optimiser: it can no longer see a multiplication
// to fuse. With GNU inline asm that is an empty asm statement on the value's register (no
// instruction; the cost is only the lost fusion); without it, a volatile round trip.
//   GRADPROOF_CONTRACTION_BARRIER   1 on, 0 off. On wherever an FMA can be formed: x86 with FMA
//                                   or FMA4, and every other GNU target with hardware floating
//                                   point (they all have an FMA instruction), and compilers we
//                                   do not know. Off on x86 without FMA, on software floating
//                                   point (no FMA instruction: soft-float ARM), and on MSVC,
//                                   whose contracting modes are refused above.
//   GRADPROOF_BARRIER_ASM           1 when the barrier is the asm statement, 0 for volatile.
//   GRADPROOF_BARRIER_CONSTRAINT    the asm operand: the register class that holds a double,
//                                   or memory where there is none.
#if defined(__GNUC__) || defined(__clang__)
#define GRADPROOF_BARRIER_ASM 1
#else
#define GRADPROOF_BARRIER_ASM 0
#endif

#if !defined(GRADPROOF_CONTRACTION_BARRIER)
#if defined(_MSC_VER) && !defined(__clang__)
#define GRADPROOF_CONTRACTION_BARRIER 0
#elif !GRADPROOF_BARRIER_ASM
#define GRADPROOF_CONTRACTION_BARRIER 1
#elif defined(__x86_64__) || defined(__i386__)
#if defined(__FMA__) || defined(__FMA4__)
#define GRADPROOF_CONTRACTION_BARRIER 1
#else
#define GRADPROOF_CONTRACTION_BARRIER 0
#endif
#elif defined(__SOFTFP__) || defined(__riscv_float_abi_soft) || defined(_SOFT_FLOAT) || defined(__NO_FPRS__)
#define GRADPROOF_CONTRACTION_BARRIER 0
#else
#define GRADPROOF_CONTRACTION_BARRIER 1
#endif
#endif

#if GRADPROOF_BARRIER_ASM && !defined(GRADPROOF_BARRIER_CONSTRAINT)
#if defined(__x86_64__) || defined(__i386__)
// "v", not "x": with AVX-512 "x" is only xmm0-15, while the compiler also keeps doubles in
// xmm16-31; g++ then copies each such value into a low register for the asm and back, two
// dependent moves on the chain at every product. "v" is any of them (without AVX-512, the
// same registers as "x").
#define GRADPROOF_BARRIER_CONSTRAINT "+v"  // an SSE/AVX register
#elif defined(__aarch64__)
#define GRADPROOF_BARRIER_CONSTRAINT "+w"  // a SIMD/FP register
#elif defined(__arm__) && defined(__ARM_FP) && (__ARM_FP & 0xC) == 0xC
#define GRADPROOF_BARRIER_CONSTRAINT "+w"  // a VFP register that holds floats and doubles
#else
#define GRADPROOF_BARRIER_CONSTRAINT "+m"  // memory: every target has it; a store and a load
#endif
#endif

#endif  // GRADPROOF_DETAIL_CONFIG_HPP
