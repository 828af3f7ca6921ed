// Exercise 5, a typical wrong solution: dtheta/dU = h^T taken for dL/dU, the chain rule stopped
// before it multiplies by dL/dtheta = delta1. The grade names the factor that is missing.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr exercises::OutputLayerGradients my_dU_db2([[maybe_unused]] double delta1,
                                                    [[maybe_unused]] const RowVector<double, 4>& delta2,
                                                    [[maybe_unused]] const ForwardPass<double, 3, 4>& f) {
  return {transpose(f.h), delta1};
}

GRADPROOF_GRADE(exercises::grade_dU_db2(my_dU_db2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dU_db2(my_dU_db2)); }
