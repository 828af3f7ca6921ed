// gradproof/symbolic/print.hpp: an expression in readable form, e.g. ∂L/∂W_{2,3} as
//   (ŷ − y) U_2 σ(z_2) (1 − σ(z_2)) x_3
// Printing factors what the canonical form expands: the rational content, the monomial common
// to every term (U_2 σ(z_2) x_3), and then the rest into factors that share no generator
// ((σ(θ) − y)(1 − σ(z_2))), each found by trying each split of the generators and proven by
// multiplying back, so a printed product is always the expression itself. Named
// sub-expressions (z_2, θ, ŷ = σ(θ)) print by name. Factors are ordered from the output back to
// the input, as backpropagation reads: η, then ŷ and y, U and b2, σ(z), W and b1, x.
//
// The printer writes into a `text` (a list<char>): std::string cannot be used in a
// constant evaluation with libstdc++ 12 on clang, and identity.hpp prints at compile time.
#ifndef GRADPROOF_SYMBOLIC_PRINT_HPP
#define GRADPROOF_SYMBOLIC_PRINT_HPP

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>

#include "expr.hpp"
#include "list.hpp"

namespace gradproof::symbolic {

/// Characters, appended; constexpr (a list<char>).
class text {
 public:
  constexpr void append(std::string_view s) {
    chars_.reserve(chars_.size() + s.size());
    for (const char c : s) chars_.push_back(c);
  }
  constexpr void append(char c) { chars_.push_back(c); }
  constexpr void append_number(std::uint64_t n) {
    char digits[20]{};
    std::size_t count = 0;
    do {
      digits[count++] = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n != 0);
    while (count != 0) chars_.push_back(digits[--count]);
  }
  constexpr std::size_t size() const noexcept { return chars_.size(); }
  constexpr std::string_view view() const noexcept { return {chars_.begin(), chars_.size()}; }
  std::string str() const { return std::string(chars_.begin(), chars_.end()); }

