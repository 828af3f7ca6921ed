// static_tests/symbolic_library_step_test.cpp: gradproof's own SGD step on the symbolic scalar:
// sgd_step (its constant-evaluation path, the fused order) and update, each entry identical to
// Ω − η ∂L/∂Ω with ∂L/∂Ω the symbolic derivative of the library's loss, with a known-bad twin
// (η twice) whose first differing entry the report names. The mini-batch:
// symbolic_library_minibatch_test.cpp.
#include <cstddef>

#include "symbolic_library.hpp"

namespace {

using namespace symbolic_library;

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

}  // namespace
