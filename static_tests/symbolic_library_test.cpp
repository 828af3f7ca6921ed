// static_tests/symbolic_library_test.cpp: gradproof's own backward pass, proven for every input.
// gradproof::loss and gradproof::backward run on the symbolic scalar (symbolic/library.hpp):
// for the slides' 3-4-1 network, the derivative of the library's loss expression with respect to
// each of the 21 parameters, taken by the symbolic type, is identical to backward's entry; δ1 is
// ∂L/∂θ and δ2 is ∂L/∂z, with their shapes. Each proof has a known-bad twin: a wrong backward
// pass (σ for σ′, a sign, a transpose) whose first differing entry the report names.
#include <cstddef>
#include <type_traits>

#include "symbolic_library.hpp"

namespace {

using namespace symbolic_library;
using gradproof::RowVector;

// ---- ∂L/∂Ω = backward's entry, all 21 parameters of 3-4-1 ----------------------------------------
constexpr auto backward_3_4_1 = backward_against_loss<3, 4>();
static_assert(s::identical<backward_3_4_1>);  // [proof:symbolic_library_backward_3_4_1]

// The twin: the backward pass with σ(z) where σ′(z) belongs (the library's own equations, fed the
// forward pass's h in place of its σ′). The report names the first entry, ∂L/∂W_{1,1}.
constexpr bool sigma_for_sigma_prime_caught = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  auto g = gradproof::backward(net, x, s::y(), f);
  g.delta2 = gradproof::equations::delta2(g.delta1, net.U, f.h);
  g.dW = gradproof::equations::dW(g.delta2, x);
  g.db1 = gradproof::equations::db1(g.delta2);
  return caught(gradients_against_loss(gradproof::loss(net, x, s::y()), g), "dL/dW_{1,1}: not identical");
}();
static_assert(sigma_for_sigma_prime_caught);

// The twin: δ1 with the wrong sign reaches every entry; ∂L/∂W_{1,1} is the first named.
constexpr bool delta1_sign_caught = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  gradproof::Gradients<Expr, 3, 4> g{};
  g.delta1 = Expr() - gradproof::equations::delta1(f.y_hat, f.one_minus_y_hat, s::y());
  g.delta2 = gradproof::equations::delta2(g.delta1, net.U, f.sigma_prime);
  g.dW = gradproof::equations::dW(g.delta2, x);
  g.db1 = gradproof::equations::db1(g.delta2);
  g.dU = gradproof::equations::dU(g.delta1, f.h);
  g.db2 = gradproof::equations::db2(g.delta1);
  return caught(gradients_against_loss(gradproof::loss(net, x, s::y()), g), "dL/dW_{1,1}: not identical");
}();
static_assert(delta1_sign_caught);

// The twin: a wrong bias gradient, db1 taken as δ1 (the output's), named at ∂L/∂b1_1.
constexpr bool db1_as_delta1_caught = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  auto g = gradproof::backward(net, x, s::y());
  for (std::size_t i = 0; i < 4; ++i) g.db1(i, 0) = g.delta1;
  return caught(gradients_against_loss(gradproof::loss(net, x, s::y()), g), "dL/db1_1: not identical");
}();
static_assert(db1_as_delta1_caught);

// The twin: W's gradient transposed in its entries (dW_ij from x_i's place: δ2_j x_i where
// the shapes allow it; here row i, column j holds δ2_i x_((j + 1) mod 3), an index error).
constexpr bool x_index_caught = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  auto g = gradproof::backward(net, x, s::y());
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 3; ++j) g.dW(i, j) = g.delta2(0, i) * x((j + 1) % 3, 0);
  return caught(gradients_against_loss(gradproof::loss(net, x, s::y()), g), "dL/dW_{1,1}: not identical");
}();
static_assert(x_index_caught);