 private:
  list<char> chars_{};
};

enum class style : std::uint8_t {
  unicode,  ///< σ, η, −, superscripts: for the docs and the terminal
  ascii,    ///< sigma, eta, -, ^2: for compiler messages, which escape other bytes
};

/// A sub-expression printed by its label, e.g. {z_2's polynomial, "z_2"}, {σ(θ), "ŷ"}.
struct name {
  Expr value;
  std::string_view label;
};

struct print_options {
  style form = style::unicode;
  list<name> names{};
};

namespace detail {

constexpr std::string_view minus(style s) { return s == style::unicode ? "\u2212" : "-"; }

constexpr void append_index(text& out, std::size_t one_based) {
  if (one_based < 10) {
    out.append('_');
    out.append_number(one_based);
  } else {
    out.append("_{");
    out.append_number(one_based);
    out.append('}');
  }
}

/// Sample s of a mini-batch (1-based): x_3^(2), y^(2); nothing for the one sample (0).
constexpr void append_sample(text& out, std::size_t sample) {
  if (sample == 0) return;
  out.append("^(");
  out.append_number(sample);
  out.append(')');
}

constexpr void print_variable(text& out, const variable& v, style s) {
  switch (v.k) {
    case kind::W:
      out.append("W_{");
      out.append_number(v.i + 1);
      out.append(',');
      out.append_number(v.j + 1);
      out.append('}');
      return;
    case kind::b1:
      out.append("b1");
      append_index(out, v.i + 1);
      return;
    case kind::U:
      out.append('U');
      append_index(out, v.i + 1);
      return;
    case kind::b2:
      out.append("b2");
      return;
    case kind::x:
      out.append('x');
      append_index(out, v.i + 1);
      append_sample(out, v.sample);
      return;
    case kind::y:
      out.append('y');
      append_sample(out, v.sample);
      return;
    case kind::eta:
      out.append(s == style::unicode ? "\u03b7" : "eta");
      return;
    case kind::named:
      out.append(static_cast<char>(v.i));
      return;
  }
}

constexpr void append_exponent(text& out, std::size_t n, style s) {
  if (n == 1) return;
  if (s == style::unicode && n <= 3) {
    out.append(n == 2 ? "\u00b2" : "\u00b3");
    return;
  }
  out.append('^');
  out.append_number(n);
}

/// How deep atoms nest: σ(z) is 1, σ(θ) (θ holds σ(z)) is 2.
constexpr std::size_t depth(const generator& g) {
  if (!g.is_atom()) return 0;
  std::size_t inner = 0;
  for (const monomial& m : g.atom.get()->argument.terms())
    for (const factor& f : m.factors)
      if (const std::size_t d = depth(f.g); d > inner) inner = d;
  return inner + 1;
}

/// The print order, from the output back to the input: η first, then ŷ = σ(θ) and y, U and b2,
/// σ(z), W and b1, x, other letters. Higher prints first; ties: atoms first, then canonical.
constexpr std::size_t level(const generator& g) {
  if (g.is_atom()) return 4 * depth(g);
  switch (g.var.k) {
    case kind::eta:
      return 1000;
    case kind::y:
      return 8;
    case kind::U:
    case kind::b2:
      return 6;
    case kind::W:
    case kind::b1:
      return 2;
    case kind::x:
      return 1;
    case kind::named:
      return 0;
  }
  return 0;
}
constexpr bool prints_before(const generator& a, const generator& b) {
  const std::size_t la = level(a), lb = level(b);
  if (la != lb) return la > lb;
  if (a.is_atom() != b.is_atom()) return a.is_atom();
  return compare(a, b) < 0;
}

/// Whether a is b (negated = false) or −b (true), term by term: no expression is built.
constexpr bool same_terms(const Expr& a, const Expr& b, bool negated) {
  if (a.terms().size() != b.terms().size()) return false;
  for (std::size_t k = 0; k < a.terms().size(); ++k) {
    const monomial& p = a.terms()[k];
    const monomial& q = b.terms()[k];
    if (compare_powers(p, q) != 0 || !(p.coefficient == (negated ? -q.coefficient : q.coefficient))) return false;
  }
  return true;
}

/// The name of e (or, with negated, of −e), if it has one.
constexpr const name* find_name(const Expr& e, const print_options& o, bool negated = false) {
  for (const name& n : o.names)
    if (same_terms(n.value, e, negated)) return &n;
  return nullptr;
}

/// The name of the polynomial that is the generator g alone, if it has one.
constexpr const name* find_name(const generator& g, const print_options& o) {
  for (const name& n : o.names) {
    const auto& t = n.value.terms();
    if (t.size() == 1 && t[0].degree == 1 && t[0].coefficient.is_one() && compare(t[0].factors[0].g, g) == 0) return &n;
  }
  return nullptr;
}

constexpr void print_factored(text& out, const Expr& e, const print_options& o);
constexpr void print_sum(text& out, const Expr& e, const print_options& o);

constexpr void print_generator(text& out, const generator& g, const print_options& o) {
  if (!o.names.empty()) {
    if (const name* n = find_name(g, o)) {
      out.append(n->label);
      return;
    }
  }
  if (!g.is_atom()) {
    print_variable(out, g.var, o.form);
    return;
  }
  const atom_node& a = *g.atom.get();
  out.append(a.f == function::softplus ? "softplus" : (o.form == style::unicode ? "\u03c3" : "sigma"));
  out.append('(');
  if (const name* n = o.names.empty() ? nullptr : find_name(a.argument, o)) {
    out.append(n->label);
  } else if (const name* m = o.names.empty() ? nullptr : find_name(a.argument, o, true)) {
    out.append(minus(o.form));
    out.append(m->label);
  } else {
    print_sum(out, a.argument, o);  // z and θ do not factor; trying costs (2^n splits)
  }
  out.append(')');
}

/// The factors of m in print order, separated by spaces (no coefficient).
constexpr void print_powers(text& out, const monomial& m, const print_options& o) {
  list<const factor*> order;
  order.reserve(m.factors.size());
  for (const factor& f : m.factors) order.push_back(&f);
  sort(order, [](const factor* a, const factor* b) { return prints_before(a->g, b->g); });
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k != 0) out.append(' ');
    print_generator(out, order[k]->g, o);
    append_exponent(out, order[k]->exponent, o.form);
  }
}

/// |c| before factors: nothing for 1, "2 ", "(1/2) ".
constexpr void print_magnitude(text& out, const rational& c, bool has_factors) {
  const rational a = c.abs();
  if (has_factors && a.is_one()) return;
  const bool parenthesise = has_factors && !a.is_integer();
  if (parenthesise) out.append('(');
  out.append_number(static_cast<std::uint64_t>(a.num()));
  if (!a.is_integer()) {
    out.append('/');
    out.append_number(static_cast<std::uint64_t>(a.den()));
  }
  if (parenthesise) out.append(')');
  if (has_factors) out.append(' ');
}

