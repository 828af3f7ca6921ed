// Mistake: dL/dU computed as delta1 * h, a (4, 1) column, and given to the update of U, a
// (1, 4) row. The slide's dL/dU = epsilon [h1 h2 h3 h4] is a row: h transposed.
// Slides: slide 10 (dL/dU = delta1^T ⊗ h^T = epsilon [h1 h2 h3 h4]) and slide 8 (the update, written
// there for W; the same rule for U).
// Fix: equations::dU(delta1, h), i.e. delta1 * transpose(h).
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr RowVector<double, 4> updated_U(const Network<double>& net, double delta1, const ColVector<double, 4>& h) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return equations::sgd(net.U, delta1 * h, 0.5);
#else
  return equations::sgd(net.U, delta1 * transpose(h), 0.5);
#endif
}

static_assert(updated_U(Network<double>{{}, {}, {1, 1, 1, 1}, 0.0}, 2.0, ColVector<double, 4>{1, 0, 0, 0}) ==
              RowVector<double, 4>{0, 1, 1, 1});
}  // namespace
