// bench/gradproof_bench.cpp: gradproof's forward, backward, sgd_step and one epoch of SGD,
// against the textbook peer (textbook.hpp) doing the same math, in ns per sample.
//
// What keeps the comparison honest:
// - the data are random (fixed seed) and made at run time, so nothing can be folded at
//   compile time; results go through benchmark::DoNotOptimize;
// - sgd_step carries the network from one iteration to the next (each step depends on the
//   last, as in training) and the epoch is 4096 dependent steps;
// - before timing, main() checks that both implementations compute the same forward pass,
//   loss, gradients and step on every sample to 1e-12 relative, and exits with 1 if not;
// - both sides read the same samples in the same order from the same kind of memory.
// After the run it prints gradproof / textbook per operation, measured in this run.
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
#include <random>
#include <string>
#include <string_view>
#include <vector>

#if defined(__has_include)
#if __has_include(<unistd.h>)
#include <unistd.h>
#define GRADPROOF_BENCH_HAVE_ISATTY 1
#endif
#endif

#include "ratio_reporter.hpp"
#include "textbook.hpp"

// Set by bench/CMakeLists.txt; the fallbacks only keep a hand build compiling.
#ifndef GRADPROOF_BENCH_COMPILER
#define GRADPROOF_BENCH_COMPILER "unknown compiler"
#endif
#ifndef GRADPROOF_BENCH_BUILD_TYPE
#define GRADPROOF_BENCH_BUILD_TYPE "unknown"
#endif
#ifndef GRADPROOF_BENCH_CXX_FLAGS
#define GRADPROOF_BENCH_CXX_FLAGS "unknown (not built by bench/CMakeLists.txt)"
#endif
#ifndef GRADPROOF_BENCH_BENCHMARK_VERSION
#define GRADPROOF_BENCH_BENCHMARK_VERSION "unknown"
#endif

namespace {

using Net = gradproof::Network<double>;
using GpSample = gradproof::Sample<double>;

constexpr std::size_t n_samples = 4096;  // one epoch; a power of two, for the index mask
constexpr std::size_t sample_mask = n_samples - 1;
constexpr std::uint64_t seed = 0x6772616470726f6fULL;  // "gradproo"
constexpr double tolerance = 1e-12;                    // relative, per value

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

/// The network and the samples, in both implementations' layouts, with the same values.
struct Dataset {
  Net gp_net0{};
  textbook::Net tb_net0{};
  std::vector<GpSample> gp_samples;
  std::vector<textbook::Sample> tb_samples;
  double eta = 0.0;  // at run time too, like everything else
};

// Read through volatile, so the optimiser knows neither the seed nor eta. Not through
// benchmark::DoNotOptimize: with g++ 12 -O2 and Google Benchmark 1.7.1, DoNotOptimize on a
// double lvalue ("+m,r" constraint) read back 0 here instead of 0.05.
volatile std::uint64_t opaque_seed = seed;
volatile double opaque_eta = 0.05;

Dataset make_dataset() {
  Uniform uniform(opaque_seed);
  Dataset d;
  d.eta = opaque_eta;
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) d.gp_net0.W(i, j) = uniform(-1.0, 1.0);
    d.gp_net0.b1(i, 0) = uniform(-0.5, 0.5);
    d.gp_net0.U(0, i) = uniform(-1.0, 1.0);
  }
  d.gp_net0.b2 = uniform(-0.5, 0.5);
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) d.tb_net0.W[i][j] = d.gp_net0.W(i, j);
    d.tb_net0.b1[i] = d.gp_net0.b1(i, 0);
    d.tb_net0.U[i] = d.gp_net0.U(0, i);
  }
  d.tb_net0.b2 = d.gp_net0.b2;

  // Labels drawn from a logistic teacher: noisy, so the data are not separable and SGD
  // settles instead of growing the weights without bound while the benchmark runs.
  d.gp_samples.resize(n_samples);
  d.tb_samples.resize(n_samples);
  for (std::size_t k = 0; k < n_samples; ++k) {
    GpSample& g = d.gp_samples[k];
    for (std::size_t j = 0; j < Net::inputs; ++j) g.x(j, 0) = uniform(-2.0, 2.0);
    const double teacher = 1.5 * g.x(0, 0) - g.x(1, 0) + 0.5 * g.x(2, 0) + 0.25;
    g.y = uniform(0.0, 1.0) < 1.0 / (1.0 + std::exp(-teacher)) ? 1.0 : 0.0;
    textbook::Sample& t = d.tb_samples[k];
    for (std::size_t j = 0; j < Net::inputs; ++j) t.x[j] = g.x(j, 0);
    t.y = g.y;
  }
  return d;
}

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

void compare_nets(Agreement& a, const Net& gp, const textbook::Net& tb, const char* what, std::size_t k) {
  const std::string w(what);
  for (std::size_t i = 0; i < Net::hidden; ++i) {
    for (std::size_t j = 0; j < Net::inputs; ++j) a.check(gp.W(i, j), tb.W[i][j], (w + ".W").c_str(), k);
    a.check(gp.b1(i, 0), tb.b1[i], (w + ".b1").c_str(), k);
    a.check(gp.U(0, i), tb.U[i], (w + ".U").c_str(), k);
  }
  a.check(gp.b2, tb.b2, (w + ".b2").c_str(), k);
}

