// Probe for tools/constexpr_cost.sh: EPOCHS epochs of 8 SGD steps in one constant evaluation.
#include <gradproof/gradproof.hpp>
using namespace gradproof;
constexpr std::array<Sample<double>, 8> data{{{{{1, 0.5, -0.5}}, 1}, {{{0.5, 1, 0}}, 1}, {{{-1, -0.5, 0.5}}, 0}, {{{-0.5, -1, 0}}, 0},
  {{{0.75, -0.25, -0.5}}, 1}, {{{-0.75, 0.25, 0.5}}, 0}, {{{0.25, 0.5, 1}}, 0}, {{{-0.25, -0.5, -1}}, 1}}};
constexpr Network<double> init{{{0.1, -0.2, 0.05, -0.15, 0.1, 0.2, 0.05, 0.15, -0.1, -0.05, -0.2, 0.1}}, {{0.0, 0.05, -0.05, 0.1}}, {{0.2, -0.1, 0.15, -0.2}}, 0.0};
constexpr Network<double> train(int epochs) { auto n = init; for (int e = 0; e < epochs; ++e) n = sgd_epoch(n, data, 0.5); return n; }
constexpr auto probe = train(EPOCHS);
