// static_tests/symbolic_print_test.cpp: the symbolic scalar's printing, proven by the compiler
// (the printer is constexpr): the gradients in the slides' closed forms, named sub-expressions,
// and the words an identity's failure prints. Each expected string is the slides' formula in
// the printer's notation (docs/symbolic.md), written by hand; each has a twin that must differ.
#include <cstddef>
#include <string_view>

#include <gradproof/symbolic.hpp>

namespace {

using namespace gradproof::symbolic;

constexpr Expr z(std::size_t i) { return W(i, 0) * x(0) + W(i, 1) * x(1) + W(i, 2) * x(2) + b1(i); }
constexpr Expr theta() {
  Expr r = b2();
  for (std::size_t i = 0; i < 4; ++i) r += U(i) * sigmoid(z(i));
  return r;
}
constexpr Expr loss() {
  const Expr t = theta();
  return softplus(t) - t * y();
}
/// The slides' names: z_i, θ, ŷ = σ(θ).
constexpr print_options slide_names(style form = style::unicode) {
  const bool u = form == style::unicode;
  const Expr t = theta();
  return {form,
          {{z(0), "z_1"},
           {z(1), "z_2"},
           {z(2), "z_3"},
           {z(3), "z_4"},
           {t, u ? "\u03b8" : "theta"},
           {sigmoid(t), u ? "\u0177" : "y_hat"}}};
}

/// e printed with the slides' names equals `expected`.
constexpr bool prints(const Expr& e, std::string_view expected, style form = style::unicode) {
  text out;
  print(out, e, slide_names(form));
  return out.view() == expected;
}
constexpr bool prints_plain(const Expr& e, std::string_view expected) {
  text out;
  print(out, e);
  return out.view() == expected;
}

// ---- the gradients, factored as the slides write them ----------------------------------------
static_assert(prints(derivative(loss(), W(1, 2)), "(ŷ − y) U_2 σ(z_2) (1 − σ(z_2)) x_3"));  // [proof:symbolic_print_dW]
static_assert(prints(derivative(loss(), b1(3)), "(ŷ − y) U_4 σ(z_4) (1 − σ(z_4))"));
static_assert(prints(derivative(loss(), U(0)), "(ŷ − y) σ(z_1)"));
static_assert(prints(derivative(loss(), b2()), "ŷ − y"));
static_assert(prints(loss(), "softplus(θ) − y θ"));
static_assert(prints(W(1, 2) - eta() * derivative(loss(), W(1, 2)), "W_{2,3} − η (ŷ − y) U_2 σ(z_2) (1 − σ(z_2)) x_3"));
static_assert(prints(derivative(loss(), W(1, 2)), "(y_hat - y) U_2 sigma(z_2) (1 - sigma(z_2)) x_3", style::ascii));
// The twins: the printer shows a difference (another index, a lost factor).
static_assert(!prints(derivative(loss(), W(1, 2)), "(ŷ − y) U_2 σ(z_2) (1 − σ(z_2)) x_2"));
static_assert(!prints(derivative(loss(), W(1, 2)), "(ŷ − y) U_2 σ(z_2) x_3"));

// ---- without names: variables and atoms as they are -------------------------------------------
static_assert(prints_plain(z(1), "W_{2,1} x_1 + W_{2,2} x_2 + W_{2,3} x_3 + b1_2"));
static_assert(prints_plain(sigmoid(-named('t')), "1 − σ(t)"));
static_assert(prints_plain(softplus(1 - named('t')), "softplus(t − 1) + 1 − t"));
static_assert(prints_plain(Expr(rational(-3, 4)) * (named('t') - 1) * (named('s') + 2), "(3/4) (s + 2) (1 − t)"));
static_assert(prints_plain(power(named('t'), 2) * named('s') / 2 - 1, "(1/2) s t² − 1"));
static_assert(prints_plain((x_of(0, 1) * y_of(0) + x_of(1, 1) * y_of(1)) / 2, "(1/2) (y^(1) x_2^(1) + y^(2) x_2^(2))"));
static_assert(prints_plain(-(x_of(0, 1) + x_of(1, 1)) / 2, "−(1/2) (x_2^(1) + x_2^(2))"));
static_assert(prints_plain(Expr(), "0") && prints_plain(Expr(rational(-5, 2)), "−5/2"));
static_assert(!prints_plain(sigmoid(-named('t')), "σ(−t)"));  // twin: the canonical form is printed

// ---- the words of a failed identity -------------------------------------------------------------
// ∂L/∂W_{2,3} against a closed form without σ′'s (1 − σ(z_2)): lhs − rhs = −(ŷ − y) U_2 σ(z_2)² x_3,
// two terms, and the first in the canonical order is y U_2 σ(z_2)² x_3 (variables before
// atoms; its coefficient: +1 in ∂L/∂W_{2,3}, absent from the wrong closed form).
constexpr auto wrong_dW = [] {
  const Expr closed = (sigmoid(theta()) - y()) * U(1) * sigmoid(z(1)) * x(2);
  return check_identity("dL/dW_{2,3}", derivative(loss(), W(1, 2)), closed, slide_names(style::ascii));
}();
constexpr std::string_view words(const identity_report& r) { return {r.text, r.pieces * report_piece_length}; }
static_assert(!wrong_dW.holds);
static_assert(words(wrong_dW) ==
              "dL/dW_{2,3}: not identical;   "
              "lhs - rhs has 2 terms; the    "
              "first is y U_2 sigma(z_2)^2   "
              "x_3, coefficient 1 in lhs, 0  "
              "in rhs                        ");  // [proof:symbolic_report_words]
constexpr auto right_dW = [] {
  const Expr closed = (sigmoid(theta()) - y()) * U(1) * sigmoid_prime(z(1)) * x(2);
  return check_identity("dL/dW_{2,3}", derivative(loss(), W(1, 2)), closed);
}();
static_assert(right_dW.holds && words(right_dW) == "dL/dW_{2,3}: identical        ");
static_assert(identical<right_dW>);

}  // namespace
