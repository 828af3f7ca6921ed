// Mistake (erratum 3, slides eqs. 4-5): "delta1 U ∘ sigma'(z)" multiplies the row delta1 U
// (1, 4) element by element with the column sigma'(z) (4, 1). Only sigma'(z)^T fits.
#include <gradproof/ops.hpp>

using namespace gradproof;

constexpr RowVector<double, 4> delta2(double delta1, const RowVector<double, 4>& U,
                                      const ColVector<double, 4>& sigma_prime_z) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return hadamard(delta1 * U, sigma_prime_z);
#else
  return hadamard(delta1 * U, transpose(sigma_prime_z));
#endif
}

static_assert(delta2(1.0, RowVector<double, 4>{1, 2, 3, 4}, ColVector<double, 4>{1, 1, 1, 1}) ==
              RowVector<double, 4>{1, 2, 3, 4});
