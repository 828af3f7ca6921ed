// Exercise 8: the gradients in Keras's layout (slide 3 and docs/shapes.md, Keras layout): the
// hidden kernel is W^T (3, 4), a sample is a row x (1, 3). README.md says what to do.
//
// Write my_keras_gradients, then compile this file: compiling is grading.
//   g++ -std=c++20 -I include exercises/08_keras_layout/keras_gradients.cpp -o keras_gradients && ./keras_gradients
// A wrong answer stops the compiler at the line GRADPROOF_GRADE(...) with
// gradproof::exercises::verdict::wrong_answer<...>: the quantity and its entry, the mistake,
// the expected value, yours, and the test network. Add -DGRADPROOF_GRADE_AT_RUN_TIME to build
// the file anyway and read the same grade from ./keras_gradients.
#include <gradproof/exercises.hpp>

using namespace gradproof;

// model.hidden: kernel (3, 4) = W^T, bias (4,); model.output: kernel (4, 1) = U^T, bias (1,).
// x: one sample as Keras takes it, a (1, 3) row; y: its label. Return the gradient of every
// variable in the variable's shape, as tf.GradientTape gives it: g.hidden.kernel (3, 4),
// g.hidden.bias (4,), g.output.kernel (4, 1), g.output.bias (1,). keras::layer_output(layer, x)
// computes sigma(x K + b), the Keras way.
constexpr keras::Model<double> my_keras_gradients(const keras::Model<double>& model, const Matrix<double, 1, 3>& x,
                                                  double y) {
  return exercises::your_answer<keras::Model<double>>(model, x, y);  // replace this line with your code
}

GRADPROOF_GRADE(exercises::grade_keras_gradients(my_keras_gradients));  // compiling is grading

int main() { return exercises::print_report(exercises::grade_keras_gradients(my_keras_gradients)); }
