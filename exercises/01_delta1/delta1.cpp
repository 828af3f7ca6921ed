// Exercise 1: delta1 = dL/dtheta (slide 5, eqs. (1)-(3)). README.md says what to do.
//
// Write my_delta1 from the slides, then compile this file: compiling is grading.
//   g++ -std=c++20 -I include exercises/01_delta1/delta1.cpp -o delta1 && ./delta1
// A wrong answer stops the compiler at the line GRADPROOF_GRADE(...) with
// gradproof::exercises::verdict::wrong_answer<...>: the quantity and its entry, the mistake,
// the expected value, yours, and the test network. Add -DGRADPROOF_GRADE_AT_RUN_TIME to build
// the file anyway and read the same grade from ./delta1.
#include <gradproof/exercises.hpp>

using namespace gradproof;

// f: the forward pass of one sample (f.theta, f.y_hat = sigma(theta), ...); y: its label.
constexpr double my_delta1(const ForwardPass<double, 3, 4>& f, double y) {
  return exercises::your_answer<double>(f, y);  // replace this line with your code
}

GRADPROOF_GRADE(exercises::grade_delta1(my_delta1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta1(my_delta1)); }
