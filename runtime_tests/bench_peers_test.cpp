// runtime_tests/bench_peers_test.cpp: the benchmark compares like with like. On the benchmark's
// own data (bench/bench_data.hpp), through the benchmark's own policies (bench/peer_*.hpp):
// - the textbook peer and, when CMake found Eigen 3.4, the Eigen peer compute gradproof's
//   forward pass, loss, gradients and step on every sample of an epoch, each from the network
//   gradproof has reached there, to 1e-12 relative per value; their whole epochs end within
//   1e-9 of gradproof's (rounding accumulates over 4096 dependent steps), and an epoch changes
//   the network (equal steps that change nothing would agree as well);
// - train_many gives each of K networks the bits sgd_epoch gives it alone, with its own eta;
// - one epoch of mini-batch SGD ends finite, with a lower mean loss than it began.
// Known-bad twins: a textbook peer that sees one wrong label, a lockstep network given another
// network's eta, and a mini-batch epoch judged by the loss it started from are all rejected.
#include <gtest/gtest.h>

#include <gradproof/gradproof.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>

#include "../bench/bench_data.hpp"
#include "../bench/peer.hpp"
#include "../bench/peer_lockstep.hpp"
#include "../bench/peer_minibatch.hpp"
#include "../bench/peer_textbook.hpp"
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
#include "../bench/peer_eigen.hpp"
#endif

namespace {

using namespace gradproof_bench;

constexpr double step_bound = 1e-12;  // relative, per value
constexpr double epoch_bound = 1e-9;

/// The largest relative difference seen, and where. Relative to the larger of the two values,
/// or to `terms` when given: for a sum (z, theta), the sum of its terms' magnitudes, since a sum
/// that cancels to near 0 keeps the absolute, not the relative, error of its terms.
struct Agreement {
  double worst = 0.0;
  std::string where = "every value (all equal)";
  std::size_t compared = 0;

