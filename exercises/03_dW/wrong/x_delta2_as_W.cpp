// Exercise 3, a shape mistake, which the types catch before any grading: x delta2 is (3, 4),
// W's transpose, and Matrix has no conversion to the transposed shape: it is a deleted
// function whose line says what to write.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Matrix<double, 4, 3> my_dW(const RowVector<double, 4>& delta2, const ColVector<double, 3>& x) {
  return x * delta2;
}

GRADPROOF_GRADE(exercises::grade_dW(my_dW));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dW(my_dW)); }
