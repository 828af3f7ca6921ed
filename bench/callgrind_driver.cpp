// bench/callgrind_driver.cpp: gradproof_callgrind_driver <implementation> <iterations>
//
// Makes the benchmark's data (bench_data.hpp: the same network and 4096 samples as
// gradproof_bench), then runs <iterations> training iterations of one implementation, with no
// timing and nothing else, and prints a checksum of the result (so the work cannot be dropped)
// and how many units (network-steps or samples) one iteration is. tools/callgrind-steps runs
// it under valgrind --tool=callgrind at two iteration counts: the difference of the two
// instruction counts, over the difference of the units, is instructions per step, free of the
// setup and of timing noise.
//
// Implementations (each iteration reads the next sample or batch, wrapping at 4096 samples,
// and carries the network to the next iteration, as gradproof_bench does):
//   gradproof      gradproof::sgd_step                              1 network-step
//   textbook       textbook::sgd_step (bench/textbook.hpp)          1 network-step
//   eigen          eigen_peer::sgd_step (bench/eigen_peer.hpp)      1 network-step (if built)
//   lockstep4      gradproof::sgd_step_many, K = 4 (eta sweep)      4 network-steps
//   lockstep8      gradproof::sgd_step_many, K = 8                  8 network-steps
//   minibatch8     gradproof::sgd_minibatch_step, B = 8             8 samples
//   minibatch32    gradproof::sgd_minibatch_step, B = 32            32 samples
#include <gradproof/gradproof.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "textbook.hpp"
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
#include "eigen_peer.hpp"
#endif

namespace {

using gradproof_bench::GpSample;
using gradproof_bench::n_samples;
using gradproof_bench::Net;
using gradproof_bench::sample_mask;

volatile std::uint64_t opaque_seed = gradproof_bench::seed;
volatile double opaque_eta = 0.05;

double checksum(const Net& n) {
  double s = n.b2;
  for (const double v : n.W.data) s += v;
  for (const double v : n.b1.data) s += v;
  for (const double v : n.U.data) s += v;
  return s;
}

[[gnu::noinline]] double run_gradproof(const gradproof_bench::Data& d, double eta, std::size_t iterations) {
  Net net = d.net0;
  for (std::size_t i = 0; i < iterations; ++i) {
    const GpSample& s = d.samples[i & sample_mask];
    net = gradproof::sgd_step(net, s.x, s.y, eta);
  }
  return checksum(net);
}

[[gnu::noinline]] double run_textbook(const gradproof_bench::Data& d, double eta, std::size_t iterations) {
  textbook::Net net{};
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) net.W[i][j] = d.net0.W(i, j);
    net.b1[i] = d.net0.b1(i, 0);
    net.U[i] = d.net0.U(0, i);
  }
  net.b2 = d.net0.b2;
  std::vector<textbook::Sample> samples(n_samples);
  for (std::size_t k = 0; k < n_samples; ++k) {
    for (std::size_t j = 0; j < Net::inputs; ++j) samples[k].x[j] = d.samples[k].x(j, 0);
    samples[k].y = d.samples[k].y;
  }
  for (std::size_t i = 0; i < iterations; ++i) {
    const textbook::Sample& s = samples[i & sample_mask];
    textbook::sgd_step(net, s.x, s.y, eta);
  }
  double sum = net.b2;
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) sum += net.W[i][j];
    sum += net.b1[i] + net.U[i];
  }
  return sum;
}

