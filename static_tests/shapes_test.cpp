// static_tests/shapes_test.cpp: the shape of every quantity of the slides, proven as a type.
//
// Rule under test (docs: SPEC "The gradients"): a derivative of L by a column is a row
// (delta2), a gradient by a parameter has exactly the parameter's type (dW, db1, dU, db2),
// and the forward intermediates are columns (z, h, sigma'(z)) or scalars (theta, y_hat).
#include <array>
#include <cstddef>
#include <type_traits>

#include "test_tools.hpp"

namespace {

using namespace gradproof;
using gradproof::test::is_of_type;

// A network, a sample and their forward and backward passes for any T, In, Hidden. The zero
// network is enough for types; values use the concrete network further down.
template <class T, std::size_t In, std::size_t Hidden>
constexpr Network<T, In, Hidden> zero_net{};
template <class T, std::size_t In>
constexpr ColVector<T, In> zero_x{};
template <class T, std::size_t In, std::size_t Hidden>
constexpr ForwardPass<T, In, Hidden> pass = forward(zero_net<T, In, Hidden>, zero_x<T, In>);
template <class T, std::size_t In, std::size_t Hidden>
constexpr Gradients<T, In, Hidden> grads = backward(zero_net<T, In, Hidden>, zero_x<T, In>, T(1));

template <class T, std::size_t In, std::size_t Hidden>
constexpr bool network_shapes_hold() {
  constexpr const auto& net = zero_net<T, In, Hidden>;
  constexpr const auto& f = pass<T, In, Hidden>;
  constexpr const auto& g = grads<T, In, Hidden>;

  // the parameters: W (Hidden, In), b1 (Hidden, 1), U (1, Hidden), b2 scalar
  static_assert(is_of_type<Matrix<T, Hidden, In>>(net.W));  // [shape:W]
  static_assert(is_of_type<ColVector<T, Hidden>>(net.b1));  // [shape:b1]
  static_assert(is_of_type<RowVector<T, Hidden>>(net.U));  // [shape:U]
  static_assert(is_of_type<T>(net.b2));  // [shape:b2]
  static_assert(Network<T, In, Hidden>::inputs == In && Network<T, In, Hidden>::hidden == Hidden);

  // forward: z, h, sigma'(z) are columns (Hidden, 1); theta and y_hat are scalars
  static_assert(is_of_type<ForwardPass<T, In, Hidden>>(forward(net, zero_x<T, In>)));
  static_assert(is_of_type<ColVector<T, Hidden>>(f.z));  // [shape:z]
  static_assert(is_of_type<ColVector<T, Hidden>>(f.h));  // [shape:h]
  static_assert(is_of_type<ColVector<T, Hidden>>(f.sigma_prime));  // [shape:sigma_prime]
  static_assert(is_of_type<T>(f.theta));  // [shape:theta]
  static_assert(is_of_type<T>(f.y_hat));  // [shape:y_hat]
  static_assert(is_of_type<T>(loss(net, zero_x<T, In>, T(1))));  // [shape:loss]
  static_assert(is_of_type<T>(predict(net, zero_x<T, In>)));

  // backward: delta1 scalar, delta2 a row (1, Hidden)
  static_assert(is_of_type<Gradients<T, In, Hidden>>(backward(net, zero_x<T, In>, T(1))));
  static_assert(is_of_type<Gradients<T, In, Hidden>>(backward(net, zero_x<T, In>, T(1), f)));
  static_assert(is_of_type<T>(g.delta1));  // [shape:delta1]
  static_assert(is_of_type<RowVector<T, Hidden>>(g.delta2));  // [shape:delta2]

  // every gradient has exactly its parameter's type
  static_assert(std::is_same_v<decltype(g.dW), decltype(net.W)>);  // [shape:dW_is_W_type]
  static_assert(std::is_same_v<decltype(g.db1), decltype(net.b1)>);  // [shape:db1_is_b1_type]
  static_assert(std::is_same_v<decltype(g.dU), decltype(net.U)>);  // [shape:dU_is_U_type]
  static_assert(std::is_same_v<decltype(g.db2), decltype(net.b2)>);  // [shape:db2_is_b2_type]
  static_assert(is_of_type<Matrix<T, Hidden, In>>(g.dW));  // [shape:dW]
  static_assert(is_of_type<ColVector<T, Hidden>>(g.db1));  // [shape:db1]
  static_assert(is_of_type<RowVector<T, Hidden>>(g.dU));  // [shape:dU]
  static_assert(is_of_type<T>(g.db2));  // [shape:db2]

  // each slide equation returns its quantity's type
  static_assert(is_of_type<T>(equations::delta1(f.y_hat, T(1))));
  static_assert(is_of_type<RowVector<T, Hidden>>(equations::delta2(g.delta1, net.U, f.sigma_prime)));  // [shape:eq_delta2]
  static_assert(is_of_type<Matrix<T, Hidden, In>>(equations::dW(g.delta2, zero_x<T, In>)));
  static_assert(is_of_type<ColVector<T, Hidden>>(equations::db1(g.delta2)));
  static_assert(is_of_type<RowVector<T, Hidden>>(equations::dU(g.delta1, f.h)));  // [shape:eq_dU]
  static_assert(is_of_type<T>(equations::db2(g.delta1)));

  // SGD keeps every shape
  static_assert(is_of_type<Network<T, In, Hidden>>(update(net, g, T(0.5))));
  static_assert(is_of_type<Network<T, In, Hidden>>(sgd_step(net, zero_x<T, In>, T(1), T(0.5))));  // [shape:step]
  static_assert(is_of_type<Matrix<T, Hidden, In>>(equations::sgd(net.W, g.dW, T(0.5))));  // [shape:sgd_W]
  static_assert(is_of_type<ColVector<T, Hidden>>(equations::sgd(net.b1, g.db1, T(0.5))));  // [shape:sgd_b1]
  static_assert(is_of_type<RowVector<T, Hidden>>(equations::sgd(net.U, g.dU, T(0.5))));  // [shape:sgd_U]
  static_assert(is_of_type<T>(equations::sgd(net.b2, g.db2, T(0.5))));  // [shape:sgd_b2]

  // db1 = delta2^T: a row turned into b1's column
  static_assert(is_of_type<ColVector<T, Hidden>>(transpose(g.delta2)));
  static_assert(g.db1 == transpose(g.delta2));  // [shape:db1_is_delta2_t]
  return true;
}

// the slides' 3-4 network and other sizes, in float and double
static_assert(network_shapes_hold<double, 3, 4>());
static_assert(network_shapes_hold<float, 3, 4>());
static_assert(network_shapes_hold<double, 2, 5>());
static_assert(network_shapes_hold<float, 2, 5>());
static_assert(network_shapes_hold<double, 7, 3>());
static_assert(network_shapes_hold<float, 7, 3>());
static_assert(network_shapes_hold<double, 1, 1>());
static_assert(network_shapes_hold<float, 1, 1>());

// the defaults are the slides' sizes: Network<T> is Network<T, 3, 4>
static_assert(std::is_same_v<Network<double>, Network<double, 3, 4>>);
static_assert(std::is_same_v<ForwardPass<float>, ForwardPass<float, 3, 4>>);
static_assert(std::is_same_v<Gradients<double>, Gradients<double, 3, 4>>);
static_assert(Network<double>::inputs == 3 && Network<double>::hidden == 4);

// delta2 is a row and b1 a column: with Hidden > 1 they are different types...
static_assert(is_of_type<RowVector<double, 4>>(grads<double, 3, 4>.delta2));
static_assert(is_of_type<ColVector<double, 4>>(zero_net<double, 3, 4>.b1));
static_assert(!std::is_same_v<decltype(grads<double, 3, 4>.delta2), decltype(zero_net<double, 3, 4>.b1)>);
static_assert(!std::is_same_v<decltype(grads<float, 7, 3>.delta2), decltype(zero_net<float, 7, 3>.b1)>);
// ...but with one hidden unit a (1, 1) row is a (1, 1) column: the types cannot tell them apart
static_assert(std::is_same_v<decltype(grads<float, 1, 1>.delta2), decltype(zero_net<float, 1, 1>.b1)>);  // [shape:one_hidden_row_is_column]

// db1 == transpose(delta2), type and value, on a concrete network (nonzero gradients)
constexpr Network<double> concrete_net{
    .W = {0.5, -0.25, 0.125, 0.0, 0.25, -0.5, 0.75, 0.5, 0.0, -0.125, 0.0, 0.25},
    .b1 = {0.0, 0.5, -0.5, 0.25},
    .U = {1.0, -1.0, 0.5, 0.25},
    .b2 = 0.125,
};
constexpr ColVector<double, 3> sample{0.5, -1.0, 2.0};
constexpr Gradients<double> concrete = backward(concrete_net, sample, 1.0);
static_assert(is_of_type<ColVector<double, 4>>(transpose(concrete.delta2)));
static_assert(concrete.db1 == transpose(concrete.delta2));  // [proof:db1_is_delta2_t_concrete]
static_assert(concrete.db1(1, 0) == concrete.delta2(0, 1) && concrete.db1(3, 0) == concrete.delta2(0, 3));  // [proof:db1_entries_concrete]
static_assert(concrete.delta2(0, 0) != 0.0 && concrete.delta2(0, 1) != 0.0);
static_assert(concrete.dW == outer(transpose(concrete.delta2), transpose(sample)));  // [proof:dW_outer_concrete]
static_assert(concrete.db2 == concrete.delta1 && concrete.delta1 < 0.0);  // [proof:db2_is_delta1_concrete]

// transpose: (R, C) -> (C, R); a column becomes a row and back
static_assert(is_of_type<Matrix<double, 3, 2>>(transpose(Matrix<double, 2, 3>{})));
static_assert(is_of_type<RowVector<double, 4>>(transpose(ColVector<double, 4>{})));
static_assert(is_of_type<ColVector<float, 4>>(transpose(RowVector<float, 4>{})));
static_assert(is_of_type<Matrix<double, 1, 1>>(transpose(Matrix<double, 1, 1>{})));
static_assert(transpose(transpose(Matrix<double, 2, 3>{1, 2, 3, 4, 5, 6})) == Matrix<double, 2, 3>{1, 2, 3, 4, 5, 6});
static_assert(transpose(Matrix<double, 2, 3>{1, 2, 3, 4, 5, 6}) == Matrix<double, 3, 2>{1, 4, 2, 5, 3, 6});

// matmul and operator*: (R, K) · (K, C) -> (R, C)
static_assert(is_of_type<ColVector<double, 4>>(matmul(Matrix<double, 4, 3>{}, ColVector<double, 3>{})));
static_assert(is_of_type<ColVector<double, 4>>(Matrix<double, 4, 3>{} * ColVector<double, 3>{}));
static_assert(is_of_type<Matrix<float, 1, 1>>(RowVector<float, 4>{} * ColVector<float, 4>{}));
static_assert(is_of_type<Matrix<double, 4, 4>>(ColVector<double, 4>{} * RowVector<double, 4>{}));
static_assert(is_of_type<Matrix<double, 2, 5>>(matmul(Matrix<double, 2, 7>{}, Matrix<double, 7, 5>{})));
static_assert(is_of_type<double>(to_scalar(RowVector<double, 4>{} * ColVector<double, 4>{})));
static_assert(Matrix<double, 2, 2>{1, 2, 3, 4} * Matrix<double, 2, 2>{5, 6, 7, 8} == Matrix<double, 2, 2>{19, 22, 43, 50});

// outer: column (R, 1) ⊗ row (1, C) -> (R, C)
static_assert(is_of_type<Matrix<double, 4, 3>>(outer(ColVector<double, 4>{}, RowVector<double, 3>{})));
static_assert(is_of_type<Matrix<float, 1, 7>>(outer(ColVector<float, 1>{}, RowVector<float, 7>{})));
static_assert(outer(ColVector<double, 2>{1, 2}, RowVector<double, 3>{3, 4, 5}) == Matrix<double, 2, 3>{3, 4, 5, 6, 8, 10});

// hadamard, +, -, scalar ·: (R, C) with (R, C) -> (R, C)
static_assert(is_of_type<RowVector<double, 4>>(hadamard(RowVector<double, 4>{}, RowVector<double, 4>{})));
static_assert(is_of_type<ColVector<float, 4>>(hadamard(ColVector<float, 4>{}, ColVector<float, 4>{})));
static_assert(is_of_type<Matrix<double, 4, 3>>(Matrix<double, 4, 3>{} + Matrix<double, 4, 3>{}));
static_assert(is_of_type<Matrix<double, 4, 3>>(Matrix<double, 4, 3>{} - Matrix<double, 4, 3>{}));
static_assert(is_of_type<ColVector<float, 4>>(ColVector<float, 4>{} - 0.5f * ColVector<float, 4>{}));
static_assert(is_of_type<RowVector<double, 4>>(RowVector<double, 4>{} * 0.5));
static_assert(is_of_type<Matrix<double, 2, 3>>(map([](double v) { return v; }, Matrix<double, 2, 3>{})));
static_assert(hadamard(RowVector<double, 3>{1, 2, 3}, RowVector<double, 3>{4, 5, 6}) == RowVector<double, 3>{4, 10, 18});
static_assert(ColVector<double, 2>{1, 2} + ColVector<double, 2>{3, 5} == ColVector<double, 2>{4, 7});
static_assert(ColVector<double, 2>{1, 2} - ColVector<double, 2>{3, 5} == ColVector<double, 2>{-2, -3});
static_assert(Matrix<double, 2, 3>{1, 2, 3, 4, 5, 6} * 0.5 == Matrix<double, 2, 3>{0.5, 1, 1.5, 2, 2.5, 3});
static_assert(Matrix<double, 2, 3>{1, 2, 3, 4, 5, 6} * 0.5 == 0.5 * Matrix<double, 2, 3>{1, 2, 3, 4, 5, 6});

// Matrix<T, R, C>: rows, cols, size, value_type; ColVector is (N, 1) and RowVector (1, N)
static_assert(Matrix<double, 4, 3>::rows == 4 && Matrix<double, 4, 3>::cols == 3 && Matrix<double, 4, 3>::size == 12);
static_assert(std::is_same_v<Matrix<float, 4, 3>::value_type, float>);
static_assert(std::is_same_v<ColVector<double, 4>, Matrix<double, 4, 1>>);
static_assert(std::is_same_v<RowVector<double, 4>, Matrix<double, 1, 4>>);
static_assert(ColVector<double, 4>::rows == 4 && ColVector<double, 4>::cols == 1);
static_assert(RowVector<double, 4>::rows == 1 && RowVector<double, 4>::cols == 4);
static_assert(std::is_same_v<decltype(Matrix<double, 4, 3>{}.data), std::array<double, 12>>);
static_assert(std::is_aggregate_v<Matrix<double, 4, 3>> && std::is_trivially_copyable_v<Matrix<double, 4, 3>>);

// Matrix{} is all zeros
template <class T, std::size_t R, std::size_t C>
constexpr bool all_zero(const Matrix<T, R, C>& m) {
  for (const T& v : m.data)
    if (v != T(0)) return false;
  return true;
}
static_assert(all_zero(Matrix<double, 4, 3>{}) && all_zero(Matrix<float, 1, 7>{}));
static_assert(all_zero(Network<double>{}.W) && all_zero(Network<float>{}.U) && Network<double>{}.b2 == 0.0);
static_assert(all_zero(Gradients<double>{}.dW) && all_zero(Gradients<double>{}.delta2));

// m(r, c) is row-major: data[r * cols + c], filled row by row from the braces
constexpr Matrix<double, 2, 3> m{1, 2, 3, 4, 5, 6};
static_assert(m(0, 0) == 1 && m(0, 1) == 2 && m(0, 2) == 3);
static_assert(m(1, 0) == 4 && m(1, 1) == 5 && m(1, 2) == 6);
static_assert(m(1, 2) == m.data[1 * 3 + 2]);
static_assert(ColVector<double, 3>{7, 8, 9}(2, 0) == 9 && RowVector<double, 3>{7, 8, 9}(0, 2) == 9);
static_assert([] {
  Matrix<double, 2, 3> w{};
  w(1, 0) = 4;  // writable through operator()
  return w.data[3] == 4;
}());

}  // namespace
