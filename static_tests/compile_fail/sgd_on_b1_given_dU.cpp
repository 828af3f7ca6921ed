// Mistake: the SGD update of b1 given dU, the gradient of the output weights U, a (1, 4) row,
// where db1 = delta2^T, a (4, 1) column like b1, belongs.
// Slides: slide 8 (the update, written there for W; the same rule for b1) with slide 11
// (dL/db1 = delta2^T).
// Fix: equations::sgd(net.b1, g.db1, eta): each parameter takes its own gradient.
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr ColVector<double, 4> updated_b1(const Network<double>& net, const Gradients<double>& g) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return equations::sgd(net.b1, g.dU, 0.5);
#else
  return equations::sgd(net.b1, g.db1, 0.5);
#endif
}

static_assert(updated_b1(Network<double>{}, Gradients<double>{}) == ColVector<double, 4>{});
}  // namespace
