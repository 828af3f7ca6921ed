// GRADPROOF_MUL on a class whose value owns constant-evaluation memory, with the contraction
// barrier on (compiled with FMA: static_tests/compile_fail/CMakeLists.txt), where the macro is a
// conditional. The good twin is static_tests/owning_scalar.hpp's proof; the known-bad twin gives
// the conditional prvalue arms, which g++ 12 mis-evaluates on such a class: GRADPROOF_MUL's xvalue
// arms are what make the proof compile.
#include <gradproof/detail/numeric.hpp>

#if !(GRADPROOF_CONTRACTION_BARRIER && GRADPROOF_BARRIER_ASM)
#error "this test needs the contraction barrier on (a target with FMA and GNU inline asm)"
#endif

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
#undef GRADPROOF_MUL
#define GRADPROOF_MUL(a, b) (__builtin_is_constant_evaluated() ? (a) * (b) : ::gradproof::detail::mul((a), (b)))
#endif

#include "../owning_scalar.hpp"
