// gradproof/parameters.hpp: the parameters of a network, listed once. Every place that needs
// "W, b1, U, b2" (automatic differentiation, the tests, the benchmark, gradproof-explain) visits
// them here instead of naming them again, so a parameter added to Network is added in one list.
//
// Order: the slides', W (row-major), b1, U, b2. The same list reads a Network's parameters
// (W, b1, U, b2) and a Gradients' (dW, db1, dU, db2), so a parameter and its gradient are
// visited side by side.
#ifndef GRADPROOF_PARAMETERS_HPP
#define GRADPROOF_PARAMETERS_HPP

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>

#include "matrix.hpp"

namespace gradproof {

// Declared here, defined in network.hpp, which includes this header: network.hpp's own
// functions (update) visit the parameters through this list.
template <class T, std::size_t In, std::size_t Hidden>
struct Network;
template <class T, std::size_t In, std::size_t Hidden>
struct Gradients;

/// One scalar entry of a parameter: its parameter's name, its (row, col) in that parameter
/// ((0, 0) for b2) and its place in the flat list of every entry.
struct ParameterEntry {
  std::string_view name;
  std::size_t row;
  std::size_t col;
  std::size_t index;
};

/// The parameters' names, in the slides' order.
inline constexpr std::array<std::string_view, 4> parameter_names{"W", "b1", "U", "b2"};

namespace detail {

/// The shape (In, Hidden) of a Network or of its Gradients, and where each of its parameters
/// lives, in the slides' order: a Network's W, b1, U, b2; a Gradients' dW, db1, dU, db2.
template <std::size_t In, std::size_t Hidden, auto W_, auto b1_, auto U_, auto b2_>
struct LayoutOf {
  static constexpr std::size_t inputs = In, hidden = Hidden;
  static constexpr auto W = W_;
  static constexpr auto b1 = b1_;
  static constexpr auto U = U_;
  static constexpr auto b2 = b2_;
};
template <class N>
struct Layout;
template <class T, std::size_t In, std::size_t Hidden>
struct Layout<Network<T, In, Hidden>> : LayoutOf<In, Hidden, &Network<T, In, Hidden>::W, &Network<T, In, Hidden>::b1,
                                                 &Network<T, In, Hidden>::U, &Network<T, In, Hidden>::b2> {};
template <class T, std::size_t In, std::size_t Hidden>
struct Layout<Gradients<T, In, Hidden>>
    : LayoutOf<In, Hidden, &Gradients<T, In, Hidden>::dW, &Gradients<T, In, Hidden>::db1, &Gradients<T, In, Hidden>::dU,
               &Gradients<T, In, Hidden>::db2> {};

template <class N>
concept has_parameters = requires {
  Layout<std::remove_cvref_t<N>>::inputs;
};

/// Parameter K (0: W, 1: b1, 2: U, 3: b2) of a Network, or its gradient in a Gradients.
template <std::size_t K, class N>
constexpr auto& member(N& n) noexcept {
  using L = Layout<std::remove_cvref_t<N>>;
  if constexpr (K == 0) {
    return n.*L::W;
  } else if constexpr (K == 1) {
    return n.*L::b1;
  } else if constexpr (K == 2) {
    return n.*L::U;
  } else {
    return n.*L::b2;
  }
}

// The entry loops below read through entries(m) (matrix.hpp says why): AD's proofs visit every
// entry twice per gradient.

/// The entries of one parameter m: f(entry, m's entry); `index` is the first entry's place in
/// the flat list.
template <class F, class M>
constexpr void visit_member(std::string_view name, std::size_t index, F& f, M& m) {
  if constexpr (matrix<std::remove_const_t<M>>) {
    constexpr std::size_t cols = std::remove_const_t<M>::cols;
    auto* const e = entries(m);
    for (std::size_t at = 0; at < std::remove_const_t<M>::size; ++at)
      f(ParameterEntry{name, at / cols, at % cols, index + at}, e[at]);
  } else {
    f(ParameterEntry{name, 0, 0, index}, m);
  }
}

/// The same parameter of two objects side by side: f(entry, m's entry, m2's entry).
template <class F, class M, class M2>
constexpr void visit_member(std::string_view name, std::size_t index, F& f, M& m, M2& m2) {
  if constexpr (matrix<std::remove_const_t<M>>) {
    constexpr std::size_t cols = std::remove_const_t<M>::cols;
    auto* const e = entries(m);
    auto* const e2 = entries(m2);
    for (std::size_t at = 0; at < std::remove_const_t<M>::size; ++at)
      f(ParameterEntry{name, at / cols, at % cols, index + at}, e[at], e2[at]);
  } else {
    f(ParameterEntry{name, 0, 0, index}, m, m2);
  }
}

template <class F, class First, class... Rest>
constexpr void visit_all_entries(F& f, First& first, Rest&... rest) {
  constexpr std::size_t In = Layout<std::remove_cvref_t<First>>::inputs;
  constexpr std::size_t Hidden = Layout<std::remove_cvref_t<First>>::hidden;
  visit_member("W", 0, f, member<0>(first), member<0>(rest)...);
  visit_member("b1", Hidden * In, f, member<1>(first), member<1>(rest)...);
  visit_member("U", Hidden * In + Hidden, f, member<2>(first), member<2>(rest)...);
  visit_member("b2", Hidden * In + 2 * Hidden, f, member<3>(first), member<3>(rest)...);
}

}  // namespace detail

/// How many scalar parameters a Network (or its Gradients) has: In·Hidden + 2·Hidden + 1.
template <class Net>
requires detail::has_parameters<Net>
inline constexpr std::size_t parameter_count =
    detail::Layout<std::remove_cvref_t<Net>>::hidden * (detail::Layout<std::remove_cvref_t<Net>>::inputs + 2) + 1;

/// f(name, member) for W, b1, U, b2 (of a Gradients: dW, db1, dU, db2), in that order; b2 is a T&.
template <class Net, class F>
requires detail::has_parameters<Net>
constexpr void for_each_parameter(Net&& net, F&& f) {
  f(parameter_names[0], detail::member<0>(net));
  f(parameter_names[1], detail::member<1>(net));
  f(parameter_names[2], detail::member<2>(net));
  f(parameter_names[3], detail::member<3>(net));
}

/// f(name, parameter, gradient): W with dW, b1 with db1, U with dU, b2 with db2. `g` may also be
/// a second Network (e.g. the same parameters in another type): then W with W, and so on.
template <class Net, class Grads, class F>
requires detail::has_parameters<Net> && detail::has_parameters<Grads>
constexpr void for_each_parameter_with_gradient(Net&& net, Grads&& g, F&& f) {
  f(parameter_names[0], detail::member<0>(net), detail::member<0>(g));
  f(parameter_names[1], detail::member<1>(net), detail::member<1>(g));
  f(parameter_names[2], detail::member<2>(net), detail::member<2>(g));
  f(parameter_names[3], detail::member<3>(net), detail::member<3>(g));
}

/// Every scalar entry, flat, in the slides' order (W row-major, b1, U, b2): f(ParameterEntry, T&).
template <class Net, class F>
requires detail::has_parameters<Net>
constexpr void for_each_parameter_entry(Net&& net, F&& f) { detail::visit_all_entries(f, net); }

/// Every scalar entry of a parameter and of its gradient (or of two networks of one shape), flat,
/// in the same order: f(ParameterEntry, T& entry, U& gradient's entry).
template <class Net, class Grads, class F>
requires detail::has_parameters<Net> && detail::has_parameters<Grads>
constexpr void for_each_parameter_entry_with_gradient(Net&& net, Grads&& g, F&& f) {
  using A = detail::Layout<std::remove_cvref_t<Net>>;
  using B = detail::Layout<std::remove_cvref_t<Grads>>;
  static_assert(A::inputs == B::inputs && A::hidden == B::hidden,
                "gradproof::for_each_parameter_entry_with_gradient: the two have different shapes "
                "(In, Hidden); pass a network and the gradients of that network");
  detail::visit_all_entries(f, net, g);
}

}  // namespace gradproof

#endif  // GRADPROOF_PARAMETERS_HPP
