// Mistake: a NaN in the input of a mini-batch step (x2 of the second sample) and in a
// parameter of one of the networks trained in lockstep (u3 of the second network).
// train.hpp makes the forward passes stage by stage, not through forward(); its constant
// evaluations must still stop on bad input, in the bad_input function named after it.
#include <array>
#include <limits>

#include <gradproof/train.hpp>

#include "sgd_step_with.hpp"

namespace {
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr double bad = std::numeric_limits<double>::quiet_NaN();
#else
constexpr double bad = -1.0;
#endif

constexpr gradproof::Network<double> net = compile_fail_cases::sgd_step_with(1.0, 0.5, -1.0, 0.5);
constexpr std::array<gradproof::Sample<double>, 2> batch{{{{{0.5, -1.0, 2.0}}, 1.0}, {{{0.5, bad, 2.0}}, 0.0}}};
constexpr auto stepped = gradproof::sgd_minibatch_step(net, batch, 0.5);
static_assert(stepped.b2 != net.b2);

constexpr std::array<gradproof::Network<double>, 2> nets{
    net, gradproof::Network<double>{net.W, net.b1, {{1.0, -1.0, bad, 0.25}}, net.b2}};
constexpr auto many = gradproof::train_many(nets, batch, std::array<double, 2>{0.5, 0.25});
static_assert(many[0].b2 != net.b2);
}  // namespace
