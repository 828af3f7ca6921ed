// Exercise 8, a typical wrong solution: dL/dW computed in gradproof's layout, (4, 3), then its
// twelve numbers copied into the (3, 4) kernel's storage (as moving weights with
// np.reshape instead of .T does). The types agree on twelve doubles; the places do not. The
// grade says whose layout the numbers are in.
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
  const Matrix<double, 4, 3> dW = outer(transpose(delta2), x);  // gradproof's dL/dW
  g.hidden.kernel.data = dW.data;
  for (std::size_t i = 0; i < 4; ++i) g.hidden.bias[i] = delta2(0, i);
  g.output.kernel = delta1 * transpose(h);  // (4, 1)
  g.output.bias[0] = delta1;
  return g;
}

GRADPROOF_GRADE(exercises::grade_keras_gradients(my_keras_gradients));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_keras_gradients(my_keras_gradients)); }
