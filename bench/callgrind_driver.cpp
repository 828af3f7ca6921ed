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
// Implementations (each iteration is one step of the policy, bench/peer.hpp's Steps: the step
// gradproof_bench's training-step benchmarks time):
//   gradproof      gradproof::sgd_step                              1 network-step
//   textbook       textbook::sgd_step (bench/textbook.hpp)          1 network-step
//   eigen          eigen_peer::sgd_step (bench/eigen_peer.hpp)      1 network-step (if built)
//   lockstep4      gradproof::sgd_step_many, K = 4 (eta sweep)      4 network-steps
//   lockstep8      gradproof::sgd_step_many, K = 8                  8 network-steps
//   minibatch8     gradproof::sgd_minibatch_step, B = 8             8 samples
//   minibatch32    gradproof::sgd_minibatch_step, B = 32            32 samples
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "build_facts.hpp"
#include "peer.hpp"
#include "peer_gradproof.hpp"
#include "peer_lockstep.hpp"
#include "peer_minibatch.hpp"
#include "peer_textbook.hpp"
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
#include "peer_eigen.hpp"
#endif

namespace {

using namespace gradproof_bench;

template <class P>
[[gnu::noinline]] double run(const Data& d, std::size_t iterations) {
  const typename P::Prepared p = P::prepare(d);
  typename P::State state = p.state0;
  Steps<P> step(p, d.eta);
  for (std::size_t i = 0; i < iterations; ++i) step(state);
  return P::sum(state);
}

struct Implementation {
  const char* name;
  double (*run)(const Data&, std::size_t);
  std::size_t units;  // network-steps or samples per iteration
};

template <class P>
constexpr Implementation implementation(const char* name) {
  return {name, run<P>, P::units};
}

const std::vector<Implementation>& implementations() {
  static const std::vector<Implementation> all {
    implementation<GradproofPeer>("gradproof"), implementation<TextbookPeer>("textbook"),
#if defined(GRADPROOF_BENCH_HAVE_EIGEN)
        implementation<EigenPeer>("eigen"),
#endif
        implementation<LockstepPeer<4>>("lockstep4"), implementation<LockstepPeer<8>>("lockstep8"),
        implementation<MinibatchPeer<8>>("minibatch8"), implementation<MinibatchPeer<32>>("minibatch32"),
  };
  return all;
}

int usage() {
  std::fprintf(stderr,
               "usage: gradproof_callgrind_driver <implementation> <iterations>\n       "
               "gradproof_callgrind_driver --list\n       gradproof_callgrind_driver --build-info\n"
               "implementations:");
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
    print_build_facts(stdout);
    return 0;
  }
  if (argc != 3) return usage();
  char* end = nullptr;
  const unsigned long long n = std::strtoull(argv[2], &end, 10);
  if (end == argv[2] || *end != '\0') return usage();
  const std::string name = argv[1];
  for (const Implementation& i : implementations()) {
    if (name != i.name) continue;
    const double sum = i.run(make_data(), static_cast<std::size_t>(n));
    std::printf("%s iterations=%llu units_per_iteration=%zu checksum=%.17g\n", i.name, n, i.units, sum);
    return 0;
  }
  return usage();
}
