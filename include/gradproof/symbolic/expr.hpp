// gradproof/symbolic/expr.hpp: the symbolic scalar. An Expr is a polynomial with exact
// rational coefficients over generators; a generator is one of the network's variables (W, b1,
// U, b2, x, y, eta) or an atom, σ(t) or softplus(t) of a polynomial t. All of it is constexpr
// (C++20 transient allocation), so the compiler itself adds, multiplies and differentiates.
//
// Canonical form (so that equality is decided exactly, by comparing members):
// - a polynomial is its monomials sorted by the monomial order below, with no two alike and no
//   coefficient 0; 0 is the empty polynomial;
// - a monomial is a nonzero rational coefficient (rational.hpp: lowest terms, den > 0) and its
//   factors (generator, exponent >= 1) sorted by the generator order, no generator twice;
// - generators: variables before atoms; variables by kind (W, b1, U, b2, x, y, eta, named) then
//   indices; atoms by function (σ before softplus) then argument, compared as polynomials;
// - monomials: higher total degree first (an atom counts 1), then lexicographically by factors
//   (the smaller generator first, then the higher exponent first), then the longer first;
// - an atom's argument is canonical and its leading (first) monomial has a positive
//   coefficient: σ(−t) is rewritten 1 − σ(t) and softplus(−t) is softplus(t) − t, so the two
//   ways of writing each have one form; σ(0) is 1/2.
// The rules are identities, so equal canonical forms are the same function (always). Why
// different forms are different functions, and when that needs a hypothesis: docs/symbolic.md.
#ifndef GRADPROOF_SYMBOLIC_EXPR_HPP
#define GRADPROOF_SYMBOLIC_EXPR_HPP

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "../detail/fp.hpp"
#include "../math.hpp"
#include "list.hpp"
#include "rational.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof::symbolic {

namespace error {
[[noreturn]] inline void the_derivative_is_taken_with_respect_to_an_expression_that_is_not_a_variable() {
  throw std::domain_error(
      "gradproof::symbolic: derivative(e, v) takes a variable as v (W(i, j), b1(i), U(i), b2(), x(j), y(), eta(), "
      "named(c)), not an expression");
}
}  // namespace error

/// The kinds of variable, in their canonical order (the slides' symbols; `named` is a letter,
/// for expressions that are not the network's, such as the proofs' t).
enum class kind : std::uint8_t { W, b1, U, b2, x, y, eta, named };

/// One variable: its kind and 0-based indices (W(i, j): row i, column j; b1, U, x: entry i;
/// named: i is the letter), and for x and y of a mini-batch, which sample. Printed 1-based, as
/// the slides index.
struct variable {
  kind k = kind::named;
  std::size_t i = 0;
  std::size_t j = 0;
  std::size_t sample = 0;  ///< 0: the one sample; s >= 1: sample s of a mini-batch (x_3^(s), y^(s))
  friend constexpr bool operator==(const variable&, const variable&) = default;
};

constexpr int compare(const variable& a, const variable& b) noexcept {
  if (a.k != b.k) return a.k < b.k ? -1 : 1;
  if (a.sample != b.sample) return a.sample < b.sample ? -1 : 1;
  if (a.i != b.i) return a.i < b.i ? -1 : 1;
  if (a.j != b.j) return a.j < b.j ? -1 : 1;
  return 0;
}

/// The function symbols of atoms: the logistic σ(t) = 1 / (1 + e^−t) and softplus(t) =
/// log(1 + e^t), the loss's function (bce_with_logits(θ, y) = softplus(θ) − θ y).
enum class function : std::uint8_t { sigma, softplus };

class Expr;
struct atom_node;
namespace detail {
constexpr Expr atom(function f, Expr argument);
}  // namespace detail

