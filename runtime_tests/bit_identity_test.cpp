// runtime_tests/bit_identity_test.cpp: proves that what gradproof computes at run time has
// exactly the bits of what it computes at compile time: forward, both backward overloads,
// update, sgd_step, sgd_epoch and a 5-epoch training run, loss, predict, classify, for float
// and double and three network shapes (3-4, 2-5, 1-1, and a saturated 3-4), plus
// bce_with_logits, bce and every gradproof::math function over a grid of arguments.
//
// Why it matters: the static_tests prove properties of the compile-time values; they say
// something about the program that runs only if run time gives the same bits. What could
// break it: FMA contraction at run time (docs/math.md), a compiler folding libm
// differently, or a branch that behaves differently under std::is_constant_evaluated().
//
// How: each compile-time value is a constexpr variable (a fresh constant-evaluation budget
// each, well inside clang's default of 2^20 steps). The run-time inputs are the same
// constants passed through opaque() (a copy in another translation unit), so the optimiser
// cannot fold the run-time computation. Results are compared as integers: -0.0 differs from
// 0.0 and NaN payloads count.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ios>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <gradproof/gradproof.hpp>

#include "../static_tests/bits.hpp"
#include "opaque.hpp"

namespace {

using gradproof_test::opaque;

using gradproof::test::Bits;
using gradproof::test::bits;

// ---------------------------------------------------------------------------------------
// Flattening a result into named scalars, so a mismatch says which entry differs.

struct Scalar {
  std::string name;
  std::uint64_t bits;
  std::size_t size;  // sizeof the scalar type
};

template <gradproof::real T>
void flatten(std::vector<Scalar>& out, const std::string& name, T v) {
  out.push_back({name, bits(v), sizeof(T)});
}

template <class T, std::size_t R, std::size_t C>
void flatten(std::vector<Scalar>& out, const std::string& name, const gradproof::Matrix<T, R, C>& m) {
  for (std::size_t r = 0; r < R; ++r)
    for (std::size_t c = 0; c < C; ++c)
      flatten(out, name + "(" + std::to_string(r) + "," + std::to_string(c) + ")", m(r, c));
}

template <class T, std::size_t In, std::size_t H>
void flatten(std::vector<Scalar>& out, const std::string& name, const gradproof::ForwardPass<T, In, H>& f) {
  flatten(out, name + ".z", f.z);
  flatten(out, name + ".h", f.h);
  flatten(out, name + ".sigma_prime", f.sigma_prime);
  flatten(out, name + ".theta", f.theta);
  flatten(out, name + ".y_hat", f.y_hat);
  flatten(out, name + ".one_minus_y_hat", f.one_minus_y_hat);
}

template <class T, std::size_t In, std::size_t H>
void flatten(std::vector<Scalar>& out, const std::string& name, const gradproof::Gradients<T, In, H>& g) {
  flatten(out, name + ".delta1", g.delta1);
  flatten(out, name + ".delta2", g.delta2);
  gradproof::for_each_parameter(
      g, [&](std::string_view p, const auto& dp) { flatten(out, name + ".d" + std::string(p), dp); });
}

template <class T, std::size_t In, std::size_t H>
void flatten(std::vector<Scalar>& out, const std::string& name, const gradproof::Network<T, In, H>& n) {
  gradproof::for_each_parameter(
      n, [&](std::string_view p, const auto& m) { flatten(out, name + "." + std::string(p), m); });
}

/// Every scalar of `run_time` has the bits of the same scalar of `compile_time`; and, as a
/// guard against a field flatten() forgot, the whole objects are equal byte for byte (the
/// structs are all scalars of one type, so they have no padding: checked).
template <class V>
void expect_same_bits(const std::string& what, const V& compile_time, const V& run_time) {
  std::vector<Scalar> ct;
  std::vector<Scalar> rt;
  flatten(ct, what, compile_time);
  flatten(rt, what, run_time);
  ASSERT_EQ(ct.size(), rt.size());
  std::size_t flattened_size = 0;
  for (std::size_t i = 0; i < ct.size(); ++i) {
    EXPECT_EQ(rt[i].bits, ct[i].bits) << ct[i].name << ": run time differs from compile time (bits in hex: " << std::hex
                                      << rt[i].bits << " vs " << ct[i].bits << ")";
    flattened_size += ct[i].size;
  }
  ASSERT_EQ(flattened_size, sizeof(V)) << what << ": padding, or a field flatten() does not know";
  EXPECT_EQ(std::memcmp(&compile_time, &run_time, sizeof(V)), 0) << what << ": bytes differ";
}

// ---------------------------------------------------------------------------------------
// The networks: parameters from a constexpr LCG, so they are not hand-picked round numbers.

template <class T, std::size_t In, std::size_t H>
struct Case {
  gradproof::Network<T, In, H> net;
  gradproof::ColVector<T, In> x;
  T y;
  T eta;
  std::array<gradproof::Sample<T, In>, 4> samples;
};

/// A value in [-scale, scale] on a grid of 1/1000, from a 64-bit LCG (Knuth's MMIX constants).
template <class T>
constexpr T pseudo_random(std::uint64_t& state, T scale) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  const int k = static_cast<int>((state >> 33) % 2001U) - 1000;
  return scale * static_cast<T>(k) / T(1000);
}

