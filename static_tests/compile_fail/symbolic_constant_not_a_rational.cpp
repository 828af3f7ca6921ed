// Mistake: a floating-point constant that is no 64-bit rational p/q (here 1e-30: its exact
// value needs a denominator of 2^152). The constant evaluation stops in the error function
// named after the problem.
#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr double c = 1e-30;
#else
constexpr double c = 0.125;
#endif
static_assert([] { return !(named('t') * c).is_zero(); }());
}  // namespace
