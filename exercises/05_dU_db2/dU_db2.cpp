// Exercise 5: dL/dU, (1, 4) like U (slide 10), and dL/db2, a scalar like b2 (slide 11).
// README.md says what to do.
//
// Write my_dU_db2 from the slides, then compile this file: compiling is grading.
//   g++ -std=c++20 -I include exercises/05_dU_db2/dU_db2.cpp -o dU_db2 && ./dU_db2
// A wrong answer stops the compiler at the line GRADPROOF_GRADE(...) with
// gradproof::exercises::verdict::wrong_answer<...>: the quantity and its entry, the mistake,
// the expected value, yours, and the test network. Add -DGRADPROOF_GRADE_AT_RUN_TIME to build
// the file anyway and read the same grade from ./dU_db2.
#include <gradproof/exercises.hpp>

using namespace gradproof;

// Both deltas and the forward pass are given; pick what the slides say ([[maybe_unused]]: an
// input may go unused). delta1: dL/dtheta, a scalar; delta2: dL/dz, a (1, 4) row; f: the forward
// pass, with f.h = sigma(z), a (4, 1) column. Return {dU, db2}.
constexpr exercises::OutputLayerGradients my_dU_db2([[maybe_unused]] double delta1,
                                                    [[maybe_unused]] const RowVector<double, 4>& delta2,
                                                    [[maybe_unused]] const ForwardPass<double, 3, 4>& f) {
  return exercises::your_answer<exercises::OutputLayerGradients>(delta1, delta2, f);  // replace this line
}

GRADPROOF_GRADE(exercises::grade_dU_db2(my_dU_db2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_dU_db2(my_dU_db2)); }
