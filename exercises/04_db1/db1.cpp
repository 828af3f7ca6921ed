// Exercise 4: dL/db1, (4, 1) like b1 (slide 11). README.md says what to do.
//
// Write my_db1 from the slides, then compile this file: compiling is grading.
//   g++ -std=c++20 -I include exercises/04_db1/db1.cpp -o db1 && ./db1
// A wrong answer stops the compiler at the line GRADPROOF_GRADE(...) with
// gradproof::exercises::verdict::wrong_answer<...>: the quantity and its entry, the mistake,
// the expected value, yours, and the test network. Add -DGRADPROOF_GRADE_AT_RUN_TIME to build
// the file anyway and read the same grade from ./db1.
#include <gradproof/exercises.hpp>

using namespace gradproof;

// Both deltas are given; pick what the slides say ([[maybe_unused]]: one input may go unused).
// delta1: dL/dtheta, a scalar; delta2: dL/dz, a (1, 4) row.
constexpr ColVector<double, 4> my_db1([[maybe_unused]] double delta1,
                                      [[maybe_unused]] const RowVector<double, 4>& delta2) {
  return exercises::your_answer<ColVector<double, 4>>(delta1, delta2);  // replace this line with your code
}

GRADPROOF_GRADE(exercises::grade_db1(my_db1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_db1(my_db1)); }
