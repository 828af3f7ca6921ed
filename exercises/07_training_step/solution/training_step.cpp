// Exercise 7, a reference solution written from the slides (not calling gradproof's forward,
// backward or equations): the forward pass of slide 2, then slides 5-11 in their order, then
// the step of slide 8 for every parameter.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr double sigma(double t) { return 1 / (1 + math::exp(-t)); }

constexpr Gradients<double> my_backward(const Network<double>& net, const ColVector<double, 3>& x, double y) {
  // Slide 2: z = W x + b1, h = sigma(z), theta = U h + b2, y_hat = sigma(theta).
  ColVector<double, 4> h{}, sigma_prime{};
  double theta = net.b2;
  for (std::size_t i = 0; i < 4; ++i) {
    double z = net.b1(i, 0);
    for (std::size_t j = 0; j < 3; ++j) z += net.W(i, j) * x(j, 0);
    h(i, 0) = sigma(z);
    sigma_prime(i, 0) = h(i, 0) * (1 - h(i, 0));  // sigma' = sigma (1 - sigma)
    theta += net.U(0, i) * h(i, 0);
  }
  const double y_hat = sigma(theta);

  Gradients<double> g{};
  g.delta1 = y_hat - y;                                           // slide 5, eq. (3)
  g.delta2 = g.delta1 * hadamard(net.U, transpose(sigma_prime));  // slides 6-7, eqs. (4)-(6)
  g.dW = outer(transpose(g.delta2), transpose(x));                // slide 9, eq. (7)
  g.db1 = transpose(g.delta2);                                    // slide 11
  g.dU = g.delta1 * transpose(h);                                 // slide 10
  g.db2 = g.delta1;                                               // slide 11
  return g;
}

constexpr Network<double> my_training_step(const Network<double>& net, const ColVector<double, 3>& x, double y,
                                           double eta) {
  const Gradients<double> g = my_backward(net, x, y);
  return {net.W - eta * g.dW, net.b1 - eta * g.db1, net.U - eta * g.dU, net.b2 - eta * g.db2};  // slide 8
}

GRADPROOF_GRADE(exercises::grade_backward(my_backward));            // compiling is grading
GRADPROOF_GRADE(exercises::grade_training_step(my_training_step));  // and this one too

int main() {
  const int backward = exercises::print_report(exercises::grade_backward(my_backward));
  const int step = exercises::print_report(exercises::grade_training_step(my_training_step));
  return backward != 0 || step != 0 ? 1 : 0;
}