/// Shared ownership of an immutable atom, by reference count: copying an expression copies its
/// atoms' handles, not their arguments (the network's σ(θ) holds θ, which holds every σ(z_i)).
class atom_ref {
 public:
  constexpr atom_ref() noexcept = default;
  constexpr atom_ref(const atom_ref& other) noexcept;
  constexpr atom_ref(atom_ref&& other) noexcept : node_(std::exchange(other.node_, nullptr)) {}
  constexpr atom_ref& operator=(atom_ref other) noexcept {
    std::swap(node_, other.node_);
    return *this;
  }
  constexpr ~atom_ref();
  constexpr const atom_node* get() const noexcept { return node_; }
  /// The node itself: comparison records in it which other node it equals (shallow const: the
  /// node's value never changes).
  constexpr atom_node* node() const noexcept { return node_; }

 private:
  // Only detail::atom makes atoms, from sigmoid() and softplus(), which canonicalise the argument.
  friend constexpr Expr detail::atom(function f, Expr argument);
  constexpr atom_ref(function f, Expr argument);
  atom_node* node_ = nullptr;
};

/// A variable, or (when `atom` holds one) an atom.
struct generator {
  variable var{};
  atom_ref atom{};
  constexpr bool is_atom() const noexcept { return atom.get() != nullptr; }
};

/// generator^exponent, exponent >= 1.
struct factor {
  generator g{};
  std::size_t exponent = 1;
};

/// The most distinct generators in one monomial. The network's SGD step needs 5
/// (η ŷ U_i σ(z_i)² x_j, from W_ij − η ∂L/∂W_ij). Stored inline: see list.hpp.
#if !defined(GRADPROOF_SYMBOLIC_MAX_FACTORS)
#define GRADPROOF_SYMBOLIC_MAX_FACTORS 8
#endif
inline constexpr std::size_t max_factors = GRADPROOF_SYMBOLIC_MAX_FACTORS;

/// coefficient × Π factors; degree = Σ exponents.
struct monomial {
  rational coefficient{};
  std::size_t degree = 0;
  inline_list<factor, max_factors> factors{};
};

constexpr int compare(const Expr& a, const Expr& b);

constexpr int compare(const generator& a, const generator& b);

/// The monomial order on the factors alone (the coefficient is not compared).
constexpr int compare_powers(const monomial& a, const monomial& b) {
  if (a.degree != b.degree) return a.degree > b.degree ? -1 : 1;
  const std::size_t n = a.factors.size() < b.factors.size() ? a.factors.size() : b.factors.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (const int c = compare(a.factors[k].g, b.factors[k].g); c != 0) return c;
    if (a.factors[k].exponent != b.factors[k].exponent) return a.factors[k].exponent > b.factors[k].exponent ? -1 : 1;
  }
  if (a.factors.size() != b.factors.size()) return a.factors.size() > b.factors.size() ? -1 : 1;
  return 0;
}

namespace detail {
/// The product of two monomials: the factor lists merged, equal generators' exponents added.
constexpr monomial multiply(const monomial& a, const monomial& b) {
  monomial r{a.coefficient * b.coefficient, a.degree + b.degree, {}};
  r.factors.reserve(a.factors.size() + b.factors.size());
  std::size_t i = 0, j = 0;
  while (i < a.factors.size() && j < b.factors.size()) {
    const int c = compare(a.factors[i].g, b.factors[j].g);
    if (c < 0) {
      r.factors.push_back(a.factors[i++]);
    } else if (c > 0) {
      r.factors.push_back(b.factors[j++]);
    } else {
      r.factors.push_back(factor{a.factors[i].g, a.factors[i].exponent + b.factors[j].exponent});
      ++i;
      ++j;
    }
  }
  while (i < a.factors.size()) r.factors.push_back(a.factors[i++]);
  while (j < b.factors.size()) r.factors.push_back(b.factors[j++]);
  return r;
}

/// m with its factors sorted by the generator order, a generator twice made one factor (its
/// exponents added), exponents 0 dropped, and its degree recomputed.
constexpr monomial canonical(monomial m) {
  monomial r{m.coefficient, 0, {}};
  for (const factor& f : m.factors) {
    if (f.exponent == 0) continue;
    monomial single{rational(1), f.exponent, {}};
    single.factors.push_back(f);
    r = multiply(r, single);
  }
  return r;
}

template <std::integral I>
constexpr std::int64_t to_int64(I n) {
  if constexpr (std::is_signed_v<I>) {
    const std::int64_t wide = n;
    return wide;
  } else {
    const std::uint64_t wide = n;
    if (wide > static_cast<std::uint64_t>(int64_max)) error::the_integer_constant_does_not_fit_64_bits();
    return static_cast<std::int64_t>(wide);
  }
}
}  // namespace detail

