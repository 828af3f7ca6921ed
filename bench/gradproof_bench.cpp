// bench/gradproof_bench.cpp: gradproof's forward, backward, sgd_step and one epoch of SGD,
// against the textbook peer (textbook.hpp) and, when CMake found Eigen 3.4, the Eigen peer
// (eigen_peer.hpp) doing the same math, in ns per sample; and gradproof's two ways past one
// dependency chain: K networks in lockstep (train.hpp's sgd_step_many, train_many) and
// mini-batch SGD (sgd_minibatch_step, sgd_epoch_minibatch), in ns per network-step / sample.
//
// What keeps the comparison honest:
// - the data are random (fixed seed) and made at run time, so nothing can be folded at
//   compile time; results go through benchmark::DoNotOptimize;
// - sgd_step carries the network from one iteration to the next (each step depends on the
//   last, as in training) and the epoch is 4096 dependent steps;
// - before timing, main() checks that the implementations compute the same forward pass,
//   loss, gradients and step on every sample to 1e-12 relative, that train_many gives each
//   network the bits sgd_epoch gives it alone, and that a mini-batch epoch lowers the loss;
//   it exits with 1 if not;
// - all sides read the same samples in the same order from the same kind of memory.
// After the run it prints the ratios per operation, measured in this run. It judges nothing:
// the project's speed goals are judged by tools/perf-report, from this binary's JSON.
//
// stdout carries Google Benchmark's report in the --benchmark_format asked for; gradproof's own
// lines (build facts, agreement checks, ratios) go with it to stdout in the console format and
// to stderr in json and csv (ratio_reporter.hpp), so that stdout stays machine-readable.
// Exit status: 0 done; 1 a check failed before timing, or no benchmark matched the filter;
// 2 bad options.
#include <benchmark/benchmark.h>

#include <gradproof/gradproof.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_data.hpp"
#include "ratio_reporter.hpp"
#include "textbook.hpp"
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
#include "eigen_peer.hpp"
#endif

namespace {

using gradproof_bench::GpSample;
using gradproof_bench::n_samples;
using gradproof_bench::Net;
using gradproof_bench::sample_mask;
constexpr double tolerance = 1e-12;  // relative, per value

// gradproof's own lines: stdout or stderr by the report's format, chosen once in main().
std::FILE* info = stdout;

constexpr std::size_t lockstep_small = 4;  // K networks in lockstep
constexpr std::size_t lockstep_large = 8;
constexpr std::size_t batch_small = 8;  // B samples per mini-batch
constexpr std::size_t batch_large = 32;

/// The network and the samples, in every implementation's layout, with the same values.
struct Dataset {
  Net gp_net0{};
  textbook::Net tb_net0{};
  std::vector<GpSample> gp_samples;
  std::vector<textbook::Sample> tb_samples;
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
  eigen_peer::Net eg_net0{};
  std::vector<eigen_peer::Sample> eg_samples;
#endif
  std::vector<std::array<GpSample, batch_small>> batches_small;
  std::vector<std::array<GpSample, batch_large>> batches_large;
  double eta = 0.0;  // at run time too, like everything else
};

// Read through volatile, so the optimiser knows neither the seed nor eta. Not through
// benchmark::DoNotOptimize: with g++ 12 -O2 and Google Benchmark 1.7.1, DoNotOptimize on a
// double lvalue ("+m,r" constraint) read back 0 here instead of 0.05.
volatile std::uint64_t opaque_seed = gradproof_bench::seed;
volatile double opaque_eta = 0.05;

textbook::Net to_textbook(const Net& n) {
  textbook::Net t{};
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) t.W[i][j] = n.W(i, j);
    t.b1[i] = n.b1(i, 0);
    t.U[i] = n.U(0, i);
  }
  t.b2 = n.b2;
  return t;
}

#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
eigen_peer::Net to_eigen(const Net& n) {
  eigen_peer::Net e{};
  for (Eigen::Index i = 0; i < 4; ++i) {
    const auto iu = static_cast<std::size_t>(i);
    for (Eigen::Index j = 0; j < 3; ++j) e.W(i, j) = n.W(iu, static_cast<std::size_t>(j));
    e.b1(i) = n.b1(iu, 0);
    e.U(i) = n.U(0, iu);
  }
  e.b2 = n.b2;
  return e;
}
#endif

