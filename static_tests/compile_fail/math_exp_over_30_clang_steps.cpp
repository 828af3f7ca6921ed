// A budget, proven by the compiler: math::exp costs at most 30 constant-evaluation steps per
// call on clang (cheap at compile time, so compile-time training can run long).
// CMakeLists.txt compiles this file with -fconstexpr-steps=31000, i.e. 30 steps per exp call
// plus 1 per loop iteration (clang counts the loop alone at 1 step per iteration) for 1000
// calls: the good twin must fit. The bad twin makes 1200 calls, which would fit only if an
// iteration cost at most 25.8 steps, and must hit the limit: together they bracket the cost
// at 24.8 < steps per exp call <= 30. The measured cost (tools/constexpr_cost.sh) is in
// README.md's "Compile-time cost".
#include <gradproof/math.hpp>

namespace {

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr int calls = 1200;
#else
constexpr int calls = 1000;
#endif

constexpr double sum_of_exps() {
  double s = 0;
  for (int i = 0; i < calls; ++i) s += gradproof::math::exp(0.001 * i - 0.5);
  return s;
}
// The sum is positive (each term is): the evaluation must actually run to the end.
static_assert(sum_of_exps() > 0.0);

}  // namespace
