// Mistake: two samples as the columns of a (3, 2) matrix fed to forward; it takes one sample,
// a (3, 1) column (the slides' SGD is per sample).
// Slides: slide 2 (one x (3, 1)) and slides 3 and 8 (SGD: one step per sample).
// Fix: one call per sample (sgd_epoch loops over samples).
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr Network<double> net{};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr Matrix<double, 3, 2> x{1, 4, 2, 5, 3, 6};
#else
constexpr ColVector<double, 3> x{1, 2, 3};
#endif

static_assert(forward(net, x).y_hat == 0.5);
}  // namespace
