// Exercise 2: delta2 = dL/dz, a (1, 4) row (slides 6-7, eqs. (4)-(6)). README.md says what to do.
//
// Write my_delta2 from the slides, then compile this file: compiling is grading.
//   g++ -std=c++20 -I include exercises/02_delta2/delta2.cpp -o delta2 && ./delta2
// A wrong answer stops the compiler at the line GRADPROOF_GRADE(...) with
// gradproof::exercises::verdict::wrong_answer<...>: the quantity and its entry, the mistake,
// the expected value, yours, and the test network. Add -DGRADPROOF_GRADE_AT_RUN_TIME to build
// the file anyway and read the same grade from ./delta2.
#include <gradproof/exercises.hpp>

using namespace gradproof;

// delta1: dL/dtheta, a scalar; net.U: the output weights, a (1, 4) row; f: the forward pass,
// with f.z, f.h = sigma(z) and f.sigma_prime = sigma'(z), each a (4, 1) column.
constexpr RowVector<double, 4> my_delta2(double delta1, const Network<double>& net,
                                         const ForwardPass<double, 3, 4>& f) {
  return exercises::your_answer<RowVector<double, 4>>(delta1, net, f);  // replace this line with your code
}

GRADPROOF_GRADE(exercises::grade_delta2(my_delta2));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta2(my_delta2)); }
