// Exercise 5, a shape mistake, which the types catch before any grading: delta1 h, a (4, 1)
// column, for dL/dU, which has U's shape, a (1, 4) row. The column's conversion to a row is a
// deleted function whose line says what to write.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr exercises::OutputLayerGradients my_dU_db2([[maybe_unused]] double delta1,
                                                    [[maybe_unused]] const RowVector<double, 4>& delta2,
                                                    [[maybe_unused]] const ForwardPass<double, 3, 4>& f) {
  const RowVector<double, 4> dU = delta1 * f.h;
  return {dU, delta1};
}

GRADPROOF_GRADE(exercises::grade_dU_db2(my_dU_db2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dU_db2(my_dU_db2)); }