template <class T, std::size_t In, std::size_t H>
constexpr Case<T, In, H> make_case(std::uint64_t seed, T weight_scale, T input_scale, T y, T eta) {
  Case<T, In, H> c{};
  std::uint64_t s = seed;
  gradproof::for_each_parameter_entry(
      c.net, [&](const gradproof::ParameterEntry&, T& v) { v = pseudo_random(s, weight_scale); });
  for (T& v : c.x.data) v = pseudo_random(s, input_scale);
  c.y = y;
  c.eta = eta;
  for (std::size_t i = 0; i < c.samples.size(); ++i) {
    for (T& v : c.samples[i].x.data) v = pseudo_random(s, input_scale);
    c.samples[i].y = static_cast<T>(i % 2);
  }
  return c;
}

// The default 3-4 network; 2-5 and 1-1; and saturated ones (some |z| > 20: sigma(z) within
// e^-|z| of 0 or 1, sigma'(z) ~ e^-|z|), where the tail branches run. One soft label (0.25).
constexpr auto kDouble34 = make_case<double, 3, 4>(1, 1.5, 1.0, 1.0, 0.5);
constexpr auto kFloat34 = make_case<float, 3, 4>(2, 1.5F, 1.0F, 1.0F, 0.5F);
constexpr auto kDouble25 = make_case<double, 2, 5>(3, 2.0, 1.5, 0.0, 0.1);
constexpr auto kFloat25 = make_case<float, 2, 5>(4, 2.0F, 1.5F, 0.25F, 0.1F);
constexpr auto kDouble11 = make_case<double, 1, 1>(5, 3.0, 2.0, 0.0, 1.0);
constexpr auto kFloat11 = make_case<float, 1, 1>(6, 3.0F, 2.0F, 1.0F, 1.0F);
constexpr auto kDoubleSaturated = make_case<double, 3, 4>(11, 12.0, 4.0, 0.0, 1.0);
constexpr auto kFloatSaturated = make_case<float, 3, 4>(13, 12.0F, 4.0F, 1.0F, 1.0F);

/// `epochs` epochs of sgd_epoch: the same function serves both worlds.
template <class T, std::size_t In, std::size_t H>
constexpr gradproof::Network<T, In, H> train(gradproof::Network<T, In, H> net,
                                             const std::array<gradproof::Sample<T, In>, 4>& samples, T eta,
                                             int epochs) {
  for (int e = 0; e < epochs; ++e) net = gradproof::sgd_epoch(net, samples, eta);
  return net;
}

