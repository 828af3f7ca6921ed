// Mistake: dL/dW written as x^T ⊗ delta2: the operands swapped, a (1, 3) row on the left and a
// (1, 4) row on the right. The outer product takes a column on the left, a row on the right,
// and gives (left length, right length) = (4, 3), W's shape, only as delta2^T ⊗ x^T.
// Slides: slide 9, eq. (7): dL/dW = delta2^T ⊗ x^T, entry (i, j) = delta2_i x_j.
// Fix: outer(transpose(delta2), transpose(x)), or equations::dW(delta2, x).
// Catalogue: shape
#include <gradproof/ops.hpp>

using namespace gradproof;

namespace {
constexpr auto dW(const RowVector<double, 4>& delta2, const ColVector<double, 3>& x) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return outer(transpose(x), delta2);
#else
  return outer(transpose(delta2), transpose(x));
#endif
}

static_assert(dW(RowVector<double, 4>{1, 2, 3, 4}, ColVector<double, 3>{1, 0, 2}) ==
              Matrix<double, 4, 3>{1, 0, 2, 2, 0, 4, 3, 0, 6, 4, 0, 8});
}  // namespace