Dataset make_dataset(bool break_textbook) {
  gradproof_bench::Data g = gradproof_bench::make_data(opaque_seed);
  Dataset d;
  d.eta = opaque_eta;
  d.gp_net0 = g.net0;
  d.tb_net0 = to_textbook(g.net0);
  d.gp_samples = std::move(g.samples);
  d.tb_samples.resize(n_samples);
  for (std::size_t k = 0; k < n_samples; ++k) {
    for (std::size_t j = 0; j < Net::inputs; ++j) d.tb_samples[k].x[j] = d.gp_samples[k].x(j, 0);
    d.tb_samples[k].y = d.gp_samples[k].y;
  }
  if (break_textbook) d.tb_samples[0].y = 1.0 - d.tb_samples[0].y;
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
  d.eg_net0 = to_eigen(d.gp_net0);
  d.eg_samples.resize(n_samples);
  for (std::size_t k = 0; k < n_samples; ++k) {
    for (std::size_t j = 0; j < Net::inputs; ++j)
      d.eg_samples[k].x(static_cast<Eigen::Index>(j)) = d.gp_samples[k].x(j, 0);
    d.eg_samples[k].y = d.gp_samples[k].y;
  }
#endif
  d.batches_small = gradproof_bench::batches_of<batch_small>(d.gp_samples);
  d.batches_large = gradproof_bench::batches_of<batch_large>(d.gp_samples);
  return d;
}

bool all_finite(const Net& n) {
  const auto finite = [](double v) { return std::isfinite(v); };
  return std::all_of(n.W.data.begin(), n.W.data.end(), finite) &&
         std::all_of(n.b1.data.begin(), n.b1.data.end(), finite) &&
         std::all_of(n.U.data.begin(), n.U.data.end(), finite) && std::isfinite(n.b2);
}

bool all_finite(const textbook::Net& n) {
  bool ok = std::isfinite(n.b2);
  for (std::size_t i = 0; i < textbook::n_hidden; ++i) {
    for (std::size_t j = 0; j < textbook::n_in; ++j) ok = ok && std::isfinite(n.W[i][j]);
    ok = ok && std::isfinite(n.b1[i]) && std::isfinite(n.U[i]);
  }
  return ok;
}

// ---------------------------------------------------------------------------------------
// Agreement check: run once before timing.

/// The largest relative difference seen, and where. Relative to the larger of the two values,
/// or to `terms` when given: for a sum (z, theta), the sum of its terms' magnitudes, since
/// a sum that cancels to near 0 keeps the absolute, not the relative, error of its terms.
struct Agreement {
  double worst = 0.0;
  std::string where = "every value (all equal)";
  std::size_t compared = 0;

  void check(double gp, double tb, const char* what, std::size_t sample, double terms = 0.0) {
    ++compared;
    const double scale = std::max({std::fabs(gp), std::fabs(tb), terms});
    const double rel = gp == tb ? 0.0 : std::fabs(gp - tb) / scale;  // NaN stays NaN: fails below
    if (!(rel <= worst)) {
      worst = rel;
      where = std::string(what) + " on sample " + std::to_string(sample);
    }
  }
  bool ok(double tol) const { return worst <= tol; }
};

void compare_nets(Agreement& a, const Net& gp, const Net& peer, const char* what, std::size_t k) {
  const std::string w(what);
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) a.check(gp.W(i, j), peer.W(i, j), (w + ".W").c_str(), k);
    a.check(gp.b1(i, 0), peer.b1(i, 0), (w + ".b1").c_str(), k);
    a.check(gp.U(0, i), peer.U(0, i), (w + ".U").c_str(), k);
  }
  a.check(gp.b2, peer.b2, (w + ".b2").c_str(), k);
}

/// One sample's results of a peer implementation, moved into gradproof's types (only copies),
/// so that one check serves every peer: the forward pass, the loss, the gradients, and the
/// network after the step.
struct PeerStep {
  gradproof::ForwardPass<double> f;  // z, h, theta, y_hat (sigma_prime and 1 - y_hat unused)
  double loss = 0.0;
  gradproof::Gradients<double> g;
  Net next;
};

Net from_textbook(const textbook::Net& t) {
  Net n{};
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) n.W(i, j) = t.W[i][j];
    n.b1(i, 0) = t.b1[i];
    n.U(0, i) = t.U[i];
  }
  n.b2 = t.b2;
  return n;
}

/// The textbook peer's step from gradproof's network gp on sample k.
PeerStep textbook_step(const Dataset& d, const Net& gp, std::size_t k) {
  const textbook::Sample& ts = d.tb_samples[k];
  const textbook::Net tb = to_textbook(gp);
  PeerStep p;
  textbook::Forward tf{};
  textbook::forward(tb, ts.x, tf);
  textbook::Gradients tg{};
  textbook::backward(tb, ts.x, ts.y, tg);
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    p.f.z(i, 0) = tf.z[i];
    p.f.h(i, 0) = tf.h[i];
    p.g.delta2(0, i) = tg.delta2[i];
    for (std::size_t j = 0; j < Net::inputs; ++j) p.g.dW(i, j) = tg.dW[i][j];
    p.g.db1(i, 0) = tg.db1[i];
    p.g.dU(0, i) = tg.dU[i];
  }
  p.f.theta = tf.theta;
  p.f.y_hat = tf.y_hat;
  p.loss = textbook::loss(tf.y_hat, ts.y);
  p.g.delta1 = tg.delta1;
  p.g.db2 = tg.db2;
  textbook::Net tb_next = tb;
  textbook::sgd_step(tb_next, ts.x, ts.y, d.eta);
  p.next = from_textbook(tb_next);
  return p;
}

