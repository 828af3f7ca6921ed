// Exercise 6, a typical wrong solution: a whole gradient subtracted, the learning rate
// forgotten (the step is then as long as the gradient, whatever eta says). The grade names the
// missing factor.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Network<double> my_sgd_update(const Network<double>& net, const Gradients<double>& g,
                                        [[maybe_unused]] double eta) {
  return {net.W - g.dW, net.b1 - g.db1, net.U - g.dU, net.b2 - g.db2};
}

GRADPROOF_GRADE(exercises::grade_sgd_update(my_sgd_update));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_sgd_update(my_sgd_update)); }
