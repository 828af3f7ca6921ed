// Mistake (erratum 5, a notation inconsistency): U written as a column (u11, u21, u31, u41), a
// (4, 1) as the slides' indices suggest, and given to delta2 = delta1 U ∘ sigma'(z)^T. U acts
// as a (1, 4) row in theta = U h + b2, so delta2 takes the row.
// Slides: eq. (5) (the indices u11..u41) against eqs. (4), (6) and slide 2 (theta = U h + b2).
// Fix: U as a RowVector<double, 4> (net.U is one); from a column, pass transpose(U).
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr RowVector<double, 4> delta2(double delta1, const ColVector<double, 4>& U_as_column,
                                      const ColVector<double, 4>& sigma_prime_z) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return equations::delta2(delta1, U_as_column, sigma_prime_z);
#else
  return equations::delta2(delta1, transpose(U_as_column), sigma_prime_z);
#endif
}

static_assert(delta2(2.0, ColVector<double, 4>{1, 2, 3, 4}, ColVector<double, 4>{1, 1, 1, 0}) ==
              RowVector<double, 4>{2, 4, 6, 0});
}  // namespace
