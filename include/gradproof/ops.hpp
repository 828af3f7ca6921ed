// gradproof/ops.hpp: the matrix operations the slides use, each with its shape rule as a
// constraint on its signature.
//
// Why constraints and not static_asserts: a constraint makes a wrong shape *not an
// operation at all*, so static_tests can prove "delta2 cannot be used as b1" with a
// negated concept, and the compiler's error names the rule: "because 'same_shape<1, 4, 4,
// 1>' evaluated to false". The network-level functions (network.hpp), where a hint about
// the slides helps most, use static_asserts with a message instead.
#ifndef GRADPROOF_OPS_HPP
#define GRADPROOF_OPS_HPP

#include <cstddef>
#include <type_traits>
#include <utility>

#include "detail/numeric.hpp"
#include "matrix.hpp"
#include "scalar.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof {

namespace detail {
/// The (R, C) matrix whose flat entry i is entry(i), built in one aggregate initialisation.
/// Why not `Matrix out{}; fill it`: g++ keeps the dead zeroing of `out` (a rep stos for a 4x3)
/// on the hot path; an aggregate built from a pack has nothing to zero.
template <class T, std::size_t R, std::size_t C, class Entry, std::size_t... I>
constexpr Matrix<T, R, C> generate_impl(Entry&& entry, std::index_sequence<I...>) noexcept(nothrow_scalar<T>) {
  return Matrix<T, R, C>{{entry(I)...}};
}
template <class T, std::size_t R, std::size_t C, class Entry>
constexpr Matrix<T, R, C> generate(Entry&& entry) noexcept(nothrow_scalar<T>) {
  return generate_impl<T, R, C>(entry, std::make_index_sequence<R * C>{});
}
}  // namespace detail

/// transpose(A): (R, C) -> (C, R).
template <class T, std::size_t R, std::size_t C>
constexpr Matrix<T, C, R> transpose(const Matrix<T, R, C>& a) noexcept(nothrow_scalar<T>) {
  // Entry (c, r) of the result, flat index c R + r, is a(r, c).
  const T* const pa = detail::entries(a);
  return detail::generate<T, C, R>([pa](std::size_t flat) { return pa[(flat % R) * C + flat / R]; });
}

/// matmul(A, B): (R, K) · (K, C) -> (R, C).
template <class T, std::size_t R, std::size_t K1, std::size_t K2, std::size_t C>
requires inner_dims_agree<K1, K2>
constexpr Matrix<T, R, C> matmul(const Matrix<T, R, K1>& a, const Matrix<T, K2, C>& b) noexcept(nothrow_scalar<T>) {
  // Sums from k = 0 up, the order every gradproof function that forms W x uses.
  const T *const pa = detail::entries(a), *const pb = detail::entries(b);  // one statement: see zip
  return detail::generate<T, R, C>([pa, pb](std::size_t flat) {
    const std::size_t row = flat / C, col = flat % C;
    T sum = GRADPROOF_MUL(pa[row * K1], pb[col]);
    for (std::size_t term = 1; term < K1; ++term) sum = sum + GRADPROOF_MUL(pa[row * K1 + term], pb[term * C + col]);
    return sum;
  });
}

/// A * B is matmul(A, B): (R, K) · (K, C) -> (R, C).
template <class T, std::size_t R, std::size_t K1, std::size_t K2, std::size_t C>
requires inner_dims_agree<K1, K2>
constexpr Matrix<T, R, C> operator*(const Matrix<T, R, K1>& a, const Matrix<T, K2, C>& b) noexcept(nothrow_scalar<T>) {
  return matmul(a, b);
}

/// The entry of a (1, 1) matrix, e.g. of U · h: (1, 1) -> scalar.
template <class T>
constexpr T to_scalar(const Matrix<T, 1, 1>& a) noexcept(nothrow_scalar<T>) {
  return a(0, 0);
}

/// Element-wise f: (R, C) -> (R, C).
template <class F, class T, std::size_t R, std::size_t C>
constexpr auto map(F f, const Matrix<T, R, C>& a) noexcept(noexcept(f(std::declval<const T&>()))) {
  const T* const pa = detail::entries(a);
  return detail::generate<decltype(f(std::declval<const T&>())), R, C>(
      [&f, pa](std::size_t flat) { return f(pa[flat]); });
}

/// Element-wise a_i op b_i for two matrices of one shape.
namespace detail {
template <class T, std::size_t R, std::size_t C, class Op>
constexpr Matrix<T, R, C> zip(const Matrix<T, R, C>& a, const Matrix<T, R, C>& b, Op op) noexcept(nothrow_scalar<T>) {
  // One declaration: clang's constant evaluator charges a step per statement.
  const T *const pa = entries(a), *const pb = entries(b);
  return generate<T, R, C>([pa, pb, &op](std::size_t flat) { return op(pa[flat], pb[flat]); });
}
}  // namespace detail

