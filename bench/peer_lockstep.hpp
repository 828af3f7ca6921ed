// bench/peer_lockstep.hpp: K networks in lockstep, the policy of bench/peer.hpp: a sweep of K
// learning rates (eta_sweep) from one starting network, gradproof::sgd_step_many per sample
// (K network-steps), gradproof::train_many for an epoch.
#ifndef GRADPROOF_BENCH_PEER_LOCKSTEP_HPP
#define GRADPROOF_BENCH_PEER_LOCKSTEP_HPP

#include <gradproof/gradproof.hpp>

#include <array>
#include <cstddef>

#include "bench_data.hpp"
#include "peer.hpp"

namespace gradproof_bench {

template <std::size_t K>
struct LockstepPeer {
  static constexpr const char* name = "gradproof";
  static constexpr std::size_t units = K;
  struct State {
    std::array<Net, K> nets;
    std::array<double, K> etas;  // eta_sweep<K>(eta); a step's own eta is not used
  };
  using Input = GpSample;
  using Prepared = gradproof_bench::Prepared<State, Input>;

  static Prepared prepare(const Data& d) {
    Prepared p{{{}, eta_sweep<K>(d.eta)}, d.samples};
    p.state0.nets.fill(d.net0);
    return p;
  }
  [[gnu::always_inline]] static void step(State& s, const Input& in, double) {
    gradproof::sgd_step_many(s.nets, in.x, in.y, s.etas);
  }
  static State epoch(const Prepared& p, const Data&) {
    return {gradproof::train_many(p.state0.nets, p.inputs, p.state0.etas), p.state0.etas};
  }
  static double sum(const State& s) {
    double total = 0.0;
    for (const Net& n : s.nets) total += parameter_sum(n);
    return total;
  }
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_LOCKSTEP_HPP
