// Mistake: the output bias b2 added as a vector of the hidden layer's size, a (4, 1) column
// like b1, to U h, which is (1, 1). The output layer has one unit, so one bias: b2 is a scalar.
// Slides: slide 2, theta = U h + b2; slide 11, b2 in R (a scalar).
// Fix: to_scalar(U * h) + b2 with the scalar b2 (net.b2).
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr double theta(const RowVector<double, 4>& U, const ColVector<double, 4>& h) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  constexpr ColVector<double, 4> b2{0.5, 0.5, 0.5, 0.5};
  return to_scalar(U * h + b2);
#else
  constexpr double b2 = 0.5;
  return to_scalar(U * h) + b2;
#endif
}

static_assert(theta(RowVector<double, 4>{1, 2, 3, 4}, ColVector<double, 4>{1, 1, 1, 1}) == 10.5);
}  // namespace
