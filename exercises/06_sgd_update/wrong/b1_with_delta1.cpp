// Exercise 6, a typical wrong solution: W updated right, then b1 moved by delta1 in every entry
// (a loop over b1's entries that took the scalar delta, the output bias's gradient). The grade
// names whose bias gradient moved b1.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr Network<double> my_sgd_update(const Network<double>& net, const Gradients<double>& g, double eta) {
  Network<double> next = net;
  next.W = net.W - eta * g.dW;
  for (std::size_t i = 0; i < 4; ++i) next.b1(i, 0) = net.b1(i, 0) - eta * g.delta1;
  next.U = net.U - eta * g.dU;
  next.b2 = net.b2 - eta * g.db2;
  return next;
}

GRADPROOF_GRADE(exercises::grade_sgd_update(my_sgd_update));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_sgd_update(my_sgd_update)); }
