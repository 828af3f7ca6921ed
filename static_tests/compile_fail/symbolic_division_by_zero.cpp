// Mistake: a division by the constant 0 (an empty mini-batch's 1/B). The constant evaluation
// stops in the error function named after the problem.
#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr int batch = 0;
#else
constexpr int batch = 4;
#endif
static_assert([] { return !(named('t') / batch).is_zero(); }());
}  // namespace
