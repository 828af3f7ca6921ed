// Exercise 1, a reference solution written from the slides: delta1 = dL/dy_hat * dy_hat/dtheta
// = y_hat - y (slide 5, eq. (3)), evaluated as written.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr double my_delta1(const ForwardPass<double, 3, 4>& f, double y) { return f.y_hat - y; }

GRADPROOF_GRADE(exercises::grade_delta1(my_delta1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta1(my_delta1)); }