/// The symbolic scalar (see the top of this file). A value type; +, −, × and division by a
/// nonzero constant are exact; == decides identity. No <, <=, >, >=: an expression is a
/// function of the variables, which has no order, so code that branches on a value must be
/// given the mathematical function instead (docs/symbolic.md lists the library's branches).
class Expr {
 public:
  constexpr Expr() = default;   ///< 0
  constexpr Expr(rational c) {  // NOLINT: implicit, like the library's T(0), T(1)
    if (!c.is_zero()) terms_.push_back(monomial{c, 0, {}});
  }
  template <std::integral I>
  requires(!std::same_as<I, bool>) constexpr Expr(I n)
      : Expr(rational(detail::to_int64(n))) {}              // NOLINT: implicit, exact
  constexpr Expr(double d) : Expr(rational::exactly(d)) {}  // NOLINT: implicit, exact (a dyadic rational)
  constexpr Expr(float f) : Expr(rational::exactly(static_cast<double>(f))) {}  // NOLINT: implicit, exact
  // The compiler echoes a deleted declaration's line, so each comment stays on its line.
  // clang-format off
  Expr(long double) = delete;  // long double has no portable layout to read exactly: write a double, an integer or a rational(p, q)
  Expr(bool) = delete;         // a bool is not a number of the network: write 0 or 1
  // clang-format on

  /// The polynomial made of one generator.
  static constexpr Expr of(generator g) {
    Expr e;
    monomial m{rational(1), 1, {}};
    m.factors.push_back(factor{std::move(g), 1});
    e.terms_.push_back(std::move(m));
    return e;
  }
  static constexpr Expr of(const variable& v) { return of(generator{v, {}}); }
  /// Canonical form of any list of monomials: each monomial's factors sorted (a generator twice
  /// is one factor, its exponents added; exponent 0 dropped), the monomials sorted, alike ones
  /// combined, zeros dropped.
  static constexpr Expr from_monomials(list<monomial> raw) {
    for (monomial& m : raw) m = detail::canonical(std::move(m));
    sort(raw, [](const monomial& a, const monomial& b) { return compare_powers(a, b) < 0; });
    Expr e;
    e.terms_.reserve(raw.size());
    for (monomial& m : raw) {
      if (!e.terms_.empty() && compare_powers(e.terms_.back(), m) == 0) {
        e.terms_.back().coefficient = e.terms_.back().coefficient + m.coefficient;
        if (e.terms_.back().coefficient.is_zero()) e.terms_.pop_back();
      } else if (!m.coefficient.is_zero()) {
        e.terms_.push_back(std::move(m));
      }
    }
    return e;
  }

  constexpr const list<monomial>& terms() const noexcept { return terms_; }
  constexpr bool is_zero() const noexcept { return terms_.empty(); }
  constexpr bool is_constant() const noexcept {
    return terms_.empty() || (terms_.size() == 1 && terms_[0].degree == 0);
  }
  /// The value of a constant expression; the named error if it is not one.
  constexpr rational constant_value() const {
    if (!is_constant()) error::the_expression_is_not_a_constant();
    return terms_.empty() ? rational() : terms_[0].coefficient;
  }
  /// The coefficient of the first monomial in the canonical order (0 for 0).
  constexpr rational leading_coefficient() const noexcept {
    return terms_.empty() ? rational() : terms_[0].coefficient;
  }

