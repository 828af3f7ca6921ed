// static_tests/symbolic_algebra_test.cpp: the symbolic scalar's algebra, proven by the compiler
// (include/gradproof/symbolic.hpp, docs/symbolic.md): exact constants, the ring laws on
// examples, the canonical form (one form for each way of writing a value), and the derivative
// rules. Each identity has a known-bad twin, a concrete wrong formula proven NOT identical, so
// that a canonical form that called everything equal would fail here.
#include <cstddef>

#include <gradproof/symbolic.hpp>

namespace {

using namespace gradproof::symbolic;

// Variables that are not the network's, for the algebra: t, s, u.
constexpr Expr t() { return named('t'); }
constexpr Expr s() { return named('s'); }
constexpr Expr u() { return named('u'); }

// ---- exact constants --------------------------------------------------------------------------
// A double is the dyadic rational it holds, exactly: 0.5 is 1/2, 0.1 is not 1/10.
static_assert(rational::exactly(0.5) == rational(1, 2));
static_assert(rational::exactly(-0.375) == rational(-3, 8));
static_assert(rational::exactly(0.1) ==
              rational(3602879701896397, std::int64_t{1} << 55));  // [proof:symbolic_double_exact]
static_assert(!(rational::exactly(0.1) == rational(1, 10)));       // its twin
static_assert(rational::exactly(1e18) == rational(1000000000000000000));
static_assert(rational(6, -4) == rational(-3, 2) && rational(-3, 2).den() == 2);  // lowest terms, den > 0
static_assert(rational(1, 3) + rational(1, 6) == rational(1, 2));
static_assert(rational(2, 3) * rational(9, 4) == rational(3, 2));
static_assert(rational(1, 2) / rational(-1, 4) == rational(-2));
static_assert([] {
  return Expr(0.5) * 2 == Expr(1) && Expr(3) / 4 == Expr(0.75) && Expr(0.25f) == Expr(rational(1, 4));
}());
static_assert([] { return !(Expr(0.1) * 10 == Expr(1)); }());  // 0.1 is not 1/10: no rounding hides it

// from_monomials canonicalises whatever it is given: factors in any order, a generator twice.
static_assert([] {
  const generator gt{variable{kind::named, 't'}, {}}, gs{variable{kind::named, 's'}, {}};
  monomial m{rational(2), 0, {}};
  m.factors.push_back(factor{gt, 1});
  m.factors.push_back(factor{gs, 1});
  m.factors.push_back(factor{gt, 2});
  return Expr::from_monomials({m, monomial{rational(-1), 0, {}}}) == 2 * power(t(), 3) * s() - 1;
}());

// The engine's array: appending one of its own elements while it grows copies it first (a
// constant evaluation rejects the read of freed storage that would happen otherwise).
static_assert([] {
  list<Expr> l;
  l.push_back(t());
  for (std::size_t k = 0; k < 6; ++k) l.push_back(l[k]);
  return l.size() == 7 && l[6] == t();
}());

// ---- ring laws on examples (with atoms among the generators) ---------------------------------
constexpr Expr p() { return 2 * t() * s() - sigmoid(t()) + Expr(rational(1, 3)); }
constexpr Expr q() { return s() * s() + softplus(t() - s()) * u() - 1; }
constexpr Expr r() { return sigmoid(u()) * t() + Expr(0.5); }
static_assert([] { return p() + q() == q() + p() && p() * q() == q() * p(); }());  // [proof:symbolic_commutative]
static_assert([] { return (p() + q()) + r() == p() + (q() + r()) && (p() * q()) * r() == p() * (q() * r()); }());
static_assert([] { return p() * (q() + r()) == p() * q() + p() * r(); }());  // [proof:symbolic_distributive]
static_assert([] { return p() - p() == Expr() && p() + 0 == p() && p() * 1 == p() && (p() * 0).is_zero(); }());
static_assert([] { return -(p() - q()) == q() - p() && (p() * q()) / 6 == p() * (q() / 6); }());
// The twins: a dropped cross term, a sign, and a law that does not hold.
static_assert([] { return !((p() + q()) * (p() + q()) == p() * p() + q() * q()); }());
static_assert([] { return !(p() - q() == q() - p()); }());
static_assert([] { return !(p() * (q() + r()) == p() * q() + r()); }());

// ---- the canonical form: one form for each way of writing a value ------------------------
// t (s + 1) == t s + t, whichever way round.
static_assert([] {
  return t() * (s() + 1) == t() * s() + t() && t() * s() + t() == (1 + s()) * t();
}());  // [proof:symbolic_canonical_expand]
static_assert([] { return !(t() * (s() + 1) == t() * s() + 1); }());
// σ(−t) = 1 − σ(t): the argument is made to lead with a positive coefficient.
static_assert([] { return sigmoid(-t()) == 1 - sigmoid(t()); }());  // [proof:symbolic_sigma_odd]
static_assert([] {
  return sigmoid(s() - t()) == 1 - sigmoid(t() - s()) && sigmoid(-2 * t() + 1) == 1 - sigmoid(2 * t() - 1);
}());
static_assert([] { return sigmoid(t()) + sigmoid(-t()) == Expr(1) && sigmoid(Expr()) == Expr(0.5); }());
static_assert([] { return !(sigmoid(-t()) == sigmoid(t())) && !(sigmoid(-t()) == -sigmoid(t())); }());  // twins
// softplus(−t) = softplus(t) − t.
static_assert([] {
  return softplus(-t()) == softplus(t()) - t() && softplus(t()) - softplus(-t()) == t();
}());  // [proof:symbolic_softplus_reflect]
static_assert([] { return !(softplus(-t()) == softplus(t()) + t()) && !(softplus(-t()) == softplus(t())); }());
// Atoms of different arguments are different generators: σ(2t) is not 2σ(t) nor σ(t)².
static_assert([] {
  return !(sigmoid(2 * t()) == 2 * sigmoid(t())) && !(sigmoid(2 * t()) == sigmoid(t()) * sigmoid(t()));
}());
// An atom's argument is canonical, however it was written.
static_assert([] {
  return sigmoid(t() * (s() + 1)) == sigmoid(s() * t() + t()) && sigmoid(t() + s()) == sigmoid(s() + t());
}());
// The binary cross-entropy of the slides from θ: −y log σ(θ) − (1 − y) log(1 − σ(θ)), with
// −log σ(θ) = softplus(−θ) and −log(1 − σ(θ)) = −log σ(−θ) = softplus(θ), is the loss
// gradproof trains on, softplus(θ) − θ y (bce_with_logits's mathematical function).
static_assert([] {
  return y() * softplus(-t()) + (1 - y()) * softplus(t()) == softplus(t()) - t() * y();
}());  // [proof:symbolic_bce_logits]
static_assert([] {
  return !(y() * softplus(t()) + (1 - y()) * softplus(-t()) == softplus(t()) - t() * y());
}());  // y and 1 − y swapped

// ---- derivatives ------------------------------------------------------------------------------
// Power and product rules.
static_assert([] { return derivative(t() * t() * t(), t()) == 3 * t() * t() && derivative(Expr(7), t()).is_zero(); }());
static_assert([] {
  return derivative(t() * s() * s() + u(), s()) == 2 * t() * s() && derivative(t() * s(), u()).is_zero();
}());  // [proof:symbolic_product_rule]
static_assert([] { return derivative(p() * q(), t()) == derivative(p(), t()) * q() + p() * derivative(q(), t()); }());
static_assert([] {
  return !(derivative(p() * q(), t()) == derivative(p(), t()) * derivative(q(), t()));
}());                                                                              // twin: no product rule
static_assert([] { return !(derivative(t() * s() * s(), s()) == t() * s()); }());  // twin: the 2 dropped
// σ′ = σ (1 − σ) = σ − σ², softplus′ = σ.
static_assert([] {
  return derivative(sigmoid(t()), t()) == sigmoid(t()) - sigmoid(t()) * sigmoid(t());
}());  // [proof:symbolic_sigma_prime]
static_assert([] { return derivative(sigmoid(t()), t()) == sigmoid_prime(t()); }());
static_assert([] { return derivative(softplus(t()), t()) == sigmoid(t()); }());    // [proof:symbolic_softplus_prime]
static_assert([] { return !(derivative(sigmoid(t()), t()) == sigmoid(t())); }());  // σ for σ′
static_assert([] { return !(derivative(sigmoid(t()), t()) == sigmoid(t()) * sigmoid(t()) - sigmoid(t())); }());  // sign
static_assert([] { return !(derivative(softplus(t()), t()) == 1 - sigmoid(t())); }());  // σ(−t) for σ(t)
// The rules agree with the canonical form: σ(−t)′ = −σ′(t), from 1 − σ(t); softplus(−t)′ = −σ(−t).
static_assert([] { return derivative(sigmoid(-t()), t()) == -sigmoid_prime(t()); }());
static_assert([] { return derivative(softplus(-t()), t()) == -sigmoid(-t()); }());
// The chain rule through atoms: ∂σ(a t + s²)/∂s = σ′ · 2s, and through two levels.
static_assert([] {
  const Expr a = 3 * t() + s() * s();
  return derivative(sigmoid(a), s()) == sigmoid_prime(a) * 2 * s() && derivative(softplus(a), t()) == 3 * sigmoid(a);
}());  // [proof:symbolic_chain_rule]
static_assert([] {
  const Expr inner = u() * sigmoid(t() * s());
  return derivative(softplus(inner + 1), t()) == sigmoid(inner + 1) * u() * sigmoid_prime(t() * s()) * s();
}());
static_assert([] {
  const Expr inner = u() * sigmoid(t() * s());
  return !(derivative(softplus(inner + 1), t()) ==
           sigmoid(inner + 1) * u() * sigmoid(t() * s()) * s());  // σ for σ′ inside
}());
// A derivative of a power of an atom: (σ²)′ = 2 σ σ′.
static_assert([] { return derivative(power(sigmoid(t()), 2), t()) == 2 * sigmoid(t()) * sigmoid_prime(t()); }());
static_assert([] { return derivative(power(softplus(t()), 3), t()) == 3 * power(softplus(t()), 2) * sigmoid(t()); }());
// The derivative is linear and commutes with the other variable's (Schwarz), also through atoms.
static_assert([] {
  const Expr f = softplus(t() * s() + u()) * sigmoid(s());
  return derivative(derivative(f, t()), s()) == derivative(derivative(f, s()), t());
}());  // [proof:symbolic_schwarz]

// ---- substitute, evaluate ---------------------------------------------------------------------
static_assert([] { return substitute(t() * t() + s(), t(), s() + 1) == s() * s() + 3 * s() + 1; }());
// Substituting into an atom re-canonicalises its argument: σ(t) with t = −s is 1 − σ(s).
static_assert([] { return substitute(sigmoid(t()), t(), -s()) == 1 - sigmoid(s()); }());
// evaluate: σ and softplus from gradproof::math at t = 0 (σ(0) = 1/2, softplus(0) = log 2 =
// 0.693147180559945309417..., DLMF 4.5.2's series or any table of ln 2).
static_assert([] {
  const double v = evaluate(sigmoid(t() * s()) + softplus(t() * s()) * 2, [](const variable&) { return 0.0; });
  const double expected = 0.5 + 2 * 0.6931471805599453;
  return v - expected < 1e-15 && expected - v < 1e-15;
}());

}  // namespace
