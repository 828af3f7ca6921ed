// Exercise 3, a typical wrong solution: NumPy's habit, x times delta2, a (3, 4) matrix whose
// twelve numbers are then poured row by row into the (4, 3) dL/dW (here through .data, which
// the types cannot see; np.reshape does the same). Every product is right, and most sit in the
// wrong place. The grade recognises which matrix was read.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Matrix<double, 4, 3> my_dW(const RowVector<double, 4>& delta2, const ColVector<double, 3>& x) {
  const Matrix<double, 3, 4> x_delta2 = x * delta2;
  Matrix<double, 4, 3> dW{};
  dW.data = x_delta2.data;
  return dW;
}

GRADPROOF_GRADE(exercises::grade_dW(my_dW));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dW(my_dW)); }
