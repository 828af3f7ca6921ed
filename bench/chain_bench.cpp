// bench/chain_bench.cpp: the per-sample SGD step's dependency chain, link by link.
//
// Per-sample SGD is one serial chain: the next step's z needs this step's update. So a step can
// take no less than the latency of its links in a row, whatever the core's width:
//   W, b1 -> z = W x + b1 -> h = σ(z) (4 lanes: exp, 1 + E, a division) -> θ = U h + b2 (a sum
//   across the lanes) -> δ1 (the output unit: exp, a division, a product) -> the update
//   (sgd_step: W' = W − δ1 (g x), stored, and read back by the next step; sgd_epoch: the next
//   z' = (W x' + b1) − δ1 (g s) directly)
// Each link is timed here on its own, as a loop whose iterations depend on each other through
// exactly that link and one join (state · 0 + a, with 0 read from a volatile, so that nothing
// folds): ns per iteration minus the join's, the link's latency. Beside them, the textbook's
// links (glibc's exp, 1/(1 + exp(−x)), one division) and the whole steps, so that the sum of the
// links can be set against the measured step. All in one run; the table after the run subtracts
// the joins and adds the links up. Latency, not throughput: the out-of-order core cannot overlap
// what depends on the previous result.
//
// stdout carries Google Benchmark's report in the --benchmark_format asked for; the table goes
// with it in the console format and to stderr in json and csv (ratio_reporter.hpp). Exit status:
// 0 done; 2 bad options.
#include <benchmark/benchmark.h>

#include <gradproof/gradproof.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "ratio_reporter.hpp"