Net textbook_epoch(const Dataset& d) {
  textbook::Net tb = d.tb_net0;
  for (const textbook::Sample& ts : d.tb_samples) textbook::sgd_step(tb, ts.x, ts.y, d.eta);
  return from_textbook(tb);
}

#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
Net from_eigen(const eigen_peer::Net& e) {
  Net n{};
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    const auto ie = static_cast<Eigen::Index>(i);
    for (std::size_t j = 0; j < Net::inputs; ++j) n.W(i, j) = e.W(ie, static_cast<Eigen::Index>(j));
    n.b1(i, 0) = e.b1(ie);
    n.U(0, i) = e.U(ie);
  }
  n.b2 = e.b2;
  return n;
}

/// The Eigen peer's step from gradproof's network gp on sample k.
PeerStep eigen_step(const Dataset& d, const Net& gp, std::size_t k) {
  const eigen_peer::Sample& es = d.eg_samples[k];
  const eigen_peer::Net eg = to_eigen(gp);
  PeerStep p;
  const eigen_peer::Forward ef = eigen_peer::forward(eg, es.x);
  const eigen_peer::Gradients eg_g = eigen_peer::backward(eg, es.x, es.y);
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    const auto ie = static_cast<Eigen::Index>(i);
    p.f.z(i, 0) = ef.z(ie);
    p.f.h(i, 0) = ef.h(ie);
    p.g.delta2(0, i) = eg_g.delta2(ie);
    for (std::size_t j = 0; j < Net::inputs; ++j) p.g.dW(i, j) = eg_g.dW(ie, static_cast<Eigen::Index>(j));
    p.g.db1(i, 0) = eg_g.db1(ie);
    p.g.dU(0, i) = eg_g.dU(ie);
  }
  p.f.theta = ef.theta;
  p.f.y_hat = ef.y_hat;
  p.loss = eigen_peer::loss(ef.y_hat, es.y);
  p.g.delta1 = eg_g.delta1;
  p.g.db2 = eg_g.db2;
  eigen_peer::Net eg_next = eg;
  eigen_peer::sgd_step(eg_next, es.x, es.y, d.eta);
  p.next = from_eigen(eg_next);
  return p;
}

Net eigen_epoch(const Dataset& d) {
  eigen_peer::Net eg = d.eg_net0;
  for (const eigen_peer::Sample& es : d.eg_samples) eigen_peer::sgd_step(eg, es.x, es.y, d.eta);
  return from_eigen(eg);
}
#endif

/// Every sample of the epoch, each from the network gradproof has reached at that point:
/// forward pass, loss, gradients and the step, value by value, against the peer's (peer_step).
/// Then the two whole epochs (peer_epoch).
template <class PeerStepOf, class PeerEpoch>
bool agrees_with(const std::string& peer_name, const Dataset& d, PeerStepOf peer_step, PeerEpoch peer_epoch) {
  Agreement step;
  Net gp = d.gp_net0;
  for (std::size_t k = 0; k < n_samples; ++k) {
    const GpSample& s = d.gp_samples[k];
    const PeerStep p = peer_step(d, gp, k);

    const auto f = gradproof::forward(gp, s.x);
    double theta_terms = std::fabs(gp.b2);
    for (std::size_t i = 0; i < Net::hidden; ++i) {
      double z_terms = std::fabs(gp.b1(i, 0));
      for (std::size_t j = 0; j < Net::inputs; ++j) z_terms += std::fabs(gp.W(i, j) * s.x(j, 0));
      step.check(f.z(i, 0), p.f.z(i, 0), "forward z", k, z_terms);
      step.check(f.h(i, 0), p.f.h(i, 0), "forward h", k);
      theta_terms += std::fabs(gp.U(0, i) * f.h(i, 0));
    }
    step.check(f.theta, p.f.theta, "forward theta", k, theta_terms);
    step.check(f.y_hat, p.f.y_hat, "forward y_hat", k);
    step.check(gradproof::bce_with_logits(f.theta, s.y), p.loss, "loss", k);

    const auto g = gradproof::backward(gp, s.x, s.y);
    step.check(g.delta1, p.g.delta1, "delta1", k);
    for (std::size_t i = 0; i < Net::hidden; ++i) {
      step.check(g.delta2(0, i), p.g.delta2(0, i), "delta2", k);
      for (std::size_t j = 0; j < Net::inputs; ++j) step.check(g.dW(i, j), p.g.dW(i, j), "dW", k);
      step.check(g.db1(i, 0), p.g.db1(i, 0), "db1", k);
      step.check(g.dU(0, i), p.g.dU(0, i), "dU", k);
    }
    step.check(g.db2, p.g.db2, "db2", k);

    const Net gp_next = gradproof::sgd_step(gp, s.x, s.y, d.eta);
    compare_nets(step, gp_next, p.next, "sgd_step", k);
    gp = gp_next;
  }

  // Whole epochs, each implementation on its own: rounding differences accumulate over 4096
  // dependent steps, so this is reported, with a looser bound.
  Agreement epoch;
  const Net gp_epoch = gradproof::sgd_epoch(d.gp_net0, d.gp_samples, d.eta);
  compare_nets(epoch, gp_epoch, peer_epoch(d), "epoch", n_samples - 1);
  constexpr double epoch_tolerance = 1e-9;
  // Equal steps that change nothing (eta = 0) would agree as well, and time a different loop.
  const bool trains = !(gp_epoch == d.gp_net0);

  std::fprintf(info, "agreement, gradproof vs %s, largest relative difference per value:\n", peer_name.c_str());
  std::fprintf(info, "  per step (%zu values over %zu samples): %.3g at %s  (bound %.0e): %s\n", step.compared,
               n_samples, step.worst, step.where.c_str(), tolerance, step.ok(tolerance) ? "ok" : "FAILED");
  std::fprintf(info, "  after a whole epoch (%zu values):       %.3g at %s  (bound %.0e): %s\n", epoch.compared,
               epoch.worst, epoch.where.c_str(), epoch_tolerance, epoch.ok(epoch_tolerance) ? "ok" : "FAILED");
  if (!trains) std::fprintf(info, "  an epoch did not change the network (eta = %g): FAILED\n", d.eta);
  return step.ok(tolerance) && epoch.ok(epoch_tolerance) && trains;
}

