// gradproof/symbolic/identity.hpp: a symbolic identity as a compile-time proof whose failure
// says where the two sides differ.
//
//   constexpr auto r = [] { return check_identity("dL/dW_{2,3}", derivative(L, W(1, 2)), closed_form); }();
//   static_assert(identical<r>);
//
// check_identity compares the canonical forms and, when they differ, writes the first monomial
// of lhs − rhs in the canonical order, with its coefficient on each side. Expressions live on
// the heap and cannot outlive a constant evaluation, so the report is plain characters. When
// the identity fails, identical<r> instantiates the_symbolic_identity_does_not_hold<...> with
// the report as template arguments, which both compilers print in the error: in pieces of 30
// characters, word-wrapped and padded, since clang abbreviates a longer string in a template
// argument ("[...]"). A static_assert message cannot carry it: a computed message is C++26.
#ifndef GRADPROOF_SYMBOLIC_IDENTITY_HPP
#define GRADPROOF_SYMBOLIC_IDENTITY_HPP

#include <cstddef>
#include <string_view>
#include <utility>

#include "expr.hpp"
#include "print.hpp"

namespace gradproof::symbolic {

inline constexpr std::size_t report_piece_length = 30;
inline constexpr std::size_t report_most_pieces = 24;

/// The verdict and its words, in pieces of report_piece_length characters (a structural type:
/// it can be a template argument).
struct identity_report {
  bool holds = false;
  std::size_t pieces = 0;
  char text[report_piece_length * report_most_pieces]{};
};

/// One piece of a report, as a template argument of the failure.
struct report_piece {
  char text[report_piece_length + 1]{};
};

namespace detail {

/// The words of `message`, wrapped into lines of report_piece_length padded with spaces; a word
/// longer than a line is cut. What does not fit ends with "...".
constexpr void wrap_into(identity_report& r, std::string_view message) {
  constexpr std::size_t width = report_piece_length;
  std::size_t line = 0, column = 0;
  auto pad = [&] {
    while (column < width) r.text[line * width + column++] = ' ';
    ++line;
    column = 0;
  };
  std::size_t start = 0;
  while (start < message.size() && line < report_most_pieces) {
    std::size_t end = message.find(' ', start);
    if (end == std::string_view::npos) end = message.size();
    std::string_view word = message.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (column != 0 && column + 1 + word.size() > width) pad();
    while (line < report_most_pieces && !word.empty()) {
      if (column != 0) r.text[line * width + column++] = ' ';
      const std::size_t n = std::min(word.size(), width - column);
      for (std::size_t k = 0; k < n; ++k) r.text[line * width + column++] = word[k];
      word.remove_prefix(n);
      if (!word.empty()) pad();
    }
  }
  if (start < message.size() && line == report_most_pieces) {  // cut: say so at the very end
    for (std::size_t k = 0; k < 3; ++k) r.text[report_most_pieces * width - 3 + k] = '.';
    r.pieces = report_most_pieces;
    return;
  }
  if (column != 0) pad();
  r.pieces = line;
}

constexpr void append_rational(text& out, const rational& c) {
  if (c.is_negative()) out.append('-');
  out.append_number(static_cast<std::uint64_t>(c.abs().num()));
  if (!c.is_integer()) {
    out.append('/');
    out.append_number(static_cast<std::uint64_t>(c.den()));
  }
}

/// The coefficient of m's powers in e (0 when e has no such monomial).
constexpr rational coefficient_of(const Expr& e, const monomial& m) {
  for (const monomial& t : e.terms())
    if (compare_powers(t, m) == 0) return t.coefficient;
  return rational();
}

}  // namespace detail

/// Whether lhs and rhs are identical, and if not, the first monomial of lhs − rhs (canonical
/// order) with its coefficient in each: "<label>: lhs - rhs has 2 terms; the first: U_2 x_3
/// sigma(z_2)^2, coefficient -1 in lhs, 0 in rhs". Names (e.g. z_2) shorten the atoms; the text
/// is ASCII, which every compiler prints as it is.
constexpr identity_report check_identity(std::string_view label, const Expr& lhs, const Expr& rhs,
                                         const print_options& names = {}) {
  identity_report r{};
  text message;
  message.append(label);
  if (lhs == rhs) {  // the usual case: no difference to form, no names to copy
    r.holds = true;
    message.append(": identical");
  } else {
    print_options options = names;
    options.form = style::ascii;
    const Expr difference = lhs - rhs;
    const monomial& first = difference.terms()[0];
    message.append(": not identical; lhs - rhs has ");
    message.append_number(difference.terms().size());
    message.append(difference.terms().size() == 1 ? " term; it is" : " terms; the first is");
    message.append(' ');
    if (first.factors.empty()) {
      message.append("the constant term");
    } else {
      detail::print_powers(message, first, options);
    }
    message.append(", coefficient ");
    detail::append_rational(message, detail::coefficient_of(lhs, first));
    message.append(" in lhs, ");
    detail::append_rational(message, detail::coefficient_of(rhs, first));
    message.append(" in rhs");
  }
  detail::wrap_into(r, message.view());
  return r;
}

/// Instantiated only when an identity fails; its template arguments are the report.
template <report_piece... Report>
struct the_symbolic_identity_does_not_hold {
  static_assert(sizeof...(Report) == 0,
                "gradproof::symbolic: the two sides are not identical; the template arguments of "
                "the_symbolic_identity_does_not_hold<...>, on this error's instantiation line, say where: "
                "the first monomial of lhs - rhs and its coefficient in each side");
  static constexpr bool value = false;
};

namespace detail {
template <identity_report R>
constexpr report_piece piece(std::size_t k) {
  report_piece p{};
  for (std::size_t c = 0; c < report_piece_length; ++c) p.text[c] = R.text[k * report_piece_length + c];
  return p;
}
template <identity_report R, std::size_t... K>
constexpr bool verdict(std::index_sequence<K...>) {
  if constexpr (R.holds) {
    return true;
  } else {
    return the_symbolic_identity_does_not_hold<piece<R>(K)...>::value;
  }
}
}  // namespace detail

/// true when the report says identical; otherwise a compile error that prints the report.
template <identity_report R>
inline constexpr bool identical = detail::verdict<R>(std::make_index_sequence<R.holds ? 0 : R.pieces>{});

}  // namespace gradproof::symbolic

#endif  // GRADPROOF_SYMBOLIC_IDENTITY_HPP
