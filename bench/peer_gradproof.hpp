// bench/peer_gradproof.hpp: gradproof per sample, the policy of bench/peer.hpp:
// gradproof::sgd_step one sample at a time, gradproof::sgd_epoch for an epoch.
#ifndef GRADPROOF_BENCH_PEER_GRADPROOF_HPP
#define GRADPROOF_BENCH_PEER_GRADPROOF_HPP

#include <gradproof/gradproof.hpp>

#include <vector>

#include "bench_data.hpp"

namespace gradproof_bench {

struct GradproofPeer {
  static constexpr const char* name = "gradproof";
  static constexpr std::size_t units = 1;
  using State = Net;
  using Input = GpSample;
  struct Prepared {
    State state0;
    std::vector<Input> inputs;
  };

  static Prepared prepare(const Data& d) { return {d.net0, d.samples}; }
  static void step(State& net, const Input& s, double eta) { net = gradproof::sgd_step(net, s.x, s.y, eta); }
  static State epoch(const Prepared& p, const Data& d) { return gradproof::sgd_epoch(p.state0, p.inputs, d.eta); }
  static double sum(const State& net) { return parameter_sum(net); }

  static auto forward(const State& net, const Input& s) { return gradproof::forward(net, s.x); }
  static auto backward(const State& net, const Input& s) { return gradproof::backward(net, s.x, s.y); }
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_GRADPROOF_HPP
