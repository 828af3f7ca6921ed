// gradproof/network.hpp: the slides' network, its forward pass, its gradients and one SGD step.
//
// Shapes (In = β = 3 inputs, Hidden = α = 4 hidden units by default; docs/shapes.md):
//   x (In, 1)   W (Hidden, In)   b1 (Hidden, 1)   z = W x + b1 (Hidden, 1)   h = σ(z) (Hidden, 1)
//   U (1, Hidden)   b2 scalar   θ = U h + b2 scalar   ŷ = σ(θ) scalar   L = CE(ŷ, y) scalar
// Convention (CS224n gradient notes, as the slides): a derivative of the scalar L by a
// column is a row (delta1 scalar, delta2 (1, Hidden)); a gradient by a parameter has the
// parameter's shape (dW (Hidden, In), db1 (Hidden, 1), dU (1, Hidden), db2 scalar), so SGD
// subtracts element by element. The transposes in gradproof::equations are where the two
// conventions meet.
#ifndef GRADPROOF_NETWORK_HPP
#define GRADPROOF_NETWORK_HPP

#include <bit>
#include <cstddef>
#include <iterator>
#include <string_view>
#include <type_traits>

#include "detail/numeric.hpp"
#include "loss.hpp"
#include "math.hpp"
#include "matrix.hpp"
#include "ops.hpp"
#include "parameters.hpp"
#include "scalar.hpp"
#include "validate.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof {

/// The parameters of the 3-4-1 network (any In, Hidden >= 1).
template <class T, std::size_t In = 3, std::size_t Hidden = 4>
struct Network {
  static_assert(In >= 1 && Hidden >= 1, "gradproof::Network: In and Hidden must both be at least 1");
  static constexpr std::size_t inputs = In;
  static constexpr std::size_t hidden = Hidden;

  Matrix<T, Hidden, In> W;  ///< hidden weights (α, β) = (Hidden, In)
  ColVector<T, Hidden> b1;  ///< hidden bias (Hidden, 1)
  RowVector<T, Hidden> U;   ///< output weights (1, Hidden): a row, since θ = U h + b2 (erratum 5)
  T b2{};                   ///< output bias, scalar

  GRADPROOF_EXACT_EQUALITY_BEGIN
  friend constexpr bool operator==(const Network&, const Network&) = default;
  GRADPROOF_EXACT_EQUALITY_END
};

/// Every intermediate of the forward pass, under its slide name.
template <class T, std::size_t In = 3, std::size_t Hidden = 4>
struct ForwardPass {
  ColVector<T, Hidden> z;            ///< W x + b1 (Hidden, 1)
  ColVector<T, Hidden> h;            ///< σ(z) (Hidden, 1)
  ColVector<T, Hidden> sigma_prime;  ///< σ′(z) (Hidden, 1), made with h from the same exp
  T theta{};                         ///< U h + b2, the logit
  T y_hat{};                         ///< σ(θ), the prediction in (0, 1)
  T one_minus_y_hat{};               ///< 1 − ŷ = σ(−θ), to relative accuracy (not by subtraction)

  GRADPROOF_EXACT_EQUALITY_BEGIN
  friend constexpr bool operator==(const ForwardPass&, const ForwardPass&) = default;
  GRADPROOF_EXACT_EQUALITY_END
};

/// The two deltas and the four gradients, each gradient exactly of its parameter's type.
template <class T, std::size_t In = 3, std::size_t Hidden = 4>
struct Gradients {
  T delta1{};                   ///< ∂L/∂θ = ŷ − y, scalar
  RowVector<T, Hidden> delta2;  ///< ∂L/∂z, a row (1, Hidden)
  Matrix<T, Hidden, In> dW;     ///< ∂L/∂W (Hidden, In) = shape of W
  ColVector<T, Hidden> db1;     ///< ∂L/∂b1 (Hidden, 1) = shape of b1 = delta2ᵀ
  RowVector<T, Hidden> dU;      ///< ∂L/∂U (1, Hidden) = shape of U
  T db2{};                      ///< ∂L/∂b2, scalar = shape of b2

  GRADPROOF_EXACT_EQUALITY_BEGIN
  friend constexpr bool operator==(const Gradients&, const Gradients&) = default;
  GRADPROOF_EXACT_EQUALITY_END
};

/// One labelled sample: x (In, 1) and y in [0, 1].
template <class T, std::size_t In = 3>
struct Sample {
  ColVector<T, In> x;
  T y{};
};