bool implementations_agree(const Dataset& d) { return agrees_with("textbook", d, textbook_step, textbook_epoch); }

#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
bool eigen_agrees(const Dataset& d) {
  return agrees_with("Eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
                         std::to_string(EIGEN_MINOR_VERSION),
                     d, eigen_step, eigen_epoch);
}
#endif

/// train_many gives network k exactly the bits sgd_epoch gives it alone, with its own eta.
template <std::size_t K>
bool lockstep_agrees(const Dataset& d) {
  const auto etas = gradproof_bench::eta_sweep<K>(d.eta);
  std::array<Net, K> nets;
  nets.fill(d.gp_net0);
  const std::array<Net, K> many = gradproof::train_many(nets, d.gp_samples, etas);
  std::size_t equal = 0;
  for (std::size_t k = 0; k < K; ++k)
    if (many[k] == gradproof::sgd_epoch(d.gp_net0, d.gp_samples, etas[k])) ++equal;
  std::fprintf(info, "  train_many, K = %zu (eta x 0.5 .. x %.2f): %zu of %zu networks bit for bit sgd_epoch's: %s\n",
               K, 0.5 + 0.25 * static_cast<double>(K - 1), equal, K, equal == K ? "ok" : "FAILED");
  return equal == K;
}

double mean_loss(const Net& net, const std::vector<GpSample>& samples) {
  double sum = 0.0;
  for (const GpSample& s : samples) sum += gradproof::loss(net, s.x, s.y);
  return sum / static_cast<double>(samples.size());
}

/// One epoch of mini-batch SGD ends finite, with a lower mean loss over the data than it began.
template <std::size_t B>
bool minibatch_trains(const Dataset& d) {
  const Net net = gradproof::sgd_epoch_minibatch<B>(d.gp_net0, d.gp_samples, d.eta);
  const double before = mean_loss(d.gp_net0, d.gp_samples);
  const double after = mean_loss(net, d.gp_samples);
  const bool ok = all_finite(net) && after < before;
  std::fprintf(info, "  sgd_epoch_minibatch<%zu>: mean loss %.6f -> %.6f, finite %s: %s\n", B, before, after,
               all_finite(net) ? "yes" : "NO", ok ? "ok" : "FAILED");
  return ok;
}

bool throughput_checks(const Dataset& d) {
  std::fprintf(info, "lockstep and mini-batch:\n");
  bool ok = lockstep_agrees<lockstep_small>(d);
  ok = lockstep_agrees<lockstep_large>(d) && ok;
  ok = minibatch_trains<batch_small>(d) && ok;
  ok = minibatch_trains<batch_large>(d) && ok;
  return ok;
}

// ---------------------------------------------------------------------------------------
// The benchmarks. Each reads sample k, then k + 1, ... (wrapping at 4096), as training does.

void per_sample(benchmark::State& st, std::int64_t samples_per_iteration) {
  st.SetItemsProcessed(st.iterations() * samples_per_iteration);
  // kIsIterationInvariantRate: samples * iterations / CPU seconds; kInvert makes it CPU seconds
  // per sample, which the console prints with an SI prefix ("61.3ns").
  st.counters[gradproof_bench::per_sample_counter] =
      benchmark::Counter(static_cast<double>(samples_per_iteration),
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void forward_gradproof(benchmark::State& st, const Dataset& d) {
  const Net net = d.gp_net0;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const GpSample& s = d.gp_samples[k];
    k = (k + 1) & sample_mask;
    auto f = gradproof::forward(net, s.x);
    benchmark::DoNotOptimize(f);
  }
  per_sample(st, 1);
}

void forward_textbook(benchmark::State& st, const Dataset& d) {
  const textbook::Net net = d.tb_net0;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const textbook::Sample& s = d.tb_samples[k];
    k = (k + 1) & sample_mask;
    textbook::Forward f;
    textbook::forward(net, s.x, f);
    benchmark::DoNotOptimize(f);
  }
  per_sample(st, 1);
}

