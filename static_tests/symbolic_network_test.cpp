// static_tests/symbolic_network_test.cpp: the slides' gradients, proven for every input. The
// loss L = softplus(θ) − θ y of a network written out here (θ = Σ_i U_i σ(z_i) + b2,
// z_i = Σ_j W_ij x_j + b1_i) is differentiated by the symbolic scalar, and each derivative is
// identical to the slides' closed form: ∂L/∂W_ij = (σ(θ) − y) U_i σ(z_i)(1 − σ(z_i)) x_j,
// ∂L/∂b1_i = (σ(θ) − y) U_i σ(z_i)(1 − σ(z_i)), ∂L/∂U_i = (σ(θ) − y) σ(z_i), ∂L/∂b2 = σ(θ) − y.
// For one hidden unit by hand, then for 3-4-1, 2-3-1 and 4-2-1 in one constant evaluation each.
// Each fault a slide or a student can make (a sign, σ for σ′, a wrong index, the errata's
// σ′(z1) for σ′(z4), a wrong bias gradient, η applied twice) is a twin proven NOT identical.
//
// The network is written out here: these proofs are of the symbolic engine and of the slides'
// closed forms. gradproof's own forward() and backward() do not run on the symbolic type yet
// (docs/symbolic.md says what they need for it).
#include <cstddef>

#include <gradproof/network.hpp>
#include <gradproof/symbolic.hpp>
#include <gradproof/worked_example.hpp>

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

// ---- the slides' network and its shapes: all gradients in one constant evaluation ----------
template <std::size_t In>
constexpr Expr z(std::size_t i) {
  Expr r = b1(i);
  for (std::size_t j = 0; j < In; ++j) r += W(i, j) * x(j);
  return r;
}
template <std::size_t In, std::size_t Hidden>
constexpr Expr theta() {
  Expr r = b2();
  for (std::size_t i = 0; i < Hidden; ++i) r += U(i) * sigmoid(z<In>(i));
  return r;
}
template <std::size_t In, std::size_t Hidden>
constexpr Expr loss() {
  const Expr t = theta<In, Hidden>();
  return softplus(t) - t * y();
}

/// The slides' closed forms, with the faults the twins put in (none by default).
enum class fault { none, delta1_sign, sigma_for_sigma_prime, erratum_4_row, erratum_2_db1, x_index, db1_as_delta1 };

/// The slides' closed forms, each hidden unit's pieces made once (σ(z_i), σ′(z_i), δ2_i), with
/// the fault the twins put in (none by default).
template <std::size_t In, std::size_t Hidden>
struct closed_form {
  fault f = fault::none;
  Expr delta1{};
  list<Expr> sigma{}, delta2{};

  explicit constexpr closed_form(fault with = fault::none) : f(with) {
    delta1 = sigmoid(theta<In, Hidden>()) - y();
    if (f == fault::delta1_sign) delta1 = -delta1;
    for (std::size_t i = 0; i < Hidden; ++i) {
      sigma.push_back(sigmoid(z<In>(i)));
      Expr sigma_prime = sigma[i];  // not ?: on Expr values: docs/symbolic.md, g++ 12
      if (f != fault::sigma_for_sigma_prime) sigma_prime = sigma[i] * (1 - sigma[i]);
      delta2.push_back(delta1 * U(i) * sigma_prime);
    }
  }
  constexpr Expr dW(std::size_t i, std::size_t j) const {
    // Erratum 4: eq. (7)'s last row uses σ′(z1) where σ′(z4) belongs.
    if (f == fault::erratum_4_row && i == Hidden - 1) return delta1 * U(i) * sigma[0] * (1 - sigma[0]) * x(j);
    return delta2[i] * x(f == fault::x_index ? (j + 1) % In : j);
  }
  constexpr Expr db1(std::size_t i) const {
    // Erratum 2: eq. (5) repeats σ′(z2) where σ′(z3) and σ′(z4) belong.
    if (f == fault::erratum_2_db1 && i >= 2) return delta1 * U(i) * sigma[1] * (1 - sigma[1]);
    if (f == fault::db1_as_delta1) return delta1;
    return delta2[i];
  }
  constexpr Expr dU(std::size_t i) const { return delta1 * sigma[i]; }
  constexpr Expr db2() const { return delta1; }
};