  friend constexpr Expr operator-(const Expr& a) {
    Expr r = a;
    for (monomial& m : r.terms_) m.coefficient = -m.coefficient;
    return r;
  }
  /// The two sorted lists merged: no sort needed.
  friend constexpr Expr operator+(const Expr& a, const Expr& b) { return merge(a, b, false); }
  friend constexpr Expr operator-(const Expr& a, const Expr& b) { return merge(a, b, true); }
  friend constexpr Expr operator*(const Expr& a, const Expr& b) {
    if (a.is_zero() || b.is_zero()) return Expr();
    if (b.is_constant()) return a.scaled(b.terms_[0].coefficient);  // the order is kept
    if (a.is_constant()) return b.scaled(a.terms_[0].coefficient);
    // The order is a monomial order (graded, then lexicographic on exponents), so multiplying a
    // sorted polynomial by one monomial keeps it sorted and its terms distinct: the product is
    // the sum of a × (each term of b), each already canonical, merged.
    const Expr& longer = a.terms_.size() >= b.terms_.size() ? a : b;
    const Expr& shorter = a.terms_.size() >= b.terms_.size() ? b : a;
    Expr r = longer.times(shorter.terms_[0]);
    for (std::size_t k = 1; k < shorter.terms_.size(); ++k) r = r + longer.times(shorter.terms_[k]);
    return r;
  }
  /// Division by a nonzero constant only (the mini-batch mean's 1/B): the named error otherwise.
  friend constexpr Expr operator/(const Expr& a, const Expr& b) {
    if (b.is_zero()) error::division_by_zero();
    if (!b.is_constant()) error::division_by_an_expression_that_is_not_a_constant();
    return a.scaled(rational(1) / b.terms_[0].coefficient);
  }
  constexpr Expr& operator+=(const Expr& b) { return *this = *this + b; }
  constexpr Expr& operator-=(const Expr& b) { return *this = *this - b; }
  constexpr Expr& operator*=(const Expr& b) { return *this = *this * b; }
  constexpr Expr& operator/=(const Expr& b) { return *this = *this / b; }

  /// Identity of the two functions, decided on the canonical forms.
  friend constexpr bool operator==(const Expr& a, const Expr& b) { return compare(a, b) == 0; }
  // No order: an expression is a function of the variables. Code that branches on a value (the
  // library's max(θ, 0), |θ|, its bad-input checks, σ's tails) must give this type the
  // mathematical function instead, e.g. the loss as softplus(θ) − θ y (docs/symbolic.md).
  // The compiler echoes a deleted declaration's line, so each comment stays on its line.
  // clang-format off
  friend bool operator<(const Expr&, const Expr&) = delete;   // an expression has no order: give this type branch-free math (the loss: softplus(theta) - theta * y)
  friend bool operator>(const Expr&, const Expr&) = delete;   // an expression has no order: give this type branch-free math (the loss: softplus(theta) - theta * y)
  friend bool operator<=(const Expr&, const Expr&) = delete;  // an expression has no order: give this type branch-free math (the loss: softplus(theta) - theta * y)
  friend bool operator>=(const Expr&, const Expr&) = delete;  // an expression has no order: give this type branch-free math (the loss: softplus(theta) - theta * y)
  // clang-format on

 private:
  friend constexpr Expr derivative(const Expr& e, const variable& v);
  /// The polynomial made of one canonical monomial (0 if its coefficient is).
  static constexpr Expr of_canonical(monomial m) {
    Expr e;
    if (!m.coefficient.is_zero()) e.terms_.push_back(std::move(m));
    return e;
  }
  /// This polynomial times one canonical monomial: canonical as it stands, since the order is a
  /// monomial order (a < b implies a m < b m, and distinct terms stay distinct).
  constexpr Expr times(const monomial& m) const {
    Expr r;
    r.terms_.reserve(terms_.size());
    for (const monomial& t : terms_) r.terms_.push_back(detail::multiply(t, m));
    return r;
  }
  /// a + b, or a − b: the sorted term lists merged, alike terms combined.
  static constexpr Expr merge(const Expr& a, const Expr& b, bool subtract) {
    Expr r;
    r.terms_.reserve(a.terms_.size() + b.terms_.size());
    std::size_t i = 0, j = 0;
    while (i < a.terms_.size() && j < b.terms_.size()) {
      const int c = compare_powers(a.terms_[i], b.terms_[j]);
      if (c < 0) {
        r.terms_.push_back(a.terms_[i++]);
      } else if (c > 0) {
        r.terms_.push_back(b.terms_[j++]);
        if (subtract) r.terms_.back().coefficient = -r.terms_.back().coefficient;
      } else {
        const rational& p = a.terms_[i].coefficient;
        const rational& q = b.terms_[j].coefficient;
        const rational sum = subtract ? p - q : p + q;
        if (!sum.is_zero()) {
          r.terms_.push_back(a.terms_[i]);
          r.terms_.back().coefficient = sum;
        }
        ++i;
        ++j;
      }
    }
    while (i < a.terms_.size()) r.terms_.push_back(a.terms_[i++]);
    while (j < b.terms_.size()) {
      r.terms_.push_back(b.terms_[j++]);
      if (subtract) r.terms_.back().coefficient = -r.terms_.back().coefficient;
    }
    return r;
  }
  constexpr Expr scaled(const rational& c) const {
    if (c.is_zero()) return Expr();
    Expr r = *this;
    for (monomial& m : r.terms_) m.coefficient = m.coefficient * c;
    return r;
  }
  list<monomial> terms_{};
};