/// Each equation of the slides, one function each, named after what it computes.
namespace equations {

/// δ1 = ∂L/∂θ = ŷ − y (slide 5, eq. 3): sigmoid and cross-entropy cancel. scalar.
/// The slides' formula, as written. backward() evaluates it with the overload below.
template <class T>
constexpr T delta1(T y_hat, std::type_identity_t<T> y) noexcept(nothrow_scalar<T>) {
  return y_hat - y;
}

/// δ1 = ŷ − y evaluated as (1 − y) ŷ − y (1 − ŷ), with 1 − ŷ from the forward pass (σ(−θ), not
/// a subtraction). The same number; but for a confident right answer ŷ − y cancels: at θ = 35,
/// y = 1, ŷ rounds to within an ulp of 1 and ŷ − y keeps none of δ1's digits (off by a tenth
/// of itself; at θ = 40 it is 0), while this form is exact for y in {0, 1} up to ŷ's and
/// 1 − ŷ's own rounding. Proven against forward-mode AD in static_tests/ad_test.cpp. scalar.
template <class T>
constexpr T delta1(T y_hat, std::type_identity_t<T> one_minus_y_hat,
                   std::type_identity_t<T> y) noexcept(nothrow_scalar<T>) {
  return GRADPROOF_MUL(T(1) - y, y_hat) - GRADPROOF_MUL(y, one_minus_y_hat);
}

/// δ2 = ∂L/∂z = δ1 U ∘ σ′(z)ᵀ (slides 6-7, eqs. 4 and 6): (1, Hidden) ∘ (1, Hidden) -> (1, Hidden).
/// Evaluated as eq. (6) writes it, ε · [u1 σ′(z1), …, uH σ′(zH)]: U ∘ σ′(z)ᵀ does not wait for
/// δ1, which is the last thing the forward pass produces. The slides write "δ1 U ∘ σ′(z)",
/// a row times a column (erratum 3): the transpose is needed.
template <class T, std::size_t Hidden>
constexpr RowVector<T, Hidden> delta2(T delta1, const RowVector<T, Hidden>& U,
                                      const ColVector<T, Hidden>& sigma_prime_z) noexcept(nothrow_scalar<T>) {
  return delta1 * hadamard(U, transpose(sigma_prime_z));
}

/// ∂L/∂W = δ2ᵀ ⊗ xᵀ (slide 9, eq. 7): (Hidden, 1) ⊗ (1, In) -> (Hidden, In), entry (i, j) = δ2_i x_j.
/// Row i carries σ′(z_i) (the slides' last row wrongly has σ′(z1), erratum 4).
template <class T, std::size_t Hidden, std::size_t In>
constexpr Matrix<T, Hidden, In> dW(const RowVector<T, Hidden>& delta2,
                                   const ColVector<T, In>& x) noexcept(nothrow_scalar<T>) {
  return outer(transpose(delta2), transpose(x));
}

/// ∂L/∂b1 = δ2ᵀ (slide 11): (1, Hidden)ᵀ -> (Hidden, 1). b1 is a column and δ2 a row: the transpose
/// gives the gradient b1's shape.
template <class T, std::size_t Hidden>
constexpr ColVector<T, Hidden> db1(const RowVector<T, Hidden>& delta2) noexcept(nothrow_scalar<T>) {
  return transpose(delta2);
}

/// ∂L/∂U = δ1 hᵀ = ε [h1 … hH] (slide 10): scalar · (Hidden, 1)ᵀ -> (1, Hidden).
template <class T, std::size_t Hidden>
constexpr RowVector<T, Hidden> dU(T delta1, const ColVector<T, Hidden>& h) noexcept(nothrow_scalar<T>) {
  return delta1 * transpose(h);
}

/// ∂L/∂b2 = δ1 (slide 11): scalar.
template <class T>
constexpr T db2(T delta1) noexcept(nothrow_scalar<T>) {
  return delta1;
}

/// Ω ← Ω − η ∂L/∂Ω for one parameter, matrix or scalar (slide 8): Ω and ∂L/∂Ω have one shape.
template <class Omega, class Gradient, class Scalar>
constexpr Omega sgd(const Omega& omega, const Gradient& gradient, Scalar eta) noexcept(nothrow_scalar<Scalar>) {
  using P = detail::ShapeOf<Omega>;
  using G = detail::ShapeOf<Gradient>;
  constexpr bool transposed = P::rows == G::cols && P::cols == G::rows && P::rows != P::cols;
  // To the lost user: the gradient has its parameter's shape transposed. For b1 that is the
  // row delta2 where the column db1 = delta2^T belongs (slide 11); for W, x ⊗ delta2 where
  // dW = delta2^T ⊗ x^T belongs (slide 9); for U, h where dU = delta1 h^T belongs (slide 10).
  static_assert(!transposed || std::is_same_v<Omega, Gradient>,
                "gradproof::equations::sgd: the gradient is the transpose of its parameter's shape; "
                "if it is this parameter's gradient, transpose it (db1 = transpose(delta2), "
                "dW = outer(transpose(delta2), transpose(x)), dU = delta1 * transpose(h)); if not, pass "
                "this parameter's own gradient (dU is shaped like U, db1 like b1)");
  // To the lost user: a gradient has exactly its parameter's shape (dW like W, db1 like b1, ...).
  static_assert(transposed || std::is_same_v<Omega, Gradient>,
                "gradproof::equations::sgd: the gradient must have exactly the shape of its parameter "
                "(dL/dOmega is shaped like Omega); is it the gradient of another parameter?");
  if constexpr (std::is_same_v<Omega, Gradient> && matrix<Omega>) {
    return omega - eta * gradient;
  } else if constexpr (std::is_same_v<Omega, Gradient>) {
    return omega - GRADPROOF_MUL(eta, gradient);  // b2: a scalar
  } else {
    return omega;
  }
}

}  // namespace equations

