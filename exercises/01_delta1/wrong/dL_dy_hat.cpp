// Exercise 1, a typical wrong solution: eq. (1) only, dL/dy_hat = -y / y_hat + (1 - y) / (1 - y_hat),
// the chain rule stopped one factor early (eq. (2)'s dy_hat/dtheta = sigma'(theta) is left out).
// The grade names the factor that is missing.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr double my_delta1(const ForwardPass<double, 3, 4>& f, double y) {
  return -y / f.y_hat + (1 - y) / (1 - f.y_hat);
}

GRADPROOF_GRADE(exercises::grade_delta1(my_delta1));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_delta1(my_delta1)); }
