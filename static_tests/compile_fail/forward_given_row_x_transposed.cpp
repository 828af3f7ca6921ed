// Mistake: x^T, a (1, 3) row, fed to forward, where z = W x + b1 needs the column x (3, 1).
// Slides: slide 2, x (beta, 1) = (3, 1).
// Fix: pass the column x, i.e. transpose(x) of the row.
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr Network<double> net{};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr RowVector<double, 3> x{1, 2, 3};
#else
constexpr ColVector<double, 3> x{1, 2, 3};
#endif

static_assert(forward(net, x).y_hat == 0.5);
}  // namespace
