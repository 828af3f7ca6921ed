// static_tests/symbolic_network.hpp: the slides' network written out for the symbolic proofs
// (symbolic_network_test.cpp, symbolic_shapes_test.cpp): θ = Σ_i U_i σ(z_i) + b2,
// z_i = Σ_j W_ij x_j + b1_i, L = softplus(θ) − θ y; the slides' closed forms of its gradients,
// with the faults the known-bad twins put in; and the sweep that checks every ∂L/∂Ω of a shape
// against them in one constant evaluation.
#ifndef GRADPROOF_STATIC_TESTS_SYMBOLIC_NETWORK_HPP
#define GRADPROOF_STATIC_TESTS_SYMBOLIC_NETWORK_HPP

#include <cstddef>
#include <string_view>

#include <gradproof/symbolic.hpp>

namespace symbolic_test {

using namespace gradproof::symbolic;

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

/// Every ∂L/∂Ω of the loss against the closed form, the hidden units from first_unit on (a
/// twin whose fault is in one unit starts there: the units before it were proven by the sweep
/// without the fault); the first that differs, or "identical".
template <std::size_t In, std::size_t Hidden>
constexpr identity_report all_gradients(fault f = fault::none, std::size_t first_unit = 0) {
  const Expr l = loss<In, Hidden>();
  const closed_form<In, Hidden> closed(f);
  for (std::size_t i = first_unit; i < Hidden; ++i) {
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

/// Whether a sweep's report names a failure at the entry label_start.
constexpr bool caught(const identity_report& r, std::string_view label_start) {
  return !r.holds && std::string_view(r.text, r.pieces * report_piece_length).starts_with(label_start);
}

/// Whether ∂L/∂v differs from the closed form with fault f (one entry, not a sweep).
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

}  // namespace symbolic_test

#endif  // GRADPROOF_STATIC_TESTS_SYMBOLIC_NETWORK_HPP
