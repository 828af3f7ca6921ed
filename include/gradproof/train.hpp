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
#include <string_view>
#include <type_traits>

#include "detail/numeric.hpp"
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
GRADPROOF_HOT_INLINE constexpr std::array<ForwardPass<T, In, Hidden>, N> forward_lanes(NetOf net_of,
                                                                                       XOf x_of) noexcept {
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
GRADPROOF_HOT_INLINE constexpr void hidden_lanes(const std::array<ColVector<T, Hidden>, N>& z,
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
GRADPROOF_HOT_INLINE constexpr void step_many_from_z(std::array<Network<T, In, Hidden>, K>& nets,
                                                     const ColVector<T, In>& x, T y, const std::array<T, K>& etas,
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

#if GRADPROOF_SIMD
namespace detail {
/// step_many_from_z at run time, for networks of 4 hidden units in doubles: each network's hidden
/// layer is one 4-lane vector (detail/simd.hpp), the K output units go 4 at a time
/// (fused_delta1_4), and each network's update is sgd_step4's. z[k]: this sample's z of network
/// k in, its next z out (with next_x). Every lane's operations are the scalar path's.
template <std::size_t In, std::size_t K>
GRADPROOF_ALWAYS_INLINE inline void step_many4(std::array<Network<double, In, 4>, K>& nets,
                                               const ColVector<double, In>& x, double y,
                                               const std::array<double, K>& etas, Lanes4* z,
                                               const std::type_identity_t<ColVector<double, In>>* next_x) noexcept {
  std::array<Lanes4, K> h{};
  std::array<Lanes4, K> sigma_prime{};
  std::array<double, K> theta{};
  GRADPROOF_UNROLL for (std::size_t k = 0; k < K; ++k) {
    const detail::Pair4 hidden = hidden4(z[k]);
    h[k] = hidden.first;
    sigma_prime[k] = hidden.second;
    const Lanes4 u_h = Lanes4::load(entries(nets[k].U)) * h[k];
    theta[k] = u_h.sum_in_order() + nets[k].b2;  // logit()'s order
  }
  std::array<double, K> delta1{};
  constexpr std::size_t whole = K / 4 * 4;
  GRADPROOF_UNROLL for (std::size_t k = 0; k < whole; k += 4) fused_delta1_4(Lanes4::load(theta.data() + k), y)
      .store(delta1.data() + k);
  GRADPROOF_UNROLL for (std::size_t k = whole; k < K; ++k) delta1[k] = fused_delta1(theta[k], y);
  const double* const xs = entries(x);
  double s = 0.0;  // xᵀx' + 1, the same for every network
  if (next_x != nullptr) {
    const double* const xn = entries(*next_x);
    s = GRADPROOF_MUL(xs[0], xn[0]);
    GRADPROOF_UNROLL for (std::size_t j = 1; j < In; ++j) s = s + GRADPROOF_MUL(xs[j], xn[j]);
    s = s + 1.0;
  }
  GRADPROOF_UNROLL for (std::size_t k = 0; k < K; ++k) {
    double* const W = entries(nets[k].W);
    Lanes4 columns[In];
    load_columns(W, columns);
    const Lanes4 b1 = Lanes4::load(entries(nets[k].b1));
    const Lanes4 U = Lanes4::load(entries(nets[k].U));
    const Lanes4 eta_u_sigma_prime = etas[k] * (U * sigma_prime[k]);
    if (next_x != nullptr) {
      const double* const xn = entries(*next_x);
      Lanes4 before = columns[0] * xn[0];
      GRADPROOF_UNROLL for (std::size_t j = 1; j < In; ++j) before = before + columns[j] * xn[j];
      z[k] = (before + b1) - delta1[k] * (eta_u_sigma_prime * s);
    }
    GRADPROOF_UNROLL for (std::size_t j = 0; j < In; ++j) columns[j] =
        columns[j] - delta1[k] * (eta_u_sigma_prime * xs[j]);
    store_columns(W, columns);
    (b1 - delta1[k] * eta_u_sigma_prime).store(entries(nets[k].b1));
    (U - delta1[k] * (etas[k] * h[k])).store(entries(nets[k].U));
    nets[k].b2 = nets[k].b2 - GRADPROOF_MUL(delta1[k], etas[k]);
  }
}

/// z = W x + b1 of a network of 4 hidden units, in matmul's order, as one 4-lane vector.
template <std::size_t In>
GRADPROOF_ALWAYS_INLINE inline Lanes4 w_x_plus_b1(const Network<double, In, 4>& net, const double* xs) noexcept {
  Lanes4 columns[In];
  load_columns(entries(net.W), columns);
  return columns_x_plus_b1(columns, Lanes4::load(entries(net.b1)), xs);
}

/// sgd_step_many and train_many at run time, from the networks' first z on.
template <std::size_t In, std::size_t K>
GRADPROOF_ALWAYS_INLINE inline void sgd_step_many4(std::array<Network<double, In, 4>, K>& nets,
                                                   const ColVector<double, In>& x, double y,
                                                   const std::array<double, K>& etas) noexcept {
  std::array<Lanes4, K> z{};
  GRADPROOF_UNROLL for (std::size_t k = 0; k < K; ++k) z[k] = w_x_plus_b1(nets[k], entries(x));
  step_many4(nets, x, y, etas, z.data(), nullptr);
}
template <std::size_t In, std::size_t K, class Iterator>
GRADPROOF_ALWAYS_INLINE inline void train_many4(std::array<Network<double, In, 4>, K>& nets, Iterator it, Iterator last,
                                                const std::array<double, K>& etas) noexcept {
  std::array<Lanes4, K> z{};
  GRADPROOF_UNROLL for (std::size_t k = 0; k < K; ++k) z[k] = w_x_plus_b1(nets[k], entries(it->x));
  for (;;) {
    const auto& s = *it;
    const bool more = ++it != last;
    step_many4(nets, s.x, s.y, etas, z.data(), more ? &it->x : nullptr);
    if (!more) return;
  }
}

/// The lockstep and mini-batch kernels as AVX2 clones (detail/simd.hpp).
template <std::size_t In, std::size_t K>
GRADPROOF_AVX2_CLONE inline void sgd_step_many4_avx2(std::array<Network<double, In, 4>, K>& nets,
                                                     const ColVector<double, In>& x, double y,
                                                     const std::array<double, K>& etas) noexcept {
  sgd_step_many4(nets, x, y, etas);
}
template <std::size_t In, std::size_t K, class Iterator>
GRADPROOF_AVX2_CLONE inline void train_many4_avx2(std::array<Network<double, In, 4>, K>& nets, Iterator it,
                                                  Iterator last, const std::array<double, K>& etas) noexcept {
  train_many4(nets, it, last, etas);
}
}  // namespace detail
#endif

/// One SGD step of K networks on the same sample x (In, 1), y, each with its own learning rate:
/// nets[k] becomes sgd_step(nets[k], x, y, etas[k]), bit for bit. Stage by stage over k (every
/// forward pass, then every update), so that the K independent chains overlap.
template <class T, std::size_t In, std::size_t Hidden, std::size_t K>
GRADPROOF_HOT_INLINE constexpr void sgd_step_many(std::array<Network<T, In, Hidden>, K>& nets,
                                                  const ColVector<T, In>& x, std::type_identity_t<T> y,
                                                  const std::array<T, K>& etas) noexcept {
  detail::stop_on_bad_label(y);
  for (const T eta : etas) detail::stop_on_bad_eta(eta);
#if GRADPROOF_SIMD
  if constexpr (std::is_same_v<T, double> && Hidden == 4) {
    if (!__builtin_is_constant_evaluated()) {
      return detail::simd_avx2() ? detail::sgd_step_many4_avx2(nets, x, y, etas)
                                 : detail::sgd_step_many4(nets, x, y, etas);
    }
  }
#endif
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
#if GRADPROOF_SIMD
  if constexpr (std::is_same_v<T, double> && Hidden == 4) {
    if (!__builtin_is_constant_evaluated()) {
      detail::simd_avx2() ? detail::train_many4_avx2(nets, it, last, etas) : detail::train_many4(nets, it, last, etas);
      return nets;
    }
  }
#endif
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
#if GRADPROOF_SIMD
/// mean_gradient_of_first at run time, for a network of 4 hidden units in doubles: each sample's
/// hidden layer is one 4-lane vector, the output units go 4 samples at a time, and the sums run
/// over the hidden units' lanes; every lane's operations are the scalar path's (forward,
/// backward, the sums in sample order, the product by 1/count).
template <std::size_t In, std::size_t B>
GRADPROOF_ALWAYS_INLINE inline Gradients<double, In, 4> mean_gradient4(const Network<double, In, 4>& net,
                                                                       const std::array<Sample<double, In>, B>& batch,
                                                                       std::size_t count) noexcept {
  const Lanes4 U = Lanes4::load(entries(net.U));
  const Lanes4 b1 = Lanes4::load(entries(net.b1));
  Lanes4 columns[In];
  load_columns(entries(net.W), columns);
  std::array<Lanes4, B> h;  // not zeroed: [0, count) is written before it is read, as below
  std::array<Lanes4, B> u_sigma_prime;  // U ∘ σ′ᵀ, equations::delta2's hadamard product
  std::array<double, B> theta;
  for (std::size_t b = 0; b < count; ++b) {
    const detail::Pair4 hidden = hidden4<true>(columns_x_plus_b1(columns, b1, entries(batch[b].x)));
    h[b] = hidden.first;
    u_sigma_prime[b] = U * hidden.second;
    const Lanes4 u_h = U * h[b];
    theta[b] = u_h.sum_in_order() + net.b2;  // logit()'s order
  }
  std::array<double, B> y_hat;
  std::array<double, B> one_minus_y_hat;
  const std::size_t whole = count / 4 * 4;
  for (std::size_t b = 0; b < whole; b += 4)
    detail::logistic4<detail::SigmoidAndComplementJob>(theta.data() + b, y_hat.data() + b, one_minus_y_hat.data() + b);
  for (std::size_t b = whole; b < count; ++b) {
    const auto both = math::sigmoid_and_complement(theta[b]);
    y_hat[b] = both.sigma;
    one_minus_y_hat[b] = both.complement;
  }
  // Sample 0's gradient starts the sums, as in the scalar path (count >= 1).
  double sum_delta1 = equations::delta1(y_hat[0], one_minus_y_hat[0], batch[0].y);
  Lanes4 sum_delta2 = sum_delta1 * u_sigma_prime[0];
  Lanes4 sum_dU = sum_delta1 * h[0];
  Lanes4 sum_dW[In];
  GRADPROOF_UNROLL for (std::size_t j = 0; j < In; ++j) sum_dW[j] = sum_delta2 * batch[0].x.data[j];
  for (std::size_t b = 1; b < count; ++b) {
    const double* const xs = entries(batch[b].x);
    const double delta1 = equations::delta1(y_hat[b], one_minus_y_hat[b], batch[b].y);
    const Lanes4 delta2 = delta1 * u_sigma_prime[b];
    GRADPROOF_UNROLL for (std::size_t j = 0; j < In; ++j) sum_dW[j] = sum_dW[j] + delta2 * xs[j];
    sum_delta2 = sum_delta2 + delta2;
    sum_dU = sum_dU + delta1 * h[b];
    sum_delta1 = sum_delta1 + delta1;
  }
  const double inv = 1.0 / static_cast<double>(count);
  Gradients<double, In, 4> g{};
  g.delta1 = GRADPROOF_MUL(sum_delta1, inv);
  (sum_delta2 * inv).store(entries(g.delta2));
  GRADPROOF_UNROLL for (std::size_t j = 0; j < In; ++j)(sum_dW[j] * inv).store(entries(g.dW) + j, In);
  g.db1.data = g.delta2.data;  // db1 = δ2ᵀ: the same sums, so the same bits
  (sum_dU * inv).store(entries(g.dU));
  g.db2 = g.delta1;  // db2 = δ1: likewise
  return g;
}
template <std::size_t In, std::size_t B>
GRADPROOF_AVX2_CLONE inline Gradients<double, In, 4> mean_gradient4_avx2(const Network<double, In, 4>& net,
                                                                         const std::array<Sample<double, In>, B>& batch,
                                                                         std::size_t count) noexcept {
  return mean_gradient4(net, batch, count);
}
#endif

/// The mean gradient of batch[0, count), count in [1, B] (the callers guarantee it): the
/// gradients summed in sample order, then multiplied by 1/count. The forward passes of all B
/// samples are made together (forward_lanes; the ones past count are not used).
template <class T, std::size_t In, std::size_t Hidden, std::size_t B>
constexpr Gradients<T, In, Hidden> mean_gradient_of_first(const Network<T, In, Hidden>& net,
                                                          const std::array<Sample<T, In>, B>& batch,
                                                          std::size_t count) noexcept {
#if GRADPROOF_SIMD
  if constexpr (std::is_same_v<T, double> && Hidden == 4) {
    if (!__builtin_is_constant_evaluated()) {
      return simd_avx2() ? mean_gradient4_avx2(net, batch, count) : mean_gradient4(net, batch, count);
    }
  }
#endif
  const auto f = forward_lanes<T, In, Hidden, B>(
      [&net](std::size_t) -> const auto& { return net; },
      [&batch](std::size_t sample_index) -> const auto& { return batch[sample_index].x; });
  Gradients<T, In, Hidden> sum = backward(net, batch[0].x, batch[0].y, f[0]);
  for (std::size_t b = 1; b < count; ++b) {
    const auto g = backward(net, batch[b].x, batch[b].y, f[b]);
    sum.delta1 = sum.delta1 + g.delta1;
    sum.delta2 = sum.delta2 + g.delta2;
    for_each_parameter_with_gradient(sum, g, [](std::string_view, auto& total, const auto& term) { total = total + term; });
  }
  const T inv = T(1) / static_cast<T>(count);  // exact for a power-of-two count
  Gradients<T, In, Hidden> mean{};
  mean.delta1 = GRADPROOF_MUL(sum.delta1, inv);
  mean.delta2 = sum.delta2 * inv;
  for_each_parameter_with_gradient(mean, sum, [inv](std::string_view, auto& to, const auto& total) {
    if constexpr (matrix<std::remove_cvref_t<decltype(total)>>) {
      to = total * inv;
    } else {
      to = GRADPROOF_MUL(total, inv);
    }
  });
  return mean;
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