/// What an atom is: its function and its canonical argument.
struct atom_node {
  function f;
  Expr argument;
  std::size_t references = 1;
  /// A node that comparison found equal to this one, held by a reference (union-find: follow
  /// same_as to the representative). Equal atoms built apart (the loss's σ(z_2) and a closed
  /// form's) are compared argument by argument once; after that, by their representative.
  atom_node* same_as = nullptr;
  constexpr ~atom_node();
};

namespace detail {
constexpr void release(atom_node* node) {
  if (node != nullptr && --node->references == 0) delete node;
}
constexpr atom_node* representative(atom_node* node) {
  while (node->same_as != nullptr) node = node->same_as;
  return node;
}
}  // namespace detail

constexpr atom_node::~atom_node() { detail::release(same_as); }
constexpr atom_ref::atom_ref(function f, Expr argument) : node_(new atom_node{f, std::move(argument), 1, nullptr}) {}
constexpr atom_ref::atom_ref(const atom_ref& other) noexcept : node_(other.node_) {
  if (node_ != nullptr) ++node_->references;
}
constexpr atom_ref::~atom_ref() { detail::release(node_); }

constexpr int compare(const generator& a, const generator& b) {
  if (a.is_atom() != b.is_atom()) return a.is_atom() ? 1 : -1;
  if (!a.is_atom()) return compare(a.var, b.var);
  atom_node* p = detail::representative(a.atom.node());
  atom_node* q = detail::representative(b.atom.node());
  if (p == q) return 0;  // one atom, or two found equal before
  if (p->f != q->f) return p->f < q->f ? -1 : 1;
  const int c = compare(p->argument, q->argument);
  if (c == 0) {  // remember it: p's representative is q from now on
    ++q->references;
    p->same_as = q;
  }
  return c;
}

/// The order of canonical polynomials: monomial by monomial (powers, then coefficient), then
/// the longer first. 0 means identical.
constexpr int compare(const Expr& a, const Expr& b) {
  const auto& s = a.terms();
  const auto& t = b.terms();
  const std::size_t n = s.size() < t.size() ? s.size() : t.size();
  for (std::size_t k = 0; k < n; ++k) {
    if (const int c = compare_powers(s[k], t[k]); c != 0) return c;
    const rational& p = s[k].coefficient;
    const rational& q = t[k].coefficient;
    if (!(p == q)) return (q - p).is_negative() ? 1 : -1;
  }
  if (s.size() != t.size()) return s.size() > t.size() ? -1 : 1;
  return 0;
}

