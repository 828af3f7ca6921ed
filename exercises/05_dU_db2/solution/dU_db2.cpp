// Exercise 5, a reference solution written from the slides: theta = U h + b2, so
// dL/dU = delta1 h^T, the slides' delta1^T ⊗ h^T with delta1 a scalar (slide 10), a (1, 4) row
// like U; and dL/db2 = delta1 (slide 11).
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr exercises::OutputLayerGradients my_dU_db2([[maybe_unused]] double delta1,
                                                    [[maybe_unused]] const RowVector<double, 4>& delta2,
                                                    [[maybe_unused]] const ForwardPass<double, 3, 4>& f) {
  return {delta1 * transpose(f.h), delta1};
}

GRADPROOF_GRADE(exercises::grade_dU_db2(my_dU_db2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dU_db2(my_dU_db2)); }
