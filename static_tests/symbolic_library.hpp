// static_tests/symbolic_library.hpp: gradproof's own functions on the symbolic scalar, for the
// proofs of symbolic_library_test.cpp, symbolic_library_shapes_test.cpp,
// symbolic_library_step_test.cpp, symbolic_library_minibatch_test.cpp and
// symbolic_errata_test.cpp. The network's parameters are the variables W_ij, b1_i, U_i, b2, the
// sample is x_j, y (or x_j^(s), y^(s) of a mini-batch), the learning rate η; gradproof::loss,
// backward, update, sgd_step and mean_gradient run on them unchanged, and the symbolic type
// differentiates the library's own loss expression. Nothing here writes a gradient by hand.
#ifndef GRADPROOF_STATIC_TESTS_SYMBOLIC_LIBRARY_HPP
#define GRADPROOF_STATIC_TESTS_SYMBOLIC_LIBRARY_HPP

#include <cstddef>
#include <string_view>

#include <gradproof/gradproof.hpp>
#include <gradproof/symbolic.hpp>

namespace symbolic_library {

namespace s = gradproof::symbolic;
using gradproof::ColVector;
using gradproof::Gradients;
using gradproof::Network;
using s::Expr;
using s::identity_report;

/// The network whose every parameter is its own variable.
template <std::size_t In, std::size_t Hidden>
constexpr Network<Expr, In, Hidden> network() {
  Network<Expr, In, Hidden> net;
  for (std::size_t i = 0; i < Hidden; ++i) {
    for (std::size_t j = 0; j < In; ++j) net.W(i, j) = s::W(i, j);
    net.b1(i, 0) = s::b1(i);
    net.U(0, i) = s::U(i);
  }
  net.b2 = s::b2();
  return net;
}

/// The sample x_1 … x_In (sample = 0), or x_1^(sample) … of a mini-batch (sample >= 1).
template <std::size_t In>
constexpr ColVector<Expr, In> input(std::size_t sample = 0) {
  ColVector<Expr, In> v;
  for (std::size_t j = 0; j < In; ++j) {
    if (sample == 0) {
      v(j, 0) = s::x(j);
    } else {
      v(j, 0) = s::x_of(sample - 1, j);
    }
  }
  return v;
}

/// The label of the sample (y, or y^(sample)).
constexpr Expr label_of(std::size_t sample = 0) {
  if (sample == 0) return s::y();
  return s::y_of(sample - 1);
}

/// "dL/dW_{i,j}", "dL/db1_i", "dL/dU_i", "dL/db2" (1-based, as the slides index); prefix "" for
/// the parameter's own name (an SGD step's entry).
constexpr void name_entry(s::text& out, std::string_view prefix, std::string_view parameter, std::size_t i,
                          std::size_t j, bool two_indices) {
  out.append(prefix);
  out.append(parameter);
  if (parameter == "b2") return;
  out.append(two_indices ? "_{" : "_");
  out.append_number(i + 1);
  if (two_indices) {
    out.append(',');
    out.append_number(j + 1);
    out.append('}');
  }
}

/// Calls visit(name, variable, entry) for every parameter entry of a Network or a Gradients
/// (read through by_parameter), in the order W (row by row), b1, U, b2; stops at the
/// first report that does not hold and returns it, else the last. Only the hidden units
/// [first, last) (b2 with the last unit): a sweep split in parts, each its own constant
/// evaluation, stays within clang's default step limit.
template <std::size_t In, std::size_t Hidden, class A, class Visit>
constexpr identity_report each_entry(std::string_view prefix, const A& a, Visit visit, std::size_t first = 0,
                                     std::size_t last = Hidden) {
  identity_report r{};
  r.holds = true;
  for (std::size_t i = first; i < last; ++i)
    for (std::size_t j = 0; j < In; ++j) {
      s::text name;
      name_entry(name, prefix, "W", i, j, true);
      if (r = visit(name.view(), s::W(i, j), a.template get<0>(i, j)); !r.holds) return r;
    }
  for (std::size_t i = first; i < last; ++i) {
    s::text name;
    name_entry(name, prefix, "b1", i, 0, false);
    if (r = visit(name.view(), s::b1(i), a.template get<1>(i, 0)); !r.holds) return r;
  }
  for (std::size_t i = first; i < last; ++i) {
    s::text name;
    name_entry(name, prefix, "U", i, 0, false);
    if (r = visit(name.view(), s::U(i), a.template get<2>(i, 0)); !r.holds) return r;
  }
  if (last < Hidden) return r;
  s::text name;
  name_entry(name, prefix, "b2", 0, 0, false);
  return visit(name.view(), s::b2(), a.template get<3>(0, 0));
}

/// A Network or its Gradients read by parameter, through parameters.hpp's one list
/// (gradproof::detail::member): get<0>(i, j) = W(i, j) or dW(i, j), get<1>(i, 0) = b1(i),
/// get<2>(i, 0) = U(0, i), get<3> = b2 (of a Gradients: db1, dU, db2). The shapes are the
/// library's: b1 a column, U a row.
template <class N>
struct by_parameter {
  const N& n;
  template <int P>
  constexpr const Expr& get(std::size_t i, std::size_t j) const {
    const auto& m = gradproof::detail::member<P>(n);
    if constexpr (P == 3)
      return m;
    else if constexpr (P == 2)
      return m(0, i);
    else
      return m(i, j);
  }
};

/// Every entry of g against ∂L/∂Ω, L = gradproof::loss(net, x, y) differentiated by the
/// symbolic type: the first entry that differs, or "identical".
template <std::size_t In, std::size_t Hidden>
constexpr identity_report gradients_against_loss(const Expr& L, const Gradients<Expr, In, Hidden>& g,
                                                 std::size_t first = 0, std::size_t last = Hidden) {
  const by_parameter<Gradients<Expr, In, Hidden>> view{g};
  return each_entry<In, Hidden>(
      "dL/d", view,
      [&L](std::string_view name, const Expr& v, const Expr& entry) {
        return s::check_identity(name, s::derivative(L, v), entry);
      },
      first, last);
}

/// gradproof::backward(net, x, y) against the derivative of gradproof::loss(net, x, y).
template <std::size_t In, std::size_t Hidden>
constexpr identity_report backward_against_loss() {
  const auto net = network<In, Hidden>();
  const auto x = input<In>();
  const Expr L = gradproof::loss(net, x, s::y());
  return gradients_against_loss(L, gradproof::backward(net, x, s::y()));
}

/// Every parameter entry of `stepped` against Ω − η ∂L/∂Ω, ∂L/∂Ω the symbolic derivative of
/// gradproof::loss(net, x, y) (not backward's).
template <std::size_t In, std::size_t Hidden>
constexpr identity_report step_against_definition(const Network<Expr, In, Hidden>& stepped) {
  const auto net = network<In, Hidden>();
  const Expr L = gradproof::loss(net, input<In>(), s::y());
  const by_parameter<Network<Expr, In, Hidden>> view{stepped};
  return each_entry<In, Hidden>("", view, [&L](std::string_view name, const Expr& v, const Expr& entry) {
    return s::check_identity(name, entry, v - s::eta() * s::derivative(L, v));
  });
}

/// Whether a report names a failure at an entry whose name starts with `start`.
constexpr bool caught(const identity_report& r, std::string_view start) {
  return !r.holds && std::string_view(r.text, r.pieces * s::report_piece_length).starts_with(start);
}

}  // namespace symbolic_library

#endif  // GRADPROOF_STATIC_TESTS_SYMBOLIC_LIBRARY_HPP
