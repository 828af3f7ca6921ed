// static_tests/wrapped_scalar.hpp: a third scalar type, declared after the core's headers and
// plugged in only through scalar.hpp's customisation point (a ScalarTraits specialisation and
// math found by argument-dependent lookup), without an edit to the core. It wraps a double, has
// no comparisons (so, like a symbolic formula, it opts out of the bad-input checks), and its
// math calls gradproof::math on the double. Proven: forward, backward, sgd_step and the loss
// run on it and give the double results. Included by
// static_tests/compile_fail/wrapped_scalar_with_wrong_math.cpp, whose known-bad twin defines
// WRAPPED_SCALAR_WRONG_SIGMOID first: a σ one ulp off must make the comparisons fail.
#ifndef GRADPROOF_STATIC_TESTS_WRAPPED_SCALAR_HPP
#define GRADPROOF_STATIC_TESTS_WRAPPED_SCALAR_HPP

#include <gradproof/loss.hpp>
#include <gradproof/math.hpp>
#include <gradproof/network.hpp>
#include <gradproof/scalar.hpp>

namespace wrapped {

struct Scalar {
  double v = 0.0;
  constexpr Scalar() noexcept = default;
  constexpr Scalar(double value) noexcept : v(value) {}  // NOLINT: implicit, as T(0) needs

  friend constexpr Scalar operator-(Scalar a) noexcept { return {-a.v}; }
  friend constexpr Scalar operator+(Scalar a, Scalar b) noexcept { return {a.v + b.v}; }
  friend constexpr Scalar operator-(Scalar a, Scalar b) noexcept { return {a.v - b.v}; }
  friend constexpr Scalar operator*(Scalar a, Scalar b) noexcept { return {a.v * b.v}; }
  friend constexpr Scalar operator/(Scalar a, Scalar b) noexcept { return {a.v / b.v}; }

  // Its math, found by argument-dependent lookup.
  friend constexpr Scalar exp(Scalar a) noexcept { return {gradproof::math::exp(a.v)}; }
  friend constexpr Scalar log1p(Scalar a) noexcept { return {gradproof::math::log1p(a.v)}; }
  friend constexpr Scalar log(Scalar a) noexcept { return {gradproof::math::log(a.v)}; }
  friend constexpr Scalar sigmoid(Scalar a) noexcept { return {gradproof::math::sigmoid(a.v)}; }
  friend constexpr Scalar sigmoid_prime(Scalar a) noexcept { return {gradproof::math::sigmoid_prime(a.v)}; }
  friend constexpr Scalar softplus(Scalar a) noexcept { return {gradproof::math::softplus(a.v)}; }
  friend constexpr gradproof::SigmoidPair<Scalar> sigmoid_and_prime(Scalar a) noexcept {
    const auto p = gradproof::math::sigmoid_and_prime(a.v);
#ifdef WRAPPED_SCALAR_WRONG_SIGMOID
    return {Scalar{p.sigma * (1.0 + 0x1p-52)}, Scalar{p.sigma_prime}};  // σ one ulp off
#else
    return {Scalar{p.sigma}, Scalar{p.sigma_prime}};
#endif
  }
  friend constexpr gradproof::SigmoidComplement<Scalar> sigmoid_and_complement(Scalar a) noexcept {
    const auto p = gradproof::math::sigmoid_and_complement(a.v);
    return {Scalar{p.sigma}, Scalar{p.complement}};
  }
};

}  // namespace wrapped

template <>
struct gradproof::ScalarTraits<wrapped::Scalar> {
  static constexpr bool exact = true;
  static constexpr bool checked = false;  // no comparisons: nothing to check
  static constexpr bool nothrow = true;
};

namespace wrapped {

static_assert(gradproof::scalar<Scalar> && gradproof::exact_scalar<Scalar> && !gradproof::checked_scalar<Scalar>,
              "the wrapped scalar opts in through ScalarTraits");

/// The network of the compile-fail budget cases, on double and on the wrapped scalar.
template <class T>
constexpr gradproof::Network<T> net() noexcept {
  return {{{0.5, -0.25, 0.125, 0.0, 0.25, -0.5, 0.75, 0.5, 0.0, -0.125, 0.0, 0.25}},
          {{0.0, 0.5, -0.5, 0.25}},
          {{1.0, -1.0, 0.5, 0.25}},
          T(0.125)};
}
template <class T>
constexpr gradproof::ColVector<T, 3> x() noexcept {
  return {{0.5, -1.0, 2.0}};
}
inline constexpr double y = 1.0;
inline constexpr double eta = 0.5;

template <std::size_t R, std::size_t C>
constexpr bool same(const gradproof::Matrix<Scalar, R, C>& a, const gradproof::Matrix<double, R, C>& b) noexcept {
  for (std::size_t i = 0; i < R * C; ++i)
    if (!(a.data[i].v - b.data[i] == 0.0)) return false;  // the same number (the wrapper has no ==)
  return true;
}
constexpr bool same(Scalar a, double b) noexcept { return a.v - b == 0.0; }

constexpr auto f_wrapped = gradproof::forward(net<Scalar>(), x<Scalar>());
constexpr auto f_double = gradproof::forward(net<double>(), x<double>());
static_assert(same(f_wrapped.h, f_double.h), "forward on the wrapped scalar: h differs from forward on double");
static_assert(same(f_wrapped.theta, f_double.theta),
              "forward on the wrapped scalar: theta differs from forward on double");

constexpr auto g_wrapped = gradproof::backward(net<Scalar>(), x<Scalar>(), Scalar{y});
constexpr auto g_double = gradproof::backward(net<double>(), x<double>(), y);
static_assert(same(g_wrapped.dW, g_double.dW), "backward on the wrapped scalar: dW differs from backward on double");
static_assert(same(g_wrapped.db2, g_double.db2), "backward on the wrapped scalar: db2 differs from backward on double");

// The fused step on a double forms δ1 in its own order (network.hpp, fused_delta1); on any other
// scalar it is equations::delta1, which is what update(backward) uses: the same bits as that.
constexpr auto s_wrapped = gradproof::sgd_step(net<Scalar>(), x<Scalar>(), Scalar{y}, Scalar{eta});
constexpr auto s_double = gradproof::update(net<double>(), g_double, eta);
static_assert(same(s_wrapped.b1, s_double.b1), "sgd_step on the wrapped scalar: b1 differs from double's update");
static_assert(same(s_wrapped.b2, s_double.b2), "sgd_step on the wrapped scalar: b2 differs from double's update");

// The loss on a scalar without comparisons is softplus(θ) − θ y (loss.hpp).
constexpr double theta = f_double.theta;
static_assert(same(gradproof::loss(net<Scalar>(), x<Scalar>(), Scalar{y}),
                   gradproof::math::softplus(theta) - theta * y),
              "the loss on the wrapped scalar differs from softplus(theta) - theta y on double");

static_assert(noexcept(gradproof::forward(net<double>(), x<double>())), "forward on double is noexcept");

}  // namespace wrapped

#endif  // GRADPROOF_STATIC_TESTS_WRAPPED_SCALAR_HPP
