// Mistake: dL/dW = delta2^T ⊗ x written with x, a (3, 1) column, where x^T, a (1, 3) row,
// belongs. The outer product takes a column on the left and a row on the right.
// Slides: slide 9, eq. (7): dL/dW = delta2^T ⊗ x^T.
// Fix: outer(transpose(delta2), transpose(x)), or equations::dW(delta2, x).
// Catalogue: shape
#include <gradproof/ops.hpp>

using namespace gradproof;

constexpr Matrix<double, 4, 3> dW(const RowVector<double, 4>& delta2, const ColVector<double, 3>& x) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return outer(transpose(delta2), x);
#else
  return outer(transpose(delta2), transpose(x));
#endif
}

static_assert(dW(RowVector<double, 4>{1, 2, 3, 4}, ColVector<double, 3>{1, 0, 2})(3, 2) == 8.0);
