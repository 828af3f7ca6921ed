// Exercise 8, a typical wrong solution: h taken where sigma'(z) = h (1 - h) belongs in delta2
// (Keras's activation gives h, not its derivative). The grade names it in the hidden kernel's
// gradient, the first quantity it spoils.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr keras::Model<double> my_keras_gradients(const keras::Model<double>& model, const Matrix<double, 1, 3>& x,
                                                  double y) {
  const Matrix<double, 1, 4> h = keras::layer_output(model.hidden, x);
  const double y_hat = keras::layer_output(model.output, h)(0, 0);
  const double delta1 = y_hat - y;
  Matrix<double, 1, 4> delta2{};
  for (std::size_t i = 0; i < 4; ++i) delta2(0, i) = delta1 * model.output.kernel(i, 0) * h(0, i);

  keras::Model<double> g{};
  g.hidden.kernel = outer(transpose(x), delta2);  // (3, 1) ⊗ (1, 4) = (3, 4), the kernel's shape
  for (std::size_t i = 0; i < 4; ++i) g.hidden.bias[i] = delta2(0, i);
  g.output.kernel = delta1 * transpose(h);  // (4, 1)
  g.output.bias[0] = delta1;
  return g;
}

GRADPROOF_GRADE(exercises::grade_keras_gradients(my_keras_gradients));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_keras_gradients(my_keras_gradients)); }
