// bench/math_bench.cpp: gradproof::math::exp against glibc's std::exp and a textbook constexpr
// exp (textbook_exp.hpp), in latency and in throughput; and sigmoid over 1 value against
// sigmoid over the 4 hidden units at once (gradproof::map over a ColVector<4>, as the forward
// pass does).
//
// - latency: each call's argument depends on the previous call's result,
//   y = f(a[i] + y * zero) with zero read from a volatile (the optimiser cannot drop it), so the
//   time per call is the function's dependency chain plus one multiply-add, the same for all;
// - throughput: 1024 independent calls per iteration, results stored; the time per call is
//   what the out-of-order core makes of the function's instructions.
// Arguments: uniform in [-10, 10), fixed seed, made at run time. After the run, main() prints
// the ratios measured in this run; absolute times on a shared machine are noise.
//
// stdout carries Google Benchmark's report in the --benchmark_format asked for; the exp check
// and the ratios go with it in the console format and to stderr in json and csv
// (ratio_reporter.hpp). Exit status: 0 done; 1 the exps disagree; 2 bad options.
#include <benchmark/benchmark.h>

#include <gradproof/math.hpp>
#include <gradproof/ops.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <random>
#include <string>

#include "ratio_reporter.hpp"
#include "textbook_exp.hpp"

