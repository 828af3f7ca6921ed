// Mistake: gradproof's sample x, a (3, 1) column, given to keras::predict, which takes samples
// the Keras way: one per row, x a (1, 3) row (a batch is (batch, 3)).
// Slides: slide 2, x (beta, 1) = (3, 1) for z = W x + b1; Keras computes x K + b with x a row.
// Fix: keras::predict(model, transpose(x)), or gradproof::forward(net, x) in gradproof's layout.
// Catalogue: shape
#include <gradproof/keras.hpp>

using namespace gradproof;

namespace {
constexpr keras::Model<double> model{};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr ColVector<double, 3> x{{1, 2, 3}};
#else
constexpr RowVector<double, 3> x{{1, 2, 3}};
#endif

[[maybe_unused]] constexpr auto y_hat = keras::predict(model, x);
}  // namespace