template <const auto& C>
void check_network_case() {
  // Compile time: one constexpr variable per quantity (one evaluation budget each).
  constexpr auto ct_forward = gradproof::forward(C.net, C.x);
  constexpr auto ct_backward = gradproof::backward(C.net, C.x, C.y);
  constexpr auto ct_backward_from_forward = gradproof::backward(C.net, C.x, C.y, ct_forward);
  constexpr auto ct_update = gradproof::update(C.net, ct_backward, C.eta);
  constexpr auto ct_step = gradproof::sgd_step(C.net, C.x, C.y, C.eta);
  constexpr auto ct_epoch = gradproof::sgd_epoch(C.net, C.samples, C.eta);
  constexpr auto ct_trained = train(C.net, C.samples, C.eta, 5);
  constexpr auto ct_loss = gradproof::loss(C.net, C.x, C.y);
  constexpr auto ct_predict = gradproof::predict(C.net, C.x);
  constexpr bool ct_classify = gradproof::classify(C.net, C.x);
  constexpr auto ct_trained_loss = gradproof::loss(ct_trained, C.x, C.y);

  // Run time, from inputs the optimiser cannot see.
  const auto c = opaque(C);
  const auto rt_forward = gradproof::forward(c.net, c.x);
  expect_same_bits("forward", ct_forward, rt_forward);
  const auto rt_backward = gradproof::backward(c.net, c.x, c.y);
  expect_same_bits("backward", ct_backward, rt_backward);
  expect_same_bits("backward(forward)", ct_backward_from_forward, gradproof::backward(c.net, c.x, c.y, rt_forward));
  expect_same_bits("update", ct_update, gradproof::update(c.net, rt_backward, c.eta));
  expect_same_bits("sgd_step", ct_step, gradproof::sgd_step(c.net, c.x, c.y, c.eta));
  expect_same_bits("sgd_epoch", ct_epoch, gradproof::sgd_epoch(c.net, c.samples, c.eta));
  const auto rt_trained = train(c.net, c.samples, c.eta, 5);
  expect_same_bits("5 epochs", ct_trained, rt_trained);
  expect_same_bits("loss", ct_loss, gradproof::loss(c.net, c.x, c.y));
  expect_same_bits("predict", ct_predict, gradproof::predict(c.net, c.x));
  EXPECT_EQ(ct_classify, gradproof::classify(c.net, c.x));
  expect_same_bits("loss after training", ct_trained_loss, gradproof::loss(rt_trained, c.x, c.y));
  // Not vacuous: the step and the training run moved the network.
  EXPECT_NE(ct_step, C.net);
  EXPECT_NE(ct_trained, ct_epoch);

  // train.hpp: three networks in lockstep (a learning-rate sweep, the case's network and two
  // others), and mini-batch SGD (batches of 2, and of 3 with a shorter last batch).
  using T = decltype(C.eta);
  constexpr std::array<T, 3> etas{C.eta, C.eta / T(2), C.eta * T(2)};
  constexpr std::array<gradproof::Network<T, C.net.inputs, C.net.hidden>, 3> nets{C.net, ct_step, ct_trained};
  constexpr auto ct_many = gradproof::train_many(nets, C.samples, etas);
  constexpr auto ct_batch2 = gradproof::sgd_epoch_minibatch<2>(C.net, C.samples, C.eta);
  constexpr auto ct_batch3 = gradproof::sgd_epoch_minibatch<3>(C.net, C.samples, C.eta);
  const auto rt_etas = opaque(etas);
  const auto rt_nets = opaque(nets);
  const auto rt_many = gradproof::train_many(rt_nets, c.samples, rt_etas);
  for (std::size_t k = 0; k < 3; ++k) expect_same_bits("train_many[" + std::to_string(k) + "]", ct_many[k], rt_many[k]);
  expect_same_bits("train_many[0] == sgd_epoch", ct_epoch, rt_many[0]);
  expect_same_bits("sgd_epoch_minibatch<2>", ct_batch2, gradproof::sgd_epoch_minibatch<2>(c.net, c.samples, c.eta));
  expect_same_bits("sgd_epoch_minibatch<3>", ct_batch3, gradproof::sgd_epoch_minibatch<3>(c.net, c.samples, c.eta));
  EXPECT_NE(ct_batch2, C.net);
}

