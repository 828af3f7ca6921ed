// Mistake: using delta2 (a (1, 4) row) as the gradient of b1 (a (4, 1) column).
// dL/db1 = delta2^T (slide 11): the transpose is needed because delta2 is a row.
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
