// Exercise 7: a whole training step, from the network and one sample (slides 2-11): first the
// backward pass, every delta and gradient; then the step. README.md says what to do.
//
// Write my_backward and my_training_step, then compile this file: compiling is grading.
//   g++ -std=c++20 -I include exercises/07_training_step/training_step.cpp -o training_step && ./training_step
// A wrong answer stops the compiler at a line GRADPROOF_GRADE(...) with
// gradproof::exercises::verdict::wrong_answer<...>: the quantity and its entry, the mistake,
// the expected value, yours, and the test network. Add -DGRADPROOF_GRADE_AT_RUN_TIME to build
// the file anyway and read the same grades from ./training_step.
#include <gradproof/exercises.hpp>

using namespace gradproof;

// net: W (4, 3), b1 (4, 1), U (1, 4), b2; x: the sample, a (3, 1) column; y: its label.
// Return g with g.delta1, g.delta2 and the four gradients g.dW, g.db1, g.dU, g.db2. The forward
// pass is yours to write too (gradproof::math::exp is a constexpr exp; std::exp is not one).
constexpr Gradients<double> my_backward(const Network<double>& net, const ColVector<double, 3>& x, double y) {
  return exercises::your_answer<Gradients<double>>(net, x, y);  // replace this line with your code
}

// One SGD step with learning rate eta: the network after it.
constexpr Network<double> my_training_step(const Network<double>& net, const ColVector<double, 3>& x, double y,
                                           double eta) {
  return exercises::your_answer<Network<double>>(net, x, y, eta);  // replace this line with your code
}

GRADPROOF_GRADE(exercises::grade_backward(my_backward));            // compiling is grading
GRADPROOF_GRADE(exercises::grade_training_step(my_training_step));  // and this one too

int main() {
  const int backward = exercises::print_report(exercises::grade_backward(my_backward));
  const int step = exercises::print_report(exercises::grade_training_step(my_training_step));
  return backward != 0 || step != 0 ? 1 : 0;
}
