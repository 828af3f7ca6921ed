// bench/peer_textbook.hpp: the textbook peer (textbook.hpp) as a policy of bench/peer.hpp, and
// its results moved into gradproof's types (only copies), for the agreement test
// (runtime_tests/bench_peers_test.cpp).
#ifndef GRADPROOF_BENCH_PEER_TEXTBOOK_HPP
#define GRADPROOF_BENCH_PEER_TEXTBOOK_HPP

#include <gradproof/gradproof.hpp>

#include <vector>

#include "bench_data.hpp"
#include "peer.hpp"
#include "textbook.hpp"

namespace gradproof_bench {

/// The textbook's entry of a gradproof parameter entry, in a Net (W, b1, U, b2) or in its
/// Gradients (dW, db1, dU, db2).
template <class P>
auto& textbook_entry(P& p, const gradproof::ParameterEntry& e) {
  if constexpr (requires { p.dW; }) {
    if (e.name == "W") return p.dW[e.row][e.col];
    if (e.name == "b1") return p.db1[e.row];
    if (e.name == "U") return p.dU[e.col];
    return p.db2;
  } else {
    if (e.name == "W") return p.W[e.row][e.col];
    if (e.name == "b1") return p.b1[e.row];
    if (e.name == "U") return p.U[e.col];
    return p.b2;
  }
}

/// A gradproof network (or gradients) from the textbook's, entry by entry.
template <class To, class From>
To from_textbook(const From& t) {
  To n{};
  gradproof::for_each_parameter_entry(
      n, [&t](const gradproof::ParameterEntry& e, double& v) { v = textbook_entry(t, e); });
  return n;
}

struct TextbookPeer {
  static constexpr const char* name = "textbook";
  static constexpr std::size_t units = 1;
  using State = textbook::Net;
  using Input = textbook::Sample;
  struct Prepared {
    State state0;
    std::vector<Input> inputs;
  };

  static State to_peer(const Net& n) {
    State t{};
    gradproof::for_each_parameter_entry(
        n, [&t](const gradproof::ParameterEntry& e, const double& v) { textbook_entry(t, e) = v; });
    return t;
  }

  static Prepared prepare(const Data& d) {
    Prepared p{to_peer(d.net0), std::vector<Input>(d.samples.size())};
    for (std::size_t k = 0; k < d.samples.size(); ++k) {
      for (std::size_t j = 0; j < Net::inputs; ++j) p.inputs[k].x[j] = d.samples[k].x(j, 0);
      p.inputs[k].y = d.samples[k].y;
    }
    return p;
  }
  static void step(State& net, const Input& s, double eta) { textbook::sgd_step(net, s.x, s.y, eta); }
  static State epoch(const Prepared& p, const Data& d) {
    State net = p.state0;
    for (const Input& s : p.inputs) step(net, s, d.eta);
    return net;
  }
  static double sum(const State& net) { return parameter_sum(from_textbook<Net>(net)); }

  static textbook::Forward forward(const State& net, const Input& s) {
    textbook::Forward f;
    textbook::forward(net, s.x, f);
    return f;
  }
  static textbook::Gradients backward(const State& net, const Input& s) {
    textbook::Gradients g;
    textbook::backward(net, s.x, s.y, g);
    return g;
  }

  /// One sample's forward pass, loss, gradients and step, in gradproof's types.
  static PeerResults results(const Net& gp, const Input& s, double eta) {
    const State net = to_peer(gp);
    const textbook::Forward f = forward(net, s);
    const textbook::Gradients g = backward(net, s);
    PeerResults r;
    for (std::size_t i = 0; i < Net::hidden; ++i) {
      r.f.z(i, 0) = f.z[i];
      r.f.h(i, 0) = f.h[i];
    }
    r.f.theta = f.theta;
    r.f.y_hat = f.y_hat;
    r.loss = textbook::loss(f.y_hat, s.y);
    r.g = from_textbook<gradproof::Gradients<double>>(g);
    r.g.delta1 = g.delta1;
    for (std::size_t i = 0; i < Net::hidden; ++i) r.g.delta2(0, i) = g.delta2[i];
    State next = net;
    step(next, s, eta);
    r.next = from_textbook<Net>(next);
    return r;
  }
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_TEXTBOOK_HPP