/// A sum, positive terms first: "σ(θ) − y", "1 − σ(z_2)".
constexpr void print_sum(text& out, const Expr& e, const print_options& o) {
  bool first = true;
  for (const bool negatives : {false, true}) {
    for (const monomial& m : e.terms()) {
      if (m.coefficient.is_negative() != negatives) continue;
      if (!first) {
        out.append(negatives ? " " : " + ");
        if (negatives) {
          out.append(minus(o.form));
          out.append(' ');
        }
      } else if (negatives) {
        out.append(minus(o.form));
      }
      print_magnitude(out, m.coefficient, !m.factors.empty());
      print_powers(out, m, o);
      first = false;
    }
  }
}

// ---- factoring, for printing only -------------------------------------------------------------

/// gcd of the numerators / lcm of the denominators: e = content · (integer coefficients, gcd 1).
constexpr rational content(const Expr& e) {
  std::int64_t g = 0, l = 1;
  for (const monomial& m : e.terms()) {
    g = std::gcd(g, m.coefficient.num());
    l = checked_mul(l / std::gcd(l, m.coefficient.den()), m.coefficient.den());
  }
  return rational(g, l);
}

/// The monomial (coefficient 1) that divides every term: each generator in all, at its least power.
constexpr monomial common_part(const Expr& e) {
  monomial common{rational(1), 0, e.terms().front().factors};
  for (const monomial& m : e.terms()) {
    decltype(common.factors) kept;
    for (const factor& f : common.factors) {
      for (const factor& h : m.factors) {
        if (compare(f.g, h.g) == 0) {
          kept.push_back(factor{f.g, (f.exponent < h.exponent ? f.exponent : h.exponent)});
          break;
        }
      }
    }
    common.factors = std::move(kept);
  }
  for (const factor& f : common.factors) common.degree += f.exponent;
  return common;
}

/// m / (c · d), d a monomial that divides m.
constexpr monomial divide(const monomial& m, const rational& c, const monomial& d) {
  monomial r{m.coefficient / c, m.degree - d.degree, {}};
  for (const factor& f : m.factors) {
    std::size_t e = f.exponent;
    for (const factor& h : d.factors)
      if (compare(f.g, h.g) == 0) e -= h.exponent;
    if (e != 0) r.factors.push_back(factor{f.g, e});
  }
  return r;
}

/// The factors of m whose generator is (inside = true) or is not in gens[mask].
constexpr monomial project(const monomial& m, const list<generator>& gens, std::uint32_t mask, bool inside) {
  monomial r{rational(1), 0, {}};
  for (const factor& f : m.factors) {
    bool in = false;
    for (std::size_t k = 0; k < gens.size(); ++k)
      if (((mask >> k) & 1U) != 0 && compare(f.g, gens[k]) == 0) in = true;
    if (in == inside) {
      r.factors.push_back(f);
      r.degree += f.exponent;
    }
  }
  return r;
}

/// e = A · B with A over gens[mask] and B over the rest, when it is: A from the terms whose
/// B-part is the first term's, B likewise, and the product checked against e.
constexpr bool split_by(const Expr& e, const list<generator>& gens, std::uint32_t mask, Expr& a, Expr& b) {
  const monomial& first = e.terms().front();
  const monomial a0 = project(first, gens, mask, true);
  const monomial b0 = project(first, gens, mask, false);
  list<monomial> a_terms, b_terms;
  for (const monomial& m : e.terms()) {
    monomial in = project(m, gens, mask, true);
    monomial out = project(m, gens, mask, false);
    const bool in_a = compare_powers(out, b0) == 0;
    const bool in_b = compare_powers(in, a0) == 0;
    if (in_a) {
      a_terms.push_back(in);
      a_terms.back().coefficient = m.coefficient;
    }
    if (in_b) {
      b_terms.push_back(std::move(out));
      b_terms.back().coefficient = m.coefficient / first.coefficient;
    }
  }
  if (a_terms.size() < 2 || b_terms.size() < 2 || a_terms.size() * b_terms.size() < e.terms().size()) return false;
  a = Expr::from_monomials(std::move(a_terms));
  b = Expr::from_monomials(std::move(b_terms));
  return a * b == e;
}

