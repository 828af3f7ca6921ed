// Exercise 4, a shape mistake, which the types catch before any grading: delta2, a (1, 4) row,
// returned for the (4, 1) column dL/db1 (in NumPy it would broadcast; docs/student.md has the
// trap). The row's conversion to a column is a deleted function whose line says what to write.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr ColVector<double, 4> my_db1([[maybe_unused]] double delta1,
                                      [[maybe_unused]] const RowVector<double, 4>& delta2) {
  return delta2;
}

GRADPROOF_GRADE(exercises::grade_db1(my_db1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_db1(my_db1)); }