namespace {

volatile double opaque_zero = 0.0;
volatile std::uint64_t opaque_seed = gradproof_bench::seed;
volatile double opaque_eta = 0.05;

std::FILE* info = stdout;

const gradproof_bench::Data& data() {
  static const gradproof_bench::Data d = gradproof_bench::make_data(opaque_seed);
  return d;
}

void per_link(benchmark::State& st) {
  st.counters[gradproof_bench::per_sample_counter] =
      benchmark::Counter(1.0, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

/// The scalar join: y = f(a + t · 0), t the previous result.
template <class Link>
void scalar_chain(benchmark::State& st, Link link) {
  const double zero = opaque_zero;
  double t = 0.0;
  for ([[maybe_unused]] auto _ : st) t = link(t * zero);
  benchmark::DoNotOptimize(t);
  per_link(st);
}

// The data, made once before any benchmark runs (main()): the links read them through plain
// pointers, since a function-local static's guard, checked inside a timed loop, made g++ spill
// the loop's vectors around it.
const gradproof_bench::Data* the_data = nullptr;
const gradproof::Network<double>& net() { return the_data->net0; }
const gradproof::ColVector<double, 3>& x0() { return the_data->samples[0].x; }

// The state of the 4-lane links is a network entry's worth of lanes: z, h or W's first column.
#if GRADPROOF_SIMD
using gradproof::detail::Lanes4;

template <class Link>
void lanes_chain(benchmark::State& st, Link link) {
  const double zero = opaque_zero;
  Lanes4 t = Lanes4::splat(0.0);
  for ([[maybe_unused]] auto _ : st) t = link(t * zero);
  benchmark::DoNotOptimize(t.v);
  per_link(st);
}

GRADPROOF_ALWAYS_INLINE inline Lanes4 z_of(const Lanes4& t) {  // W x + b1, W's columns + t: W -> z
  Lanes4 columns[3];
  for (std::size_t j = 0; j < 3; ++j) columns[j] = Lanes4::load(net().W.data.data() + j, 3) + t;
  return gradproof::detail::columns_x_plus_b1(columns, Lanes4::load(net().b1.data.data()), x0().data.data());
}
#endif

void join_scalar(benchmark::State& st) {
  scalar_chain(st, [](double t) { return 0.25 + t; });
}
void divide(benchmark::State& st) {
  scalar_chain(st, [](double t) { return 1.0 / (1.5 + t); });
}
void glibc_exp(benchmark::State& st) {
  scalar_chain(st, [](double t) { return std::exp(0.25 + t); });
}
void glibc_sigmoid(benchmark::State& st) {
  scalar_chain(st, [](double t) { return 1.0 / (1.0 + std::exp(-(0.25 + t))); });
}
void gradproof_exp(benchmark::State& st) {
  scalar_chain(st, [](double t) { return gradproof::math::exp(0.25 + t); });
}
void output_unit(benchmark::State& st) {  // θ -> δ1, the fused output unit
  scalar_chain(st, [](double t) { return gradproof::detail::fused_delta1(0.25 + t, 1.0); });
}

#if GRADPROOF_SIMD
void join_lanes(benchmark::State& st) {
  lanes_chain(st, [](const Lanes4& t) { return t + 0.25; });
}
void w_to_z(benchmark::State& st) {
  lanes_chain(st, [](const Lanes4& t) { return z_of(t); });
}
void hidden_h(benchmark::State& st) {
  lanes_chain(st, [](const Lanes4& t) { return gradproof::detail::hidden4(t + 0.25).first; });
}
void hidden_sigma_prime(benchmark::State& st) {
  lanes_chain(st, [](const Lanes4& t) { return gradproof::detail::hidden4(t + 0.25).second; });
}
void theta_sum(benchmark::State& st) {  // U h + b2 across the lanes, back into 4 lanes
  lanes_chain(st, [](const Lanes4& t) {
    const Lanes4 u_h = Lanes4::load(net().U.data.data()) * (t + 0.25);
    return Lanes4::splat(u_h.sum_in_order() + net().b2);
  });
}
void update(benchmark::State& st) {  // δ1 (one lane's worth) -> W's column: W − δ1 (g x_j)
  const Lanes4 g = Lanes4::splat(0.01);
  lanes_chain(st, [g](const Lanes4& t) { return Lanes4::load(net().W.data.data(), 3) - (0.25 + t[0]) * (g * 0.5); });
}
void next_z(benchmark::State& st) {  // δ1 -> z' = (W x' + b1) − δ1 (g s), the epoch's link
  const Lanes4 g = Lanes4::splat(0.01);
  const Lanes4 before = z_of(Lanes4::splat(0.0));
  lanes_chain(st, [g, before](const Lanes4& t) { return before - (0.25 + t[0]) * (g * 1.5); });
}
void store_load(benchmark::State& st) {  // sgd_step's memory round trip: W's columns stored, read back
  gradproof::Network<double> n = net();
  Lanes4 columns[3];
  gradproof::detail::load_columns(n.W.data.data(), columns);
  lanes_chain(st, [&n, &columns](const Lanes4& t) {
    columns[0] = columns[0] + t;
    gradproof::detail::store_columns(n.W.data.data(), columns);
    benchmark::ClobberMemory();
    gradproof::detail::load_stored_columns(n.W.data.data(), columns);  // as sgd_step reads W
    return columns[0];
  });
}
#endif

// The whole steps: sgd_step carried from step to step (as gradproof_bench times it), and an
// epoch of the 4096 samples per iteration, reported per sample.
void whole_sgd_step(benchmark::State& st) {
  gradproof::Network<double> n = net();
  const double eta = opaque_eta;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const auto& s = the_data->samples[k];
    k = (k + 1) & gradproof_bench::sample_mask;
    n = gradproof::sgd_step(n, s.x, s.y, eta);
    benchmark::DoNotOptimize(n);
  }
  per_link(st);
}
void whole_epoch_step(benchmark::State& st) {
  const double eta = opaque_eta;
  for ([[maybe_unused]] auto _ : st) {
    auto n = gradproof::sgd_epoch(net(), the_data->samples, eta);
    benchmark::DoNotOptimize(n);
  }
  st.counters[gradproof_bench::per_sample_counter] =
      benchmark::Counter(static_cast<double>(gradproof_bench::n_samples),
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

struct Entry {
  const char* name;
  void (*fn)(benchmark::State&);
};
const std::vector<Entry>& entries() {
  static const std::vector<Entry> all{
      {"link/join_scalar", join_scalar},
      {"link/output_unit", output_unit},
      {"link/gradproof_exp", gradproof_exp},
      {"link/glibc_exp", glibc_exp},
      {"link/glibc_sigmoid", glibc_sigmoid},
      {"link/divide", divide},
#if GRADPROOF_SIMD
      {"link/join_lanes", join_lanes},
      {"link/w_to_z", w_to_z},
      {"link/hidden_h", hidden_h},
      {"link/hidden_sigma_prime", hidden_sigma_prime},
      {"link/theta_sum", theta_sum},
      {"link/update", update},
      {"link/next_z", next_z},
      {"link/store_load", store_load},
#endif
      {"whole/sgd_step", whole_sgd_step},
      {"whole/sgd_epoch", whole_epoch_step},
  };
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<gradproof_bench::Format> format = gradproof_bench::display_format("gradproof_chain_bench", argc, argv);
  if (!format) return 2;
  info = gradproof_bench::info_stream(*format);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  the_data = &data();
  for (const Entry& e : entries()) benchmark::RegisterBenchmark(e.name, e.fn);
  gradproof_bench::RatioReporter reporter(*format);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  std::fflush(stdout);

  const auto ns = [&reporter](const char* name) { return reporter.typical(name); };
  const auto link = [&](const char* what, const char* name, const char* join) -> std::optional<double> {
    const auto a = ns(name);
    const auto b = ns(join);
    if (!a || !b) {
      std::fprintf(info, "  %-58s %8s\n", what, "not run");
      return std::nullopt;
    }
    std::fprintf(info, "  %-58s %8.2f\n", what, *a - *b);
    return *a - *b;
  };
  std::fprintf(info, "\nthe per-sample step's chain, link by link: median ns per link, its join subtracted\n");
  std::fprintf(info, "  %-58s %8s\n", "link", "ns");
#if GRADPROOF_SIMD
  const auto z = link("W, b1 -> z = W x + b1 (4 lanes)", "link/w_to_z", "link/join_lanes");
  const auto h = link("z -> h = sigma(z) (4 lanes: exp, 1 + E, 1/d)", "link/hidden_h", "link/join_lanes");
  link("z -> sigma'(z) (4 lanes; off the chain until the update)", "link/hidden_sigma_prime", "link/join_lanes");
  const auto theta = link("h -> theta = U h + b2 (the sum across the lanes)", "link/theta_sum", "link/join_lanes");
#endif
  const auto out = link("theta -> delta1 (output unit: exp, 1 + E, 1/d, k q)", "link/output_unit", "link/join_scalar");
#if GRADPROOF_SIMD
  const auto upd = link("delta1 -> W' = W - delta1 (g x_j) (sgd_step)", "link/update", "link/join_lanes");
  const auto nz = link("delta1 -> z' = (W x' + b1) - delta1 (g s) (sgd_epoch)", "link/next_z", "link/join_lanes");
  const auto mem = link("W' stored, read back by the next step (sgd_step)", "link/store_load", "link/join_lanes");
  if (z && h && theta && out && upd && mem) {
    std::fprintf(info, "  %-58s %8.2f  (measured: %.2f)\n", "sum, sgd_step: z + h + theta + delta1 + update + memory",
                 *z + *h + *theta + *out + *upd + *mem, ns("whole/sgd_step").value_or(0.0));
  }
  if (h && theta && out && nz) {
    std::fprintf(info, "  %-58s %8.2f  (measured: %.2f)\n", "sum, sgd_epoch: h + theta + delta1 + next z", *h + *theta + *out + *nz,
                 ns("whole/sgd_epoch").value_or(0.0));
  }
#else
  std::fprintf(info, "  (this build has no 4-lane run-time path: GRADPROOF_SIMD is 0)\n");
#endif
  std::fprintf(info, "the textbook's links, for comparison:\n");
  link("glibc exp", "link/glibc_exp", "link/join_scalar");
  link("glibc 1/(1 + exp(-x))", "link/glibc_sigmoid", "link/join_scalar");
  link("gradproof::math::exp", "link/gradproof_exp", "link/join_scalar");
  link("one division", "link/divide", "link/join_scalar");
  std::fprintf(info,
               "A link's latency bounds the step from below: the step cannot be shorter than its links in a row,\n"
               "whatever else the core could do beside them.\n");
  benchmark::Shutdown();
  return 0;
}