/// The sign that reads best: a constant term positive (1 − σ(z)); else more positive terms
/// than negative; on a tie, the last term positive (σ(θ) − y).
constexpr bool better_negated(const Expr& e) {
  const auto& t = e.terms();
  if (t.back().degree == 0) return t.back().coefficient.is_negative();
  std::size_t negative = 0;
  for (const monomial& m : t)
    if (m.coefficient.is_negative()) ++negative;
  if (2 * negative != t.size()) return 2 * negative > t.size();
  return t.back().coefficient.is_negative();
}

/// e (content 1, no common monomial) as factors that share no generator, each with integer
/// coefficients and its better sign; the signs taken out go to `sign`.
constexpr void split(const Expr& e, list<Expr>& factors, bool& negate) {
  list<generator> gens;
  for (const monomial& m : e.terms())
    for (const factor& f : m.factors) gens.push_back(f.g);
  sort(gens, [](const generator& p, const generator& q) { return compare(p, q) < 0; });
  list<generator> distinct;
  for (const generator& g : gens)
    if (distinct.empty() || compare(distinct.back(), g) != 0) distinct.push_back(g);
  gens = std::move(distinct);
  // Each split of the generators is tried (with gens[0] on the first side, so each once): 2^(n−1)
  // of them, so only for the few generators a factor of a gradient has ((ŷ − y)(1 − σ(z_i)):
  // 3); the loss's 10 would cost a compile-time print seconds.
  constexpr std::size_t most_generators = 6;
  if (e.terms().size() >= 4 && gens.size() >= 2 && gens.size() <= most_generators) {
    const std::uint32_t all = (std::uint32_t{1} << gens.size()) - 1;
    for (std::uint32_t mask = 1; mask < all; mask += 2) {
      Expr a, b;
      if (split_by(e, gens, mask, a, b)) {
        const rational ca = content(a);
        split(a / Expr(ca), factors, negate);
        split(b * Expr(ca), factors, negate);
        return;
      }
    }
  }
  const rational c = content(e);
  Expr primitive = e / Expr(c);
  if (better_negated(primitive)) {
    primitive = -primitive;
    negate = !negate;
  }
  if (!c.is_one()) factors.push_back(Expr(c));
  factors.push_back(std::move(primitive));
}

/// A product item: one generator power, a sum, or a constant.
struct item {
  const factor* power = nullptr;
  const Expr* sum = nullptr;
  generator key{};  // the generator that places it (the first to print, for a sum)
};

constexpr void print_grouped(text& out, const Expr& e, const print_options& o);

/// e without its overall sign; returns whether that sign is minus. A product prints factored;
/// a plain sum prints grouped, with its own signs (and returns false).
constexpr bool print_unsigned(text& out, const Expr& e, const print_options& o) {
  if (e.is_zero()) {
    out.append('0');
    return false;
  }
  if (!o.names.empty()) {
    if (const name* n = find_name(e, o)) {
      out.append(n->label);
      return false;
    }
    if (const name* n = find_name(e, o, true)) {
      out.append(n->label);
      return true;
    }
  }
  if (e.terms().size() == 1) {
    const monomial& m = e.terms()[0];
    print_magnitude(out, m.coefficient, !m.factors.empty());
    print_powers(out, m, o);
    return m.coefficient.is_negative();
  }
  const rational c = content(e);
  const monomial common = common_part(e);
  list<monomial> rest;
  for (const monomial& m : e.terms()) rest.push_back(divide(m, c, common));
  bool negate = false;
  list<Expr> factors;
  split(Expr::from_monomials(std::move(rest)), factors, negate);
  list<Expr> sums;
  rational scale = negate ? -c : c;
  for (Expr& f : factors) {
    if (f.is_constant()) {
      scale = scale * f.constant_value();
    } else {
      sums.push_back(std::move(f));
    }
  }
  // A sum with nothing in common prints as it is, unless its content is worth taking out: the
  // mini-batch mean (1/2) (a + b), not (1/2) s t² − 1 as −(1/2) (2 − s t²).
  bool unit_coefficients = true;
  for (const Expr& f : sums)
    for (const monomial& m : f.terms()) unit_coefficients = unit_coefficients && m.coefficient.abs().is_one();
  if (common.factors.empty() && sums.size() == 1 && (scale.abs().is_one() || !unit_coefficients)) {
    print_grouped(out, e, o);  // a plain sum, in its own signs
    return false;
  }
  list<item> items;
  for (const factor& f : common.factors) items.push_back(item{&f, nullptr, f.g});
  for (const Expr& s : sums) {
    item it{nullptr, &s, {}};
    bool first = true;
    for (const monomial& m : s.terms())
      for (const factor& f : m.factors)
        if (first || prints_before(f.g, it.key)) {
          it.key = f.g;
          first = false;
        }
    items.push_back(std::move(it));
  }
  // A total order: generators differ, sums share none, and a power precedes the sum of its key.
  sort(items, [](const item& a, const item& b) {
    if (compare(a.key, b.key) == 0) return a.power != nullptr && b.power == nullptr;  // σ(z) before (1 − σ(z))
    return prints_before(a.key, b.key);
  });
  print_magnitude(out, scale, true);
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k != 0) out.append(' ');
    if (items[k].power != nullptr) {
      print_generator(out, items[k].power->g, o);
      append_exponent(out, items[k].power->exponent, o.form);
    } else if (const name* n = o.names.empty() ? nullptr : find_name(*items[k].sum, o)) {
      out.append(n->label);
    } else {
      out.append('(');
      print_grouped(out, *items[k].sum, o);
      out.append(')');
    }
  }
  return scale.is_negative();
}

