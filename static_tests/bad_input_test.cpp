// static_tests/bad_input_test.cpp: the checked entry points classify bad input correctly in
// constant evaluation too (the same code the runtime tests run), and leave the network as it
// was. That the *unchecked* functions stop the compiler with a message naming the problem is
// shown by the compile-fail tests in compile_fail/.
#include "fixtures.hpp"

namespace {

using namespace gradproof;
constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

constexpr const auto& good_net = test::dyadic_net;
constexpr const auto& good_x = test::dyadic_x;

/// try_sgd_step's verdict, and whether it left the network untouched when it refused.
struct Outcome {
  InputError error;
  bool untouched;
};
constexpr Outcome attempt(Network<double> net, const ColVector<double, 3>& x, double y, double eta) {
  const Network<double> before = net;
  const InputError e = try_sgd_step(net, x, y, eta);
  return {e, test::same_bits(net, before)};  // bits: a NaN parameter must stay that NaN
}
constexpr bool refused(Outcome o, InputError expected) { return o.error == expected && o.untouched; }

// ---- Labels -----------------------------------------------------------------------------
static_assert(refused(attempt(good_net, good_x, 1.5, 0.1), InputError::label_not_in_0_1));
static_assert(refused(attempt(good_net, good_x, -0.1, 0.1), InputError::label_not_in_0_1));
static_assert(refused(attempt(good_net, good_x, nan, 0.1), InputError::label_not_in_0_1));

// ---- Inputs -----------------------------------------------------------------------------
static_assert(refused(attempt(good_net, ColVector<double, 3>{{0.5, nan, 1.0}}, 1.0, 0.1),
                      InputError::input_not_finite));
static_assert(refused(attempt(good_net, ColVector<double, 3>{{0.5, 1.0, -inf}}, 1.0, 0.1),
                      InputError::input_not_finite));

// ---- Parameters, one in each of W, b1, U, b2 --------------------------------------------
constexpr Network<double> with_bad(int which, double v) {
  Network<double> n = good_net;
  if (which == 0) n.W(2, 1) = v;
  if (which == 1) n.b1(3, 0) = v;
  if (which == 2) n.U(0, 0) = v;
  if (which == 3) n.b2 = v;
  return n;
}
static_assert(refused(attempt(with_bad(0, nan), good_x, 1.0, 0.1), InputError::parameter_not_finite));
static_assert(refused(attempt(with_bad(1, inf), good_x, 1.0, 0.1), InputError::parameter_not_finite));
static_assert(refused(attempt(with_bad(2, -inf), good_x, 1.0, 0.1), InputError::parameter_not_finite));
static_assert(refused(attempt(with_bad(3, nan), good_x, 1.0, 0.1), InputError::parameter_not_finite));

// ---- Learning rate ------------------------------------------------------------------------
static_assert(refused(attempt(good_net, good_x, 1.0, 0.0), InputError::eta_not_positive_finite));
static_assert(refused(attempt(good_net, good_x, 1.0, -0.1), InputError::eta_not_positive_finite));
static_assert(refused(attempt(good_net, good_x, 1.0, nan), InputError::eta_not_positive_finite));
static_assert(refused(attempt(good_net, good_x, 1.0, inf), InputError::eta_not_positive_finite));

// ---- Good input: accepted, and the very step sgd_step takes (the twin of every case above) ---
constexpr bool good_step_is_sgd_step() {
  Network<double> net = good_net;
  return try_sgd_step(net, good_x, 1.0, 0.1) == InputError::none && net == sgd_step(good_net, good_x, 1.0, 0.1);
}
static_assert(good_step_is_sgd_step());
static_assert(attempt(good_net, good_x, 0.0, 1e-9).error == InputError::none);  // the ends of [0, 1] are labels
static_assert(attempt(good_net, good_x, 1.0, 1e-9).error == InputError::none);

// ---- An epoch stops at the first bad sample and keeps the last good network ----------------
constexpr std::array<Sample<double>, 3> epoch_data{
    {{{{0.5, 0.25, -0.5}}, 1.0}, {{{0.5, 0.25, -0.5}}, 2.0}, {{{1.0, 1.0, 1.0}}, 0.0}}};
constexpr bool epoch_stops_at_sample_1() {
  Network<double> net = good_net;
  const EpochReport r = try_sgd_epoch(net, epoch_data, 0.1);
  return !r && r.error == InputError::label_not_in_0_1 && r.sample == 1 &&
         net == sgd_step(good_net, epoch_data[0].x, epoch_data[0].y, 0.1);
}
static_assert(epoch_stops_at_sample_1());

// ---- Every error has a sentence naming its field --------------------------------------------
static_assert(describe(InputError::label_not_in_0_1).find("label y") != std::string_view::npos);
static_assert(describe(InputError::input_not_finite).find("input x") != std::string_view::npos);
static_assert(describe(InputError::parameter_not_finite).find("W, b1, U, b2") != std::string_view::npos);
static_assert(describe(InputError::eta_not_positive_finite).find("eta") != std::string_view::npos);

}  // namespace
