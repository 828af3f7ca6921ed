// static_tests/symbolic_library_shapes_test.cpp: gradproof's own backward pass on the symbolic
// scalar for the shapes 2-3-1 and 4-2-1 (3-4-1: symbolic_library_test.cpp; the SGD step and the
// mini-batch: symbolic_library_step_test.cpp), each entry identical to the symbolic derivative
// of the library's loss, with a known-bad twin whose first differing entry the report names.
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

}  // namespace
