// Mistake: W x with an x of the wrong length. W is (4, 3), so x must be (3, 1), not (4, 1).
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
