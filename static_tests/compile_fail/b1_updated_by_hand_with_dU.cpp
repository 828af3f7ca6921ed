// Mistake: the update of b1 written out by hand, b1 - eta * dU, with dU (the gradient of U, a
// (1, 4) row) in place of db1 (a (4, 1) column like b1).
// Slides: slide 8 (the update, written there for W; b1 <- b1 - eta dL/db1 by the same rule) with
// slide 11 (dL/db1 = delta2^T).
// Fix: b1 - eta * db1; a gradient has its parameter's shape, so only b1's own gradient fits.
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr ColVector<double, 4> updated_b1(const Network<double>& net, const Gradients<double>& g) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return net.b1 - 0.5 * g.dU;
#else
  return net.b1 - 0.5 * g.db1;
#endif
}

static_assert(updated_b1(Network<double>{}, Gradients<double>{}) == ColVector<double, 4>{});
}  // namespace
