// bench/peer.hpp: what every peer policy (peer_*.hpp) provides, and Steps, the one training
// step the benchmark and the callgrind driver both run.
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
#include <type_traits>
#include <vector>

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

/// What a policy converts bench_data.hpp's Data into: the state a step carries from the start,
/// and what one step reads, in the policy's own layout.
template <class State, class Input>
struct Prepared {
  State state0;
  std::vector<Input> inputs;
};

/// Entry (r, c) of one member of a peer's network, gradients or forward pass, whatever its
/// layout: a scalar, a C array (2-D, or 1-D for a row or a column), or an Eigen matrix.
template <class M>
auto& entry_at(M& m, std::size_t r, std::size_t c) {
  using V = std::remove_cv_t<M>;
  if constexpr (std::is_arithmetic_v<V>) {
    return m;
  } else if constexpr (std::rank_v<V> == 2) {
    return m[r][c];
  } else if constexpr (std::rank_v<V> == 1) {
    return m[r + c];  // a row or a column: one of r, c is 0
  } else {
    return m(static_cast<std::ptrdiff_t>(r), static_cast<std::ptrdiff_t>(c));
  }
}

/// The peer's entry of a gradproof parameter entry: `members` are the peer's W, b1, U and b2
/// (or dW, db1, dU, db2), in the slides' order.
template <class P, class... Members>
auto& peer_entry(P& p, const gradproof::ParameterEntry& e, Members... members) {
  std::conditional_t<std::is_const_v<P>, const double, double>* out = nullptr;
  std::size_t k = 0;
  ((gradproof::parameter_names[k++] == e.name ? (void)(out = &entry_at(p.*members, e.row, e.col)) : (void)0), ...);
  return *out;
}

/// What the peers of gradproof's per-sample step (textbook, Eigen) share; a Peer provides
/// set_sample(input, sample), step, forward, backward and loss in its own types, and names its
/// parameters W, b1, U, b2 and their gradients dW, db1, dU, db2, as gradproof does.
template <class Peer, class PeerState, class PeerInput>
struct PerSamplePeer {
  static constexpr std::size_t units = 1;
  using State = PeerState;
  using Input = PeerInput;
  using Prepared = gradproof_bench::Prepared<State, Input>;

  /// The peer's entry of a gradproof parameter entry, in its network or its gradients.
  template <class P>
  static auto& entry(P& p, const gradproof::ParameterEntry& e) {
    using V = std::remove_const_t<P>;
    if constexpr (requires { p.dW; }) {
      return peer_entry(p, e, &V::dW, &V::db1, &V::dU, &V::db2);
    } else {
      return peer_entry(p, e, &V::W, &V::b1, &V::U, &V::b2);
    }
  }

  static State to_peer(const Net& n) {
    State s{};
    gradproof::for_each_parameter_entry(n,
                                        [&s](const gradproof::ParameterEntry& e, const double& v) { entry(s, e) = v; });
    return s;
  }
  /// A gradproof Network (or Gradients) from the peer's, entry by entry.
  template <class To, class From>
  static To to_gradproof(const From& from) {
    To n{};
    gradproof::for_each_parameter_entry(n,
                                        [&from](const gradproof::ParameterEntry& e, double& v) { v = entry(from, e); });
    return n;
  }
  static Prepared prepare(const Data& d) {
    Prepared p{to_peer(d.net0), std::vector<Input>(d.samples.size())};
    for (std::size_t k = 0; k < d.samples.size(); ++k) Peer::set_sample(p.inputs[k], d.samples[k]);
    return p;
  }
  static State epoch(const Prepared& p, const Data& d) {
    State net = p.state0;
    for (const Input& s : p.inputs) Peer::step(net, s, d.eta);
    return net;
  }
  static double sum(const State& net) { return parameter_sum(to_gradproof<Net>(net)); }

  /// One sample's forward pass, loss, gradients and step from gradproof's network, in
  /// gradproof's types.
  static PeerResults results(const Net& gp, const Input& s, double eta) {
    const State net = to_peer(gp);
    const auto f = Peer::forward(net, s);
    const auto g = Peer::backward(net, s);
    PeerResults r;
    for (std::size_t i = 0; i < Net::hidden; ++i) {
      r.f.z(i, 0) = entry_at(f.z, i, 0);
      r.f.h(i, 0) = entry_at(f.h, i, 0);
    }
    r.f.theta = f.theta;
    r.f.y_hat = f.y_hat;
    r.loss = Peer::loss(f.y_hat, s.y);
    r.g = to_gradproof<gradproof::Gradients<double>>(g);
    r.g.delta1 = g.delta1;
    for (std::size_t i = 0; i < Net::hidden; ++i) r.g.delta2(0, i) = entry_at(g.delta2, 0, i);
    State next = net;
    Peer::step(next, s, eta);
    r.next = to_gradproof<Net>(next);
    return r;
  }
};

/// One training step of policy P per call, through the prepared inputs in order, wrapping at
/// the end (as training reads one sample after another); the state is the caller's, carried
/// from one call to the next. The caller's loop is the benchmark's or the callgrind driver's;
/// the step is this one. It holds no state of its own that a benchmark's DoNotOptimize(state)
/// could pin in memory, so its index, mask and eta stay in registers, as a hand-written loop's;
/// and it and the policies' steps are always inlined (gnu::always_inline), so that the step is
/// compiled into the caller's loop as if written there.
template <class P>
class Steps {
 public:
  Steps(const typename P::Prepared& p, double eta) : inputs_(p.inputs.data()), mask_(p.inputs.size() - 1), eta_(eta) {}

  [[gnu::always_inline]] void operator()(typename P::State& state) {
    P::step(state, inputs_[k_], eta_);
    k_ = (k_ + 1) & mask_;
  }

 private:
  const typename P::Input* inputs_;
  std::size_t mask_;  // the input count is a power of two
  double eta_;
  std::size_t k_ = 0;
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_HPP
