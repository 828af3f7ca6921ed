// bench/bench_data.hpp: the benchmark's data, shared by gradproof_bench,
// gradproof_callgrind_driver and the peers' agreement test (runtime_tests/bench_peers_test.cpp),
// so that all of them use the same network on the same samples.
//
// A starting network (entries uniform in [-1, 1), biases in [-0.5, 0.5)) and 4096 samples
// (x uniform in [-2, 2)^3, labels drawn from a logistic teacher, so the data are not
// separable and SGD settles), all from mt19937_64 with a seed the caller reads through
// `volatile`, so that nothing can be folded at compile time.
#ifndef GRADPROOF_BENCH_BENCH_DATA_HPP
#define GRADPROOF_BENCH_BENCH_DATA_HPP

#include <gradproof/gradproof.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace gradproof_bench {

using Net = gradproof::Network<double>;
using GpSample = gradproof::Sample<double>;

inline constexpr std::size_t n_samples = 4096;  // one epoch; a power of two, for the index mask
inline constexpr std::size_t sample_mask = n_samples - 1;
inline constexpr std::uint64_t seed = 0x6772616470726f6fULL;  // "gradproo"

/// Uniform doubles in [lo, hi) from mt19937_64 (fully specified by the standard), so the data
/// are the same with every standard library.
class Uniform {
 public:
  explicit Uniform(std::uint64_t s) : gen_(s) {}
  double operator()(double lo, double hi) {
    const double u = static_cast<double>(gen_() >> 11) * 0x1p-53;
    return lo + (hi - lo) * u;
  }

 private:
  std::mt19937_64 gen_;
};

struct Data {
  Net net0{};
  std::vector<GpSample> samples;
  double eta = 0.0;  // the learning rate, at run time like everything else
};

// Read through volatile, so the optimiser knows neither the seed nor eta. Not through
// benchmark::DoNotOptimize: with g++ 12 -O2 and Google Benchmark 1.7.1, DoNotOptimize on a
// double lvalue ("+m,r" constraint) read back 0 instead of 0.05.
inline volatile std::uint64_t opaque_seed = seed;
inline volatile double opaque_eta = 0.05;

/// The starting network, the samples (in gradproof's layout) and eta.
inline Data make_data(std::uint64_t s = opaque_seed) {
  Uniform uniform(s);
  Data d;
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) d.net0.W(i, j) = uniform(-1.0, 1.0);
    d.net0.b1(i, 0) = uniform(-0.5, 0.5);
    d.net0.U(0, i) = uniform(-1.0, 1.0);
  }
  d.net0.b2 = uniform(-0.5, 0.5);
  d.eta = opaque_eta;
  d.samples.resize(n_samples);
  for (GpSample& g : d.samples) {
    for (std::size_t j = 0; j < Net::inputs; ++j) g.x(j, 0) = uniform(-2.0, 2.0);
    const double teacher = 1.5 * g.x(0, 0) - g.x(1, 0) + 0.5 * g.x(2, 0) + 0.25;
    g.y = uniform(0.0, 1.0) < 1.0 / (1.0 + std::exp(-teacher)) ? 1.0 : 0.0;
  }
  return d;
}

/// The learning rates of the lockstep sweep: eta times 1/2, 3/4, 1, 5/4, ... (K of them).
template <std::size_t K>
std::array<double, K> eta_sweep(double eta) {
  std::array<double, K> etas{};
  for (std::size_t k = 0; k < K; ++k) etas[k] = eta * (0.5 + 0.25 * static_cast<double>(k));
  return etas;
}

/// The sum of every parameter: a checksum, and not finite when a parameter is not.
inline double parameter_sum(const Net& n) {
  double sum = 0.0;
  gradproof::for_each_parameter_entry(n, [&sum](const gradproof::ParameterEntry&, const double& v) { sum += v; });
  return sum;
}

/// Consecutive batches of B samples (the sample count is a multiple of B).
template <std::size_t B>
std::vector<std::array<GpSample, B>> batches_of(const std::vector<GpSample>& samples) {
  static_assert(n_samples % B == 0, "the benchmark's batches divide the epoch");
  std::vector<std::array<GpSample, B>> batches(samples.size() / B);
  for (std::size_t i = 0; i < samples.size(); ++i) batches[i / B][i % B] = samples[i];
  return batches;
}

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_BENCH_DATA_HPP