constexpr void label(text& out, std::string_view parameter, std::size_t i, std::size_t j, bool two_indices) {
  out.append("dL/d");
  out.append(parameter);
  out.append(two_indices ? "_{" : "_");
  out.append_number(i + 1);
  if (two_indices) {
    out.append(',');
    out.append_number(j + 1);
    out.append('}');
  }
}

/// Every ∂L/∂Ω of the loss against the closed form; the first that differs, or "identical".
template <std::size_t In, std::size_t Hidden>
constexpr identity_report all_gradients(fault f = fault::none) {
  const Expr l = loss<In, Hidden>();
  const closed_form<In, Hidden> closed(f);
  for (std::size_t i = 0; i < Hidden; ++i) {
    for (std::size_t j = 0; j < In; ++j) {
      text name;
      label(name, "W", i, j, true);
      if (const auto r = check_identity(name.view(), derivative(l, W(i, j)), closed.dW(i, j)); !r.holds) return r;
    }
    text name_b1, name_U;
    label(name_b1, "b1", i, 0, false);
    label(name_U, "U", i, 0, false);
    if (const auto r = check_identity(name_b1.view(), derivative(l, b1(i)), closed.db1(i)); !r.holds) return r;
    if (const auto r = check_identity(name_U.view(), derivative(l, U(i)), closed.dU(i)); !r.holds) return r;
  }
  text all;
  all.append("all ");
  all.append_number(Hidden * In + 2 * Hidden + 1);
  all.append(" gradients");
  return check_identity(all.view(), derivative(l, b2()), closed.db2());
}

constexpr auto gradients_341 = all_gradients<3, 4>();
constexpr auto gradients_231 = all_gradients<2, 3>();
constexpr auto gradients_421 = all_gradients<4, 2>();
static_assert(identical<gradients_341>);  // [proof:symbolic_341_all_gradients]
static_assert(identical<gradients_231>);
static_assert(identical<gradients_421>);

// The twins: each fault is found, at the entry that carries it. The sweep's report names the
// entry (erratum 4); the others check the faulty entry alone (a sweep per twin costs seconds).
constexpr bool caught(const identity_report& r, std::string_view label_start) {
  return !r.holds && std::string_view(r.text, r.pieces * report_piece_length).starts_with(label_start);
}
static_assert(caught(all_gradients<3, 4>(fault::erratum_4_row), "dL/dW_{4,1}"));  // [proof:symbolic_erratum_4]
template <std::size_t In, std::size_t Hidden>
constexpr bool differs(fault f, const variable& v) {
  const Expr l = loss<In, Hidden>();
  const closed_form<In, Hidden> wrong(f);
  const Expr d = derivative(l, v);
  switch (v.k) {
    case kind::W:
      return !(d == wrong.dW(v.i, v.j));
    case kind::b1:
      return !(d == wrong.db1(v.i));
    case kind::U:
      return !(d == wrong.dU(v.i));
    default:
      return !(d == wrong.db2());
  }
}
static_assert(differs<3, 4>(fault::erratum_2_db1, variable{kind::b1, 2}));  // [proof:symbolic_erratum_2]
static_assert(differs<3, 4>(fault::erratum_2_db1, variable{kind::b1, 3}));
static_assert(differs<2, 3>(fault::delta1_sign, variable{kind::b2}));
static_assert(differs<2, 3>(fault::sigma_for_sigma_prime, variable{kind::W, 1, 0}));
static_assert(differs<2, 3>(fault::x_index, variable{kind::W, 2, 1}));
static_assert(differs<2, 3>(fault::db1_as_delta1, variable{kind::b1, 0}));

