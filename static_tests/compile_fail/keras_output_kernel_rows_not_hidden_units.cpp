// Mistake: from_keras given a hidden layer of 4 units and an output layer whose kernel has 5
// rows (the output layer of another model): the output layer's inputs are the hidden units.
// Slides: slide 2, theta = U h + b2 with U (1, alpha) and h (alpha, 1); in Keras's layout the
// output kernel is U^T, (alpha, 1) = (4, 1).
// Fix: the two layers of one model: keras::Dense<double, 4, 1> for a hidden layer of 4 units.
// Catalogue: shape
#include <gradproof/keras.hpp>

using namespace gradproof;

namespace {
constexpr keras::Dense<double, 3, 4> hidden{{{0.5, 0, 0.75, -0.125, -0.25, 0.25, 0.5, 0, 0.125, -0.5, 0, 0.25}},
                                            {0, 0.5, -0.5, 0.25}};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr keras::Dense<double, 5, 1> output{{{1, -1, 0.5, 0.25, 2}}, {0.125}};
#else
constexpr keras::Dense<double, 4, 1> output{{{1, -1, 0.5, 0.25}}, {0.125}};
#endif

[[maybe_unused]] constexpr auto net = keras::from_keras(hidden, output);
}  // namespace
