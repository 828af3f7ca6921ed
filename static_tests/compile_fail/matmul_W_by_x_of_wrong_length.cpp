// Mistake: W x with an x of the wrong length. W is (4, 3), so x must be (3, 1), not (4, 1).
// Slides: slide 2, z = W x + b1 with W (alpha, beta) = (4, 3) and x (beta, 1) = (3, 1).
// Fix: an x with as many entries as W has columns (the network's inputs, 3).
// Catalogue: shape
#include <gradproof/ops.hpp>

using namespace gradproof;

namespace {
constexpr Matrix<double, 4, 3> W{1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 1};
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr ColVector<double, 4> x{1, 2, 3, 4};
#else
constexpr ColVector<double, 3> x{1, 2, 3};
#endif

static_assert(matmul(W, x)(3, 0) == 6.0);
}  // namespace
