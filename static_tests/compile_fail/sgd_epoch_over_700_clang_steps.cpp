// A budget, proven by the compiler: one SGD step inside sgd_epoch (whose steps form each next z
// off the update's chain, network.hpp) costs at most 700 constant-evaluation steps on clang, as
// tools/constexpr_cost.sh measures it. CMakeLists.txt compiles this file with
// -fconstexpr-steps=140000: the good twin, 25 epochs of 8 samples (200 SGD steps), must fit;
// the bad twin, 35 epochs (280 steps), would fit only if a step cost at most 500 steps and must
// hit the limit: together they bracket the cost at 500 < steps per SGD step <= 700. The
// measured cost (tools/constexpr_cost.sh) is in README.md's "Compile-time cost".
#include <array>

#include <gradproof/network.hpp>

namespace {

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr int epochs = 35;
#else
constexpr int epochs = 25;
#endif

constexpr std::array<gradproof::Sample<double>, 8> data{{{{{1, 0.5, -0.5}}, 1},
                                                         {{{0.5, 1, 0}}, 1},
                                                         {{{-1, -0.5, 0.5}}, 0},
                                                         {{{-0.5, -1, 0}}, 0},
                                                         {{{0.75, -0.25, -0.5}}, 1},
                                                         {{{-0.75, 0.25, 0.5}}, 0},
                                                         {{{0.25, 0.5, 1}}, 0},
                                                         {{{-0.25, -0.5, -1}}, 1}}};

constexpr gradproof::Network<double> trained() {
  gradproof::Network<double> net{{{0.1, -0.2, 0.05, -0.15, 0.1, 0.2, 0.05, 0.15, -0.1, -0.05, -0.2, 0.1}},
                                 {{0.0, 0.05, -0.05, 0.1}},
                                 {{0.2, -0.1, 0.15, -0.2}},
                                 0.0};
  for (int e = 0; e < epochs; ++e) net = gradproof::sgd_epoch(net, data, 0.5);
  return net;
}
// The evaluation must run to the end: training moves b2 off 0.
static_assert(trained().b2 != 0.0);

}  // namespace
