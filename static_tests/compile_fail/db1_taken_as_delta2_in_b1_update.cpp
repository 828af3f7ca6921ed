// Mistake: the gradient of b1 taken as delta2 with auto (auto db1 = g.delta2, a (1, 4) row),
// then b1's update written out by hand: b1 - eta * db1, a (4, 1) column minus a (1, 4) row.
// Slides: slide 8 (b1 <- b1 - eta dL/db1) with slide 11 (dL/db1 = delta2^T).
// Fix: auto db1 = transpose(g.delta2) (or equations::db1(g.delta2), or g.db1), then b1 - eta * db1.
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr ColVector<double, 4> updated_b1(const Network<double>& net, const Gradients<double>& g) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  auto db1 = g.delta2;
#else
  auto db1 = transpose(g.delta2);
#endif
  return net.b1 - 0.5 * db1;
}

static_assert(updated_b1(Network<double>{}, Gradients<double>{}) == ColVector<double, 4>{});
}  // namespace