#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
[[gnu::noinline]] double run_eigen(const gradproof_bench::Data& d, double eta, std::size_t iterations) {
  eigen_peer::Net net{};
  for (Eigen::Index i = 0; i < 4; ++i) {
    const auto iu = static_cast<std::size_t>(i);
    for (Eigen::Index j = 0; j < 3; ++j) net.W(i, j) = d.net0.W(iu, static_cast<std::size_t>(j));
    net.b1(i) = d.net0.b1(iu, 0);
    net.U(i) = d.net0.U(0, iu);
  }
  net.b2 = d.net0.b2;
  std::vector<eigen_peer::Sample> samples(n_samples);
  for (std::size_t k = 0; k < n_samples; ++k) {
    for (std::size_t j = 0; j < Net::inputs; ++j) samples[k].x(static_cast<Eigen::Index>(j)) = d.samples[k].x(j, 0);
    samples[k].y = d.samples[k].y;
  }
  for (std::size_t i = 0; i < iterations; ++i) {
    const eigen_peer::Sample& s = samples[i & sample_mask];
    eigen_peer::sgd_step(net, s.x, s.y, eta);
  }
  return net.W.sum() + net.b1.sum() + net.U.sum() + net.b2;
}
#endif

template <std::size_t K>
[[gnu::noinline]] double run_lockstep(const gradproof_bench::Data& d, double eta, std::size_t iterations) {
  const auto etas = gradproof_bench::eta_sweep<K>(eta);
  std::array<Net, K> nets;
  nets.fill(d.net0);
  for (std::size_t i = 0; i < iterations; ++i) {
    const GpSample& s = d.samples[i & sample_mask];
    gradproof::sgd_step_many(nets, s.x, s.y, etas);
  }
  double sum = 0.0;
  for (const Net& n : nets) sum += checksum(n);
  return sum;
}

template <std::size_t B>
[[gnu::noinline]] double run_minibatch(const gradproof_bench::Data& d, double eta, std::size_t iterations) {
  const auto batches = gradproof_bench::batches_of<B>(d.samples);
  const std::size_t mask = batches.size() - 1;  // a power of two
  Net net = d.net0;
  for (std::size_t i = 0; i < iterations; ++i) net = gradproof::sgd_minibatch_step(net, batches[i & mask], eta);
  return checksum(net);
}

struct Implementation {
  const char* name;
  double (*run)(const gradproof_bench::Data&, double, std::size_t);
  std::size_t units;  // network-steps or samples per iteration
};

const std::vector<Implementation>& implementations() {
  static const std::vector<Implementation> all{
      {"gradproof", run_gradproof, 1},
      {"textbook", run_textbook, 1},
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
      {"eigen", run_eigen, 1},
#endif
      {"lockstep4", run_lockstep<4>, 4},
      {"lockstep8", run_lockstep<8>, 8},
      {"minibatch8", run_minibatch<8>, 8},
      {"minibatch32", run_minibatch<32>, 32},
  };
  return all;
}

int usage() {
  std::fprintf(stderr, "usage: gradproof_callgrind_driver <implementation> <iterations>\n       "
                       "gradproof_callgrind_driver --list\nimplementations:");
  for (const Implementation& i : implementations()) std::fprintf(stderr, " %s", i.name);
  std::fprintf(stderr, "\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--list") {
    for (const Implementation& i : implementations()) std::printf("%s %zu\n", i.name, i.units);
    return 0;
  }
  if (argc == 2 && std::string(argv[1]) == "--build-info") {
    std::printf("compiler: %s (__VERSION__ \"%s\")\nflags: %s\n", GRADPROOF_BENCH_COMPILER, __VERSION__,
                GRADPROOF_BENCH_CXX_FLAGS);
    return 0;
  }
  if (argc != 3) return usage();
  char* end = nullptr;
  const unsigned long long n = std::strtoull(argv[2], &end, 10);
  if (end == argv[2] || *end != '\0') return usage();
  const std::string name = argv[1];
  for (const Implementation& i : implementations()) {
    if (name != i.name) continue;
    const gradproof_bench::Data d = gradproof_bench::make_data(opaque_seed);
    const double sum = i.run(d, opaque_eta, static_cast<std::size_t>(n));
    std::printf("%s iterations=%llu units_per_iteration=%zu checksum=%.17g\n", i.name, n, i.units, sum);
    return 0;
  }
  return usage();
}