namespace detail {

/// x must be a column (In, 1), as in z = W x + b1. The three mistakes are told apart, most
/// specific first, and exactly one of them fires.
template <std::size_t In, std::size_t XRows, std::size_t XCols>
constexpr bool input_shape_ok() noexcept {
  // To the lost user: x is a column vector (In x 1). A (1 x In) row is xᵀ; pass transpose(x).
  static_assert(!(XRows == 1 && XCols == In && In != 1),
                "gradproof: x must be a column (In x 1) but a row (1 x In) was given; pass transpose(x)");
  // To the lost user: a sample is one column; its length is the network's In.
  static_assert(XCols == 1 || (XRows == 1 && XCols == In),
                "gradproof: x must be a column vector (In x 1), one sample; a matrix was given");
  // To the lost user: Network<T, In, Hidden> takes In inputs; x has another length.
  static_assert(XCols != 1 || XRows == In,
                "gradproof: x has a different number of entries than the network has inputs (In); give "
                "a column of In entries, or a Network<T, In, Hidden> whose In is x's length");
  return XRows == In && XCols == 1;
}

template <class T, std::size_t In, std::size_t Hidden>
constexpr InputError check_network(const Network<T, In, Hidden>& net) noexcept {
  // Hand-listed, not for_each_parameter: this runs in every constant-evaluated step, where each
  // of the visitor's calls is charged to the proofs' step budget (tools/constexpr_cost.sh);
  // static_tests/bad_input_test.cpp puts a NaN or an infinity in each parameter.
  const bool ok = all_finite(net.W) && all_finite(net.b1) && all_finite(net.U) && is_finite(net.b2);
  return ok ? InputError::none : InputError::parameter_not_finite;
}

/// In a constant evaluation, stop on a non-finite parameter or input (validate.hpp's
/// bad_input functions name it); nothing at run time, where forward is unchecked.
template <class T, std::size_t In, std::size_t Hidden>
requires checked_scalar<T>
constexpr void stop_on_bad_forward_input(const Network<T, In, Hidden>& net, const ColVector<T, In>& x) noexcept {
  if (std::is_constant_evaluated()) {
    stop_if_constant_evaluated(check_network(net));
    if (!all_finite(x)) stop_if_constant_evaluated(InputError::input_not_finite);
  }
}
template <class T, std::size_t In, std::size_t Hidden>
requires(!checked_scalar<T>) constexpr void stop_on_bad_forward_input(const Network<T, In, Hidden>&,
                                                                      const ColVector<T, In>&) noexcept {}

/// θ = U h + b2: (1, Hidden) · (Hidden, 1) + scalar -> scalar. One function, so that forward
/// and the lockstep step (train.hpp) form it by the same operations.
template <class T, std::size_t In, std::size_t Hidden>
constexpr T logit(const Network<T, In, Hidden>& net, const ColVector<T, Hidden>& h) noexcept(nothrow_scalar<T>) {
  return to_scalar(net.U * h) + net.b2;
}
}  // namespace detail

