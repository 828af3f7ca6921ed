// gradproof/symbolic/gcc12_array.hpp: std::array of expressions for g++ 12's constant evaluator.
//
// g++ 12 mis-evaluates the implicit copy and move of an array whose elements own constant-
// evaluation memory: after constructing the copy's elements it runs their destructors (the
// cleanup meant for an exception half-way through), so the copy holds freed storage ("use of
// allocated storage after deallocation" at its next use). Matrix holds its entries in a
// std::array, and gradproof's functions return their Network, ForwardPass and Gradients by copy,
// so on g++ 12 no library function could run on Expr. clang++-19 and g++ 13 do not have the bug.
//
// The way round, for g++ before 13 only: std::array of an Expr, or of a gradproof class template
// over Expr (Matrix, Network, ForwardPass, Gradients, Sample), is specialised here with copy and
// move written as loops of assignments, which g++ 12 evaluates correctly. The standard allows a
// program to specialise std::array for its own types; this one differs from the primary template
// in one way a program can see: it is not an aggregate (a constructor from the N entries takes
// the place of aggregate initialisation, so `std::array<Expr, 3>{a, b, c}` still works).
#ifndef GRADPROOF_SYMBOLIC_GCC12_ARRAY_HPP
#define GRADPROOF_SYMBOLIC_GCC12_ARRAY_HPP

#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "expr.hpp"

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#define GRADPROOF_SYMBOLIC_GCC12_ARRAY 1

namespace gradproof::symbolic::detail {
/// Expr, or a gradproof class template over Expr (its first template argument, the rest sizes).
template <class T>
inline constexpr bool holds_expr = std::same_as<T, Expr>;
template <template <class, std::size_t...> class C, std::size_t... N>
inline constexpr bool holds_expr<C<Expr, N...>> = true;
}  // namespace gradproof::symbolic::detail

template <class T, std::size_t N>
requires gradproof::symbolic::detail::holds_expr<T>
struct std::array<T, N> {
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;

  T elements[N == 0 ? 1 : N]{};  // default-constructed entries own nothing: g++ 12's cleanup is harmless here

  constexpr array() = default;
  template <class... Entries>
  requires(sizeof...(Entries) >= 1 && sizeof...(Entries) <= N &&
           (std::convertible_to<Entries, T> &&
            ...)) constexpr array(Entries&&... entries) {  // NOLINT: implicit, as aggregate initialisation is
    std::size_t k = 0;
    ((elements[k++] = std::forward<Entries>(entries)), ...);
  }
  constexpr array(const array& other) {
    for (std::size_t k = 0; k < N; ++k) elements[k] = other.elements[k];
  }
  constexpr array(array&& other) noexcept {
    for (std::size_t k = 0; k < N; ++k) std::swap(elements[k], other.elements[k]);
  }
  constexpr array& operator=(const array& other) {
    if (this != &other)
      for (std::size_t k = 0; k < N; ++k) elements[k] = other.elements[k];
    return *this;
  }
  constexpr array& operator=(array&& other) noexcept {
    for (std::size_t k = 0; k < N; ++k) std::swap(elements[k], other.elements[k]);
    return *this;
  }
  constexpr ~array() = default;

  constexpr T* data() noexcept { return elements; }
  constexpr const T* data() const noexcept { return elements; }
  static constexpr std::size_t size() noexcept { return N; }
  static constexpr bool empty() noexcept { return N == 0; }
  constexpr T& operator[](std::size_t k) noexcept { return elements[k]; }
  constexpr const T& operator[](std::size_t k) const noexcept { return elements[k]; }
  constexpr T* begin() noexcept { return elements; }
  constexpr const T* begin() const noexcept { return elements; }
  constexpr T* end() noexcept { return elements + N; }
  constexpr const T* end() const noexcept { return elements + N; }
  friend constexpr bool operator==(const array& a, const array& b) {
    for (std::size_t k = 0; k < N; ++k)
      if (!(a.elements[k] == b.elements[k])) return false;
    return true;
  }
};

#endif

#endif  // GRADPROOF_SYMBOLIC_GCC12_ARRAY_HPP
