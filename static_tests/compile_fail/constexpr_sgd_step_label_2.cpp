// Mistake: a label y = 2.
// At compile time bad input stops the constant evaluation in a function of
// gradproof::bad_input that is deliberately not constexpr and is named after what is wrong.
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr double eta = 0.5;
constexpr double x2 = -1.0;
constexpr double u3 = 0.5;
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr double y = 2.0;  // labels are 0 or 1; soft labels lie in [0, 1]
#else
constexpr double y = 1.0;
#endif

constexpr Network<double> net{
    .W = {0.5, -0.25, 0.125, 0.0, 0.25, -0.5, 0.75, 0.5, 0.0, -0.125, 0.0, 0.25},
    .b1 = {0.0, 0.5, -0.5, 0.25},
    .U = {1.0, -1.0, u3, 0.25},
    .b2 = 0.125,
};
constexpr ColVector<double, 3> x{0.5, x2, 2.0};

constexpr Network<double> next = sgd_step(net, x, y, eta);
// y = 1 > y_hat, so delta1 = db2 < 0 and b2 grows.
static_assert(next.b2 > net.b2);
}  // namespace
