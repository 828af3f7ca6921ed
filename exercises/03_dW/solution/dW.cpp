// Exercise 3, a reference solution written from the slides: dL/dW = delta2^T ⊗ x^T, the column
// delta2^T (4, 1) times the row x^T (1, 3), entry (i, j) = delta2_i x_j (eq. (7)), written as
// the loops the entry formula says.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Matrix<double, 4, 3> my_dW(const RowVector<double, 4>& delta2, const ColVector<double, 3>& x) {
  Matrix<double, 4, 3> dW{};
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 3; ++j) dW(i, j) = delta2(0, i) * x(j, 0);
  return dW;
}

GRADPROOF_GRADE(exercises::grade_dW(my_dW));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dW(my_dW)); }
