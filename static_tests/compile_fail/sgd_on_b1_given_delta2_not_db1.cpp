// Mistake: the SGD update of b1, a (4, 1) column, given delta2, a (1, 4) row, where
// db1 = delta2^T (a column like b1) belongs.
// Slides: slide 8 (the update, written there for W; the same rule for b1) with slide 11
// (dL/db1 = delta2^T).
// Fix: equations::sgd(net.b1, equations::db1(delta2), eta); equations::sgd's static_assert
// message names it.
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

constexpr ColVector<double, 4> updated_b1(const Network<double>& net, const Gradients<double>& g) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return equations::sgd(net.b1, g.delta2, 0.5);
#else
  return equations::sgd(net.b1, equations::db1(g.delta2), 0.5);
#endif
}

static_assert(updated_b1(Network<double>{}, Gradients<double>{}) == ColVector<double, 4>{});
