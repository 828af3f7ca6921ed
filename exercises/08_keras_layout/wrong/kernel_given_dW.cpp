// Exercise 8, a shape mistake, which the types catch before any grading: the kernel's
// gradient given gradproof's (4, 3) dL/dW = delta2^T x, where Keras's kernel is W^T, (3, 4).
// The conversion to the transposed shape is a deleted function whose line says what to write.
#include <gradproof/exercises.hpp>

using namespace gradproof;

constexpr keras::Model<double> my_keras_gradients(const keras::Model<double>& model, const Matrix<double, 1, 3>& x,
                                                  double y) {
  const Matrix<double, 1, 4> h = keras::layer_output(model.hidden, x);
  const double y_hat = keras::layer_output(model.output, h)(0, 0);
  const double delta1 = y_hat - y;
  Matrix<double, 1, 4> delta2{};
  for (std::size_t i = 0; i < 4; ++i) delta2(0, i) = delta1 * model.output.kernel(i, 0) * h(0, i) * (1 - h(0, i));

  keras::Model<double> g{};
  g.hidden.kernel = outer(transpose(delta2), x);
  for (std::size_t i = 0; i < 4; ++i) g.hidden.bias[i] = delta2(0, i);
  g.output.kernel = delta1 * transpose(h);  // (4, 1)
  g.output.bias[0] = delta1;
  return g;
}

GRADPROOF_GRADE(exercises::grade_keras_gradients(my_keras_gradients));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_keras_gradients(my_keras_gradients)); }
