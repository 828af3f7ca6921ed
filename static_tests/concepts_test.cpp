// static_tests/concepts_test.cpp: the shape mistakes a student makes with the slides are not
// operations at all. Each negative check has its positive twin (the corrected expression),
// which also proves the concept is not false for an unrelated reason.
//
// Every expression sits behind a concept with template parameters: `!requires { ... }` on
// concrete types is a hard error on both compilers (g++ 12 and clang++ 19 alike). Only constraints on signatures can be probed this way; the static_asserts in
// function bodies (forward's x, equations::sgd) are proven by static_tests/compile_fail/.
#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "test_tools.hpp"

namespace {

using namespace gradproof;

// The operations, as predicates on operand types: test_tools.hpp (can_matmul, can_multiply, ...).
using namespace gradproof::test;

/// Ω ← Ω − η G written out (slide 8), stored back into Ω.
template <class Omega, class Gradient, class Scalar>
concept can_sgd_update = requires(Omega& omega, const Gradient& gradient, Scalar eta) {
  { omega - eta * gradient } -> std::same_as<Omega>;
  omega = omega - eta * gradient;
};

// The slide equations, each taking its operands' exact shapes.
template <class T, class U, class SigmaPrime>
concept can_eq_delta2 = requires(T delta1, const U& u, const SigmaPrime& s) { equations::delta2(delta1, u, s); };
template <class Delta2, class X>
concept can_eq_dW = requires(const Delta2& d, const X& x) { equations::dW(d, x); };
template <class Delta2>
concept can_eq_db1 = requires(const Delta2& d) { equations::db1(d); };
template <class T, class H>
concept can_eq_dU = requires(T delta1, const H& h) { equations::dU(delta1, h); };

// Calls whose shape rule is a static_assert in the body: requires sees a valid call.
template <class Omega, class Gradient, class Scalar>
concept sgd_call_is_well_formed = requires(const Omega& o, const Gradient& g, Scalar eta) { equations::sgd(o, g, eta); };
template <class Net, class X>
concept forward_call_is_well_formed = requires(const Net& net, const X& x) { forward(net, x); };

// The slides' quantities, by their declared types (so the checks follow the headers).
template <class T>
struct slides {
  using net = Network<T>;
  using W = decltype(net::W);
  using b1 = decltype(net::b1);
  using U = decltype(net::U);
  using b2 = decltype(net::b2);
  using x = ColVector<T, 3>;
  using x_t = decltype(transpose(std::declval<x>()));
  using z = decltype(ForwardPass<T>::z);
  using h = decltype(ForwardPass<T>::h);
  using sigma_prime = decltype(ForwardPass<T>::sigma_prime);
  using sigma_prime_t = decltype(transpose(std::declval<sigma_prime>()));
  using delta1_U = decltype(std::declval<T>() * std::declval<U>());
  using delta2 = decltype(Gradients<T>::delta2);
  using delta2_t = decltype(transpose(std::declval<delta2>()));
  using dW = decltype(Gradients<T>::dW);
  using db1 = decltype(Gradients<T>::db1);
  using dU = decltype(Gradients<T>::dU);
  using db2 = decltype(Gradients<T>::db2);
};

template <class T>
constexpr bool student_mistakes_are_rejected() {
  using s = slides<T>;

  // delta2 used as dL/db1 without the transpose (slide 11): a row is not b1's column
  static_assert(!can_sgd_update<typename s::b1, typename s::delta2, T>);  // [shape:sgd_b1_rejects_delta2]
  static_assert(can_sgd_update<typename s::b1, typename s::delta2_t, T>);  // [shape:sgd_b1_takes_delta2_t]
  static_assert(!can_subtract<typename s::b1, typename s::delta2>);
  static_assert(can_subtract<typename s::b1, typename s::delta2_t>);
  static_assert(!std::assignable_from<typename s::b1&, typename s::delta2>);
  static_assert(std::assignable_from<typename s::b1&, typename s::delta2_t>);
  static_assert(!std::convertible_to<typename s::delta2, typename s::b1>);
  static_assert(!std::convertible_to<typename s::W, Matrix<T, 3, 4>>);           // nor is W's to Wᵀ's shape
  static_assert(!std::constructible_from<typename s::b1, typename s::delta2>);
  static_assert(std::same_as<typename s::delta2_t, typename s::db1>);

  // equations::db1 transposes a row; given b1's column it is not a call
  static_assert(!can_eq_db1<typename s::b1>);
  static_assert(can_eq_db1<typename s::delta2>);

  // the other gradients assigned to the wrong parameter
  static_assert(!std::assignable_from<typename s::b1&, typename s::dU>);  // dU is a row like U
  static_assert(std::assignable_from<typename s::U&, typename s::dU>);
  static_assert(!std::assignable_from<typename s::U&, typename s::db1>);  // db1 is a column like b1
  static_assert(std::assignable_from<typename s::b1&, typename s::db1>);
  static_assert(!std::assignable_from<typename s::W&, typename s::delta2>);
  static_assert(std::assignable_from<typename s::W&, typename s::dW>);
  static_assert(!can_sgd_update<typename s::b1, typename s::dU, T>);
  static_assert(can_sgd_update<typename s::U, typename s::dU, T>);
  static_assert(!can_sgd_update<typename s::W, typename s::delta2, T>);
  static_assert(can_sgd_update<typename s::W, typename s::dW, T>);
  static_assert(!can_sgd_update<typename s::U, typename s::delta2_t, T>);
  static_assert(can_sgd_update<typename s::U, typename s::delta2, T>);  // [shape:sgd_U_takes_delta2] same (1, 4) shape: types cannot tell

  // dL/dW with the operands swapped, x ⊗ delta2: a (3, 4), not W's (4, 3)
  using dW_swapped = decltype(outer(std::declval<typename s::x>(), std::declval<typename s::delta2>()));
  static_assert(std::same_as<dW_swapped, Matrix<T, 3, 4>>);
  static_assert(!can_sgd_update<typename s::W, dW_swapped, T>);
  static_assert(!can_subtract<typename s::W, dW_swapped>);

  // element-wise product of a row and a column (erratum 3): delta1 U ∘ sigma'(z) needs sigma'(z)^T
  static_assert(std::same_as<typename s::delta1_U, RowVector<T, 4>>);
  static_assert(!can_hadamard<typename s::delta1_U, typename s::sigma_prime>);  // [shape:hadamard_row_by_column]
  static_assert(can_hadamard<typename s::delta1_U, typename s::sigma_prime_t>);  // [shape:hadamard_row_by_row]
  static_assert(!can_hadamard<typename s::sigma_prime, typename s::delta1_U>);
  static_assert(can_hadamard<typename s::sigma_prime, typename s::sigma_prime>);
  static_assert(!can_hadamard<RowVector<T, 4>, ColVector<T, 4>>);
  static_assert(can_hadamard<RowVector<T, 4>, decltype(transpose(std::declval<ColVector<T, 4>>()))>);
  static_assert(!can_hadamard<RowVector<T, 4>, RowVector<T, 3>>);
  static_assert(!can_eq_delta2<T, typename s::U, typename s::sigma_prime_t>);
  static_assert(can_eq_delta2<T, typename s::U, typename s::sigma_prime>);
  static_assert(!can_eq_delta2<T, typename s::b1, typename s::sigma_prime>);  // U is a row (erratum 5)

  // W x with an x of the wrong length, or in the wrong order
  static_assert(!can_matmul<Matrix<T, 4, 3>, ColVector<T, 4>>);
  static_assert(!can_multiply<Matrix<T, 4, 3>, ColVector<T, 4>>);
  static_assert(can_matmul<Matrix<T, 4, 3>, ColVector<T, 3>>);
  static_assert(can_multiply<Matrix<T, 4, 3>, ColVector<T, 3>>);
  static_assert(!can_multiply<typename s::x, typename s::W>);  // x W
  static_assert(can_multiply<typename s::x_t, Matrix<T, 3, 4>>);  // x^T W^T is fine
  static_assert(!can_multiply<typename s::W, typename s::x_t>);  // W x^T
  static_assert(!can_matmul<typename s::W, typename s::x_t>);

  // z = W x + b1: b1 is a column like W x; theta = U h + b2: U h is (1, 1), b2 a scalar
  using W_x = decltype(std::declval<typename s::W>() * std::declval<typename s::x>());
  static_assert(can_add<W_x, typename s::b1>);
  static_assert(!can_add<W_x, RowVector<T, 4>>);
  static_assert(!can_add<W_x, ColVector<T, 3>>);
  using U_h = decltype(std::declval<typename s::U>() * std::declval<typename s::h>());
  static_assert(std::same_as<U_h, Matrix<T, 1, 1>>);
  static_assert(!can_multiply<typename s::U, typename s::x>);  // U acts on h, not on x
  using h_U = decltype(std::declval<typename s::h>() * std::declval<typename s::U>());
  static_assert(std::same_as<h_U, Matrix<T, 4, 4>>);  // h U is valid, but an outer product, not theta
  static_assert(!can_add<U_h, typename s::b2>);  // a (1, 1) matrix is not a scalar: use to_scalar
  static_assert(can_add<decltype(to_scalar(std::declval<U_h>())), typename s::b2>);

  // dL/dW = delta2^T ⊗ x^T written with x, or without delta2's transpose
  static_assert(!can_outer<typename s::delta2_t, typename s::x>);  // [shape:outer_delta2_t_x]
  static_assert(can_outer<typename s::delta2_t, typename s::x_t>);  // [shape:outer_delta2_t_x_t]
  static_assert(!can_outer<typename s::delta2, typename s::x_t>);  // [shape:outer_delta2_x_t]
  static_assert(!can_outer<typename s::delta2, typename s::x>);  // [shape:outer_delta2_x]
  static_assert(!can_outer<Matrix<T, 4, 3>, RowVector<T, 3>>);  // the left operand must be a column
  static_assert(!can_outer<ColVector<T, 4>, Matrix<T, 3, 3>>);  // the right operand must be a row
  static_assert(can_eq_dW<typename s::delta2, typename s::x>);
  static_assert(!can_eq_dW<typename s::delta2_t, typename s::x>);  // equations::dW takes delta2 itself
  static_assert(!can_eq_dW<typename s::delta2, typename s::x_t>);  // ...and x itself

  // dL/dU = delta1 h^T: equations::dU takes the column h
  static_assert(can_eq_dU<T, typename s::h>);  // [shape:eq_dU_takes_h]
  static_assert(!can_eq_dU<T, typename s::dU>);  // [shape:eq_dU_rejects_row]

  // mixing float and double: T is deduced from both operands
  using Other = std::conditional_t<std::is_same_v<T, float>, double, float>;
  static_assert(!can_add<ColVector<T, 4>, ColVector<Other, 4>>);
  static_assert(!can_matmul<Matrix<T, 4, 3>, ColVector<Other, 3>>);
  static_assert(!std::assignable_from<ColVector<T, 4>&, ColVector<Other, 4>>);

  // transpose is defined for every shape
  static_assert(can_transpose<typename s::W> && can_transpose<typename s::x> && can_transpose<typename s::delta2>);
  static_assert(!can_transpose<T>);
  return true;
}

static_assert(student_mistakes_are_rejected<double>());
static_assert(student_mistakes_are_rejected<float>());

// The shape rules for any sizes: a row and a column of N >= 2 never mix; N = 1 is the one
// shape where a row is a column.
template <class T, std::size_t N>
constexpr bool rows_and_columns_do_not_mix() {
  static_assert(!can_add<RowVector<T, N>, ColVector<T, N>>);
  static_assert(!can_subtract<ColVector<T, N>, RowVector<T, N>>);
  static_assert(!can_hadamard<ColVector<T, N>, RowVector<T, N>>);
  static_assert(!std::assignable_from<ColVector<T, N>&, RowVector<T, N>>);
  static_assert(can_add<RowVector<T, N>, decltype(transpose(std::declval<ColVector<T, N>>()))>);
  static_assert(can_multiply<RowVector<T, N>, ColVector<T, N>>);  // the inner product, (1, 1)
  static_assert(can_multiply<ColVector<T, N>, RowVector<T, N>>);  // the outer product, (N, N)
  static_assert(!can_multiply<ColVector<T, N>, ColVector<T, N>>);
  static_assert(!can_multiply<RowVector<T, N>, RowVector<T, N>>);
  return true;
}
static_assert(rows_and_columns_do_not_mix<double, 2>());
static_assert(rows_and_columns_do_not_mix<double, 4>());
static_assert(rows_and_columns_do_not_mix<float, 7>());
static_assert(can_add<RowVector<double, 1>, ColVector<double, 1>>);

template <std::size_t R, std::size_t K, std::size_t C>
constexpr bool matmul_needs_inner_dims_to_agree() {
  static_assert(can_matmul<Matrix<double, R, K>, Matrix<double, K, C>>);
  static_assert(!can_matmul<Matrix<double, R, K>, Matrix<double, K + 1, C>>);
  static_assert(!can_matmul<Matrix<double, R, K + 1>, Matrix<double, K, C>>);
  static_assert(std::same_as<decltype(matmul(Matrix<double, R, K>{}, Matrix<double, K, C>{})), Matrix<double, R, C>>);
  return true;
}
static_assert(matmul_needs_inner_dims_to_agree<4, 3, 1>());
static_assert(matmul_needs_inner_dims_to_agree<1, 4, 1>());
static_assert(matmul_needs_inner_dims_to_agree<2, 5, 7>());

// The shape predicates of matrix.hpp, read as the rules they name
static_assert(same_shape<4, 1, 4, 1> && !same_shape<1, 4, 4, 1>);
static_assert(inner_dims_agree<3, 3> && !inner_dims_agree<3, 4>);
static_assert(lhs_is_a_column<1> && !lhs_is_a_column<4>);
static_assert(rhs_is_a_row<1> && !rhs_is_a_row<3>);
static_assert(matrix<Matrix<double, 4, 3>> && !matrix<double> && !matrix<std::array<double, 12>>);
static_assert(column_vector<ColVector<double, 4>> && !column_vector<RowVector<double, 4>>);
static_assert(row_vector<RowVector<double, 4>> && !row_vector<ColVector<double, 4>>);
static_assert(!column_vector<Matrix<double, 4, 3>> && !row_vector<Matrix<double, 4, 3>>);

// Where requires cannot help: these calls are well-formed to requires, and the static_assert
// in the body rejects them when the call is compiled. compile_fail/ proves each of them
// (sgd_on_b1_given_delta2_not_db1, forward_given_row_x_transposed, forward_4_inputs_into_...).
// If a header moves the rule onto the signature, these flip: turn them into negative checks.
static_assert(sgd_call_is_well_formed<ColVector<double, 4>, RowVector<double, 4>, double>);
static_assert(forward_call_is_well_formed<Network<double>, RowVector<double, 3>>);
static_assert(forward_call_is_well_formed<Network<double>, ColVector<double, 4>>);
static_assert(!forward_call_is_well_formed<Network<double>, std::array<double, 3>>);  // not a Matrix at all

}  // namespace
