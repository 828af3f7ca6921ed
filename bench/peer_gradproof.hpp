// bench/peer_gradproof.hpp: gradproof per sample, the policy of bench/peer.hpp:
// gradproof::sgd_step one sample at a time, gradproof::sgd_epoch for an epoch.
#ifndef GRADPROOF_BENCH_PEER_GRADPROOF_HPP
#define GRADPROOF_BENCH_PEER_GRADPROOF_HPP

#include <gradproof/gradproof.hpp>

#include <vector>

#include "bench_data.hpp"
#include "peer.hpp"

namespace gradproof_bench {

struct GradproofPeer {
  static constexpr const char* name = "gradproof";
  static constexpr std::size_t units = 1;
  using State = Net;
  using Input = GpSample;
  using Prepared = gradproof_bench::Prepared<State, Input>;

  static Prepared prepare(const Data& d) { return {d.net0, d.samples}; }
  [[gnu::always_inline]] static void step(State& net, const Input& s, double eta) {
    net = gradproof::sgd_step(net, s.x, s.y, eta);
  }
  static State epoch(const Prepared& p, const Data& d) { return gradproof::sgd_epoch(p.state0, p.inputs, d.eta); }
  static double sum(const State& net) { return parameter_sum(net); }

  [[gnu::always_inline]] static auto forward(const State& net, const Input& s) { return gradproof::forward(net, s.x); }
  [[gnu::always_inline]] static auto backward(const State& net, const Input& s) {
    return gradproof::backward(net, s.x, s.y);
  }
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_GRADPROOF_HPP
