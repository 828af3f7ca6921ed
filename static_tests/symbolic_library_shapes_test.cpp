// static_tests/symbolic_library_shapes_test.cpp: gradproof's own functions on the symbolic scalar,
// beyond the 3-4-1 backward pass (symbolic_library_test.cpp): backward for the shapes 2-3-1 and
// 4-2-1; sgd_step (its constant-evaluation path, the fused order) and update, each entry
// identical to Ω − η ∂L/∂Ω with ∂L/∂Ω the symbolic derivative of the library's loss; and the
// mini-batch mean gradient identical to the derivative of the mean loss. Each has a known-bad
// twin whose first differing entry the report names.
#include <array>
#include <cstddef>

#include "symbolic_library.hpp"

namespace {

using namespace symbolic_library;

// ---- backward for two other shapes --------------------------------------------------------------
constexpr auto backward_2_3_1 = backward_against_loss<2, 3>();
constexpr auto backward_4_2_1 = backward_against_loss<4, 2>();
static_assert(s::identical<backward_2_3_1>);  // [proof:symbolic_library_backward_shapes]
static_assert(s::identical<backward_4_2_1>);

// The twin, in 4-2-1: dU as δ1 times σ′(z) in place of h (σ′ for σ), named at ∂L/∂U_1.
static_assert([] {
  const auto net = network<4, 2>();
  const auto x = input<4>();
  const auto f = gradproof::forward(net, x);
  auto g = gradproof::backward(net, x, s::y(), f);
  g.dU = gradproof::equations::dU(g.delta1, f.sigma_prime);
  return caught(gradients_against_loss(gradproof::loss(net, x, s::y()), g), "dL/dU_1: not identical");
}());

// ---- one SGD step: Ω − η ∂L/∂Ω, entry by entry ------------------------------------------------
// sgd_step's constant-evaluation path is the fused one (δ1 from θ, then W_ij −= δ1 ((η U_i σ′_i)
// x_j), ...): algebraically Ω − η ∂L/∂Ω, which the symbolic type decides exactly.
constexpr auto sgd_step_3_4_1 = [] {
  return step_against_definition(gradproof::sgd_step(network<3, 4>(), input<3>(), s::y(), s::eta()));
}();
static_assert(s::identical<sgd_step_3_4_1>);  // [proof:symbolic_library_sgd_step]
constexpr auto update_3_4_1 = [] {
  const auto net = network<3, 4>();
  return step_against_definition(gradproof::update(net, gradproof::backward(net, input<3>(), s::y()), s::eta()));
}();
static_assert(s::identical<update_3_4_1>);  // [proof:symbolic_library_update]

// The twin: η applied twice (Ω − η (η ∂L/∂Ω)), named at the first entry, W_{1,1}.
static_assert([] {
  const auto net = network<3, 4>();
  return caught(step_against_definition(
                    gradproof::update(net, gradproof::backward(net, input<3>(), s::y()), s::eta() * s::eta())),
                "W_{1,1}: not identical");
}());

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
static_assert(caught(mean_gradient_against_mean_loss<3, 4>(0, 1, true), "dL/dW_{1,1}: not identical"));

}  // namespace
