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

/// One direction per parameter entry: W row-major, then b1, U, b2.
template <std::size_t In, std::size_t Hidden>
inline constexpr std::size_t parameter_count = Hidden* In + Hidden + Hidden + 1;

template <real T, std::size_t In, std::size_t Hidden>
using DualNetwork = Network<Dual<T, parameter_count<In, Hidden>>, In, Hidden>;

/// The network with dual-number parameters, each entry a variable along its own direction
/// (W(i, j): i In + j; b1(i): Hidden In + i; U(i): Hidden In + Hidden + i; b2: the last).
template <real T, std::size_t In, std::size_t Hidden>
constexpr DualNetwork<T, In, Hidden> to_dual(const Network<T, In, Hidden>& net) noexcept {
  using D = Dual<T, parameter_count<In, Hidden>>;
  DualNetwork<T, In, Hidden> d{};
  std::size_t k = 0;
  for (std::size_t i = 0; i < Hidden * In; ++i) d.W.data[i] = D::variable(net.W.data[i], k++);
  for (std::size_t i = 0; i < Hidden; ++i) d.b1.data[i] = D::variable(net.b1.data[i], k++);
  for (std::size_t i = 0; i < Hidden; ++i) d.U.data[i] = D::variable(net.U.data[i], k++);
  d.b2 = D::variable(net.b2, k);
  return d;
}

/// All four gradients and both deltas of one sample by forward-mode AD, from one forward pass
/// and the loss L = bce_with_logits(θ, y) on dual numbers. δ1 = ∂L/∂θ = ∂L/∂b2 (θ = U h + b2)
/// and δ2 = ∂L/∂z = (∂L/∂b1)ᵀ (z = W x + b1). Shapes as Gradients: dW (Hidden, In),
/// db1 (Hidden, 1), dU (1, Hidden), db2 scalar.
template <real T, std::size_t In, std::size_t Hidden>
constexpr Gradients<T, In, Hidden> ad_gradients(const Network<T, In, Hidden>& net, const ColVector<T, In>& x,
                                                std::type_identity_t<T> y) noexcept {
  using D = Dual<T, parameter_count<In, Hidden>>;
  ColVector<D, In> dx{};
  for (std::size_t j = 0; j < In; ++j) dx.data[j] = D(x.data[j]);  // constants
  const D L = bce_with_logits(forward(to_dual(net), dx).theta, D(y));
  Gradients<T, In, Hidden> g{};
  std::size_t k = 0;
  for (std::size_t i = 0; i < Hidden * In; ++i) g.dW.data[i] = L.derivative[k++];
  for (std::size_t i = 0; i < Hidden; ++i) g.db1.data[i] = L.derivative[k++];
  for (std::size_t i = 0; i < Hidden; ++i) g.dU.data[i] = L.derivative[k++];
  g.db2 = L.derivative[k];
  g.delta1 = g.db2;
  g.delta2 = transpose(g.db1);
  return g;
}

}  // namespace gradproof

#endif  // GRADPROOF_AD_HPP
