// Mistake: the update of W given the gradient of another parameter (db1, a (4, 1) column)
// instead of dW, a (4, 3) matrix like W.
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
