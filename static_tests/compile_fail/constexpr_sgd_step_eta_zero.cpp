// Mistake: a learning rate eta = 0.
// At compile time bad input stops the constant evaluation in a function of
// gradproof::bad_input that is deliberately not constexpr and is named after what is wrong.
#include "sgd_step_with.hpp"

namespace {
constexpr double y = 1.0;
constexpr double x2 = -1.0;
constexpr double u3 = 0.5;
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr double eta = 0.0;  // no step at all; eta must be > 0
#else
constexpr double eta = 0.5;
#endif

constexpr auto next = compile_fail_cases::sgd_step_with(y, eta, x2, u3);
static_assert(next.b2 > compile_fail_cases::b2_before);
}  // namespace
