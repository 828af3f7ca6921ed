// Exercise 3: dL/dW = delta2^T ⊗ x^T, (4, 3) like W (slide 9, eq. (7)). README.md says what to do.
//
// Write my_dW from the slides, then compile this file: compiling is grading.
//   g++ -std=c++20 -I include exercises/03_dW/dW.cpp -o dW && ./dW
// A wrong answer stops the compiler at the line GRADPROOF_GRADE(...) with
// gradproof::exercises::verdict::wrong_answer<...>: the quantity and its entry, the mistake,
// the expected value, yours, and the test network. Add -DGRADPROOF_GRADE_AT_RUN_TIME to build
// the file anyway and read the same grade from ./dW.
#include <gradproof/exercises.hpp>

using namespace gradproof;

// delta2: dL/dz, a (1, 4) row; x: the sample, a (3, 1) column.
constexpr Matrix<double, 4, 3> my_dW(const RowVector<double, 4>& delta2, const ColVector<double, 3>& x) {
  return exercises::your_answer<Matrix<double, 4, 3>>(delta2, x);  // replace this line with your code
}

GRADPROOF_GRADE(exercises::grade_dW(my_dW));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dW(my_dW)); }