TEST(bit_identity, network_double_3_4) { check_network_case<kDouble34>(); }
TEST(bit_identity, network_float_3_4) { check_network_case<kFloat34>(); }
TEST(bit_identity, network_double_2_5) { check_network_case<kDouble25>(); }
TEST(bit_identity, network_float_2_5) { check_network_case<kFloat25>(); }
TEST(bit_identity, network_double_1_1) { check_network_case<kDouble11>(); }
TEST(bit_identity, network_float_1_1) { check_network_case<kFloat11>(); }
TEST(bit_identity, network_double_3_4_saturated) { check_network_case<kDoubleSaturated>(); }
TEST(bit_identity, network_float_3_4_saturated) { check_network_case<kFloatSaturated>(); }

// The saturated case really is saturated (else it would test nothing special).
template <const auto& C>
void expect_saturated() {
  constexpr auto f = gradproof::forward(C.net, C.x);
  double max_abs_z = 0.0;
  for (const auto z : f.z.data) max_abs_z = std::max(max_abs_z, static_cast<double>(z < 0 ? -z : z));
  EXPECT_GT(max_abs_z, 20.0);
}
TEST(bit_identity, saturated_cases_saturate) {
  expect_saturated<kDoubleSaturated>();
  expect_saturated<kFloatSaturated>();
}

// ---------------------------------------------------------------------------------------
// The math functions over a grid: special values, every threshold and its neighbours,
// evenly spaced points over the whole interesting range and pseudo-random bit patterns
// (NaNs with payloads among them).

constexpr std::size_t kGridSize = 256;

/// v moved by k representable steps, away from zero for k > 0, toward it for k < 0 (v finite, nonzero).
template <class T>
constexpr T bits_plus(T v, int k) {
  return std::bit_cast<T>(static_cast<Bits<T>>(bits(v) + static_cast<Bits<T>>(k)));
}

template <class T>
constexpr std::array<T, kGridSize> math_grid() {
  using L = std::numeric_limits<T>;
  std::array<T, kGridSize> g{};
  std::size_t n = 0;
  const auto put = [&](T v) { g[n++] = v; };
  const auto put_both_signs = [&](T v) {
    put(v);
    put(-v);
  };
  // Specials. NaNs by bit pattern (a constant evaluation may not compute one). Quiet NaNs
  // only: what happens to a signalling NaN is up to the optimiser (g++ -O2 folds the float
  // overloads' float -> double -> float round trip away and keeps it signalling, -O0 quiets
  // it in the conversion), so its bits are not a property of gradproof.
  put_both_signs(T(0));
  put_both_signs(L::infinity());
  put(L::quiet_NaN());
  put(-L::quiet_NaN());
  put(std::bit_cast<T>(static_cast<Bits<T>>(bits(L::quiet_NaN()) | 0x2aU)));  // payload
  for (const T v : {L::denorm_min(), bits_plus(L::min(), -1), L::min(), L::max(), L::epsilon(), T(0.5), T(1), T(2)})
    put_both_signs(v);
  // Neighbours of the points where the algorithms branch.
  constexpr double thresholds[] = {gradproof::detail::exp_overflow_x, gradproof::detail::exp_underflow_x,
                                   gradproof::detail::sqrt2, 0x1p-54, 1.0};
  for (const double t : thresholds) {
    const T v = static_cast<T>(t);
    for (const int k : {-1, 1}) put_both_signs(bits_plus(v, k));
    put_both_signs(v);
  }
  put(bits_plus(T(-0.5), 1));
  put(bits_plus(T(1), -1));
  put(bits_plus(T(-1), -1));
  // Evenly spaced over [-760, 760] (double) or [-110, 110] (float), not on round numbers.
  constexpr T wide = std::is_same_v<T, double> ? T(760) : T(110);
  for (int i = 0; i < 80; ++i) put(-wide + static_cast<T>(i) * (T(2) * wide / T(79.5)));
  for (int i = 0; i < 40; ++i) put(T(-12.3) + static_cast<T>(i) * T(0.61));
  // The rest: pseudo-random bit patterns (splitmix64), every 4th one of any exponent (NaNs,
  // infinities, subnormals), the others with a magnitude below 2^12.
  std::uint64_t s = 0x9e3779b97f4a7c15ULL * sizeof(T);
  for (int i = 0; n < kGridSize; ++i) {
    s += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    T v = std::bit_cast<T>(static_cast<Bits<T>>(z));
    if (v != v) v = std::bit_cast<T>(static_cast<Bits<T>>(bits(v) | bits(L::quiet_NaN())));  // quiet, same payload
    if (i % 4 != 0) {
      constexpr int mantissa_bits = L::digits - 1;
      constexpr Bits<T> exponent_mask = static_cast<Bits<T>>(Bits<T>(2 * L::max_exponent - 1) << mantissa_bits);
      constexpr Bits<T> below_2_12 = static_cast<Bits<T>>(Bits<T>(L::max_exponent - 1 + 11) << mantissa_bits);
      Bits<T> b = bits(v);
      if ((b & exponent_mask) > below_2_12) b = static_cast<Bits<T>>((b & ~exponent_mask) | below_2_12);
      v = std::bit_cast<T>(b);
    }
    put(v);
  }
  return g;
}

