// Exercise 2, a typical wrong solution: eq. (5) copied as the slides print it, where the third
// and fourth entries repeat sigma'(z2) (erratum 2 in docs/errata.md). The grade recognises the
// printed formula.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr RowVector<double, 4> my_delta2(double delta1, const Network<double>& net,
                                         const ForwardPass<double, 3, 4>& f) {
  const auto& u = net.U;
  const auto& s = f.sigma_prime;
  return RowVector<double, 4>{
      {delta1 * u(0, 0) * s(0, 0), delta1 * u(0, 1) * s(1, 0), delta1 * u(0, 2) * s(1, 0), delta1 * u(0, 3) * s(1, 0)}};
}

GRADPROOF_GRADE(exercises::grade_delta2(my_delta2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta2(my_delta2)); }
