// Exercise 2, a reference solution written from the slides: delta2 = delta1 U ∘ sigma'(z)^T
// (eq. (4) with the transpose that erratum 3 adds: U is a (1, 4) row, sigma'(z) a (4, 1)
// column), with sigma'(z) = sigma(z) (1 - sigma(z)) computed from h = sigma(z).
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr RowVector<double, 4> my_delta2(double delta1, const Network<double>& net,
                                         const ForwardPass<double, 3, 4>& f) {
  ColVector<double, 4> sigma_prime{};
  for (std::size_t i = 0; i < 4; ++i) sigma_prime(i, 0) = f.h(i, 0) * (1 - f.h(i, 0));
  return delta1 * hadamard(net.U, transpose(sigma_prime));
}

GRADPROOF_GRADE(exercises::grade_delta2(my_delta2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta2(my_delta2)); }