void backward_gradproof(benchmark::State& st, const Dataset& d) {
  const Net net = d.gp_net0;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const GpSample& s = d.gp_samples[k];
    k = (k + 1) & sample_mask;
    auto g = gradproof::backward(net, s.x, s.y);  // forward pass included
    benchmark::DoNotOptimize(g);
  }
  per_sample(st, 1);
}

void backward_textbook(benchmark::State& st, const Dataset& d) {
  const textbook::Net net = d.tb_net0;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const textbook::Sample& s = d.tb_samples[k];
    k = (k + 1) & sample_mask;
    textbook::Gradients g;
    textbook::backward(net, s.x, s.y, g);  // forward pass included
    benchmark::DoNotOptimize(g);
  }
  per_sample(st, 1);
}

void sgd_step_gradproof(benchmark::State& st, const Dataset& d) {
  Net net = d.gp_net0;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const GpSample& s = d.gp_samples[k];
    k = (k + 1) & sample_mask;
    net = gradproof::sgd_step(net, s.x, s.y, d.eta);  // depends on the previous step
    benchmark::DoNotOptimize(net);
  }
  if (!all_finite(net)) st.SkipWithError("gradproof sgd_step diverged");
  per_sample(st, 1);
}

void sgd_step_textbook(benchmark::State& st, const Dataset& d) {
  textbook::Net net = d.tb_net0;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const textbook::Sample& s = d.tb_samples[k];
    k = (k + 1) & sample_mask;
    textbook::sgd_step(net, s.x, s.y, d.eta);  // depends on the previous step
    benchmark::DoNotOptimize(net);
  }
  if (!all_finite(net)) st.SkipWithError("textbook sgd_step diverged");
  per_sample(st, 1);
}

// One epoch per iteration, always from the same starting network, so every iteration does
// the same work on both sides.
void epoch_gradproof(benchmark::State& st, const Dataset& d) {
  for ([[maybe_unused]] auto _ : st) {
    Net net = gradproof::sgd_epoch(d.gp_net0, d.gp_samples, d.eta);
    benchmark::DoNotOptimize(net);
  }
  per_sample(st, static_cast<std::int64_t>(n_samples));
}

void epoch_textbook(benchmark::State& st, const Dataset& d) {
  for ([[maybe_unused]] auto _ : st) {
    textbook::Net net = d.tb_net0;
    for (const textbook::Sample& s : d.tb_samples) textbook::sgd_step(net, s.x, s.y, d.eta);
    benchmark::DoNotOptimize(net);
  }
  per_sample(st, static_cast<std::int64_t>(n_samples));
}

#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
void sgd_step_eigen(benchmark::State& st, const Dataset& d) {
  eigen_peer::Net net = d.eg_net0;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const eigen_peer::Sample& s = d.eg_samples[k];
    k = (k + 1) & sample_mask;
    eigen_peer::sgd_step(net, s.x, s.y, d.eta);  // depends on the previous step
    benchmark::DoNotOptimize(net);
  }
  if (!std::isfinite(net.W.sum() + net.b1.sum() + net.U.sum() + net.b2)) st.SkipWithError("Eigen sgd_step diverged");
  per_sample(st, 1);
}

void epoch_eigen(benchmark::State& st, const Dataset& d) {
  for ([[maybe_unused]] auto _ : st) {
    eigen_peer::Net net = d.eg_net0;
    for (const eigen_peer::Sample& s : d.eg_samples) eigen_peer::sgd_step(net, s.x, s.y, d.eta);
    benchmark::DoNotOptimize(net);
  }
  per_sample(st, static_cast<std::int64_t>(n_samples));
}
#endif

// K networks (a learning-rate sweep) in lockstep, one sgd_step_many per iteration, carried to
// the next: reported per network-step (K per iteration).
template <std::size_t K>
void lockstep_gradproof(benchmark::State& st, const Dataset& d) {
  const auto etas = gradproof_bench::eta_sweep<K>(d.eta);
  std::array<Net, K> nets;
  nets.fill(d.gp_net0);
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const GpSample& s = d.gp_samples[k];
    k = (k + 1) & sample_mask;
    gradproof::sgd_step_many(nets, s.x, s.y, etas);
    benchmark::DoNotOptimize(nets);
  }
  if (!std::all_of(nets.begin(), nets.end(), [](const Net& n) { return all_finite(n); }))
    st.SkipWithError("gradproof sgd_step_many diverged");
  per_sample(st, static_cast<std::int64_t>(K));
}