template <class T>
constexpr auto kGrid = math_grid<T>();

/// f over the grid, at compile time (one constexpr variable per function and type) and at
/// run time (on an opaque copy of the grid), compared bit for bit.
template <class T, T (*F)(T) noexcept>
void check_math_function(const char* name) {
  static constexpr auto compile_time = [] {
    std::array<T, kGridSize> out{};
    for (std::size_t i = 0; i < kGridSize; ++i) out[i] = F(kGrid<T>[i]);
    return out;
  }();
  const auto args = opaque(kGrid<T>);
  for (std::size_t i = 0; i < kGridSize; ++i) {
    const T run_time = F(args[i]);
    EXPECT_EQ(bits(run_time), bits(compile_time[i]))
        << name << "(" << std::hexfloat << args[i] << " = bits " << std::hex << bits(args[i]) << ")";
  }
}

template <class T>
void check_sigmoid_and_prime() {
  static constexpr auto compile_time = [] {
    std::array<gradproof::SigmoidPair<T>, kGridSize> out{};
    for (std::size_t i = 0; i < kGridSize; ++i) out[i] = gradproof::math::sigmoid_and_prime(kGrid<T>[i]);
    return out;
  }();
  const auto args = opaque(kGrid<T>);
  for (std::size_t i = 0; i < kGridSize; ++i) {
    const auto run_time = gradproof::math::sigmoid_and_prime(args[i]);
    EXPECT_EQ(bits(run_time.sigma), bits(compile_time[i].sigma)) << std::hexfloat << args[i];
    EXPECT_EQ(bits(run_time.sigma_prime), bits(compile_time[i].sigma_prime)) << std::hexfloat << args[i];
    // sigmoid_and_prime is the forward pass's cheaper pair (math.hpp): not the bits of the
    // accurate sigmoid and sigmoid_prime, but never far from them (its accuracy against MPFR
    // is math_accuracy_test's business; here, only that it is the same function).
    const T sigma = gradproof::math::sigmoid(args[i]);
    const T sigma_prime = gradproof::math::sigmoid_prime(args[i]);
    if (sigma == sigma) {  // not NaN
      EXPECT_LE(std::abs(run_time.sigma - sigma), 4 * std::numeric_limits<T>::epsilon() * sigma)
          << std::hexfloat << args[i];
      EXPECT_LE(std::abs(run_time.sigma_prime - sigma_prime), 4 * std::numeric_limits<T>::epsilon() * sigma_prime)
          << std::hexfloat << args[i];
    }
  }
}

