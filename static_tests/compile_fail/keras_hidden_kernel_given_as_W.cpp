// Mistake: gradproof's W, a (4, 3), given to from_keras as the hidden layer's Keras kernel,
// where Keras's Dense kernel is (inputs, units) = W^T, a (3, 4): Keras computes x K + b with x
// a (1, 3) row.
// Slides: slide 2, W (alpha, beta) = (4, 3); slide 3 credits Keras only with the separate bias,
// and Keras's kernel is W^T (note 6).
// Fix: keras::Dense<double, 3, 4>{transpose(W), bias}, or keras::to_keras(net) for the whole network.
// Catalogue: shape
#include <gradproof/keras.hpp>

using namespace gradproof;

namespace {
constexpr Matrix<double, 4, 3> W{{0.5, -0.25, 0.125, 0, 0.25, -0.5, 0.75, 0.5, 0, -0.125, 0, 0.25}};
constexpr keras::Dense<double, 4, 1> output{{{1, -1, 0.5, 0.25}}, {0.125}};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr keras::Dense<double, 4, 3> hidden{W, {}};
#else
constexpr keras::Dense<double, 3, 4> hidden{transpose(W), {}};
#endif

[[maybe_unused]] constexpr auto net = keras::from_keras(hidden, output);
}  // namespace
