// Mistake: a symbolic proof of a wrong gradient: ∂L/∂W_{1,2} of one hidden unit written with
// σ(z) where σ′(z) = σ(z)(1 − σ(z)) belongs.
// What the user sees: gradproof::symbolic::the_symbolic_identity_does_not_hold<...> with the
// report as its template arguments: the label, how many terms lhs − rhs has, the first of them
// in the canonical order and its coefficient on each side.
#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

constexpr Expr z() { return W(0, 0) * x(0) + W(0, 1) * x(1) + b1(0); }
constexpr Expr theta() { return U(0) * sigmoid(z()) + b2(); }
constexpr Expr loss() { return softplus(theta()) - theta() * y(); }

constexpr auto report = [] {
  const Expr delta1 = sigmoid(theta()) - y();
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  const Expr closed = delta1 * U(0) * sigmoid(z()) * x(1);  // σ for σ′
#else
  const Expr closed = delta1 * U(0) * sigmoid_prime(z()) * x(1);
#endif
  return check_identity("dL/dW_{1,2}", derivative(loss(), W(0, 1)), closed,
                        {style::ascii, {{z(), "z_1"}, {sigmoid(theta()), "y_hat"}}});
}();
static_assert(identical<report>);
}  // namespace
