// Exercise 4, a typical wrong solution: the bias gradient of the other layer. The output bias
// b2 gets delta1 (theta = U h + b2); b1 sits one layer down, where dL/dz = delta2 arrives. The
// grade names whose bias gradient this is.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr ColVector<double, 4> my_db1([[maybe_unused]] double delta1,
                                      [[maybe_unused]] const RowVector<double, 4>& delta2) {
  return ColVector<double, 4>{{delta1, delta1, delta1, delta1}};
}

GRADPROOF_GRADE(exercises::grade_db1(my_db1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_db1(my_db1)); }
