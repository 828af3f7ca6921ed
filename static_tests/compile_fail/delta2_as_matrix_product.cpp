// Mistake: delta2 written delta1 U sigma'(z), the matrix product of the row U (1, 4) and the
// column sigma'(z) (4, 1), where the slides mean the element-wise product ∘. The product is
// valid but is a (1, 1) dot product, not the (1, 4) row delta2.
// Slides: eqs. (4)-(6): delta2 = delta1 U ∘ sigma'(z)^T, entry i = epsilon u_i sigma'(z_i).
// Fix: hadamard(delta1 * U, transpose(sigma_prime_z)), or equations::delta2(delta1, U, sigma_prime_z).
// Catalogue: shape
#include <gradproof/ops.hpp>

using namespace gradproof;

namespace {
constexpr RowVector<double, 4> delta2(double delta1, const RowVector<double, 4>& U,
                                      const ColVector<double, 4>& sigma_prime_z) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  RowVector<double, 4> d2 = delta1 * U * sigma_prime_z;
#else
  RowVector<double, 4> d2 = hadamard(delta1 * U, transpose(sigma_prime_z));
#endif
  return d2;
}

static_assert(delta2(2.0, RowVector<double, 4>{1, 2, 3, 4}, ColVector<double, 4>{1, 1, 1, 0}) ==
              RowVector<double, 4>{2, 4, 6, 0});
}  // namespace
