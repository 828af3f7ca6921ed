// bench/gradproof_bench.cpp: gradproof's forward, backward, sgd_step and one epoch of SGD,
// against the textbook peer (textbook.hpp) and, when CMake found Eigen 3.4, the Eigen peer
// (eigen_peer.hpp) doing the same math, per sample; and gradproof's two ways past one
// dependency chain: K networks in lockstep (train.hpp's sgd_step_many, train_many) and
// mini-batch SGD (sgd_minibatch_step, sgd_epoch_minibatch), per network-step / sample.
//
// The pieces: each way of training is a policy (peer_gradproof.hpp, peer_textbook.hpp,
// peer_eigen.hpp, peer_lockstep.hpp, peer_minibatch.hpp), each shape of work one templated
// benchmark (work.hpp), the build facts one list (build_facts.hpp), the ratio table with the
// reporter (ratio_reporter.hpp). This file names the benchmarks and runs them.
//
// What keeps the comparison honest:
// - the data are random (fixed seed) and made at run time (bench_data.hpp), so nothing can be
//   folded at compile time; results go through benchmark::DoNotOptimize;
// - a training step carries the network to the next iteration, and an epoch is 4096 dependent
//   steps;
// - the peers compute the same forward pass, loss, gradients and step (to 1e-12 relative per
//   value), train_many gives each network the bits sgd_epoch gives it alone, and a mini-batch
//   epoch lowers the loss: proven on this very data by runtime_tests/bench_peers_test.cpp;
// - all sides read the same samples in the same order from the same kind of memory.
// After the run it prints the ratios per operation, measured in this run. It judges nothing:
// the project's speed goals are judged by tools/perf-report, from this binary's JSON.
//
// stdout carries Google Benchmark's report in the --benchmark_format asked for; gradproof's own
// lines (build facts, ratios) go with it to stdout in the console format and to stderr in json
// and csv (ratio_reporter.hpp), so that stdout stays machine-readable.
// Exit status: 0 done; 1 no benchmark matched the filter; 2 bad options.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <optional>
#include <vector>

#include "bench_data.hpp"
#include "build_facts.hpp"
#include "peer_gradproof.hpp"
#include "peer_lockstep.hpp"
#include "peer_minibatch.hpp"
#include "peer_textbook.hpp"
#include "ratio_reporter.hpp"
#include "work.hpp"
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
#include "peer_eigen.hpp"
#endif

namespace {

using namespace gradproof_bench;

/// Every benchmark, in the order they run (peers of one operation side by side, so that the
/// two halves of a ratio run close in time). Named "<operation>/<implementation>[/<size>]":
/// tools/perf-report, tools/callgrind-steps and docs/performance.md know them by these names.
struct Bench {
  const char* name;
  void (*fn)(benchmark::State&, const Data&);
  benchmark::TimeUnit unit;
};
const std::vector<Bench>& benches() {
  constexpr auto ns = benchmark::kNanosecond;
  constexpr auto us = benchmark::kMicrosecond;
  static const std::vector<Bench> all {
    {"forward/gradproof", bench_pass<GradproofPeer, Pass::forward>, ns},
        {"forward/textbook", bench_pass<TextbookPeer, Pass::forward>, ns},
        {"backward/gradproof", bench_pass<GradproofPeer, Pass::backward>, ns},
        {"backward/textbook", bench_pass<TextbookPeer, Pass::backward>, ns},
        {"sgd_step/gradproof", bench_step<GradproofPeer>, ns}, {"sgd_step/textbook", bench_step<TextbookPeer>, ns},
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
        {"sgd_step/eigen", bench_step<EigenPeer>, ns},
#endif
        {"epoch/gradproof", bench_epoch<GradproofPeer>, us}, {"epoch/textbook", bench_epoch<TextbookPeer>, us},
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
        {"epoch/eigen", bench_epoch<EigenPeer>, us},
#endif
        {"lockstep/gradproof/k:4", bench_step<LockstepPeer<4>>, ns},
        {"lockstep/gradproof/k:8", bench_step<LockstepPeer<8>>, ns},
        {"lockstep_epoch/gradproof/k:8", bench_epoch<LockstepPeer<8>>, us},
        {"minibatch/gradproof/b:8", bench_step<MinibatchPeer<8>>, ns},
        {"minibatch/gradproof/b:32", bench_step<MinibatchPeer<32>>, ns},
        {"minibatch_epoch/gradproof/b:32", bench_epoch<MinibatchPeer<32>>, us},
  };
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Format> format = display_format("gradproof_bench", argc, argv);
  if (!format) return 2;
  std::FILE* const info = info_stream(*format);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

  std::fprintf(info, "gradproof_bench: gradproof against bench/textbook.hpp and bench/eigen_peer.hpp (the peers)\n");
  print_build_facts(info);
  for (const BuildFact& f : build_facts()) benchmark::AddCustomContext(f.key, f.value);
  std::fprintf(info, "\n");
  std::fflush(info);

  static const Data data = make_data();
  for (const Bench& b : benches())
    benchmark::RegisterBenchmark(b.name, [f = b.fn](benchmark::State& st) { f(st, data); })->Unit(b.unit);
  RatioReporter reporter(*format);
  const std::size_t ran = benchmark::RunSpecifiedBenchmarks(&reporter);
  std::fflush(stdout);
  print_ratio_table(info, reporter);
  benchmark::Shutdown();
  if (ran == 0) {
    std::fprintf(stderr, "gradproof_bench: no benchmark matched --benchmark_filter\n");
    return 1;
  }
  return 0;
}