/// hadamard(A, B), the slides' "∘": (R, C) ∘ (R, C) -> (R, C). A row and a column are
/// not the same shape, so (1, 4) ∘ (4, 1) is not an operation (erratum 3).
template <class T, std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
requires same_shape<R1, C1, R2, C2>
constexpr Matrix<T, R1, C1> hadamard(const Matrix<T, R1, C1>& a,
                                     const Matrix<T, R2, C2>& b) noexcept(nothrow_scalar<T>) {
  return detail::zip(a, b, [](T lhs, T rhs) { return GRADPROOF_MUL(lhs, rhs); });
}

/// A + B: (R, C) + (R, C) -> (R, C).
template <class T, std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
requires same_shape<R1, C1, R2, C2>
constexpr Matrix<T, R1, C1> operator+(const Matrix<T, R1, C1>& a,
                                      const Matrix<T, R2, C2>& b) noexcept(nothrow_scalar<T>) {
  return detail::zip(a, b, [](T lhs, T rhs) { return lhs + rhs; });
}

/// A - B: (R, C) - (R, C) -> (R, C). The SGD update Ω − η ∂L/∂Ω needs ∂L/∂Ω in Ω's shape.
template <class T, std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
requires same_shape<R1, C1, R2, C2>
constexpr Matrix<T, R1, C1> operator-(const Matrix<T, R1, C1>& a,
                                      const Matrix<T, R2, C2>& b) noexcept(nothrow_scalar<T>) {
  return detail::zip(a, b, [](T lhs, T rhs) { return lhs - rhs; });
}

// A shape and its transpose do not add, subtract or multiply entry by entry. These deleted
// overloads are what overload resolution then picks, so the compiler prints their line, which
// names the fix, instead of only "same_shape<4, 1, 1, 4> evaluated to false". They are still
// not operations: a negated concept proves each (static_tests/concepts_test.cpp).
// The compiler echoes each line below, whose comment names the fix: one line each, unwrapped.
// clang-format off
template <class T, std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
requires transposed_shapes<R1, C1, R2, C2>
constexpr Matrix<T, R1, C1> hadamard(const Matrix<T, R1, C1>&, const Matrix<T, R2, C2>&) = delete;  // a row ∘ a column, (R, C) ∘ (C, R): transpose one of them, as in δ1 U ∘ σ′(z)ᵀ
template <class T, std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
requires transposed_shapes<R1, C1, R2, C2>
constexpr Matrix<T, R1, C1> operator+(const Matrix<T, R1, C1>&, const Matrix<T, R2, C2>&) = delete;  // a row + a column, (R, C) + (C, R): transpose one of them
template <class T, std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
requires transposed_shapes<R1, C1, R2, C2>
constexpr Matrix<T, R1, C1> operator-(const Matrix<T, R1, C1>&, const Matrix<T, R2, C2>&) = delete;  // a column - a row, (R, C) - (C, R): b1 - eta * db1 takes db1 = transpose(delta2), b1's own gradient
// clang-format on

/// s · A: scalar times (R, C) -> (R, C).
template <class T, std::size_t R, std::size_t C>
constexpr Matrix<T, R, C> operator*(std::type_identity_t<T> s, const Matrix<T, R, C>& a) noexcept(nothrow_scalar<T>) {
  return map([s](T entry) { return GRADPROOF_MUL(s, entry); }, a);
}

/// A · s: (R, C) times scalar -> (R, C).
template <class T, std::size_t R, std::size_t C>
constexpr Matrix<T, R, C> operator*(const Matrix<T, R, C>& a, std::type_identity_t<T> s) noexcept(nothrow_scalar<T>) {
  return map([s](T entry) { return GRADPROOF_MUL(entry, s); }, a);
}

/// outer(a, b), the slides' "⊗": a column (R, 1) ⊗ a row (1, C) -> (R, C), entry (i, j) =
/// a_i b_j. Written with its operands' real shapes, as in dL/dW = delta2^T ⊗ x^T, so
/// x in place of x^T is not an operation.
template <class T, std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
requires lhs_is_a_column<C1> && rhs_is_a_row<R2>
constexpr Matrix<T, R1, C2> outer(const Matrix<T, R1, C1>& a, const Matrix<T, R2, C2>& b) noexcept(nothrow_scalar<T>) {
  const T* const pa = detail::entries(a);  // a column: entry i is a(i, 0)
  const T* const pb = detail::entries(b);  // a row: entry j is b(0, j)
  return detail::generate<T, R1, C2>([pa, pb](std::size_t flat) {
    const T a_i = pa[flat / C2];
    const T b_j = pb[flat % C2];
    return GRADPROOF_MUL(a_i, b_j);
  });
}

}  // namespace gradproof

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_OPS_HPP