// One epoch of K networks in lockstep (train_many), from the same starting networks: per
// network-sample.
template <std::size_t K>
void lockstep_epoch_gradproof(benchmark::State& st, const Dataset& d) {
  const auto etas = gradproof_bench::eta_sweep<K>(d.eta);
  std::array<Net, K> nets0;
  nets0.fill(d.gp_net0);
  for ([[maybe_unused]] auto _ : st) {
    std::array<Net, K> nets = gradproof::train_many(nets0, d.gp_samples, etas);
    benchmark::DoNotOptimize(nets);
  }
  per_sample(st, static_cast<std::int64_t>(K * n_samples));
}

// One mini-batch step (mean gradient of B samples, one update) per iteration, batches in
// order, the network carried to the next: reported per sample (B per iteration).
template <std::size_t B>
void minibatch_gradproof(benchmark::State& st, const std::vector<std::array<GpSample, B>>& batches, double eta,
                         const Net& net0) {
  Net net = net0;
  const std::size_t n_batches = batches.size();  // a power of two
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const auto& batch = batches[k];
    k = (k + 1) & (n_batches - 1);
    net = gradproof::sgd_minibatch_step(net, batch, eta);
    benchmark::DoNotOptimize(net);
  }
  if (!all_finite(net)) st.SkipWithError("gradproof sgd_minibatch_step diverged");
  per_sample(st, static_cast<std::int64_t>(B));
}

// One epoch of mini-batch SGD (sgd_epoch_minibatch<B>, which copies each batch out of the
// samples), from the same starting network: per sample.
template <std::size_t B>
void minibatch_epoch_gradproof(benchmark::State& st, const Dataset& d) {
  for ([[maybe_unused]] auto _ : st) {
    Net net = gradproof::sgd_epoch_minibatch<B>(d.gp_net0, d.gp_samples, d.eta);
    benchmark::DoNotOptimize(net);
  }
  per_sample(st, static_cast<std::int64_t>(n_samples));
}

using BenchFn = void (*)(benchmark::State&, const Dataset&);

void minibatch_small(benchmark::State& st, const Dataset& d) {
  minibatch_gradproof<batch_small>(st, d.batches_small, d.eta, d.gp_net0);
}
void minibatch_large(benchmark::State& st, const Dataset& d) {
  minibatch_gradproof<batch_large>(st, d.batches_large, d.eta, d.gp_net0);
}

/// Every benchmark, in the order they run (peers of one operation side by side, so that the
/// two halves of a ratio run close in time). Named "<operation>/<implementation>[/<size>]".
struct Bench {
  const char* name;
  BenchFn fn;
  benchmark::TimeUnit unit;
};
const std::vector<Bench>& benches() {
  static const std::vector<Bench> all{
      {"forward/gradproof", forward_gradproof, benchmark::kNanosecond},
      {"forward/textbook", forward_textbook, benchmark::kNanosecond},
      {"backward/gradproof", backward_gradproof, benchmark::kNanosecond},
      {"backward/textbook", backward_textbook, benchmark::kNanosecond},
      {"sgd_step/gradproof", sgd_step_gradproof, benchmark::kNanosecond},
      {"sgd_step/textbook", sgd_step_textbook, benchmark::kNanosecond},
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
      {"sgd_step/eigen", sgd_step_eigen, benchmark::kNanosecond},
#endif
      {"epoch/gradproof", epoch_gradproof, benchmark::kMicrosecond},
      {"epoch/textbook", epoch_textbook, benchmark::kMicrosecond},
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
      {"epoch/eigen", epoch_eigen, benchmark::kMicrosecond},
#endif
      {"lockstep/gradproof/k:4", lockstep_gradproof<lockstep_small>, benchmark::kNanosecond},
      {"lockstep/gradproof/k:8", lockstep_gradproof<lockstep_large>, benchmark::kNanosecond},
      {"lockstep_epoch/gradproof/k:8", lockstep_epoch_gradproof<lockstep_large>, benchmark::kMicrosecond},
      {"minibatch/gradproof/b:8", minibatch_small, benchmark::kNanosecond},
      {"minibatch/gradproof/b:32", minibatch_large, benchmark::kNanosecond},
      {"minibatch_epoch/gradproof/b:32", minibatch_epoch_gradproof<batch_large>, benchmark::kMicrosecond},
  };
  static_assert(lockstep_small == 4 && lockstep_large == 8 && batch_small == 8 && batch_large == 32,
                "the names above spell the sizes");
  return all;
}

void register_benchmarks(const Dataset& d) {
  for (const Bench& b : benches())
    benchmark::RegisterBenchmark(b.name, [&d, f = b.fn](benchmark::State& st) { f(st, d); })->Unit(b.unit);
}

// ---------------------------------------------------------------------------------------
// Context and the ratio table.

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(" \t", colon + 1));
    }
  }
  return "unknown (no /proc/cpuinfo)";
}