constexpr void print_factored(text& out, const Expr& e, const print_options& o) {
  text body;
  if (print_unsigned(body, e, o)) out.append(minus(o.form));
  out.append(body.view());
}

/// A sum that does not factor, in groups: the terms without the generator that prints first
/// among those in some terms (at least two) but not all, then the terms with it, factored.
/// W_{1,1} − η ∂L/∂W_{1,1} prints as W_{1,1} − η (ŷ − y) U_1 σ(z_1) (1 − σ(z_1)) x_1, and the
/// loss softplus(θ) − θ y as softplus(θ) − y θ when θ is named.
constexpr void print_grouped(text& out, const Expr& e, const print_options& o) {
  list<generator> candidates;
  for (const monomial& m : e.terms())
    for (const factor& f : m.factors) candidates.push_back(f.g);
  const generator* best = nullptr;
  for (const generator& g : candidates) {
    std::size_t with = 0;
    for (const monomial& m : e.terms())
      for (const factor& f : m.factors)
        if (compare(f.g, g) == 0) ++with;
    if (with >= 2 && with < e.terms().size() && (best == nullptr || prints_before(g, *best))) best = &g;
  }
  if (best == nullptr) {
    print_sum(out, e, o);
    return;
  }
  list<monomial> without, with;
  for (const monomial& m : e.terms()) {
    bool has = false;
    for (const factor& f : m.factors) has = has || compare(f.g, *best) == 0;
    (has ? with : without).push_back(m);
  }
  print_factored(out, Expr::from_monomials(std::move(without)), o);
  text body;
  const bool negative = print_unsigned(body, Expr::from_monomials(std::move(with)), o);
  out.append(' ');
  if (negative) {
    out.append(minus(o.form));
  } else {
    out.append('+');
  }
  out.append(' ');
  out.append(body.view());
}

}  // namespace detail

/// e in readable form, appended to out (constexpr).
constexpr void print(text& out, const Expr& e, const print_options& o = {}) { detail::print_factored(out, e, o); }

/// e in readable form, e.g. "(ŷ − y) U_2 σ(z_2) (1 − σ(z_2)) x_3" with the names z_2 and ŷ.
inline std::string to_string(const Expr& e, const print_options& o = {}) {
  text out;
  print(out, e, o);
  return out.str();
}

/// e's terms one by one, in the canonical order, unfactored (for the canonical form itself).
constexpr void print_expanded(text& out, const Expr& e, const print_options& o = {}) {
  if (e.is_zero()) {
    out.append('0');
    return;
  }
  for (std::size_t k = 0; k < e.terms().size(); ++k) {
    const monomial& m = e.terms()[k];
    if (k != 0) {
      out.append(m.coefficient.is_negative() ? " " : " + ");
      if (m.coefficient.is_negative()) {
        out.append(detail::minus(o.form));
        out.append(' ');
      }
    } else if (m.coefficient.is_negative()) {
      out.append(detail::minus(o.form));
    }
    detail::print_magnitude(out, m.coefficient, !m.factors.empty());
    detail::print_powers(out, m, o);
  }
}

}  // namespace gradproof::symbolic

#endif  // GRADPROOF_SYMBOLIC_PRINT_HPP
