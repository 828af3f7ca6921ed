// Exercise 5, a typical wrong solution: dU right, but db2 taken from the hidden layer, the sum
// of delta2's entries (what np.sum(delta2) gives, the bias gradient of b1 summed). b2 is the
// output layer's bias, where delta1 arrives. The grade names whose bias gradient this is.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr exercises::OutputLayerGradients my_dU_db2([[maybe_unused]] double delta1,
                                                    [[maybe_unused]] const RowVector<double, 4>& delta2,
                                                    [[maybe_unused]] const ForwardPass<double, 3, 4>& f) {
  double db2 = 0;
  for (std::size_t i = 0; i < 4; ++i) db2 += delta2(0, i);
  return {delta1 * transpose(f.h), db2};
}

GRADPROOF_GRADE(exercises::grade_dU_db2(my_dU_db2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dU_db2(my_dU_db2)); }
