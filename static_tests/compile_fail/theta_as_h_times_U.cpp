// Mistake: the output logit written theta = h U instead of U h. h is (4, 1) and U (1, 4): h U
// is a valid product, but a (4, 4) matrix (an outer product), not the scalar theta.
// Slides: slide 2, theta = U h + b2: a (1, 4) times a (4, 1) is (1, 1), a scalar.
// Fix: to_scalar(U * h) + b2.
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr double theta(const Network<double>& net, const ColVector<double, 4>& h) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return to_scalar(h * net.U) + net.b2;
#else
  return to_scalar(net.U * h) + net.b2;
#endif
}

static_assert(theta(Network<double>{{}, {}, {1, 2, 3, 4}, 0.5}, ColVector<double, 4>{1, 1, 1, 1}) == 10.5);
}  // namespace