// ---- the variables ---------------------------------------------------------------------------
/// W(i, j), 0-based like the library's W(i, j); printed W_{i+1,j+1}.
constexpr Expr W(std::size_t i, std::size_t j) { return Expr::of(variable{kind::W, i, j}); }
constexpr Expr b1(std::size_t i) { return Expr::of(variable{kind::b1, i, 0}); }
constexpr Expr U(std::size_t i) { return Expr::of(variable{kind::U, i, 0}); }
constexpr Expr b2() { return Expr::of(variable{kind::b2, 0, 0}); }
constexpr Expr x(std::size_t j) { return Expr::of(variable{kind::x, j, 0}); }
constexpr Expr y() { return Expr::of(variable{kind::y, 0, 0}); }
/// x_j and y of sample s (0-based) of a mini-batch; printed x_{j+1}^(s+1), y^(s+1).
constexpr Expr x_of(std::size_t s, std::size_t j) { return Expr::of(variable{kind::x, j, 0, s + 1}); }
constexpr Expr y_of(std::size_t s) { return Expr::of(variable{kind::y, 0, 0, s + 1}); }
constexpr Expr eta() { return Expr::of(variable{kind::eta, 0, 0}); }
/// A variable named by one letter, e.g. named('t'), for expressions that are not the network's.
constexpr Expr named(char letter) { return Expr::of(variable{kind::named, static_cast<unsigned char>(letter), 0}); }

/// The variable that e is, or the named error when e is not a single variable.
constexpr variable as_variable(const Expr& e) {
  const auto& t = e.terms();
  if (t.size() != 1 || t[0].degree != 1 || !t[0].coefficient.is_one() || t[0].factors[0].g.is_atom())
    error::the_derivative_is_taken_with_respect_to_an_expression_that_is_not_a_variable();
  return t[0].factors[0].g.var;
}

// ---- the atoms -------------------------------------------------------------------------------
namespace detail {
constexpr Expr atom(function f, Expr argument) {
  return Expr::of(generator{variable{}, atom_ref(f, std::move(argument))});
}
}  // namespace detail

/// σ(t) = 1 / (1 + e^−t), canonical: σ(0) = 1/2, σ(−t) = 1 − σ(t).
constexpr Expr sigmoid(const Expr& t) {
  if (t.is_zero()) return Expr(rational(1, 2));
  if (t.leading_coefficient().is_negative()) return Expr(1) - detail::atom(function::sigma, -t);
  return detail::atom(function::sigma, t);
}

/// softplus(t) = log(1 + e^t), canonical: softplus(−t) = softplus(t) − t. softplus(0) = log 2
/// stays an atom (a transcendental constant).
constexpr Expr softplus(const Expr& t) {
  if (t.leading_coefficient().is_negative()) return detail::atom(function::softplus, -t) + t;
  return detail::atom(function::softplus, t);
}

/// σ′(t) = σ(t) (1 − σ(t)).
constexpr Expr sigmoid_prime(const Expr& t) {
  const Expr s = sigmoid(t);
  return s * (Expr(1) - s);
}

/// Apply an atom's function (canonicalising the argument).
constexpr Expr apply(function f, const Expr& t) {
  if (f == function::sigma) return sigmoid(t);  // not ?: between Expr prvalues (see substitute)
  return softplus(t);
}

// ---- derivative, substitution, evaluation ---------------------------------------------------
/// Whether e depends on v (through a factor or inside an atom's argument).
constexpr bool depends_on(const Expr& e, const variable& v) {
  for (const monomial& m : e.terms())
    for (const factor& f : m.factors)
      if (f.g.is_atom() ? depends_on(f.g.atom.get()->argument, v) : f.g.var == v) return true;
  return false;
}

namespace detail {
/// m with factor k's exponent raised or lowered by 1 (the factor dropped at 0).
constexpr monomial with_exponent_changed(const monomial& m, std::size_t k, bool raise) {
  monomial r = m;
  if (raise) {
    ++r.factors[k].exponent;
    ++r.degree;
  } else {
    --r.degree;
    if (--r.factors[k].exponent == 0) r.factors.erase(k);
  }
  return r;
}
}  // namespace detail

