// static_tests/symbolic_library_minibatch_test.cpp: gradproof's own mini-batch mean gradient on
// the symbolic scalar, identical to the derivative of the mean loss (the library's loss of each
// sample), with a known-bad twin (the sum for the mean) whose first differing entry the report
// names.
#include <array>
#include <cstddef>

#include "symbolic_library.hpp"

namespace {

using namespace symbolic_library;

// ---- the mini-batch mean gradient: the derivative of the mean loss -----------------------------
/// mean_gradient over the batch (x^(1), y^(1)), (x^(2), y^(2)) against ∂/∂Ω of
/// (L(x^(1), y^(1)) + L(x^(2), y^(2))) / 2, the library's loss of each sample. sum: the twin,
/// the derivative of the summed loss (the mean left out). The hidden units [first, last).
template <std::size_t In, std::size_t Hidden>
constexpr identity_report mean_gradient_against_mean_loss(std::size_t first, std::size_t last, bool sum = false) {
  const auto net = network<In, Hidden>();
  std::array<gradproof::Sample<Expr, In>, 2> batch{};
  for (std::size_t b = 0; b < 2; ++b) {
    batch[b].x = input<In>(b + 1);
    batch[b].y = label_of(b + 1);
  }
  Expr L = gradproof::loss(net, batch[0].x, batch[0].y) + gradproof::loss(net, batch[1].x, batch[1].y);
  if (!sum) L = L / 2;
  return gradients_against_loss(L, gradproof::mean_gradient(net, batch), first, last);
}
// In two halves (units 1-2, then 3-4 and b2), each within clang's default step limit.
constexpr auto mean_gradient_units_1_2 = mean_gradient_against_mean_loss<3, 4>(0, 2);
constexpr auto mean_gradient_units_3_4 = mean_gradient_against_mean_loss<3, 4>(2, 4);
static_assert(s::identical<mean_gradient_units_1_2>);  // [proof:symbolic_library_mean_gradient]
static_assert(s::identical<mean_gradient_units_3_4>);
static_assert(caught(mean_gradient_against_mean_loss<2, 1>(0, 1, true), "dL/dW_{1,1}: not identical"));

}  // namespace