namespace {

constexpr std::size_t n_args = 1024;  // a power of two, for the index mask
constexpr std::size_t arg_mask = n_args - 1;

volatile double opaque_zero = 0.0;
volatile std::uint64_t opaque_seed = 0x65787062656e6368ULL;  // "expbench"

std::array<double, n_args> make_args() {
  std::mt19937_64 gen(opaque_seed);
  std::array<double, n_args> a{};
  for (double& v : a) v = -10.0 + 20.0 * (static_cast<double>(gen() >> 11) * 0x1p-53);
  return a;
}
const std::array<double, n_args> args = make_args();

void per_call(benchmark::State& st, std::int64_t calls_per_iteration) {
  st.counters[gradproof_bench::per_sample_counter] =
      benchmark::Counter(static_cast<double>(calls_per_iteration),
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

double glibc_exp(double x) { return std::exp(x); }
double glibc_sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

/// The loop of every latency benchmark: y = step(i, y * zero), so each call waits for the
/// previous result; step reads its arguments from args[i], and i advances by Stride.
template <std::size_t Stride, class Step>
void chained(benchmark::State& st, Step step) {
  const double zero = opaque_zero;
  double y = 0.0;
  std::size_t i = 0;
  for ([[maybe_unused]] auto _ : st) {
    y = step(i, y * zero);
    i = (i + Stride) & arg_mask;
  }
  benchmark::DoNotOptimize(y);
  per_call(st, 1);  // per iteration: 1 call, or 4 sigmoids for the _x4 benchmarks
}

template <double (*F)(double)>
void latency(benchmark::State& st) {
  chained<1>(st, [](std::size_t i, double t) { return F(args[i] + t); });
}

template <double (*F)(double)>
void throughput(benchmark::State& st) {
  std::array<double, n_args> out{};
  for ([[maybe_unused]] auto _ : st) {
    for (std::size_t i = 0; i < n_args; ++i) out[i] = F(args[i]);
    benchmark::DoNotOptimize(out);
  }
  per_call(st, static_cast<std::int64_t>(n_args));
}

// The hidden layer's four sigmoids on one dependency chain, as in the forward pass (the four
// results are summed, as θ = U h + b2 does), against one sigmoid with the same additions.
template <double (*F)(double)>
void hidden4_latency(benchmark::State& st) {
  chained<4>(st, [](std::size_t i, double t) {
    const gradproof::ColVector<double, 4> z{{args[i] + t, args[i + 1] + t, args[i + 2] + t, args[i + 3] + t}};
    const auto h = gradproof::map(F, z);
    return (h(0, 0) + h(1, 0)) + (h(2, 0) + h(3, 0));
  });
}
template <double (*F)(double)>
void hidden1_latency(benchmark::State& st) {
  chained<4>(st, [](std::size_t i, double t) { return (F(args[i] + t) + t) + (t + t); });
}

// The forward pass's hidden layer: gradproof::math::sigmoid_and_prime over all 4 units at once
// (the lane-wise overload, vectorisable), against the same function called on 1 unit. σ′ joins
// the chain through a product with t (0), so that it is computed too.
void pair4_latency(benchmark::State& st) {
  chained<4>(st, [](std::size_t i, double t) {
    const std::array<double, 4> z{args[i] + t, args[i + 1] + t, args[i + 2] + t, args[i + 3] + t};
    std::array<double, 4> h{};
    std::array<double, 4> hp{};
    gradproof::math::sigmoid_and_prime(z, h, hp);
    return (h[0] + h[1]) + (h[2] + h[3]) + ((hp[0] + hp[1]) + (hp[2] + hp[3])) * t;
  });
}
void pair1_latency(benchmark::State& st) {
  chained<4>(st, [](std::size_t i, double t) {
    const auto p = gradproof::math::sigmoid_and_prime(args[i] + t);
    return (p.sigma + t) + (t + t) + ((p.sigma_prime + t) + (t + t)) * t;
  });
}

double gp_exp(double x) { return gradproof::math::exp(x); }
double gp_sigmoid(double x) { return gradproof::math::sigmoid(x); }

struct Entry {
  const char* name;
  void (*fn)(benchmark::State&);
};
constexpr std::array<Entry, 12> entries{{
    {"exp_latency/gradproof", latency<gp_exp>},
    {"exp_latency/glibc", latency<glibc_exp>},
    {"exp_latency/textbook", latency<textbook::exp_cody_waite>},
    {"exp_throughput/gradproof", throughput<gp_exp>},
    {"exp_throughput/glibc", throughput<glibc_exp>},
    {"exp_throughput/textbook", throughput<textbook::exp_cody_waite>},
    {"sigmoid_x1/gradproof", hidden1_latency<gp_sigmoid>},
    {"sigmoid_x4/gradproof", hidden4_latency<gp_sigmoid>},
    {"sigmoid_pair_x1/gradproof", pair1_latency},
    {"sigmoid_pair_x4/gradproof", pair4_latency},
    {"sigmoid_x1/glibc", hidden1_latency<glibc_sigmoid>},
    {"sigmoid_x4/glibc", hidden4_latency<glibc_sigmoid>},
}};

// gradproof's own lines: stdout or stderr by the report's format, chosen once in main().
std::FILE* info = stdout;

void print_ratio(const gradproof_bench::RatioReporter& r, const char* what, const std::string& num,
                 const std::string& den) {
  const auto a = r.typical(num);
  const auto b = r.typical(den);
  if (!a || !b) {
    std::fprintf(info, "%-44s n/a (not run)\n", what);
    return;
  }
  std::fprintf(info, "%-44s %8.2f ns / %8.2f ns = %5.2f\n", what, *a, *b, *a / *b);
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<gradproof_bench::Format> format =
      gradproof_bench::display_format("gradproof_math_bench", argc, argv);
  if (!format) return 2;
  info = gradproof_bench::info_stream(*format);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  // The three exps must agree before their times mean anything.
  for (const double a : args) {
    const double g = gradproof::math::exp(a);
    const double ref = std::exp(a);
    if (std::abs(g - ref) > 1e-15 * ref || std::abs(textbook::exp_cody_waite(a) - ref) > 1e-14 * ref) {
      std::fprintf(stderr, "gradproof_math_bench: the exps disagree at x = %a\n", a);
      return 1;
    }
  }
  for (const Entry& e : entries) benchmark::RegisterBenchmark(e.name, e.fn);
  gradproof_bench::RatioReporter reporter(*format);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::fflush(stdout);
  std::fprintf(info, "\nratios measured in this run (median ns per call; per 4 sigmoids for _x4):\n");
  print_ratio(reporter, "exp latency, gradproof / glibc", "exp_latency/gradproof", "exp_latency/glibc");
  print_ratio(reporter, "exp throughput, gradproof / glibc", "exp_throughput/gradproof", "exp_throughput/glibc");
  print_ratio(reporter, "exp latency, gradproof / textbook", "exp_latency/gradproof", "exp_latency/textbook");
  print_ratio(reporter, "exp throughput, gradproof / textbook", "exp_throughput/gradproof", "exp_throughput/textbook");
  print_ratio(reporter, "4 sigmoids / 1 sigmoid, gradproof", "sigmoid_x4/gradproof", "sigmoid_x1/gradproof");
  print_ratio(reporter, "4 sigmoid_and_prime / 1, gradproof", "sigmoid_pair_x4/gradproof", "sigmoid_pair_x1/gradproof");
  print_ratio(reporter, "4 sigmoids / 1 sigmoid, glibc", "sigmoid_x4/glibc", "sigmoid_x1/glibc");
  benchmark::Shutdown();
  return 0;
}
