// The strict consumer: a user who includes gradproof with a plain -I (not as a system header,
// so its warnings are the user's) and builds with every warning as an error. It instantiates
// every public function template for double and float, for the slides' 3-4-1 network and for
// a 2-5-1 one, and runs them on inputs the optimiser cannot see, so that -O2 compiles the
// run-time paths too. GradproofConsumerTests.cmake compiles it with g++ and clang++-19 at -O0
// and -O2 -march=native, and its known-bad twin with GRADPROOF_STRICT_CONSUMER_PROBE.
#include <gradproof/gradproof.hpp>

#ifdef GRADPROOF_STRICT_CONSUMER_PROBE
// The twin: a header reached through a plain -I, like gradproof's, with the warnings the
// strict flags must report (probe/gradproof_probe.hpp).
#include <gradproof_probe.hpp>
#endif

#include <array>
#include <cmath>
#include <cstdio>

namespace {

template <class T>
T opaque(T value) {
  volatile T copy = value;  // hides the value from the optimiser: run-time code, not a constant
  return copy;
}

template <class T, std::size_t In, std::size_t Hidden>
gradproof::Network<T, In, Hidden> make_network(T scale) {
  gradproof::Network<T, In, Hidden> net{};
  for (std::size_t i = 0; i < Hidden * In; ++i) net.W.data[i] = opaque(scale * T(i % 5) - T(0.5));
  for (std::size_t i = 0; i < Hidden; ++i) {
    net.b1.data[i] = opaque(T(0.125) * T(i));
    net.U.data[i] = opaque(T(1) - scale * T(i));
  }
  net.b2 = opaque(T(-0.25));
  return net;
}

// Every call of the public API for one T and shape; returns a sum so that nothing is dropped.
template <class T, std::size_t In, std::size_t Hidden>
T every_function() {
  using namespace gradproof;
  const Network<T, In, Hidden> net = make_network<T, In, Hidden>(T(0.25));
  ColVector<T, In> x{};
  for (std::size_t i = 0; i < In; ++i) x.data[i] = opaque(T(1) - T(0.75) * T(i));
  const T y = opaque(T(1));
  const T eta = opaque(T(0.5));

  // network.hpp: forward, backward (column and row-transposed forms), update, sgd_step, sgd_epoch
  const ForwardPass<T, In, Hidden> f = forward(net, x);
  const Gradients<T, In, Hidden> g = backward(net, x, y);
  const Network<T, In, Hidden> updated = update(net, g, eta);
  const Network<T, In, Hidden> stepped = sgd_step(net, x, y, eta);
  const std::array<Sample<T, In>, 3> samples{{{x, T(1)}, {T(0.5) * x, T(0)}, {T(-1) * x, T(1)}}};
  const Network<T, In, Hidden> epoch = sgd_epoch(net, samples, eta);
  T sum = f.theta + f.y_hat + g.db2 + updated.b2 + stepped.b2 + epoch.b2 + loss(net, x, y) + predict(net, x) +
          (classify(net, x) ? T(1) : T(0));

  // equations: each slide equation on its own
  const T delta1 = equations::delta1(f.y_hat, y);
  const RowVector<T, Hidden> delta2 = equations::delta2(delta1, net.U, f.sigma_prime);
  sum += equations::dW(delta2, x)(0, 0) + equations::db1(delta2)(0, 0) + equations::dU(delta1, f.h)(0, 0) +
         equations::db2(delta1) + equations::sgd(net.W, g.dW, eta)(0, 0);

  // matrix.hpp and ops.hpp
  const Matrix<T, Hidden, In> w2 = net.W + net.W - T(2) * net.W * T(0.5);
  sum += transpose(w2)(0, 0) + matmul(net.U, f.h)(0, 0) + to_scalar(net.U * f.h) + hadamard(f.h, f.z)(0, 0) +
         outer(f.h, transpose(x))(0, 0) + map([](T entry) { return entry + T(1); }, x)(0, 0);

  // train.hpp: lockstep and mini-batch SGD
  std::array<Network<T, In, Hidden>, 2> nets{net, stepped};
  const std::array<T, 2> etas{eta, T(0.25) * eta};
  sgd_step_many(nets, x, y, etas);
  const std::array<Network<T, In, Hidden>, 2> trained = train_many(nets, samples, etas);
  const std::array<Sample<T, In>, 2> batch{{samples[0], samples[1]}};
  sum += nets[1].b2 + trained[0].b2 + sgd_minibatch_step(net, batch, eta).b2 +
         sgd_epoch_minibatch<2>(net, samples, eta).b2;

  // loss.hpp
  sum += bce_with_logits(f.theta, y) + bce(f.y_hat, y) + keras_epsilon<T>;

  // checked.hpp and validate.hpp: the run-time checked API
  Network<T, In, Hidden> checked = net;
  const InputError error = try_sgd_step(checked, x, y, eta);
  const EpochReport report = try_sgd_epoch(checked, samples, eta);
  sum += checked.b2 + (validate(net, x, y, eta) == InputError::none ? T(1) : T(0)) +
         (error == InputError::none && report ? T(1) : T(0)) + T(describe(report.error).size() > 0 ? 1 : 0);

  // dual.hpp and ad.hpp: forward-mode AD
  const Gradients<T, In, Hidden> ad = ad_gradients(net, x, y);
  const Dual<T, 2> d{opaque(T(0.5)), {T(1), T(0)}};
  const Dual<T, 2> e = math::exp(d) * math::log1p(d) / math::sigmoid(d) + math::softplus(d) - math::log(d + T(1)) +
                       math::sigmoid_prime(d);
  sum += ad.db2 + e.value + e.derivative[0] + (d < e ? T(1) : T(0));

  // keras.hpp
  const keras::Model<T, In, Hidden> model = keras::to_keras(net);
  const Network<T, In, Hidden> back = keras::from_keras(model);
  const Network<T, In, Hidden> back2 = keras::from_keras(model.hidden, model.output);
  sum += back.b2 + back2.b2 + keras::layer_output(model.hidden, transpose(x))(0, 0) +
         keras::predict(model, transpose(x))(0, 0);

  // math.hpp, scalar and lane-wise
  const T t = opaque(T(0.75));
  const auto pair = math::sigmoid_and_prime(t);
  const auto complement = math::sigmoid_and_complement(t);
  std::array<T, 4> lanes{t, -t, T(2) * t, T(-40)};
  std::array<T, 4> sigma{};
  std::array<T, 4> prime{};
  math::sigmoid_and_prime(lanes, sigma, prime);
  math::sigmoid_and_complement(lanes, sigma, prime);
  sum += math::exp(t) + math::log(t) + math::log1p(t) + math::sigmoid(t) + math::sigmoid_prime(t) + math::softplus(t) +
         pair.sigma + pair.sigma_prime + complement.sigma + complement.complement + sigma[3] + prime[3];

  // operator== of every public type: exact equality on purpose (run time == compile time)
  const ForwardPass<T, In, Hidden> f2 = forward(stepped, x);
  const Gradients<T, In, Hidden> g2 = backward(stepped, x, y);
  sum += T((net == stepped) + (f == f2) + (g == g2) + (model == keras::to_keras(stepped)) +
           (model.hidden == model.hidden) + (net.W == stepped.W) + (d == e) + (samples[0].y < samples[1].y));

  // worked_example.hpp
  sum += sgd_step(worked_example::net<T>, worked_example::x<T>, worked_example::y<T>, worked_example::eta<T>).b2;
  return sum;
}

// Compile time too: the same calls as constants (the proofs' mode), for one shape per type.
template <class T>
constexpr T at_compile_time() {
  using namespace gradproof;
  return sgd_step(worked_example::net<T>, worked_example::x<T>, worked_example::y<T>, worked_example::eta<T>).b2 +
         ad_gradients(worked_example::net<T>, worked_example::x<T>, worked_example::y<T>).db2;
}
constexpr double compile_time_double = at_compile_time<double>();
constexpr float compile_time_float = at_compile_time<float>();

}  // namespace

int main() {
  const double d = every_function<double, 3, 4>() + every_function<double, 2, 5>() + compile_time_double;
  const float f = every_function<float, 3, 4>() + every_function<float, 2, 5>() + compile_time_float;
#ifdef GRADPROOF_STRICT_CONSUMER_PROBE
  std::printf("%d\n", gradproof_probe::warns(d, static_cast<double>(f)) ? 1 : 0);
#endif
  const bool finite = std::isfinite(d) && std::isfinite(f);
  std::printf("strict consumer: every function for double and float: %s\n", finite ? "finite" : "NOT FINITE");
  return finite ? 0 : 1;
}
