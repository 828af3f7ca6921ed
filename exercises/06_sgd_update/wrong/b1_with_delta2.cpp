// Exercise 6, a shape mistake, which the types catch before any grading: b1 - eta delta2, a
// (4, 1) column minus a (1, 4) row (NumPy would broadcast it to (4, 4); docs/student.md shows
// the trap). A shape minus its transpose is a deleted operator whose line says what to write.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Network<double> my_sgd_update(const Network<double>& net, const Gradients<double>& g, double eta) {
  return {net.W - eta * g.dW, net.b1 - eta * g.delta2, net.U - eta * g.dU, net.b2 - eta * g.db2};
}

GRADPROOF_GRADE(exercises::grade_sgd_update(my_sgd_update));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_sgd_update(my_sgd_update)); }
