// Mistake (erratum 3): "delta1 U ∘ sigma'(z)" as printed multiplies the row delta1 U (1, 4)
// element by element with the column sigma'(z) (4, 1): not defined; only sigma'(z)^T fits.
// Slides: eqs. (4)-(5), slides 6-7.
// Fix: hadamard(delta1 * U, transpose(sigma_prime_z)), or equations::delta2(delta1, U, sigma_prime_z).
// Catalogue: shape
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
