// Mistake: the update of W, a (4, 3) matrix, given the gradient of another parameter (db1,
// a (4, 1) column) instead of dW, which is (4, 3) like W.
// Slides: slide 8 writes the update for W; the same rule Omega <- Omega - eta dL/dOmega holds for
// every parameter, and slide 11 asks dL/dOmega to have Omega's shape.
// Fix: equations::sgd(net.W, g.dW, eta).
// Catalogue: shape
#include <gradproof/network.hpp>

namespace {
using namespace gradproof;

constexpr Matrix<double, 4, 3> updated_W(const Network<double>& net, const Gradients<double>& g) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return equations::sgd(net.W, g.db1, 0.5);
#else
  return equations::sgd(net.W, g.dW, 0.5);
#endif
}

static_assert(updated_W(Network<double>{}, Gradients<double>{}) == Matrix<double, 4, 3>{});
}  // namespace
