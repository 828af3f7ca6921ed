// Exercise 6, a reference solution written from the slides: W <- W - eta dL/dW (slide 8), and
// the same rule for b1, U and b2; each gradient has its parameter's shape (slide 11), so the
// subtraction goes entry by entry.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Network<double> my_sgd_update(const Network<double>& net, const Gradients<double>& g, double eta) {
  return {net.W - eta * g.dW, net.b1 - eta * g.db1, net.U - eta * g.dU, net.b2 - eta * g.db2};
}

GRADPROOF_GRADE(exercises::grade_sgd_update(my_sgd_update));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_sgd_update(my_sgd_update)); }
