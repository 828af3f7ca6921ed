// Mistake: the hidden pre-activation written z = x W (the order of Keras's x K) instead of
// z = W x. x is (3, 1) and W (4, 3): x W multiplies a (3, 1) by a (4, 3), and 1 != 4.
// Slides: slide 2, z = W x + b1, with W (alpha, beta) = (4, 3); Keras's kernel is W^T (note 6).
// Fix: W * x + b1, a (4, 3) times a (3, 1): (4, 1) like b1.
// Catalogue: shape
#include <gradproof/network.hpp>

using namespace gradproof;

namespace {
constexpr ColVector<double, 4> z(const Network<double>& net, const ColVector<double, 3>& x) {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
  return x * net.W + net.b1;
#else
  return net.W * x + net.b1;
#endif
}

static_assert(z(Network<double>{{1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1}, {}, {}, 0.0}, ColVector<double, 3>{1, 2, 3}) ==
              ColVector<double, 4>{1, 2, 3, 6});
}  // namespace
