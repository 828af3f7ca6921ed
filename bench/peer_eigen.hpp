// bench/peer_eigen.hpp: the Eigen peer (eigen_peer.hpp) as a policy of bench/peer.hpp. Only
// when CMake found Eigen 3.4 (GRADPROOF_BENCH_HAVE_EIGEN).
#ifndef GRADPROOF_BENCH_PEER_EIGEN_HPP
#define GRADPROOF_BENCH_PEER_EIGEN_HPP

#include <gradproof/gradproof.hpp>

#include <cstddef>
#include <string>

#include "bench_data.hpp"
#include "eigen_peer.hpp"
#include "peer.hpp"

namespace gradproof_bench {

/// "Eigen 3.4.0": the version CMake found.
inline std::string eigen_version() {
  std::string version = "Eigen ";  // appended: "literal" + std::string&& trips g++ 12's -Wrestrict at -O3
  version += std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
             std::to_string(EIGEN_MINOR_VERSION);
  return version;
}

struct EigenPeer : PerSamplePeer<EigenPeer, eigen_peer::Net, eigen_peer::Sample> {
  static constexpr const char* name = "eigen";

  static void set_sample(Input& in, const GpSample& s) {
    for (std::size_t j = 0; j < Net::inputs; ++j) in.x(static_cast<Eigen::Index>(j)) = s.x(j, 0);
    in.y = s.y;
  }
  [[gnu::always_inline]] static void step(State& net, const Input& s, double eta) {
    eigen_peer::sgd_step(net, s.x, s.y, eta);
  }
  static double loss(double y_hat, double y) { return eigen_peer::loss(y_hat, y); }
  [[gnu::always_inline]] static eigen_peer::Forward forward(const State& net, const Input& s) {
    return eigen_peer::forward(net, s.x);
  }
  [[gnu::always_inline]] static eigen_peer::Gradients backward(const State& net, const Input& s) {
    return eigen_peer::backward(net, s.x, s.y);
  }
};

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_PEER_EIGEN_HPP
