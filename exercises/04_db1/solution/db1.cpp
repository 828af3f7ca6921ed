// Exercise 4, a reference solution written from the slides: z = W x + b1, so dz/db1 is the
// identity and dL/db1 = delta2, transposed to b1's shape: delta2^T, a (4, 1) column (slide 11).
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr ColVector<double, 4> my_db1([[maybe_unused]] double delta1,
                                      [[maybe_unused]] const RowVector<double, 4>& delta2) {
  return transpose(delta2);
}

GRADPROOF_GRADE(exercises::grade_db1(my_db1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_db1(my_db1)); }
