// bench/peer_eigen.hpp: the Eigen peer (eigen_peer.hpp) as a policy of bench/peer.hpp, and its
// results moved into gradproof's types (only copies), for the agreement test
// (runtime_tests/bench_peers_test.cpp). Only when CMake found Eigen 3.4
// (GRADPROOF_BENCH_HAVE_EIGEN).
#ifndef GRADPROOF_BENCH_PEER_EIGEN_HPP
#define GRADPROOF_BENCH_PEER_EIGEN_HPP

#include <gradproof/gradproof.hpp>

#include <string>
#include <vector>

#include "bench_data.hpp"
#include "eigen_peer.hpp"
#include "peer.hpp"

namespace gradproof_bench {

/// Eigen's entry of a gradproof parameter entry, in a Net (W, b1, U, b2) or in its Gradients
/// (dW, db1, dU, db2).
template <class P>
auto& eigen_entry(P& p, const gradproof::ParameterEntry& e) {
  const auto r = static_cast<Eigen::Index>(e.row);
  const auto c = static_cast<Eigen::Index>(e.col);
  if constexpr (requires { p.dW; }) {
    if (e.name == "W") return p.dW(r, c);
    if (e.name == "b1") return p.db1(r);
    if (e.name == "U") return p.dU(c);
    return p.db2;
  } else {
    if (e.name == "W") return p.W(r, c);
    if (e.name == "b1") return p.b1(r);
    if (e.name == "U") return p.U(c);
    return p.b2;
  }
}

/// A gradproof network (or gradients) from Eigen's, entry by entry.
template <class To, class From>
To from_eigen(const From& from) {
  To n{};
  gradproof::for_each_parameter_entry(
      n, [&from](const gradproof::ParameterEntry& e, double& v) { v = eigen_entry(from, e); });
  return n;
}

/// "Eigen 3.4.0": the version CMake found.
inline std::string eigen_version() {
  return "Eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
         std::to_string(EIGEN_MINOR_VERSION);
}

struct EigenPeer {
  static constexpr const char* name = "eigen";
  static constexpr std::size_t units = 1;
  using State = eigen_peer::Net;
  using Input = eigen_peer::Sample;
  struct Prepared {
    State state0;
    std::vector<Input> inputs;
  };

  static State to_peer(const Net& n) {
    State e{};
    gradproof::for_each_parameter_entry(
        n, [&e](const gradproof::ParameterEntry& pe, const double& v) { eigen_entry(e, pe) = v; });
    return e;
  }

  static Prepared prepare(const Data& d) {
    Prepared p{to_peer(d.net0), std::vector<Input>(d.samples.size())};
    for (std::size_t k = 0; k < d.samples.size(); ++k) {
      for (std::size_t j = 0; j < Net::inputs; ++j) p.inputs[k].x(static_cast<Eigen::Index>(j)) = d.samples[k].x(j, 0);
      p.inputs[k].y = d.samples[k].y;
    }
    return p;
  }
  static void step(State& net, const Input& s, double eta) { eigen_peer::sgd_step(net, s.x, s.y, eta); }
  static State epoch(const Prepared& p, const Data& d) {
    State net = p.state0;
    for (const Input& s : p.inputs) step(net, s, d.eta);
    return net;
  }
  static double sum(const State& net) { return parameter_sum(from_eigen<Net>(net)); }

  /// One sample's forward pass, loss, gradients and step, in gradproof's types.
  static PeerResults results(const Net& gp, const Input& s, double eta) {
    const State net = to_peer(gp);
    const eigen_peer::Forward f = eigen_peer::forward(net, s.x);
    const eigen_peer::Gradients g = eigen_peer::backward(net, s.x, s.y);
    PeerResults r;
    for (std::size_t i = 0; i < Net::hidden; ++i) {
      const auto ie = static_cast<Eigen::Index>(i);
      r.f.z(i, 0) = f.z(ie);
      r.f.h(i, 0) = f.h(ie);
    }
    r.f.theta = f.theta;
    r.f.y_hat = f.y_hat;
    r.loss = eigen_peer::loss(f.y_hat, s.y);
    r.g = from_eigen<gradproof::Gradients<double>>(g);
    r.g.delta1 = g.delta1;
    for (std::size_t i = 0; i < Net::hidden; ++i) r.g.delta2(0, i) = g.delta2(static_cast<Eigen::Index>(i));
    State next = net;
    step(next, s, eta);
    r.next = from_eigen<Net>(next);
    return r;
  }
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_EIGEN_HPP
