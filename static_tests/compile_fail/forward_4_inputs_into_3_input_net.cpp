// Mistake: a sample with 4 entries, a (4, 1), fed to a network with 3 inputs
// (Network<T, 3, 4>), which needs x (3, 1). forward's static_assert tells this apart from a
// row x^T and from a matrix.
// Slides: slide 2, x (beta, 1) = (3, 1), z = W x + b1.
// Fix: a ColVector<T, 3>, or a Network<T, 4, Hidden> if the data really has 4 features.
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr Network<double> net{};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr ColVector<double, 4> x{1, 2, 3, 4};
#else
constexpr ColVector<double, 3> x{1, 2, 3};
#endif

static_assert(forward(net, x).y_hat == 0.5);
}  // namespace
