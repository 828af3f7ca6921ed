// Mistake: delta2, a (1, 4) row, used as the gradient of b1, a (4, 1) column: db1 = delta2.
// Slides: slide 11, dL/db1 = delta2^T: the transpose is needed because delta2 is a row.
// Fix: db1 = transpose(delta2), or equations::db1(delta2).
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

constexpr ColVector<double, 4> gradient_of_b1(const Gradients<double>& g) {
  ColVector<double, 4> db1{};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  db1 = g.delta2;
#else
  db1 = transpose(g.delta2);
#endif
  return db1;
}

static_assert(gradient_of_b1(Gradients<double>{}) == ColVector<double, 4>{});
