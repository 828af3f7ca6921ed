// Mistake: a monomial with more distinct generators than a monomial holds
// (GRADPROOF_SYMBOLIC_MAX_FACTORS, 8 by default; the network's SGD step needs 5).
// The constant evaluation stops in the error function named after the problem, which says
// how to raise the limit.
#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr std::size_t inputs = 9;
#else
constexpr std::size_t inputs = 8;
#endif
static_assert([] {
  Expr product = 1;
  for (std::size_t j = 0; j < inputs; ++j) product = product * x(j);
  return product.terms().size() == 1;
}());
}  // namespace
