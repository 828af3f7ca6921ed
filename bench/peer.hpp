// bench/peer.hpp: what every peer policy (peer_*.hpp) provides, and the one loop that drives a
// policy, shared by the benchmark and the callgrind driver so that both run the same steps.
//
// A policy P, one per way of training (gradproof per sample, textbook, Eigen, lockstep,
// mini-batch):
//   P::name              the implementation's part of the benchmark names ("textbook", ...)
//   P::units             network-steps or samples one step is
//   P::Prepared          the data in the policy's own layout: .state0 (what a step carries from
//                        the start) and .inputs (what one step reads, a power-of-two count)
//   P::prepare(data)     converts bench_data.hpp's Data (and eta) once, before timing
//   P::step(state, input, eta)   one training step, in place
//   P::epoch(prepared, data)     one epoch from state0, as the library trains it
//   P::sum(state)        the sum of every parameter: a checksum that is not finite if the
//                        training diverged
// and the peers of gradproof's per-sample step (textbook, Eigen) P::results(net, input, eta):
// one sample's PeerResults, for the agreement test (runtime_tests/bench_peers_test.cpp).
#ifndef GRADPROOF_BENCH_PEER_HPP
#define GRADPROOF_BENCH_PEER_HPP

#include <cstddef>

#include "bench_data.hpp"

namespace gradproof_bench {

/// One sample's results of a peer, moved into gradproof's types (only copies), so that one
/// agreement check serves every peer: the forward pass (z, h, theta, y_hat; sigma_prime and
/// 1 - y_hat unused), the loss, the gradients and the network after the step.
struct PeerResults {
  gradproof::ForwardPass<double> f;
  double loss = 0.0;
  gradproof::Gradients<double> g;
  Net next;
};

/// A policy's state and inputs, stepped through the inputs in order, wrapping at the end (as
/// training reads one sample after another), each step depending on the one before.
template <class P>
class Runner {
 public:
  explicit Runner(const Data& d) : prepared_(P::prepare(d)), state_(prepared_.state0), eta_(d.eta) {}

  void step() {
    P::step(state_, prepared_.inputs[k_], eta_);
    k_ = (k_ + 1) & (prepared_.inputs.size() - 1);
  }

  typename P::State& state() { return state_; }

 private:
  typename P::Prepared prepared_;
  typename P::State state_;
  double eta_;
  std::size_t k_ = 0;
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_HPP