/// Every sample of the epoch, each from the network gradproof has reached at that point:
/// forward pass, loss, gradients and the step, value by value. Then the two whole epochs.
bool implementations_agree(const Dataset& d) {
  Agreement step;
  Net gp = d.gp_net0;
  for (std::size_t k = 0; k < n_samples; ++k) {
    const GpSample& s = d.gp_samples[k];
    const textbook::Sample& ts = d.tb_samples[k];
    const textbook::Net tb = to_textbook(gp);

    const auto f = gradproof::forward(gp, s.x);
    textbook::Forward tf{};
    textbook::forward(tb, ts.x, tf);
    double theta_terms = std::fabs(gp.b2);
    for (std::size_t i = 0; i < Net::hidden; ++i) {
      double z_terms = std::fabs(gp.b1(i, 0));
      for (std::size_t j = 0; j < Net::inputs; ++j) z_terms += std::fabs(gp.W(i, j) * s.x(j, 0));
      step.check(f.z(i, 0), tf.z[i], "forward z", k, z_terms);
      step.check(f.h(i, 0), tf.h[i], "forward h", k);
      theta_terms += std::fabs(gp.U(0, i) * f.h(i, 0));
    }
    step.check(f.theta, tf.theta, "forward theta", k, theta_terms);
    step.check(f.y_hat, tf.y_hat, "forward y_hat", k);
    step.check(gradproof::bce_with_logits(f.theta, s.y), textbook::loss(tf.y_hat, ts.y), "loss", k);

    const auto g = gradproof::backward(gp, s.x, s.y);
    textbook::Gradients tg{};
    textbook::backward(tb, ts.x, ts.y, tg);
    step.check(g.delta1, tg.delta1, "delta1", k);
    for (std::size_t i = 0; i < Net::hidden; ++i) {
      step.check(g.delta2(0, i), tg.delta2[i], "delta2", k);
      for (std::size_t j = 0; j < Net::inputs; ++j) step.check(g.dW(i, j), tg.dW[i][j], "dW", k);
      step.check(g.db1(i, 0), tg.db1[i], "db1", k);
      step.check(g.dU(0, i), tg.dU[i], "dU", k);
    }
    step.check(g.db2, tg.db2, "db2", k);

    const Net gp_next = gradproof::sgd_step(gp, s.x, s.y, d.eta);
    textbook::Net tb_next = tb;
    textbook::sgd_step(tb_next, ts.x, ts.y, d.eta);
    compare_nets(step, gp_next, tb_next, "sgd_step", k);
    gp = gp_next;
  }

  // Whole epochs, each implementation on its own: rounding differences accumulate over 4096
  // dependent steps, so this is reported, with a looser bound.
  Agreement epoch;
  const Net gp_epoch = gradproof::sgd_epoch(d.gp_net0, d.gp_samples, d.eta);
  textbook::Net tb_epoch = d.tb_net0;
  for (const textbook::Sample& ts : d.tb_samples) textbook::sgd_step(tb_epoch, ts.x, ts.y, d.eta);
  compare_nets(epoch, gp_epoch, tb_epoch, "epoch", n_samples - 1);
  constexpr double epoch_tolerance = 1e-9;
  // Equal steps that change nothing (eta = 0) would agree as well, and time a different loop.
  const bool trains = !(gp_epoch == d.gp_net0);

  std::printf("agreement, gradproof vs textbook, largest relative difference per value:\n");
  std::printf("  per step (%zu values over %zu samples): %.3g at %s  (bound %.0e): %s\n", step.compared, n_samples,
              step.worst, step.where.c_str(), tolerance, step.ok(tolerance) ? "ok" : "FAILED");
  std::printf("  after a whole epoch (%zu values):       %.3g at %s  (bound %.0e): %s\n", epoch.compared, epoch.worst,
              epoch.where.c_str(), epoch_tolerance, epoch.ok(epoch_tolerance) ? "ok" : "FAILED");
  if (!trains) std::printf("  an epoch did not change the network (eta = %g): FAILED\n", d.eta);
  return step.ok(tolerance) && epoch.ok(epoch_tolerance) && trains;
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

using BenchFn = void (*)(benchmark::State&, const Dataset&);
struct Operation {
  const char* name;
  BenchFn gradproof;
  BenchFn textbook;
  benchmark::TimeUnit unit;
};
constexpr std::array<Operation, 4> operations{{
    {"forward", forward_gradproof, forward_textbook, benchmark::kNanosecond},
    {"backward", backward_gradproof, backward_textbook, benchmark::kNanosecond},
    {"sgd_step", sgd_step_gradproof, sgd_step_textbook, benchmark::kNanosecond},
    {"epoch", epoch_gradproof, epoch_textbook, benchmark::kMicrosecond},
}};

void register_benchmarks(const Dataset& d) {
  for (const Operation& op : operations) {
    // gradproof and textbook side by side, so that the two halves of a ratio run close in time.
    const std::string gp = std::string(op.name) + "/gradproof";
    const std::string tb = std::string(op.name) + "/textbook";
    benchmark::RegisterBenchmark(gp.c_str(), [&d, f = op.gradproof](benchmark::State& st) { f(st, d); })
        ->Unit(op.unit);
    benchmark::RegisterBenchmark(tb.c_str(), [&d, f = op.textbook](benchmark::State& st) { f(st, d); })
        ->Unit(op.unit);
  }
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

void print_build_info() {
  std::printf("gradproof_bench: gradproof %d.%d.%d against bench/textbook.hpp (the peer)\n", GRADPROOF_VERSION_MAJOR,
              GRADPROOF_VERSION_MINOR, GRADPROOF_VERSION_PATCH);
  std::printf("compiler:   %s (__VERSION__ \"%s\")\n", GRADPROOF_BENCH_COMPILER, __VERSION__);
  std::printf("build type: %s; flags: %s\n", GRADPROOF_BENCH_BUILD_TYPE, GRADPROOF_BENCH_CXX_FLAGS);
  std::printf("            (plus -std=c++20 or gnu++20 and the warning flags; __cplusplus %ld)\n", __cplusplus);
  std::printf("target:     FMA %s, AVX2 %s, __FAST_MATH__ %s\n",
#if defined(__FMA__)
              "yes",
#else
              "no",
#endif
#if defined(__AVX2__)
              "yes",
#else
              "no",
#endif
#if defined(__FAST_MATH__)
              "yes"
#else
              "no"
#endif
  );
  std::printf("benchmark:  Google Benchmark %s\n", GRADPROOF_BENCH_BENCHMARK_VERSION);
  std::printf("cpu:        %s\n", cpu_model().c_str());
#if !defined(__OPTIMIZE__)
  std::printf("WARNING: this is not an optimised build; its timings say nothing. Use the release preset.\n");
#endif
  std::fflush(stdout);
}

void print_ratio_table(const gradproof_bench::RatioReporter& r) {
  std::printf("\ngradproof / textbook, CPU time per sample, measured in this run (below 1: gradproof is faster)\n");
  std::printf("%-9s %5s %14s %14s %10s %10s\n", "operation", "reps", "gradproof ns", "textbook ns", "ratio", "best/best");
  std::optional<double> sgd_ratio;
  for (const Operation& op : operations) {
    const std::string gp = std::string(op.name) + "/gradproof";
    const std::string tb = std::string(op.name) + "/textbook";
    const auto g = r.typical(gp);
    const auto t = r.typical(tb);
    if (!g || !t) {
      std::printf("%-9s %5s %14s %14s %10s %10s\n", op.name, "-", g ? "" : "not run", t ? "" : "not run", "n/a", "n/a");
      continue;
    }
    const double ratio = *g / *t;
    const auto best_gp = r.best(gp);
    const auto best_tb = r.best(tb);
    if (std::string_view(op.name) == "sgd_step") sgd_ratio = ratio;
    std::printf("%-9s %5zu %14.2f %14.2f %10.3f ", op.name, std::min(r.repetitions(gp), r.repetitions(tb)), *g, *t,
                ratio);
    if (best_gp && best_tb) {
      std::printf("%10.3f\n", *best_gp / *best_tb);
    } else {
      std::printf("%10s\n", "n/a");
    }
  }
  std::printf("ns: the median over the repetitions (the single run if one); ratio: of those medians;\n"
              "best/best: fastest repetition over fastest repetition. Absolute times on a shared machine are noise;\n"
              "the ratios, measured side by side, are the result.\n");
  if (sgd_ratio) {
#if defined(__OPTIMIZE__)
    std::printf("target (gradproof sgd_step no slower than the textbook): %s, ratio %.3f\n",
                *sgd_ratio <= 1.0 ? "met" : "NOT met", *sgd_ratio);
#else
    std::printf("target (gradproof sgd_step no slower than the textbook): not judged, unoptimised build\n");
#endif
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  print_build_info();
  static const Dataset data = make_dataset();
  if (!implementations_agree(data)) {
    std::printf("gradproof and the textbook peer disagree: the timings would compare different computations.\n");
    return 1;
  }
  std::printf("\n");
  std::fflush(stdout);

  register_benchmarks(data);
  auto options = benchmark::ConsoleReporter::OO_Tabular;
#if defined(GRADPROOF_BENCH_HAVE_ISATTY)
  if (isatty(STDOUT_FILENO) != 0) options = benchmark::ConsoleReporter::OO_ColorTabular;
#endif
  gradproof_bench::RatioReporter reporter(options);
  const std::size_t ran = benchmark::RunSpecifiedBenchmarks(&reporter);
  std::fflush(stdout);
  print_ratio_table(reporter);
  benchmark::Shutdown();
  if (ran == 0) {
    std::printf("no benchmark matched --benchmark_filter\n");
    return 1;
  }
  return 0;
}
