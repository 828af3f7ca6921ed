// static_tests/symbolic_network_test.cpp: the slides' gradients, proven for every input. The
// loss L = softplus(θ) − θ y of a network written out here (θ = Σ_i U_i σ(z_i) + b2,
// z_i = Σ_j W_ij x_j + b1_i) is differentiated by the symbolic scalar, and each derivative is
// identical to the slides' closed form: ∂L/∂W_ij = (σ(θ) − y) U_i σ(z_i)(1 − σ(z_i)) x_j,
// ∂L/∂b1_i = (σ(θ) − y) U_i σ(z_i)(1 − σ(z_i)), ∂L/∂U_i = (σ(θ) − y) σ(z_i), ∂L/∂b2 = σ(θ) − y.
// For one hidden unit by hand, then for the slides' 3-4-1 in one constant evaluation (the other
// shapes, the SGD step and the mini-batch: symbolic_shapes_test.cpp).
// Each fault a slide or a student can make (a sign, σ for σ′, a wrong index, the errata's
// σ′(z1) for σ′(z4), a wrong bias gradient) is a twin proven NOT identical.
//
// The network is written out here: these proofs are of the symbolic engine and of the slides'
// closed forms. gradproof's own forward() and backward() do not run on the symbolic type yet
// (docs/symbolic.md says what they need for it).
#include <cstddef>

#include <gradproof/symbolic.hpp>

#include "symbolic_network.hpp"

namespace {

using namespace gradproof::symbolic;

// ---- one hidden unit, by hand (In = 2, Hidden = 1) ---------------------------------------------
constexpr Expr z1() { return W(0, 0) * x(0) + W(0, 1) * x(1) + b1(0); }
constexpr Expr theta1() { return U(0) * sigmoid(z1()) + b2(); }
constexpr Expr loss1() { return softplus(theta1()) - theta1() * y(); }
// Backpropagation as the slides write it: δ1 = ŷ − y, δ2 = δ1 U σ′(z), then each gradient.
constexpr Expr delta1_hand() { return sigmoid(theta1()) - y(); }
constexpr Expr delta2_hand() { return delta1_hand() * U(0) * sigmoid(z1()) * (1 - sigmoid(z1())); }

// δ1 = ∂L/∂θ and δ2 = ∂L/∂z: the loss as a function of θ (a variable t in its place), and θ of z.
static_assert([] {
  const Expr t = named('t');
  const Expr l = softplus(t) - t * y();
  return substitute(derivative(l, t), t, theta1()) == delta1_hand();
}());  // [proof:symbolic_delta1]
static_assert([] {
  const Expr s = named('s');
  const Expr theta_of_z = U(0) * sigmoid(s) + b2();
  const Expr l = softplus(theta_of_z) - theta_of_z * y();
  return substitute(derivative(l, s), s, z1()) == delta2_hand();
}());  // [proof:symbolic_delta2]
constexpr auto one_unit_dW12 = [] {
  return check_identity("dL/dW_{1,2}", derivative(loss1(), W(0, 1)), delta2_hand() * x(1));
}();
constexpr auto one_unit_db1 = [] { return check_identity("dL/db1_1", derivative(loss1(), b1(0)), delta2_hand()); }();
constexpr auto one_unit_dU = [] {
  return check_identity("dL/dU_1", derivative(loss1(), U(0)), delta1_hand() * sigmoid(z1()));
}();
constexpr auto one_unit_db2 = [] { return check_identity("dL/db2", derivative(loss1(), b2()), delta1_hand()); }();
static_assert(identical<one_unit_dW12>);  // [proof:symbolic_one_unit_dW]
static_assert(identical<one_unit_db1>);
static_assert(identical<one_unit_dU>);
static_assert(identical<one_unit_db2>);
static_assert([] { return derivative(loss1(), W(0, 0)) == delta2_hand() * x(0); }());
// The twins, each a concrete wrong formula.
static_assert([] { return !(derivative(loss1(), b2()) == y() - sigmoid(theta1())); }());  // sign of δ1
static_assert([] {
  return !(derivative(loss1(), W(0, 1)) == delta1_hand() * U(0) * sigmoid(z1()) * x(1));
}());                                                                                                 // σ for σ′
static_assert([] { return !(derivative(loss1(), W(0, 1)) == delta2_hand() * x(0)); }());              // x_1 for x_2
static_assert([] { return !(derivative(loss1(), W(0, 1)) == delta2_hand()); }());                     // x dropped
static_assert([] { return !(derivative(loss1(), b1(0)) == delta1_hand()); }());                       // db1 = δ1
static_assert([] { return !(derivative(loss1(), U(0)) == delta1_hand()); }());                        // h dropped
static_assert([] { return !(derivative(loss1(), U(0)) == delta1_hand() * sigmoid_prime(z1())); }());  // σ′ for σ
static_assert([] {
  return !one_unit_dW12.holds || one_unit_dW12.pieces == 1;
}());  // the report of an identity is one line

// ---- the slides' 3-4-1 network: all 21 gradients in one constant evaluation ----------------
using namespace symbolic_test;
constexpr auto gradients_341 = all_gradients<3, 4>();
static_assert(identical<gradients_341>);  // [proof:symbolic_341_all_gradients]

// The twins: each fault is found, at the entry that carries it. The sweep's report names the
// entry (erratum 4); the others check the faulty entry alone (a sweep per twin costs seconds).
static_assert(caught(all_gradients<3, 4>(fault::erratum_4_row, 3), "dL/dW_{4,1}"));  // [proof:symbolic_erratum_4]
static_assert(differs<3, 4>(fault::erratum_2_db1, variable{kind::b1, 2}));           // [proof:symbolic_erratum_2]
static_assert(differs<3, 4>(fault::erratum_2_db1, variable{kind::b1, 3}));
static_assert(differs<3, 4>(fault::delta1_sign, variable{kind::U, 3}));
}  // namespace
