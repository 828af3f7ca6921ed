// gradproof/train.hpp: throughput beyond one dependency chain.
//
// Per-sample SGD on one network is one serial chain: each step needs the last. Two ways to
// give the CPU independent work, both constexpr, both exactly the per-sample arithmetic of
// network.hpp (so compile time and run time agree, and the proofs carry over):
// - lockstep: K networks (a sweep over learning rates, or over starting points) trained on the
//   same samples; network k gets the very bits sgd_step would give it alone, and the K chains
//   interleave stage by stage;
// - mini-batch SGD: the mean gradient of B samples (Keras's default reduction), one update per
//   batch; the B forward and backward passes are independent of each other.
#ifndef GRADPROOF_TRAIN_HPP
#define GRADPROOF_TRAIN_HPP

#include <array>
#include <cstddef>
#include <iterator>
#include <type_traits>

#include "detail/fp.hpp"
#include "matrix.hpp"
#include "network.hpp"
#include "validate.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof {

namespace detail {
/// forward(net_of(n), x_of(n)) for n = 0 … N−1, stage by stage: every z, then every hidden
/// unit's σ and σ′ in one lane-wise call (N·Hidden lanes, vectorisable), every θ, then every
/// ŷ and 1 − ŷ in one call. Each value is the one forward() computes, bit for bit: the same
/// functions on the same inputs (the lane-wise calls are proven equal to the scalar ones).
template <class T, std::size_t In, std::size_t Hidden, std::size_t N, class NetOf, class XOf>
GRADPROOF_INLINE_STEP constexpr std::array<ForwardPass<T, In, Hidden>, N> forward_lanes(NetOf net_of, XOf x_of) noexcept {
  std::array<ForwardPass<T, In, Hidden>, N> f{};
  std::array<T, N * Hidden> z{};
  std::array<T, N * Hidden> h{};
  std::array<T, N * Hidden> sigma_prime{};
  for (std::size_t n = 0; n < N; ++n) {
    stop_on_bad_forward_input(net_of(n), x_of(n));
    f[n].z = net_of(n).W * x_of(n) + net_of(n).b1;
    for (std::size_t i = 0; i < Hidden; ++i) z[n * Hidden + i] = f[n].z.data[i];
  }
  math::sigmoid_and_prime(z, h, sigma_prime);
  std::array<T, N> theta{};
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < Hidden; ++i) {
      f[n].h.data[i] = h[n * Hidden + i];
      f[n].sigma_prime.data[i] = sigma_prime[n * Hidden + i];
    }
    theta[n] = f[n].theta = logit(net_of(n), f[n].h);
  }
  std::array<T, N> y_hat{};
  std::array<T, N> one_minus_y_hat{};
  math::sigmoid_and_complement(theta, y_hat, one_minus_y_hat);
  for (std::size_t n = 0; n < N; ++n) {
    f[n].y_hat = y_hat[n];
    f[n].one_minus_y_hat = one_minus_y_hat[n];
  }
  return f;
}
}  // namespace detail

namespace detail {
/// σ and σ′ of N hidden layers at once from their z: all N·Hidden units in one lane-wise call
/// (vectorisable; the same bits as the scalar function per unit).
template <class T, std::size_t Hidden, std::size_t N>
GRADPROOF_INLINE_STEP constexpr void hidden_lanes(const std::array<ColVector<T, Hidden>, N>& z,
                                                  std::array<ColVector<T, Hidden>, N>& h,
                                                  std::array<ColVector<T, Hidden>, N>& sigma_prime) noexcept {
  std::array<T, N * Hidden> z_lanes{};
  std::array<T, N * Hidden> h_lanes{};
  std::array<T, N * Hidden> sigma_prime_lanes{};
  for (std::size_t n = 0; n < N; ++n)
    for (std::size_t i = 0; i < Hidden; ++i) z_lanes[n * Hidden + i] = z[n].data[i];
  math::sigmoid_and_prime(z_lanes, h_lanes, sigma_prime_lanes);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t i = 0; i < Hidden; ++i) {
      h[n].data[i] = h_lanes[n * Hidden + i];
      sigma_prime[n].data[i] = sigma_prime_lanes[n * Hidden + i];
    }
  }
}