const char* yes_no(bool b) { return b ? "yes" : "no"; }

constexpr bool target_fma =
#if defined(__FMA__)
    true;
#else
    false;
#endif
constexpr bool target_avx2 =
#if defined(__AVX2__)
    true;
#else
    false;
#endif
constexpr bool target_avx512f =
#if defined(__AVX512F__)
    true;
#else
    false;
#endif

std::string eigen_version() {
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
  return std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
         std::to_string(EIGEN_MINOR_VERSION) + " (" + Eigen::SimdInstructionSetsInUse() + ")";
#else
  return "not found at configure time: no Eigen peer";
#endif
}

void print_build_info() {
  std::fprintf(info,
               "gradproof_bench: gradproof %d.%d.%d against bench/textbook.hpp and bench/eigen_peer.hpp (the peers)\n",
               GRADPROOF_VERSION_MAJOR, GRADPROOF_VERSION_MINOR, GRADPROOF_VERSION_PATCH);
  std::fprintf(info, "compiler:   %s (__VERSION__ \"%s\")\n", GRADPROOF_BENCH_COMPILER, __VERSION__);
  std::fprintf(info, "build type: %s; flags: %s\n", GRADPROOF_BENCH_BUILD_TYPE, GRADPROOF_BENCH_CXX_FLAGS);
  std::fprintf(info, "            (plus -std=c++20 or gnu++20 and the warning flags; __cplusplus %ld)\n", __cplusplus);
  std::fprintf(info, "target:     FMA %s, AVX2 %s, AVX-512F %s, __FAST_MATH__ %s\n", yes_no(target_fma),
               yes_no(target_avx2), yes_no(target_avx512f),
#if defined(__FAST_MATH__)
               "yes"
#else
               "no"
#endif
  );
  std::fprintf(info, "benchmark:  Google Benchmark %s\n", GRADPROOF_BENCH_BENCHMARK_VERSION);
  std::fprintf(info, "eigen:      %s\n", eigen_version().c_str());
  std::fprintf(info, "cpu:        %s\n", cpu_model().c_str());
#if !defined(__OPTIMIZE__)
  std::fprintf(info, "WARNING: this is not an optimised build; its timings say nothing. Use the release preset.\n");
#endif
  std::fflush(info);
}

/// The same, into Google Benchmark's context (the "context" object of --benchmark_out JSON),
/// for tools/perf-report.
void add_context() {
  benchmark::AddCustomContext("gradproof_version", std::to_string(GRADPROOF_VERSION_MAJOR) + "." +
                                                       std::to_string(GRADPROOF_VERSION_MINOR) + "." +
                                                       std::to_string(GRADPROOF_VERSION_PATCH));
  benchmark::AddCustomContext("gradproof_compiler", GRADPROOF_BENCH_COMPILER);
  benchmark::AddCustomContext("gradproof_compiler_version", __VERSION__);
  benchmark::AddCustomContext("gradproof_build_type", GRADPROOF_BENCH_BUILD_TYPE);
  benchmark::AddCustomContext("gradproof_cxx_flags", GRADPROOF_BENCH_CXX_FLAGS);
  benchmark::AddCustomContext("gradproof_target", std::string("FMA ") + yes_no(target_fma) + ", AVX2 " +
                                                      yes_no(target_avx2) + ", AVX-512F " + yes_no(target_avx512f));
  benchmark::AddCustomContext("gradproof_benchmark_version", GRADPROOF_BENCH_BENCHMARK_VERSION);
  benchmark::AddCustomContext("gradproof_eigen", eigen_version());
  benchmark::AddCustomContext("gradproof_cpu_model", cpu_model());
}

// ---------------------------------------------------------------------------------------
// The ratio table.

/// One comparison of the table: numerator / denominator of the typical (median) ns.
struct Ratio {
  double num = 0.0;
  double den = 0.0;
  double ratio = 0.0;
  std::optional<double> best;  // best over best
  std::size_t reps = 0;
};

std::optional<Ratio> ratio_of(const gradproof_bench::RatioReporter& r, const std::string& num, const std::string& den) {
  const auto n = r.typical(num);
  const auto d = r.typical(den);
  if (!n || !d) return std::nullopt;
  Ratio q{*n, *d, *n / *d, std::nullopt, std::min(r.repetitions(num), r.repetitions(den))};
  const auto bn = r.best(num);
  const auto bd = r.best(den);
  if (bn && bd) q.best = *bn / *bd;
  return q;
}

void print_row(const char* label, const std::optional<Ratio>& q) {
  if (!q) {
    std::fprintf(info, "  %-48s %5s %12s %12s %8s %10s\n", label, "-", "not run", "", "n/a", "n/a");
    return;
  }
  std::fprintf(info, "  %-48s %5zu %12.2f %12.2f %8.3f ", label, q->reps, q->num, q->den, q->ratio);
  if (q->best) {
    std::fprintf(info, "%10.3f\n", *q->best);
  } else {
    std::fprintf(info, "%10s\n", "n/a");
  }
}

