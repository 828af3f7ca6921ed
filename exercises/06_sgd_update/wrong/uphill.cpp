// Exercise 6, a typical wrong solution: the gradient added instead of subtracted, a step up
// the loss (gradient ascent). The grade names the sign.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Network<double> my_sgd_update(const Network<double>& net, const Gradients<double>& g, double eta) {
  return {net.W + eta * g.dW, net.b1 + eta * g.db1, net.U + eta * g.dU, net.b2 + eta * g.db2};
}

GRADPROOF_GRADE(exercises::grade_sgd_update(my_sgd_update));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_sgd_update(my_sgd_update)); }
