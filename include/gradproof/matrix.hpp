// gradproof/matrix.hpp: the fixed-size matrix every quantity of the network lives in.
//
// Shape vocabulary (used everywhere in gradproof): rows first, as in the slides and Eigen.
// A vector is a column, ColVector<T, N> = Matrix<T, N, 1>; a row is RowVector<T, N> =
// Matrix<T, 1, N>. A (1, 4) row and a (4, 1) column are different types on purpose: the
// slides' shape rules (b1 is a column, delta2 a row, so dL/db1 = delta2^T) become type rules.
//
// Storage: a std::array, row-major. Matrix<T, R, C>{} is all zeros; Matrix<T, 2, 2>{1, 2, 3, 4}
// fills row by row. It is an aggregate: no heap, no hidden conversions between shapes.
#ifndef GRADPROOF_MATRIX_HPP
#define GRADPROOF_MATRIX_HPP

#include <array>
#include <cstddef>

#include "detail/numeric.hpp"

namespace gradproof {

template <class T, std::size_t Rows, std::size_t Cols>
struct Matrix {
  // A matrix needs at least one row and one column.
  static_assert(Rows >= 1 && Cols >= 1, "gradproof::Matrix: Rows and Cols must both be at least 1");

  using value_type = T;
  static constexpr std::size_t rows = Rows;
  static constexpr std::size_t cols = Cols;
  static constexpr std::size_t size = Rows * Cols;

  std::array<T, Rows * Cols> data{};

  /// Entry (r, c), 0-based. Out of range is undefined at run time and a compile error in a
  /// constant expression.
  constexpr T& operator()(std::size_t r, std::size_t c) noexcept { return data[r * Cols + c]; }
  constexpr const T& operator()(std::size_t r, std::size_t c) const noexcept { return data[r * Cols + c]; }

  friend constexpr bool operator==(const Matrix&, const Matrix&) = default;

  // No conversion to the transposed shape: the (1, 4) row delta2 is not the (4, 1) column db1.
  // Deleted rather than absent, so that the compiler prints the line below, which names the fix;
  // absent, it would only say that two shapes do not convert. Still no conversion at all:
  // std::is_convertible is false, and a negated concept can prove it (static_tests/concepts_test.cpp).
  // The compiler echoes the line below, whose comment names the fix: one line, unwrapped.
  // clang-format off
  template <std::size_t R2, std::size_t C2>
    requires(R2 == Cols && C2 == Rows && Rows != Cols)
  constexpr operator Matrix<T, R2, C2>() const = delete;  // a row is not a column, (R, C) is not (C, R): write transpose(m), e.g. db1 = transpose(delta2)
  // clang-format on
};

template <class T, std::size_t N>
using ColVector = Matrix<T, N, 1>;
template <class T, std::size_t N>
using RowVector = Matrix<T, 1, N>;

// Shape predicates, named so that a failed constraint reads as the rule that was broken
// ("because 'same_shape<1, 4, 4, 1>' evaluated to false").

/// (R1, C1) and (R2, C2) are the same shape: what +, -, hadamard and assignment need.
template <std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
concept same_shape = R1 == R2 && C1 == C2;

/// (R1, C1) is (R2, C2) transposed, and not square: a row and a column of one length, or W and
/// Wᵀ. Never the same shape; the mistake a missing transpose makes.
template <std::size_t R1, std::size_t C1, std::size_t R2, std::size_t C2>
concept transposed_shapes = R1 == C2 && C1 == R2 && R1 != C1;

/// A (R, K) times a (K, C): the lhs's columns equal the rhs's rows.
template <std::size_t LhsCols, std::size_t RhsRows>
concept inner_dims_agree = LhsCols == RhsRows;

/// The left operand of an outer product is a column: (R, 1).
template <std::size_t LhsCols>
concept lhs_is_a_column = LhsCols == 1;

/// The right operand of an outer product is a row: (1, C).
template <std::size_t RhsRows>
concept rhs_is_a_row = RhsRows == 1;

namespace detail {
/// The entries of m as a raw pointer, row-major: entry (i, j) is entries(m)[i * C + j], row i
/// starts at entries(m) + i * C. The one way gradproof's loops read and write a matrix. Why not
/// m(i, j): in a constant evaluation every call of Matrix::operator() and of
/// std::array::operator[] is a function call that both compilers' evaluators charge for (clang
/// counts it against -fconstexpr-steps), while a read through a pointer is not a call. Compiled
/// code is the same.
template <class T, std::size_t R, std::size_t C>
constexpr T* entries(Matrix<T, R, C>& m) noexcept {
  return m.data.data();
}
template <class T, std::size_t R, std::size_t C>
constexpr const T* entries(const Matrix<T, R, C>& m) noexcept {
  return m.data.data();
}

template <class M>
inline constexpr bool is_matrix_v = false;
template <class T, std::size_t R, std::size_t C>
inline constexpr bool is_matrix_v<Matrix<T, R, C>> = true;

/// (rows, cols) of a Matrix type; (0, 0) for a scalar. For diagnostics that compare shapes.
template <class M>
struct ShapeOf {
  static constexpr std::size_t rows = 0, cols = 0;
};
template <class T, std::size_t R, std::size_t C>
struct ShapeOf<Matrix<T, R, C>> {
  static constexpr std::size_t rows = R, cols = C;
};
}  // namespace detail

/// Any gradproof::Matrix.
template <class M>
concept matrix = detail::is_matrix_v<M>;

/// A (N, 1) matrix.
template <class M>
concept column_vector = matrix<M> && M::cols == 1;

/// A (1, N) matrix.
template <class M>
concept row_vector = matrix<M> && M::rows == 1;

}  // namespace gradproof

#endif  // GRADPROOF_MATRIX_HPP