// ---- δ1 = ∂L/∂θ, δ2 = ∂L/∂z, with their shapes ---------------------------------------------------
// δ1: the library's loss as a function of θ (a variable t in θ's place), differentiated, then θ
// put back; against backward's δ1, a scalar.
constexpr auto delta1_is_dL_dtheta = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  const Expr t = s::named('t');
  const Expr dL_dtheta = s::substitute(s::derivative(gradproof::bce_with_logits(t, s::y()), t), t, f.theta);
  return s::check_identity("delta1 = dL/dtheta", gradproof::backward(net, x, s::y(), f).delta1, dL_dtheta);
}();
static_assert(s::identical<delta1_is_dL_dtheta>);  // [proof:symbolic_library_delta1]
// The slides' form of δ1, equations::delta1(ŷ, y) = ŷ − y, is the same function.
constexpr auto slides_delta1_is_dL_dtheta = [] {
  const auto net = network<3, 4>();
  const auto f = gradproof::forward(net, input<3>());
  const Expr t = s::named('t');
  const Expr dL_dtheta = s::substitute(s::derivative(gradproof::bce_with_logits(t, s::y()), t), t, f.theta);
  return s::check_identity("slides' delta1 = dL/dtheta", gradproof::equations::delta1(f.y_hat, s::y()), dL_dtheta);
}();
static_assert(s::identical<slides_delta1_is_dL_dtheta>);
static_assert(std::is_same_v<decltype(gradproof::Gradients<Expr, 3, 4>{}.delta1), Expr>);

/// δ2's entry i against ∂L/∂z_i. z as free variables s_1 … s_4: the library's network with W = 0
/// and b1 = s has z = W x + b1 = s exactly, so its loss is L as a function of z, and backward's
/// δ2 there is δ2 at every z. numpy_reading: the twin's δ2, the numpy reading of the slides'
/// δ1 U ∘ σ′(z) (a (1, 4) row times a (4, 1) column, erratum 3) as a row: its first row,
/// δ1 U_k σ′(z_1) for every k.
constexpr identity_report delta2_against_dL_dz(bool numpy_reading = false) {
  auto net = network<3, 4>();
  for (std::size_t i = 0; i < 4; ++i) {
    for (std::size_t j = 0; j < 3; ++j) net.W(i, j) = Expr();
    net.b1(i, 0) = s::named(static_cast<char>('a' + i));
  }
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  const auto g = gradproof::backward(net, x, s::y(), f);
  const Expr L = gradproof::loss(net, x, s::y());
  identity_report r{};
  for (std::size_t i = 0; i < 4; ++i) {
    Expr delta2_i = g.delta2(0, i);
    if (numpy_reading) delta2_i = g.delta1 * net.U(0, i) * f.sigma_prime(0, 0);
    s::text name;
    name.append("delta2_");
    name.append_number(i + 1);
    name.append(" = dL/dz_");
    name.append_number(i + 1);
    if (r = s::check_identity(name.view(), delta2_i, s::derivative(L, f.z(i, 0))); !r.holds) return r;
  }
  return r;
}
constexpr auto delta2_is_dL_dz = delta2_against_dL_dz();
static_assert(s::identical<delta2_is_dL_dz>);  // [proof:symbolic_library_delta2]
// Its shape: a (1, Hidden) row, not the column z is.
static_assert(std::is_same_v<decltype(gradproof::Gradients<Expr, 3, 4>{}.delta2), RowVector<Expr, 4>>);
static_assert(!std::is_same_v<decltype(gradproof::Gradients<Expr, 3, 4>{}.delta2), ColVector<Expr, 4>>);
// The twins: δ1 with the wrong sign is not ∂L/∂θ; δ2 read as numpy broadcasts the slides'
// δ1 U ∘ σ′(z) (a (1, 4) row times a (4, 1) column, erratum 3) fails at δ2_2.
static_assert([] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  const Expr t = s::named('t');
  const Expr dL_dtheta = s::substitute(s::derivative(gradproof::bce_with_logits(t, s::y()), t), t, f.theta);
  return !(-gradproof::backward(net, x, s::y(), f).delta1 == dL_dtheta);
}());
static_assert(caught(delta2_against_dL_dz(true), "delta2_2 = dL/dz_2:"));

}  // namespace
