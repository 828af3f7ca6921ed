// Mistake: db1, the gradient of b1, initialised from delta2: ColVector<double, 4> db1 = delta2.
// delta2 is a (1, 4) row, db1 a (4, 1) column like b1.
// Slides: slide 11, dL/db1 = delta2^T: the transpose is needed because delta2 is a row.
// Fix: ColVector<double, 4> db1 = transpose(delta2), or equations::db1(delta2).
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

constexpr ColVector<double, 4> gradient_of_b1(const Gradients<double>& g) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  ColVector<double, 4> db1 = g.delta2;
#else
  ColVector<double, 4> db1 = transpose(g.delta2);
#endif
  return db1;
}

static_assert(gradient_of_b1(Gradients<double>{}) == ColVector<double, 4>{});