  void check(double gp, double peer, const std::string& what, std::size_t sample, double terms = 0.0) {
    ++compared;
    const double scale = std::max({std::fabs(gp), std::fabs(peer), terms});
    const double rel = gp == peer ? 0.0 : std::fabs(gp - peer) / scale;  // NaN stays NaN: fails below
    if (!(rel <= worst)) {
      worst = rel;
      where = what + " on sample " + std::to_string(sample);
    }
  }
  void check(const Net& gp, const Net& peer, const std::string& what, std::size_t sample) {
    gradproof::for_each_parameter_entry_with_gradient(
        gp, peer, [&](const gradproof::ParameterEntry& e, const double& a, const double& b) {
          check(a, b, what + "." + std::string(e.name), sample);
        });
  }
  bool ok(double bound) const { return worst <= bound; }
};

/// Every sample of the epoch, from the network gradproof has reached there, against the peer's
/// results (peer_inputs: the peer's own layout of the samples).
template <class P>
Agreement per_step(const Data& d, const std::vector<typename P::Input>& peer_inputs) {
  Agreement a;
  Net gp = d.net0;
  for (std::size_t k = 0; k < d.samples.size(); ++k) {
    const GpSample& s = d.samples[k];
    const PeerResults p = P::results(gp, peer_inputs[k], d.eta);
    const auto f = gradproof::forward(gp, s.x);
    double theta_terms = std::fabs(gp.b2);
    for (std::size_t i = 0; i < Net::hidden; ++i) {
      double z_terms = std::fabs(gp.b1(i, 0));
      for (std::size_t j = 0; j < Net::inputs; ++j) z_terms += std::fabs(gp.W(i, j) * s.x(j, 0));
      a.check(f.z(i, 0), p.f.z(i, 0), "forward z", k, z_terms);
      a.check(f.h(i, 0), p.f.h(i, 0), "forward h", k);
      theta_terms += std::fabs(gp.U(0, i) * f.h(i, 0));
    }
    a.check(f.theta, p.f.theta, "forward theta", k, theta_terms);
    a.check(f.y_hat, p.f.y_hat, "forward y_hat", k);
    a.check(gradproof::bce_with_logits(f.theta, s.y), p.loss, "loss", k);
    const auto g = gradproof::backward(gp, s.x, s.y);
    a.check(g.delta1, p.g.delta1, "delta1", k);
    for (std::size_t i = 0; i < Net::hidden; ++i) a.check(g.delta2(0, i), p.g.delta2(0, i), "delta2", k);
    gradproof::for_each_parameter_entry_with_gradient(
        g, p.g, [&](const gradproof::ParameterEntry& e, const double& ours, const double& theirs) {
          std::string name = "d";  // appended, not "d" + std::string: g++ 12 -O3 warns (-Wrestrict) in libstdc++
          name += e.name;
          a.check(ours, theirs, name, k);
        });
    const Net next = gradproof::sgd_step(gp, s.x, s.y, d.eta);
    a.check(next, p.next, "sgd_step", k);
    gp = next;
  }
  return a;
}

/// The whole epoch of the peer (its own policy's epoch, as the benchmark times it) against
/// gradproof's sgd_epoch.
template <class P, class ToGradproof>
Agreement whole_epoch(const Data& d, ToGradproof to_gradproof) {
  Agreement a;
  const typename P::Prepared p = P::prepare(d);
  a.check(gradproof::sgd_epoch(d.net0, d.samples, d.eta), to_gradproof(P::epoch(p, d)), "epoch", d.samples.size() - 1);
  return a;
}

std::string report(const Agreement& a, double bound) {
  return "largest relative difference " + std::to_string(a.worst) + " at " + a.where + " (" +
         std::to_string(a.compared) + " values, bound " + std::to_string(bound) + ")";
}

const Data& data() {
  static const Data d = make_data();
  return d;
}

TEST(BenchPeers, TheDataTrain) {
  EXPECT_FALSE(gradproof::sgd_epoch(data().net0, data().samples, data().eta) == data().net0)
      << "an epoch did not change the network (eta = " << data().eta << ")";
}

TEST(BenchPeers, TextbookAgreesWithGradproof) {
  const Agreement step = per_step<TextbookPeer>(data(), TextbookPeer::prepare(data()).inputs);
  EXPECT_TRUE(step.ok(step_bound)) << report(step, step_bound);
  const Agreement epoch = whole_epoch<TextbookPeer>(data(), TextbookPeer::to_gradproof<Net, textbook::Net>);
  EXPECT_TRUE(epoch.ok(epoch_bound)) << report(epoch, epoch_bound);
}

// Known-bad twin: the textbook peer sees the opposite label on sample 0.
TEST(BenchPeers, TwinTextbookWithOneWrongLabelDisagrees) {
  auto inputs = TextbookPeer::prepare(data()).inputs;
  inputs[0].y = 1.0 - inputs[0].y;
  const Agreement step = per_step<TextbookPeer>(data(), inputs);
  EXPECT_FALSE(step.ok(step_bound)) << report(step, step_bound);
  EXPECT_NE(step.where.find("on sample 0"), std::string::npos) << step.where;
}

#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
TEST(BenchPeers, EigenAgreesWithGradproof) {
  const Agreement step = per_step<EigenPeer>(data(), EigenPeer::prepare(data()).inputs);
  EXPECT_TRUE(step.ok(step_bound)) << eigen_version() << ": " << report(step, step_bound);
  const Agreement epoch = whole_epoch<EigenPeer>(data(), EigenPeer::to_gradproof<Net, eigen_peer::Net>);
  EXPECT_TRUE(epoch.ok(epoch_bound)) << eigen_version() << ": " << report(epoch, epoch_bound);
}
#endif

/// How many of the K lockstep networks are bit for bit sgd_epoch's with eta etas[k + shift].
template <std::size_t K>
std::size_t lockstep_equal_to_sgd_epoch(std::size_t shift) {
  const auto p = LockstepPeer<K>::prepare(data());
  const auto trained = LockstepPeer<K>::epoch(p, data());
  std::size_t equal = 0;
  for (std::size_t k = 0; k < K; ++k)
    if (trained.nets[k] == gradproof::sgd_epoch(data().net0, data().samples, p.state0.etas[(k + shift) % K])) ++equal;
  return equal;
}

TEST(BenchPeers, LockstepIsSgdEpochPerNetwork) {
  EXPECT_EQ(lockstep_equal_to_sgd_epoch<4>(0), 4U);
  EXPECT_EQ(lockstep_equal_to_sgd_epoch<8>(0), 8U);
}

// Known-bad twin: each network compared with its neighbour's eta.
TEST(BenchPeers, TwinLockstepWithAnotherEtaDiffers) { EXPECT_EQ(lockstep_equal_to_sgd_epoch<4>(1), 0U); }

double mean_loss(const Net& net) {
  double sum = 0.0;
  for (const GpSample& s : data().samples) sum += gradproof::loss(net, s.x, s.y);
  return sum / static_cast<double>(data().samples.size());
}

/// A mini-batch epoch ends finite and with a lower mean loss than `before`.
template <std::size_t B>
bool minibatch_lowers_loss(double before) {
  const Net trained = MinibatchPeer<B>::epoch(MinibatchPeer<B>::prepare(data()), data());
  return std::isfinite(parameter_sum(trained)) && mean_loss(trained) < before;
}

TEST(BenchPeers, MinibatchEpochLowersTheLoss) {
  EXPECT_TRUE(minibatch_lowers_loss<8>(mean_loss(data().net0)));
  EXPECT_TRUE(minibatch_lowers_loss<32>(mean_loss(data().net0)));
}

// Known-bad twin: against the loss the epoch ends with, it is not lower.
TEST(BenchPeers, TwinMinibatchAgainstItsOwnEndDoesNotLower) {
  const Net trained = MinibatchPeer<32>::epoch(MinibatchPeer<32>::prepare(data()), data());
  EXPECT_FALSE(minibatch_lowers_loss<32>(mean_loss(trained)));
}

}  // namespace
