// gradproof's headers compile warning-free under -Wshadow -Werror in a user's file that has
// one-letter globals (a user's `int i, c, p;` is common): no lambda parameter, lambda local or
// constructor parameter of the library is a single letter. g++ 12 warns for lambda parameters and
// constructor parameters that shadow a global (a lambda `[](std::size_t i)` in ops.hpp did).
// CMakeLists.txt compiles both twins with -Wshadow -Werror. The good twin instantiates every
// header's templates; the bad twin adds one lambda of its own whose parameter shadows a global,
// and must fail with -Wshadow's message: the check is live.
// clang-format off
int a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0, i = 0, j = 0, k = 0, l = 0, m = 0, n = 0, o = 0,
    p = 0, q = 0, r = 0, s = 0, t = 0, u = 0, v = 0, w = 0, x = 0, y = 0, z = 0;
// clang-format on
#include <array>

#include <gradproof/gradproof.hpp>

double use_every_header() {
  using namespace gradproof;
  constexpr const Network<double>& net = worked_example::net<double>;
  constexpr const ColVector<double, 3>& sample = worked_example::x<double>;
  const Network<double> next = sgd_step(net, sample, 1.0, 0.5);
  const Gradients<double> grads = backward(net, sample, 1.0);
  const auto ad = ad_gradients(net, sample, 1.0);
  const auto model = keras::to_keras(next);
  const auto keras_y = keras::predict(model, transpose(sample));
  const Network<double> back = keras::from_keras(model);
  std::array<Network<double>, 2> nets{net, next};
  const std::array<double, 2> etas{0.5, 0.25};
  sgd_step_many(nets, sample, 1.0, etas);
  const std::array<Sample<double>, 2> batch{{{sample, 1.0}, {sample, 0.0}}};
  const Network<double> mini = sgd_epoch_minibatch<2>(net, batch, 0.5);
  Network<double> checked = net;
  const InputError error = try_sgd_step(checked, sample, 1.0, 0.5);
  return next.b2 + grads.db2 + ad.db2 + keras_y(0, 0) + back.b2 + nets[0].b2 + mini.b2 + checked.b2 +
         static_cast<double>(error) + math::softplus(1.0) + math::log(2.0) + math::log1p(0.5) +
         static_cast<double>(math::sigmoid(1.0f)) + transpose(outer(sample, transpose(sample)))(0, 0) +
         hadamard(sample, sample)(0, 0) + map([](double entry) { return entry; }, sample)(0, 0);
}

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
int shadows_a_global() {
  return [](int i) { return i; }(1);  // the one deliberate shadow
}
#endif
