// Mistake: from_keras given an output layer with 2 units (a two-class softmax head, Dense(2)),
// where the slides' network has one sigmoid output: theta and y_hat are scalars.
// Slides: slide 2, theta = U h + b2 a scalar and y_hat = sigma(theta); in Keras's layout the
// output kernel is U^T, (alpha, 1) = (4, 1), and the output bias (1,).
// Fix: a Dense(1, activation="sigmoid") output layer: keras::Dense<double, 4, 1>.
// Catalogue: shape
#include <gradproof/keras.hpp>

using namespace gradproof;

namespace {
constexpr keras::Dense<double, 3, 4> hidden{{{0.5, 0, 0.75, -0.125, -0.25, 0.25, 0.5, 0, 0.125, -0.5, 0, 0.25}},
                                            {0, 0.5, -0.5, 0.25}};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr keras::Dense<double, 4, 2> output{{{1, -1, -1, 1, 0.5, -0.5, 0.25, -0.25}}, {0.125, -0.125}};
#else
constexpr keras::Dense<double, 4, 1> output{{{1, -1, 0.5, 0.25}}, {0.125}};
#endif

[[maybe_unused]] constexpr auto net = keras::from_keras(hidden, output);
}  // namespace
