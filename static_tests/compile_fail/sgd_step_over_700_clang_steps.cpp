// A budget, proven by the compiler: one per-sample SGD step of the 3-4-1 network (forward,
// backward and update, with the constant evaluation's input checks) costs at most 700
// constant-evaluation steps on clang (cheap enough that the compiler can train for
// thousands of steps under the default limit of 2^20 steps per constant expression).
// CMakeLists.txt compiles this file with -fconstexpr-steps=140000, i.e. 700 steps for each of
// 200 steps: the good twin must fit. The bad twin makes 280 steps, which would fit only if a
// step cost at most 500 steps, and must hit the limit: together they bracket the cost at
// 500 < steps per SGD step <= 700. The measured cost (tools/constexpr_cost.sh) is in
// README.md's "Compile-time cost"; why the hot loops read entries through raw pointers is in
// matrix.hpp's entries().
#include <array>

#include <gradproof/network.hpp>

namespace {

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr int steps = 280;
#else
constexpr int steps = 200;
#endif

constexpr std::array<gradproof::Sample<double>, 2> data{{{{{1, 0.5, -0.5}}, 1}, {{{-1, -0.5, 0.5}}, 0}}};

constexpr gradproof::Network<double> trained() {
  gradproof::Network<double> net{{{0.1, -0.2, 0.05, -0.15, 0.1, 0.2, 0.05, 0.15, -0.1, -0.05, -0.2, 0.1}},
                                 {{0.0, 0.05, -0.05, 0.1}},
                                 {{0.2, -0.1, 0.15, -0.2}},
                                 0.0};
  for (int i = 0; i < steps; ++i) {
    const auto& s = data[static_cast<std::size_t>(i % 2)];
    gradproof::sgd_step_in_place(net, s.x, s.y, 0.5);
  }
  return net;
}
// The evaluation must run to the end: training on two separable samples moves b2 off 0.
static_assert(trained().b2 != 0.0);

}  // namespace
