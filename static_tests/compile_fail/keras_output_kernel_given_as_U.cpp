// Mistake: gradproof's U, the (1, 4) row of theta = U h + b2, given to from_keras as the output
// layer's Keras kernel, where Keras's kernel is U^T, a (4, 1): Keras computes h K + b with h a
// (1, 4) row.
// Slides: slide 2, U (1, alpha); slide 7, eq. (5) indexes U's entries u11..u41 like a (4, 1)
// column (erratum 5, a notation inconsistency): that shape is Keras's kernel's, not U's.
// Fix: keras::Dense<double, 4, 1>{transpose(U), {b2}}, or keras::to_keras(net).
// Catalogue: shape
#include <gradproof/keras.hpp>

using namespace gradproof;

namespace {
constexpr keras::Dense<double, 3, 4> hidden{{{0.5, 0, 0.75, -0.125, -0.25, 0.25, 0.5, 0, 0.125, -0.5, 0, 0.25}},
                                            {0, 0.5, -0.5, 0.25}};
constexpr RowVector<double, 4> U{{1, -1, 0.5, 0.25}};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr keras::Dense<double, 1, 4> output{U, {0.125}};
#else
constexpr keras::Dense<double, 4, 1> output{transpose(U), {0.125}};
#endif

[[maybe_unused]] constexpr auto net = keras::from_keras(hidden, output);
}  // namespace
