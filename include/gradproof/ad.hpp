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
#include "parameters.hpp"

namespace gradproof {

template <real T, std::size_t In, std::size_t Hidden>
using DualNetwork = Network<Dual<T, parameter_count<Network<T, In, Hidden>>>, In, Hidden>;

/// The network with dual-number parameters, each entry a variable along its own direction: the
/// entry's place in parameters.hpp's flat order (W row-major, b1, U, b2).
template <real T, std::size_t In, std::size_t Hidden>
constexpr DualNetwork<T, In, Hidden> to_dual(const Network<T, In, Hidden>& net) noexcept {
  using D = Dual<T, parameter_count<Network<T, In, Hidden>>>;
  DualNetwork<T, In, Hidden> d{};
  for_each_parameter_entry_with_gradient(
      d, net, [](const ParameterEntry& entry, D& dual, const T& value) { dual = D::variable(value, entry.index); });
  return d;
}

/// All four gradients and both deltas of one sample by forward-mode AD, from one forward pass
/// and the loss L = bce_with_logits(θ, y) on dual numbers. δ1 = ∂L/∂θ = ∂L/∂b2 (θ = U h + b2)
/// and δ2 = ∂L/∂z = (∂L/∂b1)ᵀ (z = W x + b1). Shapes as Gradients: dW (Hidden, In),
/// db1 (Hidden, 1), dU (1, Hidden), db2 scalar.
template <real T, std::size_t In, std::size_t Hidden>
constexpr Gradients<T, In, Hidden> ad_gradients(const Network<T, In, Hidden>& net, const ColVector<T, In>& x,
                                                std::type_identity_t<T> y) noexcept {
  using D = Dual<T, parameter_count<Network<T, In, Hidden>>>;
  ColVector<D, In> dx{};
  for (std::size_t j = 0; j < In; ++j) dx.data[j] = D(x.data[j]);  // constants
  const D L = bce_with_logits(forward(to_dual(net), dx).theta, D(y));
  Gradients<T, In, Hidden> g{};
  // Through a pointer, not L.derivative[e.index]: a call per entry costs clang's constant
  // evaluator steps, and AD's proofs are long constant evaluations.
  const T* const dL = L.derivative.data();
  for_each_parameter_entry(g, [dL](const ParameterEntry& entry, T& gradient) { gradient = dL[entry.index]; });
  g.delta1 = g.db2;
  g.delta2 = transpose(g.db1);
  return g;
}

}  // namespace gradproof

#endif  // GRADPROOF_AD_HPP