/// The forward pass: x (In, 1) -> z, h, σ′(z) (Hidden, 1); θ, ŷ scalars (slide 2).
template <class T, std::size_t In, std::size_t Hidden, std::size_t XRows, std::size_t XCols>
GRADPROOF_HOT_INLINE constexpr ForwardPass<T, In, Hidden> forward(
    const Network<T, In, Hidden>& net, const Matrix<T, XRows, XCols>& x) noexcept(nothrow_scalar<T>) {
  ForwardPass<T, In, Hidden> f{};
  if constexpr (detail::input_shape_ok<In, XRows, XCols>()) {
    detail::stop_on_bad_forward_input(net, x);
    f.z = net.W * x + net.b1;
    math::sigmoid_and_prime(f.z.data, f.h.data, f.sigma_prime.data);  // all hidden units at once
    f.theta = detail::logit(net, f.h);
    const auto output = math::sigmoid_and_complement(f.theta);
    f.y_hat = output.sigma;
    f.one_minus_y_hat = output.complement;
  }
  return f;
}

/// The loss of one sample, L = CE(σ(θ), y) computed from θ (bce_with_logits). scalar.
template <class T, std::size_t In, std::size_t Hidden, std::size_t XRows, std::size_t XCols>
constexpr T loss(const Network<T, In, Hidden>& net, const Matrix<T, XRows, XCols>& x,
                 std::type_identity_t<T> y) noexcept(nothrow_scalar<T>) {
  return bce_with_logits(forward(net, x).theta, y);
}

/// The prediction ŷ = σ(θ) in (0, 1). scalar.
template <class T, std::size_t In, std::size_t Hidden, std::size_t XRows, std::size_t XCols>
constexpr T predict(const Network<T, In, Hidden>& net, const Matrix<T, XRows, XCols>& x) noexcept(nothrow_scalar<T>) {
  return forward(net, x).y_hat;
}

/// The backward pass from a forward pass already made: the deltas and the four gradients.
template <class T, std::size_t In, std::size_t Hidden>
constexpr Gradients<T, In, Hidden> backward(const Network<T, In, Hidden>& net, const ColVector<T, In>& x,
                                            std::type_identity_t<T> y,
                                            const ForwardPass<T, In, Hidden>& f) noexcept(nothrow_scalar<T>) {
  detail::stop_on_bad_label(y);
  Gradients<T, In, Hidden> g{};
  g.delta1 = equations::delta1(f.y_hat, f.one_minus_y_hat, y);
  g.delta2 = equations::delta2(g.delta1, net.U, f.sigma_prime);
  g.dW = equations::dW(g.delta2, x);
  g.db1 = equations::db1(g.delta2);
  g.dU = equations::dU(g.delta1, f.h);
  g.db2 = equations::db2(g.delta1);
  return g;
}

/// The backward pass: forward, then the deltas and the four gradients (slides 5-11).
template <class T, std::size_t In, std::size_t Hidden, std::size_t XRows, std::size_t XCols>
constexpr Gradients<T, In, Hidden> backward(const Network<T, In, Hidden>& net, const Matrix<T, XRows, XCols>& x,
                                            std::type_identity_t<T> y) noexcept(nothrow_scalar<T>) {
  if constexpr (detail::input_shape_ok<In, XRows, XCols>()) {
    return backward(net, x, y, forward(net, x));
  } else {
    return {};
  }
}

/// The SGD update of every parameter, Ω ← Ω − η ∂L/∂Ω (slide 8): each keeps its shape.
template <class T, std::size_t In, std::size_t Hidden>
constexpr Network<T, In, Hidden> update(const Network<T, In, Hidden>& net, const Gradients<T, In, Hidden>& g,
                                        std::type_identity_t<T> eta) noexcept(nothrow_scalar<T>) {
  detail::stop_on_bad_eta(eta);
  Network<T, In, Hidden> next = net;
  for_each_parameter_with_gradient(next, g, [eta](std::string_view, auto& omega, const auto& gradient) {
    omega = equations::sgd(omega, gradient, eta);
  });
  return next;
}

