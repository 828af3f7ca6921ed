// Exercise 2, a shape mistake, which the types catch before any grading: eq. (4) as the slides
// print it, delta1 U ∘ sigma'(z), a (1, 4) row ∘ a (4, 1) column (erratum 3). gradproof's
// hadamard of a shape and its transpose is a deleted function whose line says what to write.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr RowVector<double, 4> my_delta2(double delta1, const Network<double>& net,
                                         const ForwardPass<double, 3, 4>& f) {
  return delta1 * hadamard(net.U, f.sigma_prime);
}

GRADPROOF_GRADE(exercises::grade_delta2(my_delta2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta2(my_delta2)); }