void print_ratio_table(const gradproof_bench::RatioReporter& r) {
  std::fprintf(info, "\nratios of CPU time per sample, measured in this run (below 1: the first is faster)\n");
  std::fprintf(info, "  %-48s %5s %12s %12s %8s %10s\n", "comparison", "reps", "first ns", "second ns", "ratio",
               "best/best");
  std::fprintf(info, "gradproof / textbook\n");
  for (const char* op : {"forward", "backward", "sgd_step", "epoch"})
    print_row(op, ratio_of(r, std::string(op) + "/gradproof", std::string(op) + "/textbook"));
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
  std::fprintf(info, "gradproof / Eigen\n");
  for (const char* op : {"sgd_step", "epoch"})
    print_row(op, ratio_of(r, std::string(op) + "/gradproof", std::string(op) + "/eigen"));
  std::fprintf(info, "textbook / Eigen\n");
  for (const char* op : {"sgd_step", "epoch"})
    print_row(op, ratio_of(r, std::string(op) + "/textbook", std::string(op) + "/eigen"));
#else
  std::fprintf(info, "gradproof / Eigen: not built (CMake did not find Eigen 3.4; Debian: libeigen3-dev)\n");
#endif
  std::fprintf(info, "lockstep per network-step / one network's sgd_step\n");
  const auto lock4 = ratio_of(r, "lockstep/gradproof/k:4", "sgd_step/gradproof");
  const auto lock8 = ratio_of(r, "lockstep/gradproof/k:8", "sgd_step/gradproof");
  const auto lock_epoch = ratio_of(r, "lockstep_epoch/gradproof/k:8", "epoch/gradproof");
  print_row("K = 4", lock4);
  print_row("K = 8", lock8);
  print_row("epoch, K = 8 (train_many / sgd_epoch)", lock_epoch);
  std::fprintf(info, "mini-batch per sample / per-sample sgd_step\n");
  const auto batch8 = ratio_of(r, "minibatch/gradproof/b:8", "sgd_step/gradproof");
  const auto batch32 = ratio_of(r, "minibatch/gradproof/b:32", "sgd_step/gradproof");
  const auto batch_epoch = ratio_of(r, "minibatch_epoch/gradproof/b:32", "epoch/gradproof");
  print_row("B = 8", batch8);
  print_row("B = 32", batch32);
  print_row("epoch, B = 32 (sgd_epoch_minibatch / sgd_epoch)", batch_epoch);
  std::fprintf(info,
               "ns: the median over the repetitions (the single run if one); ratio: of those medians;\n"
               "best/best: fastest repetition over fastest repetition. Absolute times on a shared machine are noise;\n"
               "the ratios, measured side by side, are the result. tools/perf-report judges them against the\n"
               "project's speed goals (docs/performance.md).\n");
}

/// Removes every argument equal to `option` from argv (before Google Benchmark reads it); true
/// if there was one.
bool take_option(int& argc, char** argv, std::string_view option) {
  int kept = 1;
  bool found = false;
  for (int i = 1; i < argc; ++i) {
    if (option == argv[i]) {
      found = true;
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  return found;
}

}  // namespace

int main(int argc, char** argv) {
  // For the test that the agreement check still stops the run: the textbook peer then sees the
  // opposite label on sample 0.
  const bool break_textbook = take_option(argc, argv, "--gradproof_break_textbook_for_test");
  const std::optional<gradproof_bench::Format> format = gradproof_bench::display_format("gradproof_bench", argc, argv);
  if (!format) return 2;
  info = gradproof_bench::info_stream(*format);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  print_build_info();
  add_context();
  static const Dataset data = make_dataset(break_textbook);
  if (!implementations_agree(data)) {
    std::fprintf(stderr,
                 "gradproof_bench: gradproof and the textbook peer disagree: the timings would compare different "
                 "computations.\n");
    return 1;
  }
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
  if (!eigen_agrees(data)) {
    std::fprintf(stderr,
                 "gradproof_bench: gradproof and the Eigen peer disagree: the timings would compare different "
                 "computations.\n");
    return 1;
  }
#endif
  if (!throughput_checks(data)) {
    std::fprintf(stderr,
                 "gradproof_bench: lockstep or mini-batch training is not what it should be: their timings would "
                 "mean nothing.\n");
    return 1;
  }
  std::fprintf(info, "\n");
  std::fflush(info);

  register_benchmarks(data);
  gradproof_bench::RatioReporter reporter(*format);
  const std::size_t ran = benchmark::RunSpecifiedBenchmarks(&reporter);
  std::fflush(stdout);
  print_ratio_table(reporter);
  benchmark::Shutdown();
  if (ran == 0) {
    std::fprintf(stderr, "gradproof_bench: no benchmark matched --benchmark_filter\n");
    return 1;
  }
  return 0;
}
