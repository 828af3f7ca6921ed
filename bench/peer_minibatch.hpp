// bench/peer_minibatch.hpp: mini-batch SGD with batches of B samples, the policy of
// bench/peer.hpp: gradproof::sgd_minibatch_step per batch (the mean gradient of B samples, one
// update: B samples), gradproof::sgd_epoch_minibatch<B> for an epoch (which copies each batch
// out of the samples itself).
#ifndef GRADPROOF_BENCH_PEER_MINIBATCH_HPP
#define GRADPROOF_BENCH_PEER_MINIBATCH_HPP

#include <array>
#include <cstddef>

#include "bench_data.hpp"
#include "peer.hpp"

namespace gradproof_bench {

template <std::size_t B>
struct MinibatchPeer {
  using State = Net;
  using Input = std::array<GpSample, B>;  // one batch
  using Prepared = gradproof_bench::Prepared<State, Input>;
  static constexpr const char* name = "gradproof";
  static constexpr std::size_t units = B;  // samples

  static Prepared prepare(const Data& d) { return {d.net0, batches_of<B>(d.samples)}; }
  [[gnu::always_inline]] static void step(State& net, const Input& batch, double eta) {
    net = gradproof::sgd_minibatch_step(net, batch, eta);
  }
  static State epoch(const Prepared& p, const Data& d) {
    return gradproof::sgd_epoch_minibatch<B>(p.state0, d.samples, d.eta);
  }
  static double sum(const State& net) { return parameter_sum(net); }
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_MINIBATCH_HPP
