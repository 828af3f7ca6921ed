// Mistake: the slides' eq. (7) as printed, the last row of ∂L/∂W with σ′(z1) where σ′(z4)
// belongs (erratum 4), checked against the derivative of gradproof's own loss on the symbolic
// scalar.
// What the user sees: gradproof::symbolic::the_symbolic_identity_does_not_hold<...> whose
// template arguments name the first entry that differs, dL/dW_{4,1}, and the first monomial of
// lhs − rhs.
#include "../symbolic_library.hpp"

namespace {
using namespace symbolic_library;

constexpr auto report = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  auto g = gradproof::backward(net, x, s::y(), f);
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  for (std::size_t j = 0; j < 3; ++j) g.dW(3, j) = g.delta1 * net.U(0, 3) * f.sigma_prime(0, 0) * x(j, 0);
#endif
  return gradients_against_loss(gradproof::loss(net, x, s::y()), g, 3, 4);
}();
static_assert(s::identical<report>);
}  // namespace
