// Mistake: a sample with 4 entries fed to a network with 3 inputs (Network<T, 3, 4>).
// forward's static_assert tells this apart from a row x^T and from a matrix.
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
