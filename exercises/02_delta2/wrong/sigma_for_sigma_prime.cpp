// Exercise 2, a typical wrong solution: h = sigma(z) taken where sigma'(z) belongs, a slip
// between the two columns of the forward pass. The grade names the swap of sigma and sigma'.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr RowVector<double, 4> my_delta2(double delta1, const Network<double>& net,
                                         const ForwardPass<double, 3, 4>& f) {
  return delta1 * hadamard(net.U, transpose(f.h));
}

GRADPROOF_GRADE(exercises::grade_delta2(my_delta2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta2(my_delta2)); }