namespace detail {
/// δ1 of the fused step, from θ: ŷ = σ(θ) and 1 − ŷ = E σ(θ) (E = e^−θ) make
/// (1 − y) ŷ − y (1 − ŷ) = σ(θ) k with k = (1 − y) − y E, and σ(θ) = 1/(1 + E) is q = 1/d
/// (math.hpp's logistic parts, d = fl(1 + E)) to within 2 u. So δ1 = k q: k waits only for E
/// and is ready when the division is, and one product follows q where the composed step
/// (sigmoid_and_complement's corrected σ and E σ, then equations::delta1) has four and two
/// subtractions. The same real number to within 5 u of δ1's terms, as close as the composed
/// δ1 is (static_tests/fused_bound.hpp). Outside the logistic's common range (θ < −40 or
/// θ >= 704, or NaN), and for float, equations::delta1 itself. scalar.
template <class T>
GRADPROOF_HOT_INLINE constexpr T fused_delta1(T theta, T y) noexcept(nothrow_scalar<T>) {
  if constexpr (std::is_same_v<T, double>) {
    if (theta >= detail::logistic_left_tail && theta < detail::exp_normal_range) {  // false for NaN
      const auto p = detail::logistic(theta);
      const double k = (1.0 - y) - GRADPROOF_MUL(y, p.e.hi);
      return GRADPROOF_MUL(k, p.q);
    }
  }
  const auto output = math::sigmoid_and_complement(theta);
  return equations::delta1(output.sigma, output.complement, y);
}

/// The backward pass and the update of the fused step, from the forward pass's h, σ′(z) and θ, in
/// the fused order: η U_i σ′_i and η h_i are formed while the output unit is still being
/// computed, so that once δ1 is known each parameter is one product and one subtraction away
/// from its update,
///   W_ij -= δ1 ((η U_i σ′_i) x_j),  b1_i -= δ1 (η U_i σ′_i),  U_i -= δ1 (η h_i),  b2 -= δ1 η,
/// where update(net, backward(...), eta) multiplies η (δ1 (U_i σ′_i)) x_j, four products in a
/// row. The same real numbers; static_tests/fused_step_test.cpp bounds the roundings' difference.
/// With the next sample's x' (an epoch), also the next z' = W' x' + b1', off the update's chain:
/// W' x' + b1' = (W x' + b1) − δ1 (η U σ′) (xᵀx' + 1), and W x' + b1 does not wait for δ1, so
///   z'_i = (W x' + b1)_i − δ1 ((η U_i σ′_i) s),  s = xᵀx' + 1,
/// one product and one subtraction after δ1 (static_tests/fused_step_test.cpp bounds the epoch).
/// x (In, 1); next_x, next_z: both or neither (next_z may be the z that h and σ′ came from).
template <class T, std::size_t In, std::size_t Hidden>
GRADPROOF_HOT_INLINE constexpr void sgd_update_in_place(
    Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y, T eta, const ColVector<T, Hidden>& h_col,
    const ColVector<T, Hidden>& sigma_prime_col, T theta, const ColVector<T, In>* next_x = nullptr,
    ColVector<T, Hidden>* next_z = nullptr) noexcept(nothrow_scalar<T>) {
  const T delta1 = fused_delta1(theta, y);
  // W is row-major: row i starts at W + i In. Two declarations, not six (see the loop below).
  T *const W = entries(net.W), *const b1 = entries(net.b1), *const U = entries(net.U);
  const T *const sigma_prime = entries(sigma_prime_col), *const h = entries(h_col), *const xs = entries(x);
  // next_z, not next_x: next_z points into the caller's own z, while next_x may point into a
  // temporary data set, whose address g++ 12 will not compare with nullptr in a constant
  // evaluation (iris_proof.cpp's shuffled-label epoch).
  T s{}, *z_next = nullptr;  // s = xᵀx' + 1
  if (next_z != nullptr) {  // before the update: W, b1 and U as they were
    *next_z = net.W * *next_x + net.b1;
    const T* const xn = entries(*next_x);
    z_next = entries(*next_z);
    s = GRADPROOF_MUL(xs[0], xn[0]);
    for (std::size_t j = 1; j < In; ++j) s = s + GRADPROOF_MUL(xs[j], xn[j]);
    s = s + T(1);
  }
  // Written for clang's constant evaluator, which charges a step per statement (the proofs'
  // budget, tools/constexpr_cost.sh): several products in one declaration, a loop body that is
  // one statement, and z' in the same loop over i as the update.
  for (std::size_t i = 0; i < Hidden; ++i) {
    // eta_u_sigma_prime is η δ2_i / δ1
    const T u_sigma_prime = GRADPROOF_MUL(U[i], sigma_prime[i]), eta_u_sigma_prime = GRADPROOF_MUL(eta, u_sigma_prime),
            eta_h = GRADPROOF_MUL(eta, h[i]);
    if (z_next != nullptr) z_next[i] = z_next[i] - GRADPROOF_MUL(delta1, GRADPROOF_MUL(eta_u_sigma_prime, s));
    T* const W_i = W + i * In;  // row i of W
    for (std::size_t j = 0; j < In; ++j) W_i[j] = W_i[j] - GRADPROOF_MUL(delta1, GRADPROOF_MUL(eta_u_sigma_prime, xs[j]));
    b1[i] = b1[i] - GRADPROOF_MUL(delta1, eta_u_sigma_prime);
    U[i] = U[i] - GRADPROOF_MUL(delta1, eta_h);
  }
  net.b2 = net.b2 - GRADPROOF_MUL(delta1, eta);
}

/// The fused step's forward half from z: σ, σ′ of every hidden unit and θ, by forward's own
/// functions; then the update (and, in an epoch, the next z).
template <class T, std::size_t In, std::size_t Hidden>
GRADPROOF_HOT_INLINE constexpr void sgd_step_from_z(
    Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y, T eta, const ColVector<T, Hidden>& z,
    const ColVector<T, In>* next_x = nullptr, ColVector<T, Hidden>* next_z = nullptr) noexcept(nothrow_scalar<T>) {
  ColVector<T, Hidden> h;
  ColVector<T, Hidden> sigma_prime;
  math::sigmoid_and_prime(z.data, h.data, sigma_prime.data);
  sgd_update_in_place(net, x, y, eta, h, sigma_prime, logit(net, h), next_x, next_z);
}

/// The fused step in the scalar (constant evaluation's) form: z = W x + b1, then the above.
template <class T, std::size_t In, std::size_t Hidden>
GRADPROOF_HOT_INLINE constexpr void sgd_step_scalar(Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y,
                                                    T eta) noexcept(nothrow_scalar<T>) {
  stop_on_bad_forward_input(net, x);
  sgd_step_from_z(net, x, y, eta, net.W * x + net.b1);
}

#if GRADPROOF_SIMD
/// The hidden units' σ and σ′ from z, 4 lanes at once where every lane is in the common range,
/// else lane by lane through the scalar function (the same bits either way). The rare path is a
/// call (logistic4_lanes) where RareCall asks for it, which keeps the mini-batch's loop over its
/// samples short, and for the two SSE2 halves of g++ without AVX, whose vectors the inlined
/// path's arrays sent to memory. Otherwise it is inlined: in the step and the epoch, whose
/// network stays in vector registers across their loop, a call (which may overwrite every
/// vector register) made the common path slower with clang++.
template <bool RareCall = false, class L>
GRADPROOF_ALWAYS_INLINE inline detail::Pair4<L> hidden4(const L& z) noexcept {
  return logistic4_lanes<SigmoidAndPrimeJob, L, RareCall || detail::is_halves<decltype(L::v)>>(z);
}

/// The fused step of a network of 4 hidden units in doubles, at run time: the 4 hidden units
/// are the 4 lanes of one vector (detail/simd.hpp), every operation on a lane the one that
/// sgd_step_scalar does on that unit, in the same order, so the bits are the scalar path's.
/// W (4, In) row-major is read and written by columns: column j is lane stride In. Never an
/// AVX2 clone, so its lanes are BaselineLanes4.
template <std::size_t In>
GRADPROOF_ALWAYS_INLINE inline void sgd_step4(const Network<double, In, 4>& net, const ColVector<double, In>& x,
                                              double y, double eta, Network<double, In, 4>& next) noexcept {
  using L = BaselineLanes4;
  const double* const W = entries(net.W);
  const double* const xs = entries(x);
  L columns[In];
  load_stored_columns(W, columns);
  const L b1 = L::load(entries(net.b1));
  const L U = L::load(entries(net.U));
  // z = W x + b1: lane i sums W_i0 x_0 + W_i1 x_1 + ... from j = 0 up, then b1_i (matmul's order).
  L z = columns[0] * xs[0];
  GRADPROOF_UNROLL for (std::size_t j = 1; j < In; ++j) z = z + columns[j] * xs[j];
  z = z + b1;
  const auto hidden = hidden4(z);
  const L& h = hidden.first;
  const L& sigma_prime = hidden.second;
  const L u_h = U * h;
  const double theta = u_h.sum_in_order() + net.b2;  // logit()'s order
  const double delta1 = fused_delta1(theta, y);
  const L eta_u_sigma_prime = eta * (U * sigma_prime);
  GRADPROOF_UNROLL for (std::size_t j = 0; j < In; ++j) columns[j] = columns[j] - delta1 * (eta_u_sigma_prime * xs[j]);
  const double b2 = net.b2 - GRADPROOF_MUL(delta1, eta);  // net may be next: every read before any write
  store_columns(entries(next.W), columns);
  (b1 - delta1 * eta_u_sigma_prime).store(entries(next.b1));
  (U - delta1 * (eta * h)).store(entries(next.U));
  next.b2 = b2;
}

/// fused_delta1 of 4 logits (4 networks, one label y), lane by lane: its operations on 4 lanes
/// where every θ is in the common range, else the scalar function per lane.
GRADPROOF_ALWAYS_INLINE inline Lanes4 fused_delta1_4(const Lanes4& theta, double y) noexcept {
  if (theta.all_in(detail::logistic_left_tail, detail::exp_normal_range)) {
    const auto p = detail::logistic_common(theta);
    const Lanes4 k = (1.0 - y) - y * p.e.hi;
    return k * p.q;
  }
  Lanes4 out{};
  for (int i = 0; i < 4; ++i) out.v[i] = fused_delta1(theta[i], y);
  return out;
}

/// W x + b1 from W's columns: matmul's order (from j = 0 up), then b1.
template <std::size_t In>
GRADPROOF_ALWAYS_INLINE inline Lanes4 columns_x_plus_b1(const Lanes4 (&columns)[In], const Lanes4& b1,
                                                        const double* xs) noexcept {
  Lanes4 sum = columns[0] * xs[0];
  GRADPROOF_UNROLL for (std::size_t j = 1; j < In; ++j) sum = sum + columns[j] * xs[j];
  return sum + b1;
}

/// sgd_epoch of a network of 4 hidden units in doubles, at run time: the network stays in
/// registers, W as its In columns, from the first sample to the last; each sample's z comes from
/// the previous step as sgd_update_in_place forms it (W x' + b1 before the update, then the
/// correction), so the update is off the loop-carried chain. Every lane's operations are the
/// scalar sgd_epoch's, in its order.
template <std::size_t In, class Iterator>
GRADPROOF_ALWAYS_INLINE inline void sgd_epoch4(Network<double, In, 4>& net, Iterator it, Iterator last,
                                               double eta) noexcept {
  Lanes4 columns[In];
  load_columns(entries(net.W), columns);
  Lanes4 b1 = Lanes4::load(entries(net.b1));
  Lanes4 U = Lanes4::load(entries(net.U));
  double b2 = net.b2;
  Lanes4 z = columns_x_plus_b1(columns, b1, entries(it->x));
  for (;;) {
    const double* const xs = entries(it->x);
    const double y = it->y;
    const auto hidden = hidden4(z);
    const Lanes4 u_h = U * hidden.first;
    const double theta = u_h.sum_in_order() + b2;  // logit()'s order
    const double delta1 = fused_delta1(theta, y);
    const Lanes4 eta_u_sigma_prime = eta * (U * hidden.second);
    const bool more = ++it != last;
    if (more) {
      const double* const xn = entries(it->x);
      double s = GRADPROOF_MUL(xs[0], xn[0]);
      GRADPROOF_UNROLL for (std::size_t j = 1; j < In; ++j) s = s + GRADPROOF_MUL(xs[j], xn[j]);
      s = s + 1.0;
      z = columns_x_plus_b1(columns, b1, xn) - delta1 * (eta_u_sigma_prime * s);
    }
    GRADPROOF_UNROLL for (std::size_t j = 0; j < In; ++j) columns[j] =
        columns[j] - delta1 * (eta_u_sigma_prime * xs[j]);
    b1 = b1 - delta1 * eta_u_sigma_prime;
    U = U - delta1 * (eta * hidden.first);
    b2 = b2 - GRADPROOF_MUL(delta1, eta);
    if (!more) break;
  }
  store_columns(entries(net.W), columns);
  b1.store(entries(net.b1));
  U.store(entries(net.U));
  net.b2 = b2;
}

/// sgd_epoch4 as an AVX2 clone (detail/simd.hpp). Not the single step: a call per step costs more
/// than the wider registers save (gradproof_bench times both; docs/performance.md has the numbers),
/// so sgd_step runs its baseline kernel inlined.
template <std::size_t In, class Iterator>
GRADPROOF_AVX2_CLONE inline void sgd_epoch4_avx2(Network<double, In, 4>& net, Iterator it, Iterator last,
                                                 double eta) noexcept {
  sgd_epoch4(net, it, last, eta);
}

#endif
}  // namespace detail

