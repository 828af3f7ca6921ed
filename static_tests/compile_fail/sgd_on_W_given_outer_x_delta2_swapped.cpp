// Mistake: dL/dW built as x ⊗ delta2, a (3, 4), instead of delta2^T ⊗ x^T, a (4, 3) like W.
// Both are valid outer products; the SGD update of W is where the shapes disagree.
// Slides: slide 9, eq. (7): dL/dW = delta2^T ⊗ x^T, entry (i, j) = delta2_i x_j.
// Fix: outer(transpose(delta2), transpose(x)), or equations::dW(delta2, x).
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

constexpr Matrix<double, 4, 3> updated_W(const Network<double>& net, const ColVector<double, 3>& x,
                                         const Gradients<double>& g) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return equations::sgd(net.W, outer(x, g.delta2), 0.5);
#else
  return equations::sgd(net.W, outer(transpose(g.delta2), transpose(x)), 0.5);
#endif
}

static_assert(updated_W(Network<double>{}, ColVector<double, 3>{}, Gradients<double>{}) == Matrix<double, 4, 3>{});
