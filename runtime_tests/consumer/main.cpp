// A user's program: one proof at compile time, one step at run time, the same bits.
// GRADPROOF_CONSUMER_SINGLE_HEADER: include single_include/gradproof.hpp instead of the headers.
// GRADPROOF_CONSUMER_WRONG_STEP: the known-bad twin of the run-time check (a step with another
// learning rate must be reported as different).
#ifdef GRADPROOF_CONSUMER_SINGLE_HEADER
#include <gradproof.hpp>
#else
#include <gradproof/gradproof.hpp>
#endif

#include <cstdio>

int main() {
  constexpr gradproof::Network<double> net{{}, {}, {{1.0, 1.0, 1.0, 1.0}}, 0.0};
  constexpr gradproof::ColVector<double, 3> x{{1.0, 2.0, -0.5}};
  constexpr auto at_compile_time = gradproof::sgd_step(net, x, 1.0, 0.5);
  static_assert(gradproof::forward(net, x).theta == 2.0);  // U h + b2 = 4 * 1/2

#ifdef GRADPROOF_CONSUMER_WRONG_STEP
  volatile double eta = 0.25;
#else
  volatile double eta = 0.5;  // unknown to the optimiser: this step happens at run time
#endif
  const auto at_run_time = gradproof::sgd_step(net, x, 1.0, eta);
  const bool same = at_run_time == at_compile_time;
  std::printf("consumer: run time %s compile time\n", same ? "==" : "!=");
  return same ? 0 : 1;
}