/// The lane-wise sigmoid_and_prime (the forward pass's hidden layer), four entries of the grid
/// at a time, against the scalar one at run time: its branch-free path and its fallback.
template <class T>
void check_lanes_against_scalar(const std::vector<T>& args) {
  ASSERT_GE(args.size(), 16U);
  for (std::size_t i = 0; i + 4 <= args.size(); i += 4) {
    const std::array<T, 4> z{args[i], args[i + 1], args[i + 2], args[i + 3]};
    std::array<T, 4> h{};
    std::array<T, 4> hp{};
    gradproof::math::sigmoid_and_prime(z, h, hp);
    for (std::size_t k = 0; k < 4; ++k) {
      const auto scalar = gradproof::math::sigmoid_and_prime(z[k]);
      EXPECT_EQ(bits(h[k]), bits(scalar.sigma)) << std::hexfloat << z[k];
      EXPECT_EQ(bits(hp[k]), bits(scalar.sigma_prime)) << std::hexfloat << z[k];
    }
  }
}

/// The lane-wise sigmoid_and_prime (the forward pass's hidden layer), four arguments at a time,
/// against the scalar one at run time: the whole grid in order (mostly the fallback, as edges
/// sit among the groups), then the grid's arguments in [-40, 704) only (the branch-free path).
template <class T>
void check_sigmoid_and_prime_lanes() {
  const auto args = opaque(kGrid<T>);
  check_lanes_against_scalar<T>(std::vector<T>(args.begin(), args.end()));
  std::vector<T> common;
  for (const T a : args) {
    if (a >= T(-40) && a < T(704)) common.push_back(a);
  }
  check_lanes_against_scalar<T>(common);
}

template <class T>
void check_all_math() {
  namespace m = gradproof::math;
  check_math_function<T, m::exp>("exp");
  check_math_function<T, m::log1p>("log1p");
  check_math_function<T, m::log>("log");
  check_math_function<T, m::sigmoid>("sigmoid");
  check_math_function<T, m::sigmoid_prime>("sigmoid_prime");
  check_math_function<T, m::softplus>("softplus");
  check_sigmoid_and_prime<T>();
  check_sigmoid_and_prime_lanes<T>();
}

TEST(bit_identity, math_double) { check_all_math<double>(); }
TEST(bit_identity, math_float) { check_all_math<float>(); }

// The grid reaches what it is meant to reach: NaNs, both infinities, subnormals, and
// arguments past both exp thresholds.
TEST(bit_identity, math_grid_covers_the_special_values) {
  int nans = 0;
  int infinities = 0;
  int subnormals = 0;
  int past_overflow = 0;
  int past_underflow = 0;
  for (const double x : kGrid<double>) {
    nans += x != x ? 1 : 0;
    infinities += (x == std::numeric_limits<double>::infinity() || x == -std::numeric_limits<double>::infinity());
    subnormals += (x != 0 && x > -std::numeric_limits<double>::min() && x < std::numeric_limits<double>::min());
    past_overflow += x > gradproof::detail::exp_overflow_x && x < 1e300;
    past_underflow += x < gradproof::detail::exp_underflow_x && x > -1e300;
  }
  EXPECT_GE(nans, 3);
  EXPECT_EQ(infinities, 2);
  EXPECT_GE(subnormals, 2);
  EXPECT_GE(past_overflow, 2);
  EXPECT_GE(past_underflow, 2);
}

// ---------------------------------------------------------------------------------------
// The two losses over grids of (argument, label).

template <class T>
struct LossGrid {
  std::array<T, 48> arg;
  std::array<T, 5> y;
};

