// static_tests/symbolic_shapes_test.cpp: the symbolic proofs of the slides' gradients beyond
// the 3-4-1 network of symbolic_network_test.cpp: every gradient of the 2-3-1 and 4-2-1 shapes
// against the closed forms (one constant evaluation each), the faults a student makes proven
// different, one SGD entry (and η applied twice is not it), the mini-batch mean, and the exact
// gradient evaluated at the docs' worked example against gradproof's backward().
#include <cstddef>

#include <gradproof/network.hpp>
#include <gradproof/symbolic.hpp>
#include <gradproof/worked_example.hpp>

#include "symbolic_network.hpp"

namespace {

using namespace gradproof::symbolic;
using namespace symbolic_test;

constexpr auto gradients_231 = all_gradients<2, 3>();
constexpr auto gradients_421 = all_gradients<4, 2>();
static_assert(identical<gradients_231>);  // [proof:symbolic_231_421_all_gradients]
static_assert(identical<gradients_421>);
// The twins: a sign, σ for σ′, a wrong index of x, ∂L/∂b1 = δ1.
static_assert(differs<2, 3>(fault::delta1_sign, variable{kind::b2}));
static_assert(differs<2, 3>(fault::sigma_for_sigma_prime, variable{kind::W, 1, 0}));
static_assert(differs<2, 3>(fault::x_index, variable{kind::W, 2, 1}));
static_assert(differs<2, 3>(fault::db1_as_delta1, variable{kind::b1, 0}));

// ---- the SGD step: Ω − η ∂L/∂Ω, entry by entry, and η applied twice is not it ---------------
static_assert([] {
  const Expr l = loss<2, 3>();
  const closed_form<2, 3> closed;
  const Expr step = W(1, 0) - eta() * derivative(l, W(1, 0));
  return step == W(1, 0) - eta() * closed.dW(1, 0) && !(step == W(1, 0) - eta() * eta() * closed.dW(1, 0)) &&
         !(step == W(1, 0) + eta() * closed.dW(1, 0));
}());  // [proof:symbolic_sgd_entry]

// ---- the mini-batch mean: the derivative of the mean loss is the mean of the gradients -----
template <std::size_t Sample>
constexpr Expr theta_of() {  // 2-2-1, sample s's x and y
  Expr r = b2();
  for (std::size_t i = 0; i < 2; ++i)
    r += U(i) * sigmoid(W(i, 0) * x_of(Sample, 0) + W(i, 1) * x_of(Sample, 1) + b1(i));
  return r;
}
static_assert([] {
  const Expr t0 = theta_of<0>(), t1 = theta_of<1>();
  const Expr mean_loss = (softplus(t0) - t0 * y_of(0) + softplus(t1) - t1 * y_of(1)) / 2;
  const Expr z0 = W(1, 0) * x_of(0, 0) + W(1, 1) * x_of(0, 1) + b1(1);
  const Expr z1 = W(1, 0) * x_of(1, 0) + W(1, 1) * x_of(1, 1) + b1(1);
  const Expr mean_dW = ((sigmoid(t0) - y_of(0)) * U(1) * sigmoid_prime(z0) * x_of(0, 1) +
                        (sigmoid(t1) - y_of(1)) * U(1) * sigmoid_prime(z1) * x_of(1, 1)) *
                       Expr(rational(1, 2));
  return derivative(mean_loss, W(1, 1)) == mean_dW && !(derivative(mean_loss, W(1, 1)) == mean_dW * 2);
}());  // [proof:symbolic_minibatch_mean]

// ---- evaluated at the docs' worked example, the exact gradient is gradproof's number ---------
// The worked example's entries are multiples of 1/64 (worked_example.hpp), so the Expr
// constants are exact; the evaluation rounds (σ, products), hence a relative tolerance.
namespace we = gradproof::worked_example;
constexpr double value_at_worked_example(const variable& v) {
  switch (v.k) {
    case kind::W:
      return we::net<double>.W(v.i, v.j);
    case kind::b1:
      return we::net<double>.b1(v.i, 0);
    case kind::U:
      return we::net<double>.U(0, v.i);
    case kind::b2:
      return we::net<double>.b2;
    case kind::x:
      return we::x<double>(v.i, 0);
    case kind::y:
      return we::y<double>;
    default:
      return 0.0;
  }
}
constexpr bool close(double a, double b) {
  const double d = a - b, scale = (a < 0 ? -a : a) + (b < 0 ? -b : b);
  return (d < 0 ? -d : d) <= 1e-13 * scale;
}
constexpr auto g = gradproof::backward(we::net<double>, we::x<double>, we::y<double>);
static_assert([] {
  const Expr l = loss<3, 4>();
  return close(evaluate(derivative(l, W(1, 2)), value_at_worked_example), g.dW(1, 2)) &&
         close(evaluate(derivative(l, b1(3)), value_at_worked_example), g.db1(3, 0)) &&
         close(evaluate(derivative(l, U(0)), value_at_worked_example), g.dU(0, 0)) &&
         close(evaluate(derivative(l, b2()), value_at_worked_example), g.db2) &&
         !close(evaluate(derivative(l, W(1, 2)), value_at_worked_example), g.dW(2, 1));  // twin: another entry
}());  // [proof:symbolic_worked_example_values]

}  // namespace
