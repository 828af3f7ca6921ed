// Mistake: an expression compared with <, >, <= or >=, as the numerical loss branches on
// theta >= 0. A symbolic value is a function of the variables and has no order; the deleted
// operator's line says what to write instead.
#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

constexpr bool positive_part_is_theta() {
  const Expr theta = U(0) * sigmoid(x(0)) + b2();
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  const bool right_side = theta >= Expr(0);
#else
  const bool right_side = theta == U(0) * sigmoid(x(0)) + b2();
#endif
  return right_side;
}
static_assert(positive_part_is_theta());
}  // namespace
