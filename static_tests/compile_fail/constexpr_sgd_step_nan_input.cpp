// Mistake: an input sample x with a NaN entry.
// At compile time bad input stops the constant evaluation in a function of
// gradproof::bad_input that is deliberately not constexpr and is named after what is wrong.
#include <limits>

#include "sgd_step_with.hpp"

namespace {
constexpr double y = 1.0;
constexpr double eta = 0.5;
constexpr double u3 = 0.5;
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr double x2 = std::numeric_limits<double>::quiet_NaN();  // x = (0.5, NaN, 2)
#else
constexpr double x2 = -1.0;
#endif

constexpr auto next = compile_fail_cases::sgd_step_with(y, eta, x2, u3);
static_assert(next.b2 > compile_fail_cases::b2_before);
}  // namespace
