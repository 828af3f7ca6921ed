// Mistake: the SGD update of b1 given delta2 (a row) where db1 = delta2^T (a column) belongs.
// equations::sgd has a static_assert whose message names the fix.
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
