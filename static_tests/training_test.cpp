// static_tests/training_test.cpp: SGD does what it is for, proven in constant evaluation.
// One step lowers the loss (and a step with the wrong sign raises it); a short training run
// on a small fixed data set classifies every sample right (and an untrained network does not).
//
// Limits: the 30-epoch run is one constant evaluation of 240 SGD steps, within clang's default
// step limit (tools/constexpr_cost.sh measures the cost of one SGD step), so no limit is raised.
// A longer run would be split across several constexpr variables, each of which gets a fresh
// budget.
#include "fixtures.hpp"
#include "fused_bound.hpp"
#include "training_data.hpp"

namespace {

using namespace gradproof;

// ---- One step lowers the loss ----------------------------------------------------------------
constexpr const auto& net0 = test::dyadic_net;
constexpr const auto& x0 = test::dyadic_x;

template <class T>
constexpr bool one_step_lowers_loss(const Network<T>& net, const ColVector<T, 3>& x, T y, T eta) {
  return loss(sgd_step(net, x, y, eta), x, y) < loss(net, x, y);
}
static_assert(one_step_lowers_loss(net0, x0, 1.0, 0.1));
static_assert(one_step_lowers_loss(net0, x0, 0.0, 0.1));
static_assert(one_step_lowers_loss(net0, x0, 0.7, 0.5));

// Known-bad twin: the update with the wrong sign, Ω + η ∂L/∂Ω, raises the loss.
constexpr bool ascent_step_lowers_loss() {
  const auto g = backward(net0, x0, 1.0);
  const auto wrong =
      update(net0, Gradients<double>{g.delta1, g.delta2, -1.0 * g.dW, -1.0 * g.db1, -1.0 * g.dU, -g.db2}, 0.1);
  return loss(wrong, x0, 1.0) < loss(net0, x0, 1.0);
}
static_assert(!ascent_step_lowers_loss());

// ---- The hot path is the teaching path, up to rounding ---------------------------------------
// sgd_step fuses forward, backward and update into one pass and evaluates them in its own order;
// every parameter stays within the bound of fused_bound.hpp of the equations applied one by one
// (update(net, backward(...), eta)). The AD battery and the bound's twins: fused_step_test.cpp.
static_assert(test::fused_step_within_bound(net0, x0, 1.0, 0.1));
static_assert(test::fused_step_within_bound(net0, x0, 0.3, 0.7));
static_assert(test::fused_step_within_bound(net0, ColVector<double, 3>{{-2.5, 0.1, 3.75}}, 0.0, 1.5));
// Known-bad twin: the update with the wrong sign (as above) is far outside the bound.
static_assert(!test::step_within_fused_bound(
    update(net0, Gradients<double>{0.0, {}, -1.0 * backward(net0, x0, 1.0).dW, {}, {}, 0.0}, 0.1), net0, x0, 1.0, 0.1));

// ---- A short training run: training_data.hpp's 8 samples, label = [x1 + x2 − x3 > 0] ----------
using test::correct;
using test::data;
using test::init;
using test::mean_loss;

template <real T>
constexpr Network<T> train(int epochs, T eta) {
  Network<T> net = init<T>;
  for (int e = 0; e < epochs; ++e) net = sgd_epoch(net, data<T>, eta);
  return net;
}

// Known-bad twin: before training the network is no better than a coin.
static_assert(correct(init<double>) < 8);
static_assert(mean_loss(init<double>) > 0.6);  // about log 2 = 0.693: it knows nothing yet

constexpr auto trained = train<double>(30, 0.5);
static_assert(correct(trained) == 8);
static_assert(mean_loss(trained) < 0.05);

constexpr auto trained_f = train<float>(30, 0.5f);
static_assert(correct(trained_f) == 8);
static_assert(mean_loss(trained_f) < 0.05f);

}  // namespace
