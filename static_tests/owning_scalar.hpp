// static_tests/owning_scalar.hpp: a scalar type whose value lives in constant-evaluation memory
// (a std::vector), as the symbolic Expr's terms do, plugged in like wrapped_scalar.hpp's. g++ 12
// mis-evaluates a conditional whose arms are prvalues of such a class (it reports a use of freed
// storage), and GRADPROOF_MUL is a conditional where the contraction barrier is on.
// Proven: ops.hpp's products run on it and give the double results. (Network's passes on such a
// class meet other g++ 12 faults, with a ForwardPass's copy; the symbolic scalar's work handles
// those.) Included by static_tests/compile_fail/owning_scalar_with_the_barrier.cpp,
// compiled with the barrier on; its known-bad twin gives GRADPROOF_MUL prvalue arms.
#ifndef GRADPROOF_STATIC_TESTS_OWNING_SCALAR_HPP
#define GRADPROOF_STATIC_TESTS_OWNING_SCALAR_HPP

#include <gradproof/math.hpp>
#include <gradproof/network.hpp>
#include <gradproof/scalar.hpp>
#include <vector>

namespace owning {

struct Scalar {
  std::vector<double> v;  // one entry, allocated; none for 0, as an Expr allocates no term for 0
  constexpr Scalar() = default;
  constexpr Scalar(double value) : v(1, value) {}  // NOLINT: implicit, as T(0) needs
  constexpr double value() const { return v.empty() ? 0.0 : v[0]; }

  friend constexpr Scalar operator-(const Scalar& a) { return {-a.value()}; }
  friend constexpr Scalar operator+(const Scalar& a, const Scalar& b) { return {a.value() + b.value()}; }
  friend constexpr Scalar operator-(const Scalar& a, const Scalar& b) { return {a.value() - b.value()}; }
  friend constexpr Scalar operator*(const Scalar& a, const Scalar& b) { return {a.value() * b.value()}; }
  friend constexpr Scalar operator/(const Scalar& a, const Scalar& b) { return {a.value() / b.value()}; }

  // Its math, found by argument-dependent lookup.
  friend constexpr Scalar exp(const Scalar& a) { return {gradproof::math::exp(a.value())}; }
  friend constexpr Scalar log1p(const Scalar& a) { return {gradproof::math::log1p(a.value())}; }
  friend constexpr Scalar log(const Scalar& a) { return {gradproof::math::log(a.value())}; }
  friend constexpr Scalar sigmoid(const Scalar& a) { return {gradproof::math::sigmoid(a.value())}; }
  friend constexpr Scalar sigmoid_prime(const Scalar& a) { return {gradproof::math::sigmoid_prime(a.value())}; }
  friend constexpr Scalar softplus(const Scalar& a) { return {gradproof::math::softplus(a.value())}; }
  friend constexpr gradproof::SigmoidPair<Scalar> sigmoid_and_prime(const Scalar& a) {
    const auto p = gradproof::math::sigmoid_and_prime(a.value());
    return {Scalar{p.sigma}, Scalar{p.sigma_prime}};
  }
  friend constexpr gradproof::SigmoidComplement<Scalar> sigmoid_and_complement(const Scalar& a) {
    const auto p = gradproof::math::sigmoid_and_complement(a.value());
    return {Scalar{p.sigma}, Scalar{p.complement}};
  }
};

}  // namespace owning

template <>
struct gradproof::ScalarTraits<owning::Scalar> {
  static constexpr bool exact = true;
  static constexpr bool checked = false;  // no comparisons: nothing to check
  static constexpr bool nothrow = false;  // allocates
};

namespace owning {

template <class T>
constexpr gradproof::Network<T> net() {
  return {{{0.5, -0.25, 0.125, 0.0, 0.25, -0.5, 0.75, 0.5, 0.0, -0.125, 0.0, 0.25}},
          {{0.0, 0.5, -0.5, 0.25}},
          {{1.0, -1.0, 0.5, 0.25}},
          T(0.125)};
}
template <class T>
constexpr gradproof::ColVector<T, 3> x() {
  return {{0.5, -1.0, 2.0}};
}
inline constexpr double y = 1.0;
inline constexpr double eta = 0.5;

template <std::size_t R, std::size_t C>
constexpr bool same(const gradproof::Matrix<Scalar, R, C>& a, const gradproof::Matrix<double, R, C>& b) {
  for (std::size_t i = 0; i < R * C; ++i)
    if (!(a.data[i].value() - b.data[i] == 0.0)) return false;  // the same number (no ==)
  return true;
}

// The products of ops.hpp, each a GRADPROOF_MUL per entry product, on the owning scalar.
constexpr bool matmul_same() {
  return same(net<Scalar>().W * x<Scalar>() + net<Scalar>().b1, net<double>().W * x<double>() + net<double>().b1);
}
constexpr bool outer_same() {
  return same(gradproof::outer(net<Scalar>().b1, gradproof::transpose(x<Scalar>())),
              gradproof::outer(net<double>().b1, gradproof::transpose(x<double>())));
}
constexpr bool scaling_same() {
  return same(Scalar{eta} * net<Scalar>().W, eta * net<double>().W) &&
         same(gradproof::hadamard(net<Scalar>().b1, net<Scalar>().b1),
              gradproof::hadamard(net<double>().b1, net<double>().b1));
}

static_assert(matmul_same(), "W x + b1 on the owning scalar differs from double's");
static_assert(outer_same(), "outer on the owning scalar differs from double's");
static_assert(scaling_same(), "eta W or b1 o b1 on the owning scalar differs from double's");

}  // namespace owning

#endif  // GRADPROOF_STATIC_TESTS_OWNING_SCALAR_HPP
