// static_tests/symbolic_errata_test.cpp: the errata of the slides (docs/errata.md), each proven
// wrong for every input: the formula as printed, built from gradproof's own forward pass on the
// symbolic scalar, is not identical to the derivative of gradproof's loss, and the report names
// the first entry that differs; the corrected formula (the library's) is identical
// (symbolic_library_test.cpp proves all of backward). Errata 1, 2, 3, 4 and 8's z = W x; 5 is a
// notation inconsistency and 6 a note (errata_test.cpp and the compile-fail cases prove what
// they say about shapes), 7 a citation and 8's "delta_1" typesetting: nothing algebraic.
#include <cstddef>

#include "symbolic_library.hpp"

namespace {

using namespace symbolic_library;
using gradproof::RowVector;

/// The gradients from a δ2 given as printed: dW, db1 from it, dU and db2 from δ1 (the library's).
constexpr Gradients<Expr, 3, 4> from_delta2(const Gradients<Expr, 3, 4>& g, const RowVector<Expr, 4>& delta2,
                                            const ColVector<Expr, 3>& x) {
  Gradients<Expr, 3, 4> r = g;
  r.delta2 = delta2;
  r.dW = gradproof::equations::dW(delta2, x);
  r.db1 = gradproof::equations::db1(delta2);
  return r;
}

// ---- erratum 1: ∂L/∂b2 does not share ∂L/∂z -----------------------------------------------------
// As printed, ∂L/∂b2 would contain the common part δ2 = ∂L/∂z; as one entry, Σ_i δ2_i.
constexpr auto erratum_1 = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto g = gradproof::backward(net, x, s::y());
  Expr through_z = g.delta2(0, 0);
  for (std::size_t i = 1; i < 4; ++i) through_z += g.delta2(0, i);
  return s::check_identity("dL/db2", s::derivative(gradproof::loss(net, x, s::y()), s::b2()), through_z);
}();
static_assert(caught(erratum_1, "dL/db2: not identical"));  // [proof:symbolic_erratum1]
// Corrected: ∂L/∂b2 = δ1 and ∂L/∂b1_i = δ2_i (in backward_3_4_1 of symbolic_library_test.cpp).

// ---- erratum 2: eq. (5)'s column σ′(z1), σ′(z2), σ′(z2), σ′(z2) ----------------------------------
constexpr auto erratum_2 = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  const auto g = gradproof::backward(net, x, s::y(), f);
  ColVector<Expr, 4> printed = f.sigma_prime;
  printed(2, 0) = f.sigma_prime(1, 0);
  printed(3, 0) = f.sigma_prime(1, 0);
  const auto delta2 = gradproof::equations::delta2(g.delta1, net.U, printed);
  return gradients_against_loss(gradproof::loss(net, x, s::y()), from_delta2(g, delta2, x));
}();
static_assert(caught(erratum_2, "dL/dW_{3,1}: not identical"));  // [proof:symbolic_erratum2]

// ---- erratum 3: δ1 U ∘ σ′(z), a (1, 4) row by a (4, 1) column -----------------------------------
// As printed it is no operation of the library (the shapes differ), on Expr as on double:
template <class A, class B>
concept hadamard_defined = requires(const A& a, const B& b) {
  gradproof::hadamard(a, b);
};
static_assert(!hadamard_defined<RowVector<Expr, 4>, ColVector<Expr, 4>>);  // [proof:symbolic_erratum3]
static_assert(hadamard_defined<RowVector<Expr, 4>, RowVector<Expr, 4>>);
// Read as numpy broadcasts it ((1, 4) ∘ (4, 1) is a (4, 4) matrix, docs/numpy_broadcasting_trap.py)
// and its first row taken as δ2: δ1 U_k σ′(z_1) for every k, wrong from the second unit on.
constexpr auto erratum_3 = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  const auto g = gradproof::backward(net, x, s::y(), f);
  RowVector<Expr, 4> first_row;
  for (std::size_t k = 0; k < 4; ++k) first_row(0, k) = g.delta1 * net.U(0, k) * f.sigma_prime(0, 0);
  return gradients_against_loss(gradproof::loss(net, x, s::y()), from_delta2(g, first_row, x));
}();
static_assert(caught(erratum_3, "dL/dW_{2,1}: not identical"));

// ---- erratum 4: eq. (7)'s last row of ∂L/∂W with σ′(z1) -----------------------------------------
constexpr auto erratum_4 = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  const auto f = gradproof::forward(net, x);
  auto g = gradproof::backward(net, x, s::y(), f);
  for (std::size_t j = 0; j < 3; ++j) g.dW(3, j) = g.delta1 * net.U(0, 3) * f.sigma_prime(0, 0) * x(j, 0);
  // Only the last row is as printed: the sweep starts at the fourth unit (the others are the
  // library's, proven in symbolic_library_test.cpp).
  return gradients_against_loss(gradproof::loss(net, x, s::y()), g, 3, 4);
}();
static_assert(caught(erratum_4, "dL/dW_{4,1}: not identical"));  // [proof:symbolic_erratum4]

// ---- erratum 8: slide 9's z = W x, without b1 ---------------------------------------------------
// Harmless for ∂z/∂W, as the slides use it: ∂(W x)_i/∂W_ij = ∂(W x + b1)_i/∂W_ij = x_j.
static_assert([] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  auto without_b1 = net;
  for (std::size_t i = 0; i < 4; ++i) without_b1.b1(i, 0) = Expr();
  const auto z = gradproof::forward(net, x).z;
  const auto z_printed = gradproof::forward(without_b1, x).z;
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t j = 0; j < 3; ++j)
      if (!(s::derivative(z(i, 0), s::W(i, j)) == s::derivative(z_printed(i, 0), s::W(i, j)))) return false;
  return true;
}());
// Not harmless in the forward pass: the gradients from σ′(W x) and ŷ of z = W x are not L's.
constexpr auto erratum_8 = [] {
  const auto net = network<3, 4>();
  const auto x = input<3>();
  auto without_b1 = net;
  for (std::size_t i = 0; i < 4; ++i) without_b1.b1(i, 0) = Expr();
  const auto g = gradproof::backward(net, x, s::y(), gradproof::forward(without_b1, x));
  return gradients_against_loss(gradproof::loss(net, x, s::y()), g);
}();
static_assert(caught(erratum_8, "dL/dW_{1,1}: not identical"));  // [proof:symbolic_erratum8]

}  // namespace