// ---- the SGD step: Ω − η ∂L/∂Ω, entry by entry, and η applied twice is not it ---------------
static_assert([] {
  const Expr l = loss<2, 3>();
  const closed_form<2, 3> closed;
  const Expr step = W(1, 0) - eta() * derivative(l, W(1, 0));
  return step == W(1, 0) - eta() * closed.dW(1, 0) && !(step == W(1, 0) - eta() * eta() * closed.dW(1, 0)) &&
         !(step == W(1, 0) + eta() * closed.dW(1, 0));
}());  // [proof:symbolic_sgd_entry]

// ---- the mini-batch mean: the derivative of the mean loss is the mean of the gradients -----
template <std::size_t Sample>
constexpr Expr theta_of() {  // 2-2-1, sample s's x and y
  Expr r = b2();
  for (std::size_t i = 0; i < 2; ++i)
    r += U(i) * sigmoid(W(i, 0) * x_of(Sample, 0) + W(i, 1) * x_of(Sample, 1) + b1(i));
  return r;
}
static_assert([] {
  const Expr t0 = theta_of<0>(), t1 = theta_of<1>();
  const Expr mean_loss = (softplus(t0) - t0 * y_of(0) + softplus(t1) - t1 * y_of(1)) / 2;
  const Expr z0 = W(1, 0) * x_of(0, 0) + W(1, 1) * x_of(0, 1) + b1(1);
  const Expr z1 = W(1, 0) * x_of(1, 0) + W(1, 1) * x_of(1, 1) + b1(1);
  const Expr mean_dW = ((sigmoid(t0) - y_of(0)) * U(1) * sigmoid_prime(z0) * x_of(0, 1) +
                        (sigmoid(t1) - y_of(1)) * U(1) * sigmoid_prime(z1) * x_of(1, 1)) *
                       Expr(rational(1, 2));
  return derivative(mean_loss, W(1, 1)) == mean_dW && !(derivative(mean_loss, W(1, 1)) == mean_dW * 2);
}());  // [proof:symbolic_minibatch_mean]

// ---- evaluated at the docs' worked example, the exact gradient is gradproof's number ---------
// The worked example's entries are multiples of 1/64 (worked_example.hpp), so the Expr
// constants are exact; the evaluation rounds (σ, products), hence a relative tolerance.
namespace we = gradproof::worked_example;
constexpr double value_at_worked_example(const variable& v) {
  switch (v.k) {
    case kind::W:
      return we::net<double>.W(v.i, v.j);
    case kind::b1:
      return we::net<double>.b1(v.i, 0);
    case kind::U:
      return we::net<double>.U(0, v.i);
    case kind::b2:
      return we::net<double>.b2;
    case kind::x:
      return we::x<double>(v.i, 0);
    case kind::y:
      return we::y<double>;
    default:
      return 0.0;
  }
}
constexpr bool close(double a, double b) {
  const double d = a - b, scale = (a < 0 ? -a : a) + (b < 0 ? -b : b);
  return (d < 0 ? -d : d) <= 1e-13 * scale;
}
constexpr auto g = gradproof::backward(we::net<double>, we::x<double>, we::y<double>);
static_assert([] {
  const Expr l = loss<3, 4>();
  return close(evaluate(derivative(l, W(1, 2)), value_at_worked_example), g.dW(1, 2)) &&
         close(evaluate(derivative(l, b1(3)), value_at_worked_example), g.db1(3, 0)) &&
         close(evaluate(derivative(l, U(0)), value_at_worked_example), g.dU(0, 0)) &&
         close(evaluate(derivative(l, b2()), value_at_worked_example), g.db2) &&
         !close(evaluate(derivative(l, W(1, 2)), value_at_worked_example), g.dW(2, 1));  // twin: another entry
}());  // [proof:symbolic_worked_example_values]

}  // namespace
