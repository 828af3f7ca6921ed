// Exercise 1, a typical wrong solution: y - y_hat, the derivative of the loss with respect to
// theta with its sign turned (the step would then climb the loss). The grade names the sign.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr double my_delta1(const ForwardPass<double, 3, 4>& f, double y) { return y - f.y_hat; }

GRADPROOF_GRADE(exercises::grade_delta1(my_delta1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta1(my_delta1)); }
