// Exercise 2, a typical wrong solution: the chain rule through theta = U h + b2 forgotten, so
// that delta2_i = delta1 sigma'(z_i) without its output weight u_i. The grade names the
// missing factor.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr RowVector<double, 4> my_delta2(double delta1, [[maybe_unused]] const Network<double>& net,
                                         const ForwardPass<double, 3, 4>& f) {
  return delta1 * transpose(f.sigma_prime);
}

GRADPROOF_GRADE(exercises::grade_delta2(my_delta2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta2(my_delta2)); }
