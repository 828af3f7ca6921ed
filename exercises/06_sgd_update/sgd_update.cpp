// Exercise 6: the SGD update of every parameter, Omega <- Omega - eta dL/dOmega (slide 8).
// README.md says what to do.
//
// Write my_sgd_update from the slides, then compile this file: compiling is grading.
//   g++ -std=c++20 -I include exercises/06_sgd_update/sgd_update.cpp -o sgd_update && ./sgd_update
// A wrong answer stops the compiler at the line GRADPROOF_GRADE(...) with
// gradproof::exercises::verdict::wrong_answer<...>: the quantity and its entry, the mistake,
// the expected value, yours, and the test network. Add -DGRADPROOF_GRADE_AT_RUN_TIME to build
// the file anyway and read the same grade from ./sgd_update.
#include <gradproof/exercises.hpp>

using namespace gradproof;

// net: W (4, 3), b1 (4, 1), U (1, 4), b2; g: the deltas and the four gradients of one sample
// (g.dW, g.db1, g.dU, g.db2, each shaped like its parameter); eta: the learning rate.
// Return the network after one step.
constexpr Network<double> my_sgd_update(const Network<double>& net, const Gradients<double>& g, double eta) {
  return exercises::your_answer<Network<double>>(net, g, eta);  // replace this line with your code
}

GRADPROOF_GRADE(exercises::grade_sgd_update(my_sgd_update));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_sgd_update(my_sgd_update)); }
