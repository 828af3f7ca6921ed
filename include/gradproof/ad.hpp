// gradproof/ad.hpp: every gradient of one sample by forward-mode automatic differentiation,
// through the library's own forward pass and loss run on Dual numbers (dual.hpp). The
// independent derivative the proofs compare backward() with: no formula of the slides is used.
#ifndef GRADPROOF_AD_HPP
#define GRADPROOF_AD_HPP

#include <cstddef>
#include <type_traits>

#include "dual.hpp"
#include "loss.hpp"
#include "matrix.hpp"
#include "network.hpp"
#include "ops.hpp"

namespace gradproof {

namespace detail {
template <real T, std::size_t R, std::size_t C>
constexpr Matrix<Dual<T>, R, C> constant_duals(const Matrix<T, R, C>& m) noexcept {
  Matrix<Dual<T>, R, C> d{};
  for (std::size_t i = 0; i < m.size; ++i) d.data[i] = Dual<T>(m.data[i]);
  return d;
}
}  // namespace detail

/// The network with dual-number parameters, all constants (derivative 0).
template <real T, std::size_t In, std::size_t Hidden>
constexpr Network<Dual<T>, In, Hidden> to_dual(const Network<T, In, Hidden>& net) noexcept {
  return {detail::constant_duals(net.W), detail::constant_duals(net.b1), detail::constant_duals(net.U),
          Dual<T>(net.b2)};
}

/// ∂L/∂(one parameter entry) with L = bce_with_logits(forward(net, x).theta, y): the derivative
/// part of the loss after seeding that entry's derivative to 1. `seed` picks the entry.
template <real T, std::size_t In, std::size_t Hidden, class Seed>
constexpr T ad_derivative(const Network<Dual<T>, In, Hidden>& dual_net, const ColVector<Dual<T>, In>& x, T y,
                          Seed seed) noexcept {
  Network<Dual<T>, In, Hidden> n = dual_net;
  seed(n).derivative = T(1);
  return bce_with_logits(forward(n, x).theta, Dual<T>(y)).derivative;
}

/// All four gradients and both deltas of one sample by forward-mode AD, one forward pass per
/// parameter entry (In·Hidden + 2·Hidden + 1 passes). δ1 = ∂L/∂θ = ∂L/∂b2 (θ = U h + b2) and
/// δ2 = ∂L/∂z = (∂L/∂b1)ᵀ (z = W x + b1). Shapes as Gradients: dW (Hidden, In), db1 (Hidden, 1),
/// dU (1, Hidden), db2 scalar.
template <real T, std::size_t In, std::size_t Hidden>
constexpr Gradients<T, In, Hidden> ad_gradients(const Network<T, In, Hidden>& net, const ColVector<T, In>& x,
                                                std::type_identity_t<T> y) noexcept {
  const Network<Dual<T>, In, Hidden> d = to_dual(net);
  const ColVector<Dual<T>, In> dx = detail::constant_duals(x);
  Gradients<T, In, Hidden> g{};
  for (std::size_t i = 0; i < Hidden; ++i) {
    for (std::size_t j = 0; j < In; ++j)
      g.dW(i, j) = ad_derivative(d, dx, y, [i, j](auto& n) -> auto& { return n.W(i, j); });
    g.db1(i, 0) = ad_derivative(d, dx, y, [i](auto& n) -> auto& { return n.b1(i, 0); });
    g.dU(0, i) = ad_derivative(d, dx, y, [i](auto& n) -> auto& { return n.U(0, i); });
  }
  g.db2 = ad_derivative(d, dx, y, [](auto& n) -> auto& { return n.b2; });
  g.delta1 = g.db2;
  g.delta2 = transpose(g.db1);
  return g;
}

}  // namespace gradproof

#endif  // GRADPROOF_AD_HPP
