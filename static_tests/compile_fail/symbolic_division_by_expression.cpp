// Mistake: a division by an expression that is not a constant. The symbolic type holds
// polynomials (with σ and softplus atoms), so it divides by a nonzero rational constant only,
// as the mini-batch mean does; the constant evaluation stops in the error function named after
// the problem.
#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

static_assert([] {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  const Expr divisor = named('s');
#else
  const Expr divisor = 2;
#endif
  return !(named('t') / divisor).is_zero();
}());
}  // namespace
