// runtime_tests/bad_input_test.cpp: proves that the checked entry points of checked.hpp
// (validate, try_sgd_step, try_sgd_epoch) report every kind of bad input with the right
// InputError, for float and double: a label outside [0, 1] or NaN, a NaN or infinite input,
// a NaN or infinite entry in each of W, b1, U, b2, a learning rate that is not finite and
// positive, and a step that overflows although its input was valid. On every error the network
// is left bit-identical to before (the documented guarantee: a failed run keeps the last good
// network), describe() names the field, and try_sgd_epoch stops at the first bad sample and
// reports its index. On good input the checked step is the unchecked one, bit for bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <gradproof/gradproof.hpp>

#include "../static_tests/fused_bound.hpp"  // the epoch bound, shared

namespace {

using gradproof::ColVector;
using gradproof::InputError;
using gradproof::Network;
using gradproof::Sample;

/// Byte equality: unlike ==, it holds for a network with a NaN in it, and tells -0.0 from 0.0.
template <class V>
bool same_bytes(const V& a, const V& b) {
  return std::memcmp(&a, &b, sizeof(V)) == 0;
}

template <class T>
class bad_input : public ::testing::Test {
 public:  // the helper templates below take the fixture by reference
  using Net = Network<T>;
  using X = ColVector<T, 3>;
  static constexpr T inf = std::numeric_limits<T>::infinity();
  static constexpr T nan = std::numeric_limits<T>::quiet_NaN();

  // A valid network and sample: every test breaks exactly one thing.
  Net net{{T(0.5), T(-0.3), T(0.2), T(0.1), T(0.4), T(-0.6), T(-0.2), T(0.3), T(0.7), T(0.9), T(-0.1), T(0.05)},
          {T(0.1), T(-0.2), T(0), T(0.3)},
          {T(0.7), T(-0.5), T(0.3), T(1.2)},
          T(-0.1)};
  X x{T(1), T(-2), T(0.5)};
  T y = T(1);
  T eta = T(0.1);

  /// validate reports `expected`; try_sgd_step and a one-sample try_sgd_epoch report it too
  /// and leave the network as it was, byte for byte.
  void expect_rejected(const Net& n, const X& xx, T yy, T e, InputError expected) {
    EXPECT_EQ(gradproof::validate(n, xx, yy, e), expected);
    expect_step_fails(n, xx, yy, e, expected);
  }