/// One fused step of each of K networks on the sample x, y from their z, stage by stage (every
/// hidden layer, then every update), so that the K independent chains overlap; with next_x,
/// each network's next z as sgd_epoch forms it.
template <class T, std::size_t In, std::size_t Hidden, std::size_t K>
GRADPROOF_INLINE_STEP constexpr void step_many_from_z(std::array<Network<T, In, Hidden>, K>& nets, const ColVector<T, In>& x,
                                                      T y, const std::array<T, K>& etas,
                                                      const std::array<ColVector<T, Hidden>, K>& z,
                                                      const ColVector<T, In>* next_x,
                                                      std::array<ColVector<T, Hidden>, K>* next_z) noexcept {
  std::array<ColVector<T, Hidden>, K> h{};
  std::array<ColVector<T, Hidden>, K> sigma_prime{};
  hidden_lanes(z, h, sigma_prime);
  for (std::size_t k = 0; k < K; ++k)
    sgd_update_in_place(nets[k], x, y, etas[k], h[k], sigma_prime[k], logit(nets[k], h[k]), next_x,
                        next_z != nullptr ? &(*next_z)[k] : nullptr);
}
}  // namespace detail

/// One SGD step of K networks on the same sample x (In, 1), y, each with its own learning rate:
/// nets[k] becomes sgd_step(nets[k], x, y, etas[k]), bit for bit. Stage by stage over k (every
/// forward pass, then every update), so that the K independent chains overlap.
template <class T, std::size_t In, std::size_t Hidden, std::size_t K>
GRADPROOF_INLINE_STEP constexpr void sgd_step_many(std::array<Network<T, In, Hidden>, K>& nets, const ColVector<T, In>& x,
                                                   std::type_identity_t<T> y, const std::array<T, K>& etas) noexcept {
  detail::stop_on_bad_label(y);
  for (const T eta : etas) detail::stop_on_bad_eta(eta);
  std::array<ColVector<T, Hidden>, K> z{};
  for (std::size_t k = 0; k < K; ++k) {
    detail::stop_on_bad_forward_input(nets[k], x);
    z[k] = nets[k].W * x + nets[k].b1;
  }
  detail::step_many_from_z<T, In, Hidden, K>(nets, x, y, etas, z, nullptr, nullptr);
}

/// One epoch of per-sample SGD for K networks in lockstep, in sample order: nets[k] becomes
/// sgd_epoch(nets[k], samples, etas[k]), bit for bit (each network's next z formed as
/// sgd_epoch forms it).
template <class T, std::size_t In, std::size_t Hidden, std::size_t K, class Samples>
constexpr std::array<Network<T, In, Hidden>, K> train_many(std::array<Network<T, In, Hidden>, K> nets,
                                                            const Samples& samples,
                                                            const std::array<T, K>& etas) noexcept {
  for (const T eta : etas) detail::stop_on_bad_eta(eta);
  auto it = std::begin(samples);
  const auto last = std::end(samples);
  if (it == last) return nets;
  std::array<ColVector<T, Hidden>, K> z{};
  for (std::size_t k = 0; k < K; ++k) {
    detail::stop_on_bad_forward_input(nets[k], it->x);
    z[k] = nets[k].W * it->x + nets[k].b1;
  }
  for (;;) {
    const Sample<T, In>& s = *it;
    detail::stop_on_bad_label(s.y);
    if (++it == last) {
      detail::step_many_from_z<T, In, Hidden, K>(nets, s.x, s.y, etas, z, nullptr, nullptr);
      return nets;
    }
    for (std::size_t k = 0; k < K; ++k) detail::stop_on_bad_forward_input(nets[k], it->x);
    std::array<ColVector<T, Hidden>, K> next_z{};
    detail::step_many_from_z<T, In, Hidden, K>(nets, s.x, s.y, etas, z, &it->x, &next_z);
    z = next_z;
  }
}

