// Mistake: an infinite constant in an expression. The constant evaluation stops in the error
// function named after the problem.
#include <limits>

#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr double c = std::numeric_limits<double>::infinity();
#else
constexpr double c = 2.0;
#endif
static_assert([] { return !(named('t') + c).is_zero(); }());
}  // namespace