  /// try_sgd_step and a one-sample try_sgd_epoch fail with `expected` and change nothing.
  void expect_step_fails(const Net& n, const X& xx, T yy, T e, InputError expected) {
    Net stepped = n;
    EXPECT_EQ(gradproof::try_sgd_step(stepped, xx, yy, e), expected);
    EXPECT_TRUE(same_bytes(stepped, n)) << "try_sgd_step changed the network on error";
    Net epoch = n;
    const std::array<Sample<T, 3>, 1> samples{{{xx, yy}}};
    const auto report = gradproof::try_sgd_epoch(epoch, samples, e);
    EXPECT_FALSE(report);
    EXPECT_EQ(report.error, expected);
    EXPECT_EQ(report.sample, 0U);
    EXPECT_TRUE(same_bytes(epoch, n)) << "try_sgd_epoch changed the network on error";
  }
};

struct ScalarName {
  template <class T>
  static std::string GetName(int) {
    return std::is_same_v<T, float> ? "float" : "double";
  }
};
using Scalars = ::testing::Types<float, double>;
TYPED_TEST_SUITE(bad_input, Scalars, ScalarName);

// ---------------------------------------------------------------------------------------
// The good case first: the checked step is the unchecked one.

TYPED_TEST(bad_input, good_input_steps_like_sgd_step) {
  using T = TypeParam;
  EXPECT_EQ(gradproof::validate(this->net, this->x, this->y, this->eta), InputError::none);
  auto n = this->net;
  EXPECT_EQ(gradproof::try_sgd_step(n, this->x, this->y, this->eta), InputError::none);
  const auto expected = gradproof::sgd_step(this->net, this->x, this->y, this->eta);
  EXPECT_TRUE(same_bytes(n, expected));
  EXPECT_FALSE(same_bytes(n, this->net));  // it did step
  // The edges of the valid ranges are accepted: labels 0, -0.0, 1, a soft label, the
  // smallest positive learning rate.
  for (const T label : {T(0), -T(0), T(1), T(0.3)}) {
    EXPECT_EQ(gradproof::validate(this->net, this->x, label, this->eta), InputError::none) << label;
  }
  EXPECT_EQ(gradproof::validate(this->net, this->x, this->y, std::numeric_limits<T>::denorm_min()), InputError::none);
  EXPECT_EQ(gradproof::describe(InputError::none), "no error");
}

// ---------------------------------------------------------------------------------------
// The label.

TYPED_TEST(bad_input, label_above_one) {
  using T = TypeParam;
  for (const T label : {std::nextafter(T(1), T(2)), T(2), this->inf})
    this->expect_rejected(this->net, this->x, label, this->eta, InputError::label_not_in_0_1);
}

TYPED_TEST(bad_input, label_below_zero) {
  using T = TypeParam;
  for (const T label : {-std::numeric_limits<T>::denorm_min(), T(-1), -this->inf})
    this->expect_rejected(this->net, this->x, label, this->eta, InputError::label_not_in_0_1);
}

TYPED_TEST(bad_input, label_nan) {
  this->expect_rejected(this->net, this->x, this->nan, this->eta, InputError::label_not_in_0_1);
  this->expect_rejected(this->net, this->x, -this->nan, this->eta, InputError::label_not_in_0_1);
}

// ---------------------------------------------------------------------------------------
// The input x: NaN, +inf, -inf in each entry.

TYPED_TEST(bad_input, input_nan) {
  for (std::size_t j = 0; j < 3; ++j) {
    auto bad = this->x;
    bad(j, 0) = this->nan;
    this->expect_rejected(this->net, bad, this->y, this->eta, InputError::input_not_finite);
  }
}

TYPED_TEST(bad_input, input_inf) {
  for (std::size_t j = 0; j < 3; ++j)
    for (const auto v : {this->inf, -this->inf}) {
      auto bad = this->x;
      bad(j, 0) = v;
      this->expect_rejected(this->net, bad, this->y, this->eta, InputError::input_not_finite);
    }
}

// ---------------------------------------------------------------------------------------
// The parameters: NaN, +inf, -inf in every entry of W, b1, U and b2.

template <class T, class Fixture, class Field>
void expect_every_entry_checked(Fixture& f, Field field) {
  const auto& original = field(f.net);
  for (std::size_t k = 0; k < original.data.size(); ++k)
    for (const T v : {Fixture::nan, Fixture::inf, -Fixture::inf}) {
      auto bad = f.net;
      field(bad).data[k] = v;
      SCOPED_TRACE("entry " + std::to_string(k) + " = " + std::to_string(v));
      f.expect_rejected(bad, f.x, f.y, f.eta, InputError::parameter_not_finite);
    }
}

TYPED_TEST(bad_input, parameter_not_finite_in_W) {
  expect_every_entry_checked<TypeParam>(*this, [](auto& n) -> auto& { return n.W; });
}

TYPED_TEST(bad_input, parameter_not_finite_in_b1) {
  expect_every_entry_checked<TypeParam>(*this, [](auto& n) -> auto& { return n.b1; });
}

TYPED_TEST(bad_input, parameter_not_finite_in_U) {
  expect_every_entry_checked<TypeParam>(*this, [](auto& n) -> auto& { return n.U; });
}

TYPED_TEST(bad_input, parameter_not_finite_in_b2) {
  for (const auto v : {this->nan, this->inf, -this->inf}) {
    auto bad = this->net;
    bad.b2 = v;
    this->expect_rejected(bad, this->x, this->y, this->eta, InputError::parameter_not_finite);
  }
}

// ---------------------------------------------------------------------------------------
// The learning rate: must be finite and > 0.

TYPED_TEST(bad_input, eta_zero) {
  using T = TypeParam;
  this->expect_rejected(this->net, this->x, this->y, T(0), InputError::eta_not_positive_finite);
  this->expect_rejected(this->net, this->x, this->y, -T(0), InputError::eta_not_positive_finite);
}

TYPED_TEST(bad_input, eta_negative) {
  using T = TypeParam;
  for (const T e : {T(-0.1), -std::numeric_limits<T>::denorm_min(), -std::numeric_limits<T>::max()})
    this->expect_rejected(this->net, this->x, this->y, e, InputError::eta_not_positive_finite);
}

TYPED_TEST(bad_input, eta_nan) {
  this->expect_rejected(this->net, this->x, this->y, this->nan, InputError::eta_not_positive_finite);
}

TYPED_TEST(bad_input, eta_inf) {
  this->expect_rejected(this->net, this->x, this->y, this->inf, InputError::eta_not_positive_finite);
  this->expect_rejected(this->net, this->x, this->y, -this->inf, InputError::eta_not_positive_finite);
}

// ---------------------------------------------------------------------------------------
// Valid input whose step overflows at run time.

// A huge learning rate: with U = +-10 and x = (10, -10, 10), hidden unit 2 has z = 2 and
// y_hat ~ 1 against the label 0, so |dW(2, j)| = |delta1 U_2 sigma'(2) x_j| ~ 10.5 and
// eta = max times it overflows W.
TYPED_TEST(bad_input, result_not_finite_huge_eta) {
  using T = TypeParam;
  auto n = this->net;
  n.U = {T(10), T(-10), T(10), T(-10)};
  const ColVector<T, 3> big_x{T(10), T(-10), T(10)};
  const T huge_eta = std::numeric_limits<T>::max();
  EXPECT_EQ(gradproof::validate(n, big_x, T(0), huge_eta), InputError::none);  // each input is fine
  EXPECT_FALSE(gradproof::detail::all_finite(gradproof::sgd_step(n, big_x, T(0), huge_eta).W));  // the step is not
  this->expect_step_fails(n, big_x, T(0), huge_eta, InputError::result_not_finite);
}

// A huge input with an ordinary learning rate: x_0 = max / 4 with W(., 0) = 0 keeps z finite;
// U = 100 makes theta ~ 200, so delta1 = y_hat - 0 ~ 1 and delta2_i = 100 sigma'(z_i) ~ 25,
// and dW(i, 0) = delta2_i x_0 ~ 6 max overflows.
TYPED_TEST(bad_input, result_not_finite_huge_input) {
  using T = TypeParam;
  auto n = this->net;
  for (std::size_t i = 0; i < 4; ++i) n.W(i, 0) = T(0);
  n.U = {T(100), T(100), T(100), T(100)};
  const ColVector<T, 3> huge_x{std::numeric_limits<T>::max() / T(4), T(1), T(-1)};
  EXPECT_EQ(gradproof::validate(n, huge_x, T(0), T(1)), InputError::none);
  this->expect_step_fails(n, huge_x, T(0), T(1), InputError::result_not_finite);
}

// ---------------------------------------------------------------------------------------
// Which error wins when several are wrong: parameters, input, label, learning rate.

TYPED_TEST(bad_input, errors_reported_in_documented_order) {
  auto bad_net = this->net;
  bad_net.b2 = this->nan;
  auto bad_x = this->x;
  bad_x(1, 0) = this->inf;
  const auto bad_y = this->nan;
  const auto bad_eta = -this->inf;
  this->expect_rejected(bad_net, bad_x, bad_y, bad_eta, InputError::parameter_not_finite);
  this->expect_rejected(this->net, bad_x, bad_y, bad_eta, InputError::input_not_finite);
  this->expect_rejected(this->net, this->x, bad_y, bad_eta, InputError::label_not_in_0_1);
  this->expect_rejected(this->net, this->x, this->y, bad_eta, InputError::eta_not_positive_finite);
}

// ---------------------------------------------------------------------------------------
// describe() names the field of each error.

TEST(bad_input_describe, names_the_field) {
  const auto has = [](InputError e, std::string_view word) {
    return gradproof::describe(e).find(word) != std::string_view::npos;
  };
  EXPECT_TRUE(has(InputError::label_not_in_0_1, "label y"));
  EXPECT_TRUE(has(InputError::label_not_in_0_1, "[0, 1]"));
  EXPECT_TRUE(has(InputError::input_not_finite, "input x"));
  for (const char* field : {"W", "b1", "U", "b2"}) EXPECT_TRUE(has(InputError::parameter_not_finite, field)) << field;
  EXPECT_TRUE(has(InputError::eta_not_positive_finite, "eta"));
  EXPECT_TRUE(has(InputError::result_not_finite, "overflow"));
  // Each error has its own sentence.
  const InputError all[] = {InputError::none,
                            InputError::label_not_in_0_1,
                            InputError::input_not_finite,
                            InputError::parameter_not_finite,
                            InputError::eta_not_positive_finite,
                            InputError::result_not_finite};
  for (const auto a : all) {
    EXPECT_FALSE(gradproof::describe(a).empty());
    for (const auto b : all) {
      if (a != b) {
        EXPECT_NE(gradproof::describe(a), gradproof::describe(b));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// try_sgd_epoch: stops at the first bad sample, reports its index, and keeps the network
// after the last good step.

template <class T>
std::vector<Sample<T, 3>> good_samples() {
  std::vector<Sample<T, 3>> s;
  for (int i = 0; i < 6; ++i) {
    const T t = static_cast<T>(i);
    s.push_back({{T(0.3) * t - T(1), T(1) - T(0.2) * t, T(0.5)}, static_cast<T>(i % 2)});
  }
  return s;
}

/// The network after the unchecked steps on samples [0, count).
template <class T>
Network<T> after_steps(Network<T> net, const std::vector<Sample<T, 3>>& samples, std::size_t count, T eta) {
  for (std::size_t i = 0; i < count; ++i) net = gradproof::sgd_step(net, samples[i].x, samples[i].y, eta);
  return net;
}

// try_sgd_epoch steps sample by sample (so that it can stop after the last good one): it is the
// per-sample sgd_steps, bit for bit, and within the epoch bound of sgd_epoch, which forms each z
// off the update's chain (static_tests/fused_bound.hpp).
TYPED_TEST(bad_input, epoch_all_good_equals_per_sample_steps) {
  const auto samples = good_samples<TypeParam>();
  auto n = this->net;
  const auto report = gradproof::try_sgd_epoch(n, samples, this->eta);
  EXPECT_TRUE(report);
  EXPECT_EQ(report.error, InputError::none);
  EXPECT_EQ(report.sample, samples.size());
  EXPECT_TRUE(same_bytes(n, after_steps(this->net, samples, samples.size(), this->eta)));
  std::array<Sample<TypeParam, 3>, 6> fixed{};
  std::copy(samples.begin(), samples.end(), fixed.begin());
  EXPECT_TRUE(gradproof::test::sgd_epoch_within_bound(this->net, fixed, this->eta));
}

TYPED_TEST(bad_input, epoch_stops_at_the_first_bad_sample) {
  using T = TypeParam;
  struct Breakage {
    const char* what;
    void (*apply)(Sample<T, 3>&);
    InputError expected;
  };
  const Breakage breakages[] = {
      {"label 2", [](Sample<T, 3>& s) { s.y = T(2); }, InputError::label_not_in_0_1},
      {"label NaN", [](Sample<T, 3>& s) { s.y = std::numeric_limits<T>::quiet_NaN(); }, InputError::label_not_in_0_1},
      {"x NaN", [](Sample<T, 3>& s) { s.x(2, 0) = std::numeric_limits<T>::quiet_NaN(); }, InputError::input_not_finite},
      {"x -inf", [](Sample<T, 3>& s) { s.x(0, 0) = -std::numeric_limits<T>::infinity(); },
       InputError::input_not_finite},
  };
  for (const auto& b : breakages)
    for (const std::size_t bad_index : {std::size_t{0}, std::size_t{3}, std::size_t{5}}) {
      SCOPED_TRACE(std::string(b.what) + " at sample " + std::to_string(bad_index));
      auto samples = good_samples<T>();
      b.apply(samples[bad_index]);
      if (bad_index + 1 < samples.size()) b.apply(samples[bad_index + 1]);  // a later bad one is not reported
      auto n = this->net;
      const auto report = gradproof::try_sgd_epoch(n, samples, this->eta);
      EXPECT_FALSE(report);
      EXPECT_EQ(report.error, b.expected);
      EXPECT_EQ(report.sample, bad_index);
      EXPECT_TRUE(same_bytes(n, after_steps(this->net, samples, bad_index, this->eta)));
    }
}

TYPED_TEST(bad_input, epoch_bad_eta_fails_at_sample_0_unchanged) {
  const auto samples = good_samples<TypeParam>();
  for (const auto e : {TypeParam(0), TypeParam(-1), this->nan, this->inf}) {
    auto n = this->net;
    const auto report = gradproof::try_sgd_epoch(n, samples, e);
    EXPECT_EQ(report.error, InputError::eta_not_positive_finite);
    EXPECT_EQ(report.sample, 0U);
    EXPECT_TRUE(same_bytes(n, this->net));
  }
}

// A step in the middle of the epoch overflows: the epoch stops there with result_not_finite
// and keeps the network of the step before (sample 2 has x_0 = max; W(., 0) = 0 and |U_i| = 1000
// make the update of W(., 0) overflow: the fused step forms (η U_i σ′_i) x_0, about 2.5 max,
// before δ1 scales it. The first three labels are 0 where θ is about −75: the two steps before
// change the network, by little, and leave the hidden units unsaturated).
TYPED_TEST(bad_input, epoch_stops_where_a_step_overflows) {
  using T = TypeParam;
  const T small_eta = T(0.01);
  auto start = this->net;
  start.U = {T(1000), T(-1000), T(1000), T(-1000)};
  start.b1 = {};
  std::vector<Sample<T, 3>> samples;
  for (int i = 0; i < 5; ++i) samples.push_back({{T(0), T(0.1) * static_cast<T>(i), T(-0.2)}, static_cast<T>(i % 2)});
  samples[1].y = T(0);
  samples[2].x(0, 0) = std::numeric_limits<T>::max();
  for (std::size_t i = 0; i < 4; ++i) start.W(i, 0) = T(0);
  auto n = start;
  const auto report = gradproof::try_sgd_epoch(n, samples, small_eta);
  EXPECT_EQ(report.error, InputError::result_not_finite);
  EXPECT_EQ(report.sample, 2U);
  const auto expected = after_steps(start, samples, 2, small_eta);
  EXPECT_FALSE(same_bytes(expected, start));  // the two good steps did happen
  EXPECT_TRUE(same_bytes(n, expected));
  EXPECT_TRUE(gradproof::detail::all_finite(n.W));
}

}  // namespace