/// One step of plain SGD on one sample, in place: forward, backward and update fused into one
/// pass over the hidden units. The hot path. The same real numbers as
/// `update(net, backward(net, x, y), eta)`, evaluated in the fused order (detail::fused_delta1,
/// detail::sgd_update_in_place), so not always the same bits: every updated parameter is within
/// the bound that static_tests/fused_step_test.cpp derives and proves (1 ulp of the parameter
/// plus a few units of roundoff of η times its gradient). Compile time and run time agree bit
/// for bit: at run time, for doubles and 4 hidden units, the same operations run on the 4
/// hidden units at once (detail/simd.hpp).
template <class T, std::size_t In, std::size_t Hidden, std::size_t XRows, std::size_t XCols>
GRADPROOF_HOT_INLINE constexpr void sgd_step_in_place(Network<T, In, Hidden>& net, const Matrix<T, XRows, XCols>& x,
                                                      std::type_identity_t<T> y,
                                                      std::type_identity_t<T> eta) noexcept(nothrow_scalar<T>) {
  if constexpr (detail::input_shape_ok<In, XRows, XCols>()) {
    detail::stop_on_bad_label(y);
    detail::stop_on_bad_eta(eta);
#if GRADPROOF_SIMD
    if constexpr (std::is_same_v<T, double> && Hidden == 4) {
      if (!__builtin_is_constant_evaluated()) {
        detail::sgd_step4(net, x, y, eta, net);
        return;
      }
    }
#endif
    detail::sgd_step_scalar(net, x, y, eta);
  }
}

