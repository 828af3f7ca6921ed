// Exercise 3, a typical wrong solution: dz/dW taken as 1, as if z = W + b1, so that every row
// of dL/dW repeats delta2_i. The grade names the factor that is missing.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Matrix<double, 4, 3> my_dW(const RowVector<double, 4>& delta2,
                                     [[maybe_unused]] const ColVector<double, 3>& x) {
  Matrix<double, 4, 3> dW{};
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 3; ++j) dW(i, j) = delta2(0, i);
  return dW;
}

GRADPROOF_GRADE(exercises::grade_dW(my_dW));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dW(my_dW)); }
