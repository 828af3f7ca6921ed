// bench/work.hpp: one templated benchmark per shape of work, each for any peer policy
// (bench/peer.hpp):
//   bench_pass<P, Pass>   forward or backward of one sample from a fixed network: nothing
//                         carried from one iteration to the next
//   bench_step<P>         one training step per iteration, the state carried to the next (each
//                         step depends on the last, as in training): sgd_step, lockstep,
//                         mini-batch
//   bench_epoch<P>        one epoch per iteration, always from the same starting state, so every
//                         iteration does the same work on every side
// Each reads input k, then k + 1, ... (wrapping at the end of the epoch), as training does, and
// reports CPU time per unit (sample, network-step) in the counter "per_sample".
#ifndef GRADPROOF_BENCH_WORK_HPP
#define GRADPROOF_BENCH_WORK_HPP

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "bench_data.hpp"
#include "peer.hpp"
#include "ratio_reporter.hpp"

namespace gradproof_bench {

inline void per_unit(benchmark::State& st, std::size_t units_per_iteration) {
  const auto units = static_cast<std::int64_t>(units_per_iteration);
  st.SetItemsProcessed(st.iterations() * units);
  // kIsIterationInvariantRate: units * iterations / CPU seconds; kInvert makes it CPU seconds
  // per unit, which the console prints with an SI prefix.
  st.counters[per_sample_counter] = benchmark::Counter(
      static_cast<double>(units), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

enum class Pass { forward, backward };

template <class P, Pass pass>
void bench_pass(benchmark::State& st, const Data& d) {
  const typename P::Prepared p = P::prepare(d);
  const typename P::State net = p.state0;
  const std::size_t mask = p.inputs.size() - 1;
  std::size_t k = 0;
  for ([[maybe_unused]] auto _ : st) {
    const auto& input = p.inputs[k];
    k = (k + 1) & mask;
    if constexpr (pass == Pass::forward) {
      auto f = P::forward(net, input);
      benchmark::DoNotOptimize(f);
    } else {
      auto g = P::backward(net, input);  // forward pass included
      benchmark::DoNotOptimize(g);
    }
  }
  per_unit(st, 1);
}

template <class P>
void bench_step(benchmark::State& st, const Data& d) {
  const typename P::Prepared p = P::prepare(d);
  typename P::State state = p.state0;
  Steps<P> step(p, d.eta);
  for ([[maybe_unused]] auto _ : st) {
    step(state);
    benchmark::DoNotOptimize(state);
  }
  if (!std::isfinite(P::sum(state))) st.SkipWithError("the training diverged");
  per_unit(st, P::units);
}

template <class P>
void bench_epoch(benchmark::State& st, const Data& d) {
  const typename P::Prepared p = P::prepare(d);
  for ([[maybe_unused]] auto _ : st) {
    auto trained = P::epoch(p, d);
    benchmark::DoNotOptimize(trained);
  }
  per_unit(st, P::units * p.inputs.size());
}

}  // namespace gradproof_bench

#endif  // GRADPROOF_BENCH_WORK_HPP