/// One step of plain SGD on one sample: the updated network (slide 8). The unchecked hot path;
/// checked.hpp has try_sgd_step, which reports bad input at run time.
template <class T, std::size_t In, std::size_t Hidden, std::size_t XRows, std::size_t XCols>
GRADPROOF_HOT_INLINE constexpr Network<T, In, Hidden> sgd_step(
    const Network<T, In, Hidden>& net, const Matrix<T, XRows, XCols>& x, std::type_identity_t<T> y,
    std::type_identity_t<T> eta) noexcept(nothrow_scalar<T>) {
#if GRADPROOF_SIMD
  if constexpr (std::is_same_v<T, double> && Hidden == 4 && detail::input_shape_ok<In, XRows, XCols>()) {
    if (!__builtin_is_constant_evaluated()) {
      Network<T, In, Hidden> next;  // its zeroing is overwritten, and the optimiser drops it
      detail::sgd_step4(net, x, y, eta, next);
      return next;
    }
  }
#endif
  Network<T, In, Hidden> next = net;
  sgd_step_in_place(next, x, y, eta);
  return next;
}

/// One epoch of per-sample SGD over `samples` (any range of Sample<T, In>), in order: the fused
/// step on each sample, with each next z formed off the update's chain (the network before the
/// update times x', then a correction: detail::sgd_update_in_place). The same real numbers as
/// sgd_step on each sample in turn; the roundings of z differ, within the bound that
/// static_tests/fused_step_test.cpp proves for whole epochs.
template <class T, std::size_t In, std::size_t Hidden, class Samples>
constexpr Network<T, In, Hidden> sgd_epoch(Network<T, In, Hidden> net, const Samples& samples,
                                           std::type_identity_t<T> eta) noexcept(nothrow_scalar<T>) {
  detail::stop_on_bad_eta(eta);
  auto it = std::begin(samples);
  const auto last = std::end(samples);
  if (it == last) return net;
#if GRADPROOF_SIMD
  if constexpr (std::is_same_v<T, double> && Hidden == 4) {
    if (!__builtin_is_constant_evaluated()) {
      detail::simd_avx2() ? detail::sgd_epoch4_avx2(net, it, last, eta) : detail::sgd_epoch4(net, it, last, eta);
      return net;
    }
  }
#endif
  detail::stop_on_bad_forward_input(net, it->x);
  ColVector<T, Hidden> z = net.W * it->x + net.b1;
  for (;;) {
    const Sample<T, In>& s = *it;
    detail::stop_on_bad_label(s.y);
    if (++it == last) {
      detail::sgd_step_from_z(net, s.x, s.y, eta, z);
      return net;
    }
    detail::stop_on_bad_forward_input(net, it->x);
    detail::sgd_step_from_z(net, s.x, s.y, eta, z, &it->x, &z);  // z is read before the next z is written
  }
}

/// The class the network predicts: θ >= 0, i.e. ŷ >= 1/2 (exact, no rounding of ŷ involved).
template <class T, std::size_t In, std::size_t Hidden, std::size_t XRows, std::size_t XCols>
constexpr bool classify(const Network<T, In, Hidden>& net, const Matrix<T, XRows, XCols>& x) noexcept {
  return forward(net, x).theta >= T(0);
}

}  // namespace gradproof

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_NETWORK_HPP