/// ∂e/∂v, by the exact rules: ∂v^n/∂v = n v^(n−1), the product rule over each monomial's
/// factors, and for an atom a = f(t) the chain rule ∂a/∂v = f′(t) ∂t/∂v with
/// σ′(t) = σ(t) − σ(t)² and softplus′(t) = σ(t).
constexpr Expr derivative(const Expr& e, const variable& v) {
  // Each piece below is canonical (a monomial, or a canonical polynomial times a monomial), so
  // the pieces are merged, never sorted.
  Expr result;
  for (const monomial& m : e.terms()) {
    for (std::size_t k = 0; k < m.factors.size(); ++k) {
      const factor& f = m.factors[k];
      const rational n(detail::to_int64(f.exponent));
      if (!f.g.is_atom()) {
        if (!(f.g.var == v)) continue;
        monomial d = detail::with_exponent_changed(m, k, false);
        d.coefficient = d.coefficient * n;
        result = result + Expr::of_canonical(std::move(d));
        continue;
      }
      const atom_node& a = *f.g.atom.get();
      if (!depends_on(a.argument, v)) continue;
      const Expr inner = derivative(a.argument, v);
      if (a.f == function::sigma) {
        // ∂σ^n = n σ^(n−1) (σ − σ²) ∂t = (n σ^n − n σ^(n+1)) ∂t
        monomial same = m;
        same.coefficient = same.coefficient * n;
        monomial raised = detail::with_exponent_changed(m, k, true);
        raised.coefficient = -(raised.coefficient * n);
        result = result + inner.times(same) + inner.times(raised);
      } else {
        // ∂softplus^n = n softplus^(n−1) σ(t) ∂t; t is canonical, so σ(t) is an atom as it stands
        monomial lowered = detail::with_exponent_changed(m, k, false);
        lowered.coefficient = lowered.coefficient * n;
        result = result + (detail::atom(function::sigma, a.argument) * inner).times(lowered);
      }
    }
  }
  return result;
}
/// ∂e/∂v for v given as an expression that is one variable, e.g. derivative(L, W(1, 2)).
constexpr Expr derivative(const Expr& e, const Expr& v) { return derivative(e, as_variable(v)); }

/// base^n, n >= 0.
constexpr Expr power(const Expr& base, std::size_t n) {
  Expr r(1);
  for (std::size_t k = 0; k < n; ++k) r = r * base;
  return r;
}

/// e with the variable v replaced by r everywhere, atoms' arguments included (re-canonicalised).
constexpr Expr substitute(const Expr& e, const variable& v, const Expr& r) {
  if (!depends_on(e, v)) return e;
  Expr result;
  for (const monomial& m : e.terms()) {
    Expr term(m.coefficient);
    for (const factor& f : m.factors) {
      // if/else, not ?: between two Expr prvalues: g++ 12 then frees the result's storage in a
      // constant evaluation ("use of allocated storage after deallocation" at its next use).
      Expr base = Expr::of(f.g);
      if (f.g.is_atom()) {
        const atom_node& a = *f.g.atom.get();
        if (depends_on(a.argument, v)) base = apply(a.f, substitute(a.argument, v, r));
      } else if (f.g.var == v) {
        base = r;
      }
      term = term * power(base, f.exponent);
    }
    result = result + term;
  }
  return result;
}
constexpr Expr substitute(const Expr& e, const Expr& v, const Expr& r) { return substitute(e, as_variable(v), r); }

/// e's value in double precision, each variable's value given by value_of(variable) -> double,
/// σ and softplus by gradproof::math (so it runs at compile time too). For tests: the exact
/// expression evaluated at a network is close to, not bit-equal to, gradproof's numbers.
template <class Values>
constexpr double evaluate(const Expr& e, const Values& value_of) {
  double sum = 0.0;
  for (const monomial& m : e.terms()) {
    double product = m.coefficient.to_double();
    for (const factor& f : m.factors) {
      double g = 0.0;
      if (f.g.is_atom()) {
        const atom_node& a = *f.g.atom.get();
        const double t = evaluate(a.argument, value_of);
        g = a.f == function::sigma ? math::sigmoid(t) : math::softplus(t);
      } else {
        g = value_of(f.g.var);
      }
      for (std::size_t k = 0; k < f.exponent; ++k) product = GRADPROOF_MUL(product, g);
    }
    sum = sum + product;
  }
  return sum;
}

}  // namespace gradproof::symbolic

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_SYMBOLIC_EXPR_HPP
