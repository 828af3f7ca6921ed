// static_tests/train_test.cpp: the throughput entry points of train.hpp are the per-sample
// arithmetic, proven in constant evaluation.
// - Lockstep: train_many(K networks) gives network k the very bits that sgd_epoch gives it
//   alone (with a known-bad twin: the learning rates given to the wrong networks).
// - Mini-batch: a batch of one is the composed step update(backward(...)) bit for bit; the mean gradient of a batch is the
//   sum of backward()'s gradients times 1/B, exactly as written out here; an epoch ends with
//   Keras's shorter last batch; and mini-batch training learns the training_data.hpp problem.
#include "training_data.hpp"

namespace {

using namespace gradproof;
using test::data;
using test::init;

// ---- Lockstep ----------------------------------------------------------------------------------
constexpr std::array<double, 3> etas{0.5, 0.25, 1.0};
constexpr std::array<Network<double>, 3> starts{init<double>, init<double>, test::init<double>};

constexpr bool lockstep_is_each_alone(const std::array<double, 3>& rates) {
  const auto together = train_many(starts, data<double>, rates);
  for (std::size_t k = 0; k < 3; ++k)
    if (!test::same_bits(together[k], sgd_epoch(starts[k], data<double>, etas[k]))) return false;
  return true;
}
static_assert(lockstep_is_each_alone(etas));
static_assert(!lockstep_is_each_alone({0.25, 0.5, 1.0}));  // twin: two rates swapped
// Different starting points too, and float.
constexpr std::array<Network<float>, 2> starts_f{test::init<float>, Network<float>{}};
constexpr auto together_f = train_many(starts_f, data<float>, std::array<float, 2>{0.5f, 0.125f});
static_assert(test::same_bits(together_f[0], sgd_epoch(starts_f[0], data<float>, 0.5f)) &&
              test::same_bits(together_f[1], sgd_epoch(starts_f[1], data<float>, 0.125f)));

// ---- Mini-batch ------------------------------------------------------------------------------
// A batch of one: the mean of one gradient is that gradient (times 1, exact), so the step is
// update(net, backward(...)) bit for bit (the composed step, of which sgd_step is the fused form).
constexpr std::array<Sample<double>, 1> one{{data<double>[2]}};
static_assert(test::same_bits(sgd_minibatch_step(init<double>, one, 0.5),
                              update(init<double>, backward(init<double>, data<double>[2].x, data<double>[2].y), 0.5)));

// A batch of two: (g0 + g1) · 1/2, entry by entry.
constexpr std::array<Sample<double>, 2> two{{data<double>[0], data<double>[5]}};
constexpr bool mean_of_two_is_written_out() {
  const auto g0 = backward(init<double>, two[0].x, two[0].y);
  const auto g1 = backward(init<double>, two[1].x, two[1].y);
  const auto m = mean_gradient(init<double>, two);
  for (std::size_t k = 0; k < 12; ++k)
    if (m.dW.data[k] != (g0.dW.data[k] + g1.dW.data[k]) * 0.5) return false;
  for (std::size_t i = 0; i < 4; ++i)
    if (m.db1.data[i] != (g0.db1.data[i] + g1.db1.data[i]) * 0.5 || m.dU.data[i] != (g0.dU.data[i] + g1.dU.data[i]) * 0.5)
      return false;
  return m.db2 == (g0.db2 + g1.db2) * 0.5 && m.delta1 == m.db2;
}
static_assert(mean_of_two_is_written_out());
// Known-bad twin: the sum without the 1/B (Keras's "sum" reduction) is not the mean.
static_assert(mean_gradient(init<double>, two).db2 != backward(init<double>, two[0].x, two[0].y).db2 +
                                                           backward(init<double>, two[1].x, two[1].y).db2);

// An epoch of 8 samples in batches of 3: two of 3 and a last one of 2.
constexpr bool epoch_has_a_short_last_batch() {
  const std::array<Sample<double>, 3> b0{{data<double>[0], data<double>[1], data<double>[2]}};
  const std::array<Sample<double>, 3> b1{{data<double>[3], data<double>[4], data<double>[5]}};
  const std::array<Sample<double>, 2> b2{{data<double>[6], data<double>[7]}};
  const auto by_hand = sgd_minibatch_step(sgd_minibatch_step(sgd_minibatch_step(init<double>, b0, 0.5), b1, 0.5), b2, 0.5);
  return test::same_bits(sgd_epoch_minibatch<3>(init<double>, data<double>, 0.5), by_hand);
}
static_assert(epoch_has_a_short_last_batch());

// Mini-batch SGD learns: 60 epochs in batches of 4 (two updates an epoch, so as many updates
// as 15 per-sample epochs) classify all 8 samples; before training it does not.
// Split across two constexpr variables, each a fresh evaluation budget (clang's default of 2^20
// steps would not hold all 60 epochs; tools/constexpr_cost.sh measures what a step costs).
constexpr Network<double> train_minibatch(Network<double> net, int epochs) {
  for (int e = 0; e < epochs; ++e) net = sgd_epoch_minibatch<4>(net, data<double>, 2.0);
  return net;
}
static_assert(test::correct(init<double>) < 8);
constexpr auto half_trained = train_minibatch(init<double>, 30);
constexpr auto trained = train_minibatch(half_trained, 30);
static_assert(test::correct(trained) == 8 && test::mean_loss(trained) < test::mean_loss(init<double>) / 4);

}  // namespace
