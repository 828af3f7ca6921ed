// Mistake: a derivative taken with respect to an expression (here W_{1,1} x_1) instead of a
// variable. The constant evaluation stops in the error function named after the problem.
#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

static_assert([] {
  const Expr z = W(0, 0) * x(0) + b1(0);
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  const Expr by = W(0, 0) * x(0);
#else
  const Expr by = W(0, 0);
#endif
  return derivative(sigmoid(z), by) == sigmoid_prime(z) * x(0);
}());
}  // namespace