namespace detail {
/// The mean gradient of batch[0, count), count in [1, B] (the callers guarantee it): the
/// gradients summed in sample order, then multiplied by 1/count. The forward passes of all B
/// samples are made together (forward_lanes; the ones past count are not used).
template <class T, std::size_t In, std::size_t Hidden, std::size_t B>
constexpr Gradients<T, In, Hidden> mean_gradient_of_first(const Network<T, In, Hidden>& net,
                                                          const std::array<Sample<T, In>, B>& batch,
                                                          std::size_t count) noexcept {
  const auto f = forward_lanes<T, In, Hidden, B>([&net](std::size_t) -> const auto& { return net; },
                                                 [&batch](std::size_t sample_index) -> const auto& { return batch[sample_index].x; });
  Gradients<T, In, Hidden> sum = backward(net, batch[0].x, batch[0].y, f[0]);
  for (std::size_t b = 1; b < count; ++b) {
    const auto g = backward(net, batch[b].x, batch[b].y, f[b]);
    sum.delta1 = sum.delta1 + g.delta1;
    sum.delta2 = sum.delta2 + g.delta2;
    sum.dW = sum.dW + g.dW;
    sum.db1 = sum.db1 + g.db1;
    sum.dU = sum.dU + g.dU;
    sum.db2 = sum.db2 + g.db2;
  }
  const T inv = T(1) / static_cast<T>(count);  // exact for a power-of-two count
  return {GRADPROOF_MUL(sum.delta1, inv), sum.delta2 * inv, sum.dW * inv,
          sum.db1 * inv,                  sum.dU * inv,     GRADPROOF_MUL(sum.db2, inv)};
}
}  // namespace detail

/// The mean gradient of a batch of B samples (Keras's default "sum over batch size"
/// reduction): the B gradients summed in sample order, then multiplied by 1/B. Shapes as
/// Gradients.
template <class T, std::size_t In, std::size_t Hidden, std::size_t B>
constexpr Gradients<T, In, Hidden> mean_gradient(const Network<T, In, Hidden>& net,
                                                 const std::array<Sample<T, In>, B>& batch) noexcept {
  static_assert(B >= 1, "gradproof::mean_gradient: a batch has at least one sample");
  return detail::mean_gradient_of_first(net, batch, B);
}

/// One mini-batch SGD step: Ω ← Ω − η · the batch's mean ∂L/∂Ω (slide 8, with the mean
/// gradient of B samples in place of one sample's).
template <class T, std::size_t In, std::size_t Hidden, std::size_t B>
constexpr Network<T, In, Hidden> sgd_minibatch_step(const Network<T, In, Hidden>& net,
                                                    const std::array<Sample<T, In>, B>& batch,
                                                    std::type_identity_t<T> eta) noexcept {
  return update(net, mean_gradient(net, batch), eta);
}

/// One epoch of mini-batch SGD over `samples` (any sized, indexable range of Sample<T, In>):
/// consecutive batches of B in order, the last one shorter if the size is not a multiple of B
/// (as Keras does).
template <std::size_t B, class T, std::size_t In, std::size_t Hidden, class Samples>
constexpr Network<T, In, Hidden> sgd_epoch_minibatch(Network<T, In, Hidden> net, const Samples& samples,
                                                     std::type_identity_t<T> eta) noexcept {
  static_assert(B >= 1, "gradproof::sgd_epoch_minibatch: a batch has at least one sample");
  const auto n = static_cast<std::size_t>(samples.size());
  std::array<Sample<T, In>, B> batch{};
  for (std::size_t first = 0; first < n; first += B) {
    const std::size_t count = n - first < B ? n - first : B;
    for (std::size_t b = 0; b < count; ++b) batch[b] = samples[first + b];
    net = update(net, detail::mean_gradient_of_first(net, batch, count), eta);
  }
  return net;
}

}  // namespace gradproof

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_TRAIN_HPP