template <class T>
constexpr LossGrid<T> logit_grid() {
  LossGrid<T> g{};
  constexpr T big = std::is_same_v<T, double> ? T(800) : T(120);
  const T special[] = {T(0),
                       -T(0),
                       std::numeric_limits<T>::denorm_min(),
                       T(1e-20),
                       T(-1e-20),
                       T(0.5),
                       T(-0.5),
                       big,
                       -big,
                       std::numeric_limits<T>::max(),
                       -std::numeric_limits<T>::max()};
  std::size_t n = 0;
  for (const T v : special) g.arg[n++] = v;
  for (int i = 0; n < g.arg.size(); ++i) g.arg[n++] = -T(40.3) + static_cast<T>(i) * T(2.17);
  g.y = {T(0), T(1), T(0.5), T(0.25), T(0.9)};
  return g;
}

template <class T>
constexpr LossGrid<T> probability_grid() {
  LossGrid<T> g{};
  const T special[] = {T(0),
                       std::numeric_limits<T>::denorm_min(),
                       T(1e-8),
                       T(1e-7),
                       bits_plus(T(1e-7), 1),
                       T(0.5),
                       T(1) - T(1e-7),
                       bits_plus(T(1), -1),
                       T(1)};
  std::size_t n = 0;
  for (const T v : special) g.arg[n++] = v;
  for (int i = 0; n < g.arg.size(); ++i) g.arg[n++] = T(0.013) + static_cast<T>(i) * T(0.0251);
  g.y = {T(0), T(1), T(0.5), T(0.25), T(0.9)};
  return g;
}

template <class T>
void check_losses() {
  static constexpr auto logits = logit_grid<T>();
  static constexpr auto probabilities = probability_grid<T>();
  static constexpr auto ct_with_logits = [] {
    std::array<std::array<T, 48>, 5> out{};
    for (std::size_t j = 0; j < 5; ++j)
      for (std::size_t i = 0; i < 48; ++i) out[j][i] = gradproof::bce_with_logits(logits.arg[i], logits.y[j]);
    return out;
  }();
  static constexpr auto ct_bce = [] {
    std::array<std::array<T, 48>, 5> out{};
    for (std::size_t j = 0; j < 5; ++j)
      for (std::size_t i = 0; i < 48; ++i) out[j][i] = gradproof::bce(probabilities.arg[i], probabilities.y[j]);
    return out;
  }();
  const auto rt_logits = opaque(logits);
  const auto rt_probabilities = opaque(probabilities);
  for (std::size_t j = 0; j < 5; ++j)
    for (std::size_t i = 0; i < 48; ++i) {
      const T l = gradproof::bce_with_logits(rt_logits.arg[i], rt_logits.y[j]);
      EXPECT_EQ(bits(l), bits(ct_with_logits[j][i]))
          << "bce_with_logits(" << std::hexfloat << rt_logits.arg[i] << ", " << rt_logits.y[j] << ")";
      const T b = gradproof::bce(rt_probabilities.arg[i], rt_probabilities.y[j]);
      EXPECT_EQ(bits(b), bits(ct_bce[j][i]))
          << "bce(" << std::hexfloat << rt_probabilities.arg[i] << ", " << rt_probabilities.y[j] << ")";
    }
}

TEST(bit_identity, losses_double) { check_losses<double>(); }
TEST(bit_identity, losses_float) { check_losses<float>(); }

// The comparison is by bits, not by ==: 0.0 == -0.0 and NaN != NaN would both mislead.
TEST(bit_identity, comparison_tells_signed_zeros_and_nan_payloads_apart) {
  EXPECT_NE(bits(0.0), bits(-0.0));
  const double nan_a = std::numeric_limits<double>::quiet_NaN();
  const double nan_b = std::bit_cast<double>(bits(nan_a) | 1U);
  EXPECT_NE(bits(nan_a), bits(nan_b));
  EXPECT_EQ(bits(opaque(nan_b)), bits(nan_b));
}

}  // namespace
