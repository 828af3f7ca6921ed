// Mistake: a label y = 2.
// At compile time bad input stops the constant evaluation in a function of
// gradproof::bad_input that is deliberately not constexpr and is named after what is wrong.
#include "sgd_step_with.hpp"

namespace {
constexpr double eta = 0.5;
constexpr double x2 = -1.0;
constexpr double u3 = 0.5;
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr double y = 2.0;  // labels are 0 or 1; soft labels lie in [0, 1]
#else
constexpr double y = 1.0;
#endif

constexpr auto next = compile_fail_cases::sgd_step_with(y, eta, x2, u3);
static_assert(next.b2 > compile_fail_cases::b2_before);
}  // namespace
