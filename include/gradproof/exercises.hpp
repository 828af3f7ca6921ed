// gradproof/exercises.hpp: grade a student's own backpropagation. The student writes a slide's
// equation as a constexpr function; one line, GRADPROOF_GRADE(grade_...(their_function)), makes
// compiling the file the grading: a wrong answer stops the compiler with a line that names the
// quantity, the entry, the classic mistake it looks like, the expected value, the student's
// value and the test network. print_report() prints the same Grade at run time.
//
// How a grade is decided:
// - The battery: 12 test networks (ordinary ones, every hidden unit saturated, the output
//   saturated on the right and on the wrong side, both at once; labels 0, 1 and soft labels).
// - The expected values are gradproof's independent derivatives: forward-mode automatic
//   differentiation (ad_gradients, ad.hpp), never backward(), which agree with the symbolic
//   derivatives (symbolic.hpp) within the tolerance on every test network (proven in
//   exercises/tests/). For the SGD step, the parameters minus eta times them.
// - The tolerance of every entry is derived from the floating-point error that a correct
//   solution written from the slides can have (detail::Bounded below says how), so that the
//   slides' formulas as written pass: δ1 = ŷ − y, σ′ = σ(1 − σ), sums in any order, any exp
//   within 4 ulp. Every wrong answer of the catalogue differs from the right one by far more
//   than that tolerance on at least one network (proven in exercises/tests/).
// - The diagnosis is honest: a mistake is named only when the student's numbers match that
//   mistake's numbers, within the same kind of tolerance, on EVERY network of the battery;
//   otherwise it is `other`, with the expected value and the student's.
//
// Shapes: each grader takes and returns gradproof's types (RowVector, ColVector, Matrix,
// Network, Gradients, keras::Model), so a shape mistake stays a type error with gradproof's
// teaching messages; the grader sees what types cannot: values, signs, factors, indices.
#ifndef GRADPROOF_EXERCISES_HPP
#define GRADPROOF_EXERCISES_HPP

#include <array>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "ad.hpp"
#include "detail/fp.hpp"
#include "keras.hpp"
#include "math.hpp"
#include "matrix.hpp"
#include "network.hpp"
#include "ops.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof::exercises {

/// What a wrong answer looks like. `not_filled_in`: the skeleton's your_answer() placeholder
/// is still there (seen at run time; at compile time the placeholder stops the compiler itself).
enum class Mistake {
  none,
  wrong_sign,
  sigma_for_sigma_prime,
  missing_factor,
  wrong_bias_gradient,
  swapped_entries,
  other,
  not_filled_in
};

/// The verdict on a student's function.
struct Grade {
  bool passed;                 ///< every quantity right on every test network
  std::string_view quantity;   ///< the first wrong one in the slides' order (empty if passed)
  std::size_t row, col;        ///< its first wrong entry, 0-based as in g.dW(row, col)
  double expected, got;        ///< on the first network where it is wrong
  Mistake mistake;             ///< the diagnosis
  std::string_view diagnosis;  ///< the diagnosis in words ("uses sigma(z) where sigma'(z) belongs")
  std::string_view network;    ///< that network ("ordinary, y = 1")
};

/// dL/dU (1, Hidden) and dL/db2 (a scalar): what the output layer's exercise returns.
struct OutputLayerGradients {
  RowVector<double, 4> dU;
  double db2{};
};

/// A skeleton's placeholder: `return your_answer<RowVector<double, 4>>(delta1, net, f);`
/// compiles (its arguments are the exercise's, so that none is unused), and grading it stops
/// the compiler with the name below. At run time it returns NaN in every entry, which
/// print_report() reads as "not filled in yet".
namespace to_do {
inline void this_exercise_is_not_filled_in_yet_replace_your_answer_with_your_code() noexcept {}
}  // namespace to_do

namespace detail {
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr void fill_nan(double& v) noexcept { v = nan; }
template <std::size_t R, std::size_t C>
constexpr void fill_nan(Matrix<double, R, C>& m) noexcept {
  for (double& v : m.data) v = nan;
}
template <std::size_t N>
constexpr void fill_nan(std::array<double, N>& a) noexcept {
  for (double& v : a) v = nan;
}
constexpr void fill_nan(OutputLayerGradients& g) noexcept {
  fill_nan(g.dU);
  fill_nan(g.db2);
}
template <std::size_t In, std::size_t Hidden>
constexpr void fill_nan(Gradients<double, In, Hidden>& g) noexcept {
  fill_nan(g.delta1);
  fill_nan(g.delta2);
  fill_nan(g.dW);
  fill_nan(g.db1);
  fill_nan(g.dU);
  fill_nan(g.db2);
}
template <std::size_t In, std::size_t Hidden>
constexpr void fill_nan(Network<double, In, Hidden>& n) noexcept {
  fill_nan(n.W);
  fill_nan(n.b1);
  fill_nan(n.U);
  fill_nan(n.b2);
}
template <std::size_t In, std::size_t Hidden>
constexpr void fill_nan(keras::Model<double, In, Hidden>& m) noexcept {
  fill_nan(m.hidden.kernel);
  fill_nan(m.hidden.bias);
  fill_nan(m.output.kernel);
  fill_nan(m.output.bias);
}
}  // namespace detail

/// The placeholder of every skeleton. T: the exercise's return type; the arguments are ignored.
template <class T, class... Ignored>
constexpr T your_answer(const Ignored&...) noexcept {
  if (std::is_constant_evaluated()) to_do::this_exercise_is_not_filled_in_yet_replace_your_answer_with_your_code();
  T answer{};
  detail::fill_nan(answer);
  return answer;
}

namespace detail {

// ---- Error bounds of the slides' computation -------------------------------------------------
//
// A correct solution does not reproduce gradproof's bits: it sums in its own order, may use its
// own exp, and evaluates the slides' formulas as written, which lose digits where gradproof's
// do not (δ1 = ŷ − y cancels for a confident answer; σ′ = σ(1 − σ) has an absolute error of
// about u = 2^-53 for a saturated unit, not a relative one). Bounded carries, next to each
// value, a bound e on |(any such computation of it) − (the exact value)|: first-order forward
// error analysis (Higham, Accuracy and Stability of Numerical Algorithms, ch. 3), done on each
// test network while grading. Each operation adds its rounding, u times the magnitude of its
// terms, to the errors it inherits:
//   a ± b:  e_a + e_b + u (|a| + |b|)
//   a b:    |a| e_b + |b| e_a + e_a e_b + u |a b|
//   a / b:  (e_a + |a/b| e_b) / (|b| − e_b) + u |a/b|, and "cannot judge" when e_b > |b|/4
//   a sum of n terms, in ANY order: Σ e_i + n u Σ |t_i|  (the bound γ_{n−1} Σ|t_i| with room)
//   exp(a): e^a (8 u + 2 e_a)(1 + 2 e_a): any exp within 4 ulp (8 u), and a's own error
// So every bound is a mixed one, k u times the magnitude of the terms, not of the result.
// The tolerance of an entry with reference value r (AD's) and bound e is
//   2 e + 12 u |r| + 8 denorm_min:
// the student's value is within e of the exact one; so is AD's, which runs gradproof's own
// forward pass (its exp is within 1 ulp and its sums are sums) and, past it, adds at most 12 u
// of relative error (static_tests/ad_check.hpp derives the 12) and, for δ1 with a soft label,
// the cancellation of its last sum, at most 8 u absolute, which δ1's bound carries; the floor is
// ad_check.hpp's, for gradients in the subnormals. A mistake's numbers are matched with the
// same rule, from its own bound.
inline constexpr double u = 0x1p-53;
inline constexpr double exp_allowance = 8 * u;  // 4 ulp: gradproof::math::exp has 0.53
inline constexpr double ad_relative = 12 * u;
inline constexpr double ad_delta1_absolute = 8 * u;
inline constexpr double floor_bound = 8 * std::numeric_limits<double>::denorm_min();

struct Bounded {
  double v = 0;       ///< the value, computed here from the exact inputs
  double e = 0;       ///< a bound on |any such computation − the exact value|
  bool known = true;  ///< false: a division by a number indistinguishable from 0
};

constexpr double abs(double x) noexcept { return x < 0 ? -x : x; }
constexpr Bounded exact(double v) noexcept { return {v, 0, true}; }
constexpr Bounded unknown() noexcept { return {0, 0, false}; }

constexpr Bounded operator-(const Bounded& a) noexcept { return {-a.v, a.e, a.known}; }
constexpr Bounded operator+(const Bounded& a, const Bounded& b) noexcept {
  return {a.v + b.v, a.e + b.e + u * (abs(a.v) + abs(b.v) + a.e + b.e), a.known && b.known};
}
constexpr Bounded operator-(const Bounded& a, const Bounded& b) noexcept { return a + (-b); }
constexpr Bounded operator*(const Bounded& a, const Bounded& b) noexcept {
  const double p = a.v * b.v;
  const double inherited = abs(a.v) * b.e + abs(b.v) * a.e + a.e * b.e;
  return {p, inherited + u * (abs(p) + inherited), a.known && b.known};
}
constexpr Bounded operator/(const Bounded& a, const Bounded& b) noexcept {
  if (!a.known || !b.known || !(abs(b.v) > 4 * b.e)) return unknown();
  const double q = a.v / b.v;
  const double inherited = (a.e + abs(q) * b.e) / (abs(b.v) - b.e);
  return {q, inherited + u * (abs(q) + inherited), true};
}
/// t_0 + … + t_{N−1} in any order.
template <std::size_t N>
constexpr Bounded sum(const std::array<Bounded, N>& t) noexcept {
  Bounded s{0, 0, true};
  double magnitude = 0;
  for (const Bounded& term : t) {
    s.v += term.v;
    s.e += term.e;
    magnitude += abs(term.v) + term.e;
    s.known = s.known && term.known;
  }
  s.e += static_cast<double>(N) * u * magnitude;
  return s;
}
/// e^a by any exp within 4 ulp. The center is gradproof's exp.
constexpr Bounded exp(const Bounded& a) noexcept {
  if (!a.known || a.e > 0.25) return unknown();
  const double v = math::exp(a.v);
  return {v, v * (exp_allowance + 2 * a.e) * (1 + 2 * a.e) + u * v, true};
}
/// σ(a) = 1 / (1 + e^−a), as the slides define it.
constexpr Bounded sigmoid(const Bounded& a) noexcept { return exact(1) / (exact(1) + exp(-a)); }

// ---- The test networks -----------------------------------------------------------------------

/// One test case: a network, a sample, a learning rate.
struct Case {
  Network<double> net;
  ColVector<double, 3> x;
  double y;
  double eta;
  std::string_view name;
};

// The ordinary network: every entry distinct, so that the entries of each gradient are distinct
// and a permutation of them can be told from the right order.
inline constexpr Network<double> ordinary_net{{{0.5, -0.3, 0.8, -1.2, 0.4, 0.1, 0.7, 0.9, -0.6, -0.2, -0.8, 1.1}},
                                              {{0.1, -0.2, 0.3, -0.4}},
                                              {{1.3, -0.7, 0.9, -1.1}},
                                              0.2};
inline constexpr ColVector<double, 3> ordinary_x{{0.6, -1.4, 0.9}};
// The docs' worked example (worked_example.hpp), written out: x = (0.75, -1.25, 0.625).
inline constexpr Network<double> worked_net{
    {{0.5, -0.25, 0.125, -0.375, 0.625, 0.1875, 0.0625, 0.3125, -0.5625, -0.75, -0.125, 0.4375}},
    {{0.125, -0.0625, 0.25, -0.1875}},
    {{0.9375, -0.6875, 0.5625, -0.8125}},
    0.09375};
inline constexpr ColVector<double, 3> worked_x{{0.75, -1.25, 0.625}};
// Another ordinary network, with other signs and sizes.
inline constexpr Network<double> second_net{{{-0.9, 0.35, 1.4, 0.6, -1.1, -0.45, 1.25, 0.15, 0.55, -0.7, 1.05, -0.25}},
                                            {{-0.3, 0.45, -0.15, 0.05}},
                                            {{-0.85, 1.6, 0.4, -1.35}},
                                            -0.35};
inline constexpr ColVector<double, 3> second_x{{-1.1, 0.4, 1.7}};
// Every hidden unit saturated: with x = (1, −1, 0.5), z = (37, −33, 33, −35).
inline constexpr Network<double> hidden_saturated_net{
    {{20, -15, 4, -18, 12, -6, 16, -16, 2, -25, 10, 0}}, {}, {{0.8, -0.6, 1.1, -0.9}}, 0.1};
inline constexpr ColVector<double, 3> saturating_x{{1, -1, 0.5}};
// The output saturated, θ = ±33.4: the ordinary hidden layer, U = ±(15, 13, 16, 12.5), b2 = ±4.
// ŷ is then within about 3e-15 of 1 or 0 but not 1 or 0, so that 1 − ŷ and ŷ stay nonzero
// for a student's formula that divides by them.
inline constexpr Network<double> output_saturated_net{ordinary_net.W, ordinary_net.b1, {{15, 13, 16, 12.5}}, 4};
inline constexpr Network<double> output_saturated_negative_net{
    ordinary_net.W, ordinary_net.b1, {{-15, -13, -16, -12.5}}, -4};
// Hidden and output saturated: h rounds to (1, 0, 1, 0), θ = 16 + 17 = 33.
inline constexpr Network<double> both_saturated_net{hidden_saturated_net.W, {}, {{16, -16, 17, -17}}, 0};

inline constexpr std::size_t battery_size = 12;
inline constexpr std::array<Case, battery_size> battery{{
    {ordinary_net, ordinary_x, 1.0, 0.5, "ordinary, y = 1"},
    {ordinary_net, ordinary_x, 0.0, 0.125, "ordinary, y = 0"},
    {ordinary_net, ordinary_x, 0.3, 0.25, "ordinary, soft label y = 0.3"},
    {worked_net, worked_x, 1.0, 0.125, "the docs' worked example, y = 1"},
    {second_net, second_x, 0.6, 0.375, "a second ordinary network, soft label y = 0.6"},
    {hidden_saturated_net, saturating_x, 1.0, 0.5, "every hidden unit saturated, y = 1"},
    {hidden_saturated_net, saturating_x, 0.0, 0.25, "every hidden unit saturated, y = 0"},
    {output_saturated_net, ordinary_x, 1.0, 0.5, "the output saturated, theta = 33, y = 1 (confident, right)"},
    {output_saturated_net, ordinary_x, 0.0, 0.125, "the output saturated, theta = 33, y = 0 (confident, wrong)"},
    {output_saturated_negative_net, ordinary_x, 1.0, 0.25,
     "the output saturated, theta = -33, y = 1 (confident, wrong)"},
    {output_saturated_negative_net, ordinary_x, 0.0, 0.5,
     "the output saturated, theta = -33, y = 0 (confident, right)"},
    {both_saturated_net, saturating_x, 0.0, 0.125, "hidden units and output saturated, y = 0"},
}};

// ---- The quantities a grader compares --------------------------------------------------------

/// Every quantity any grader compares, in the slides' order within each grader.
enum class Quantity : unsigned {
  delta1,
  delta2,
  dW,
  db1,
  dU,
  db2,
  W_next,
  b1_next,
  U_next,
  b2_next,
  hidden_kernel,
  hidden_bias,
  output_kernel,
  output_bias,
  count
};
inline constexpr std::size_t quantity_count = static_cast<std::size_t>(Quantity::count);

struct QuantityInfo {
  std::string_view name;  ///< Grade::quantity
  std::size_t rows, cols;
  std::string_view shape;  ///< for the report
};
inline constexpr std::array<QuantityInfo, quantity_count> quantities{{
    {"delta1", 1, 1, "a scalar"},
    {"delta2", 1, 4, "(1, 4), a row"},
    {"dW", 4, 3, "(4, 3), like W"},
    {"db1", 4, 1, "(4, 1), like b1"},
    {"dU", 1, 4, "(1, 4), like U"},
    {"db2", 1, 1, "a scalar, like b2"},
    {"W_next", 4, 3, "(4, 3): W after the step"},
    {"b1_next", 4, 1, "(4, 1): b1 after the step"},
    {"U_next", 1, 4, "(1, 4): U after the step"},
    {"b2_next", 1, 1, "a scalar: b2 after the step"},
    {"hidden.kernel", 3, 4, "(3, 4): the gradient of Keras's hidden kernel W^T"},
    {"hidden.bias", 4, 1, "(4,): the gradient of Keras's hidden bias"},
    {"output.kernel", 4, 1, "(4, 1): the gradient of Keras's output kernel U^T"},
    {"output.bias", 1, 1, "(1,): the gradient of Keras's output bias"},
}};
constexpr const QuantityInfo& info(Quantity q) noexcept { return quantities[static_cast<std::size_t>(q)]; }
constexpr std::size_t size_of(Quantity q) noexcept { return info(q).rows * info(q).cols; }

/// A quantity's entries, row by row (a 1-D bias: its entries; a scalar: entry 0).
using Entries = std::array<double, 12>;
using BoundedEntries = std::array<Bounded, 12>;

// ---- The catalogue of mistakes ---------------------------------------------------------------

/// A diagnosis: the Mistake, its words (Grade::diagnosis) and, for a compile error, the type
/// whose name says it (verdict.hpp's words below, looked up by index).
struct DiagnosisInfo {
  Mistake mistake;
  std::string_view text;
};
enum class Diagnosis : unsigned {
  none,
  wrong_sign,
  step_uphill,
  dL_dy_hat,
  sigma_for_sigma_prime,
  missing_delta1,
  missing_U,
  missing_sigma_prime,
  erratum_2,
  missing_x,
  missing_delta2,
  outer_x_delta2_row_by_row,
  erratum_4,
  db1_is_delta1,
  missing_h,
  db2_is_sum_of_delta2,
  missing_eta,
  kernel_in_W_layout,
  permutation,
  other,
  not_filled_in,
  count
};
inline constexpr std::array<DiagnosisInfo, static_cast<std::size_t>(Diagnosis::count)> diagnoses{{
    {Mistake::none, ""},
    {Mistake::wrong_sign, "has the wrong sign"},
    {Mistake::wrong_sign, "has the wrong sign: the step goes uphill, Omega + eta dL/dOmega"},
    {Mistake::missing_factor,
     "uses dL/dy_hat where delta1 = dL/dtheta belongs: it is missing the factor dy_hat/dtheta = sigma'(theta)"},
    {Mistake::sigma_for_sigma_prime, "uses sigma(z) where sigma'(z) belongs"},
    {Mistake::missing_factor, "is missing the factor delta1"},
    {Mistake::missing_factor, "is missing the factor U"},
    {Mistake::missing_factor, "is missing the factor sigma'(z)"},
    {Mistake::swapped_entries, "uses sigma'(z2) for units 3 and 4, as eq. (5) prints it (erratum 2)"},
    {Mistake::missing_factor, "is missing the factor x"},
    {Mistake::missing_factor, "is missing the factor delta2"},
    {Mistake::swapped_entries,
     "uses outer(x, delta2), a (3, 4), read row by row as (4, 3): the right products in the wrong places"},
    {Mistake::swapped_entries, "uses sigma'(z1) in row 4 where sigma'(z4) belongs, as eq. (7) prints it (erratum 4)"},
    {Mistake::wrong_bias_gradient, "uses delta1, the gradient of the output bias b2, where dL/db1 = delta2^T belongs"},
    {Mistake::missing_factor, "is missing the factor h"},
    {Mistake::wrong_bias_gradient,
     "uses the sum of delta2, the gradient of the hidden bias b1 summed, where dL/db2 = delta1 belongs"},
    {Mistake::missing_factor, "is missing the factor eta"},
    {Mistake::swapped_entries,
     "holds dL/dW's entries in W's row-major order, but the kernel is W^T, so its gradient is (dL/dW)^T"},
    {Mistake::swapped_entries, "has the right numbers in the wrong places"},
    {Mistake::other, "is wrong, and matches none of the mistakes the grader knows on every test network"},
    {Mistake::not_filled_in, "is not filled in yet: your_answer() still stands where your code belongs"},
}};
constexpr const DiagnosisInfo& info(Diagnosis d) noexcept { return diagnoses[static_cast<std::size_t>(d)]; }

/// One way to get the computation wrong, at one place of the slides' chain; everything after
/// that place is computed right from the wrong value, as a student's code would.
enum class Variant : unsigned {
  right,
  delta1_sign,
  delta1_is_dL_dy_hat,
  delta2_sign,
  delta2_sigma,
  delta2_no_delta1,
  delta2_no_U,
  delta2_no_sigma_prime,
  delta2_erratum_2,
  dW_sign,
  dW_no_x,
  dW_no_delta2,
  dW_outer_x_delta2_row_by_row,
  dW_erratum_4,
  db1_sign,
  db1_is_delta1,
  dU_sign,
  dU_no_delta1,
  dU_no_h,
  db2_sign,
  db2_no_delta1,
  db2_sum_delta2,
  step_sign,
  step_no_eta,
  kernel_in_W_layout,
  count
};
inline constexpr std::size_t variant_count = static_cast<std::size_t>(Variant::count);

inline constexpr std::array<Diagnosis, variant_count> diagnosis_of_variant{{
    Diagnosis::none,
    Diagnosis::wrong_sign,
    Diagnosis::dL_dy_hat,
    Diagnosis::wrong_sign,
    Diagnosis::sigma_for_sigma_prime,
    Diagnosis::missing_delta1,
    Diagnosis::missing_U,
    Diagnosis::missing_sigma_prime,
    Diagnosis::erratum_2,
    Diagnosis::wrong_sign,
    Diagnosis::missing_x,
    Diagnosis::missing_delta2,
    Diagnosis::outer_x_delta2_row_by_row,
    Diagnosis::erratum_4,
    Diagnosis::wrong_sign,
    Diagnosis::db1_is_delta1,
    Diagnosis::wrong_sign,
    Diagnosis::missing_delta1,
    Diagnosis::missing_h,
    Diagnosis::wrong_sign,
    Diagnosis::missing_delta1,
    Diagnosis::db2_is_sum_of_delta2,
    Diagnosis::step_uphill,
    Diagnosis::missing_eta,
    Diagnosis::kernel_in_W_layout,
}};

/// The candidate mistakes of each quantity, in the order they are tried (a list ends at
/// Variant::right), and whether a permutation of the right entries is tried after them.
struct Candidates {
  std::array<Variant, 13> variants;
  bool permutation;
};
inline constexpr std::array<Candidates, quantity_count> candidates{{
    // delta1
    {{Variant::delta1_sign, Variant::delta1_is_dL_dy_hat}, false},
    // delta2
    {{Variant::delta2_sign, Variant::delta2_sigma, Variant::delta2_no_delta1, Variant::delta2_no_U,
      Variant::delta2_no_sigma_prime, Variant::delta2_erratum_2},
     true},
    // dW
    {{Variant::dW_sign, Variant::dW_no_x, Variant::dW_no_delta2, Variant::dW_outer_x_delta2_row_by_row,
      Variant::dW_erratum_4},
     true},
    // db1
    {{Variant::db1_sign, Variant::db1_is_delta1}, true},
    // dU
    {{Variant::dU_sign, Variant::dU_no_delta1, Variant::dU_no_h}, true},
    // db2
    {{Variant::db2_sign, Variant::db2_no_delta1, Variant::db2_sum_delta2}, false},
    // W_next
    {{Variant::step_sign, Variant::step_no_eta, Variant::delta1_is_dL_dy_hat, Variant::delta2_sigma,
      Variant::delta2_no_delta1, Variant::delta2_no_U, Variant::delta2_no_sigma_prime, Variant::delta2_erratum_2,
      Variant::dW_no_x, Variant::dW_no_delta2, Variant::dW_outer_x_delta2_row_by_row, Variant::dW_erratum_4},
     false},
    // b1_next
    {{Variant::step_sign, Variant::step_no_eta, Variant::db1_is_delta1, Variant::delta1_is_dL_dy_hat,
      Variant::delta2_sigma, Variant::delta2_no_delta1, Variant::delta2_no_U, Variant::delta2_no_sigma_prime,
      Variant::delta2_erratum_2},
     false},
    // U_next
    {{Variant::step_sign, Variant::step_no_eta, Variant::delta1_is_dL_dy_hat, Variant::dU_no_delta1, Variant::dU_no_h},
     false},
    // b2_next
    {{Variant::step_sign, Variant::step_no_eta, Variant::delta1_is_dL_dy_hat, Variant::db2_no_delta1,
      Variant::db2_sum_delta2},
     false},
    // hidden.kernel
    {{Variant::dW_sign, Variant::delta2_sigma, Variant::dW_no_x, Variant::dW_no_delta2, Variant::delta2_no_delta1,
      Variant::delta2_no_U, Variant::delta2_no_sigma_prime, Variant::kernel_in_W_layout, Variant::delta1_is_dL_dy_hat},
     true},
    // hidden.bias
    {{Variant::db1_sign, Variant::delta2_sigma, Variant::db1_is_delta1, Variant::delta2_no_delta1, Variant::delta2_no_U,
      Variant::delta2_no_sigma_prime, Variant::delta1_is_dL_dy_hat},
     true},
    // output.kernel
    {{Variant::dU_sign, Variant::dU_no_delta1, Variant::dU_no_h, Variant::delta1_is_dL_dy_hat}, true},
    // output.bias
    {{Variant::db2_sign, Variant::db2_sum_delta2, Variant::db2_no_delta1, Variant::delta1_is_dL_dy_hat}, false},
}};

// ---- The slides' computation, with its error bounds, right or with one mistake ----------------

/// The forward pass of the slides: z = W x + b1, h = σ(z), σ′(z) = h (1 − h), θ = U h + b2,
/// ŷ = σ(θ), each with its bound.
struct BoundedForward {
  std::array<Bounded, 4> z, h, sigma_prime;
  Bounded theta, y_hat;
};
constexpr BoundedForward bounded_forward(const Case& c) noexcept {
  BoundedForward f{};
  std::array<Bounded, 5> logit_terms{};
  for (std::size_t i = 0; i < 4; ++i) {
    std::array<Bounded, 4> terms{};
    for (std::size_t j = 0; j < 3; ++j) terms[j] = exact(c.net.W(i, j)) * exact(c.x.data[j]);
    terms[3] = exact(c.net.b1.data[i]);
    f.z[i] = sum(terms);
    f.h[i] = sigmoid(f.z[i]);
    f.sigma_prime[i] = f.h[i] * (exact(1) - f.h[i]);
    logit_terms[i] = exact(c.net.U.data[i]) * f.h[i];
  }
  logit_terms[4] = exact(c.net.b2);
  f.theta = sum(logit_terms);
  f.y_hat = sigmoid(f.theta);
  return f;
}

/// The deltas as the slides compute them, with `variant`'s mistake if it is in them.
struct BoundedDeltas {
  Bounded delta1;
  std::array<Bounded, 4> delta2;
};
constexpr BoundedDeltas bounded_deltas(const Case& c, const BoundedForward& f, Variant variant) noexcept {
  using V = Variant;
  BoundedDeltas d{};
  const Bounded y = exact(c.y);
  d.delta1 = variant == V::delta1_sign ? y - f.y_hat : f.y_hat - y;
  d.delta1.e += ad_delta1_absolute;
  if (variant == V::delta1_is_dL_dy_hat) d.delta1 = -y / f.y_hat + (exact(1) - y) / (exact(1) - f.y_hat);
  for (std::size_t i = 0; i < 4; ++i) {
    const Bounded U_i = exact(c.net.U.data[i]);
    switch (variant) {
      case V::delta2_sigma:
        d.delta2[i] = d.delta1 * U_i * f.h[i];
        break;
      case V::delta2_no_delta1:
        d.delta2[i] = U_i * f.sigma_prime[i];
        break;
      case V::delta2_no_U:
        d.delta2[i] = d.delta1 * f.sigma_prime[i];
        break;
      case V::delta2_no_sigma_prime:
        d.delta2[i] = d.delta1 * U_i;
        break;
      case V::delta2_erratum_2:
        d.delta2[i] = d.delta1 * U_i * f.sigma_prime[i < 2 ? i : 1];
        break;
      default:
        d.delta2[i] = d.delta1 * U_i * f.sigma_prime[i];
        break;
    }
    if (variant == V::delta2_sign) d.delta2[i] = -d.delta2[i];
  }
  return d;
}

/// ∂L/∂W's entry (i, j), with `variant`'s mistake if it is in it.
constexpr Bounded bounded_dW(const Case& c, const BoundedForward& f, const BoundedDeltas& d, Variant variant,
                             std::size_t i, std::size_t j) noexcept {
  using V = Variant;
  const Bounded x_j = exact(c.x.data[j]);
  Bounded entry{};
  switch (variant) {
    case V::dW_no_x:
      entry = d.delta2[i];
      break;
    case V::dW_no_delta2:
      entry = x_j;
      break;
    case V::dW_outer_x_delta2_row_by_row: {
      const std::size_t flat = i * 3 + j;  // (x δ2)'s entry (flat / 4, flat % 4)
      entry = exact(c.x.data[flat / 4]) * d.delta2[flat % 4];
      break;
    }
    case V::dW_erratum_4:
      entry = i == 3 ? d.delta1 * exact(c.net.U.data[3]) * f.sigma_prime[0] * x_j : d.delta2[i] * x_j;
      break;
    default:
      entry = d.delta2[i] * x_j;
      break;
  }
  return variant == V::dW_sign ? -entry : entry;
}
constexpr Bounded bounded_db1(const BoundedDeltas& d, Variant variant, std::size_t i) noexcept {
  const Bounded entry = variant == Variant::db1_is_delta1 ? d.delta1 : d.delta2[i];
  return variant == Variant::db1_sign ? -entry : entry;
}
constexpr Bounded bounded_dU(const BoundedForward& f, const BoundedDeltas& d, Variant variant, std::size_t i) noexcept {
  const Bounded entry = variant == Variant::dU_no_delta1 ? f.h[i]
                        : variant == Variant::dU_no_h    ? d.delta1
                                                         : d.delta1 * f.h[i];
  return variant == Variant::dU_sign ? -entry : entry;
}
constexpr Bounded bounded_db2(const BoundedDeltas& d, Variant variant) noexcept {
  const Bounded entry = variant == Variant::db2_no_delta1    ? exact(1)
                        : variant == Variant::db2_sum_delta2 ? sum(d.delta2)
                                                             : d.delta1;
  return variant == Variant::db2_sign ? -entry : entry;
}
/// Ω ← Ω − η ∂L/∂Ω (slide 8), or the step's own mistakes.
constexpr Bounded bounded_step(double omega, const Bounded& gradient, double eta, Variant variant) noexcept {
  if (variant == Variant::step_no_eta) return exact(omega) - gradient;
  if (variant == Variant::step_sign) return exact(omega) + exact(eta) * gradient;
  return exact(omega) - exact(eta) * gradient;
}

/// The entries of quantity q, with their bounds, as the slides compute them with `variant`'s
/// mistake at its place (everything after that place computed right from the wrong value, as a
/// student's code would).
constexpr BoundedEntries predict(const Case& c, const BoundedForward& f, Variant variant, Quantity q) noexcept {
  using Q = Quantity;
  const BoundedDeltas d = bounded_deltas(c, f, variant);
  BoundedEntries out{};
  switch (q) {
    case Q::delta1:
      out[0] = d.delta1;
      break;
    case Q::delta2:
      for (std::size_t i = 0; i < 4; ++i) out[i] = d.delta2[i];
      break;
    case Q::dW:
      for (std::size_t k = 0; k < 12; ++k) out[k] = bounded_dW(c, f, d, variant, k / 3, k % 3);
      break;
    case Q::db1:
    case Q::hidden_bias:
      for (std::size_t i = 0; i < 4; ++i) out[i] = bounded_db1(d, variant, i);
      break;
    case Q::dU:
    case Q::output_kernel:
      for (std::size_t i = 0; i < 4; ++i) out[i] = bounded_dU(f, d, variant, i);
      break;
    case Q::db2:
    case Q::output_bias:
      out[0] = bounded_db2(d, variant);
      break;
    case Q::W_next:
      for (std::size_t k = 0; k < 12; ++k)
        out[k] = bounded_step(c.net.W.data[k], bounded_dW(c, f, d, variant, k / 3, k % 3), c.eta, variant);
      break;
    case Q::b1_next:
      for (std::size_t i = 0; i < 4; ++i)
        out[i] = bounded_step(c.net.b1.data[i], bounded_db1(d, variant, i), c.eta, variant);
      break;
    case Q::U_next:
      for (std::size_t i = 0; i < 4; ++i)
        out[i] = bounded_step(c.net.U.data[i], bounded_dU(f, d, variant, i), c.eta, variant);
      break;
    case Q::b2_next:
      out[0] = bounded_step(c.net.b2, bounded_db2(d, variant), c.eta, variant);
      break;
    case Q::hidden_kernel:
      // Keras's hidden kernel is Wᵀ (3, 4): its gradient's entry (j, i) is ∂L/∂W's (i, j). The
      // layout mistake pours ∂L/∂W's storage, row by row, into the kernel's.
      for (std::size_t j = 0; j < 3; ++j)
        for (std::size_t i = 0; i < 4; ++i) {
          const std::size_t flat = j * 4 + i;
          out[flat] = variant == Variant::kernel_in_W_layout ? bounded_dW(c, f, d, variant, flat / 3, flat % 3)
                                                             : bounded_dW(c, f, d, variant, i, j);
        }
      break;
    case Q::count:
      break;
  }
  return out;
}

// ---- The reference of each test network ------------------------------------------------------

/// Everything a grader needs of one test network: the inputs it hands to the student (the
/// forward pass and the derivatives, for the exercises that start from them), the expected
/// value and tolerance of every entry, and the slides' forward pass with its bounds (for the
/// mistakes' numbers, computed only when an answer is wrong).
struct Reference {
  Case c;
  ForwardPass<double, 3, 4> forward;  ///< gradproof::forward, the input of the per-equation exercises
  Gradients<double, 3, 4> ad;         ///< ad_gradients: the independent derivatives
  BoundedForward bounded;
  std::array<Entries, quantity_count> expected;
  std::array<Entries, quantity_count> tolerance;
};

constexpr double tolerance_of(const Bounded& b, double reference) noexcept {
  return 2 * b.e + ad_relative * abs(reference) + floor_bound;
}

/// `g` (gradients in gradproof's layout) as the entries of delta1 … db2 and of Keras's layout.
constexpr void put_gradients(std::array<Entries, quantity_count>& out, const Gradients<double, 3, 4>& g) noexcept {
  const auto at = [&out](Quantity q) -> Entries& { return out[static_cast<std::size_t>(q)]; };
  at(Quantity::delta1)[0] = g.delta1;
  for (std::size_t i = 0; i < 4; ++i) {
    at(Quantity::delta2)[i] = g.delta2.data[i];
    at(Quantity::db1)[i] = g.db1.data[i];
    at(Quantity::dU)[i] = g.dU.data[i];
    at(Quantity::hidden_bias)[i] = g.db1.data[i];
    at(Quantity::output_kernel)[i] = g.dU.data[i];
  }
  for (std::size_t k = 0; k < 12; ++k) at(Quantity::dW)[k] = g.dW.data[k];
  for (std::size_t j = 0; j < 3; ++j)
    for (std::size_t i = 0; i < 4; ++i) at(Quantity::hidden_kernel)[j * 4 + i] = g.dW(i, j);
  at(Quantity::db2)[0] = g.db2;
  at(Quantity::output_bias)[0] = g.db2;
}

constexpr Reference make_reference(const Case& c) noexcept {
  Reference r{};
  r.c = c;
  r.forward = forward(c.net, c.x);
  r.ad = ad_gradients(c.net, c.x, c.y);
  r.bounded = bounded_forward(c);
  put_gradients(r.expected, r.ad);
  // The step from AD's gradients: Ω − η ∂L/∂Ω, entry by entry.
  const auto at = [&r](Quantity q) -> Entries& { return r.expected[static_cast<std::size_t>(q)]; };
  for (std::size_t k = 0; k < 12; ++k) at(Quantity::W_next)[k] = c.net.W.data[k] - c.eta * r.ad.dW.data[k];
  for (std::size_t i = 0; i < 4; ++i) {
    at(Quantity::b1_next)[i] = c.net.b1.data[i] - c.eta * r.ad.db1.data[i];
    at(Quantity::U_next)[i] = c.net.U.data[i] - c.eta * r.ad.dU.data[i];
  }
  at(Quantity::b2_next)[0] = c.net.b2 - c.eta * r.ad.db2;
  for (std::size_t q = 0; q < quantity_count; ++q) {
    const BoundedEntries right = predict(c, r.bounded, Variant::right, static_cast<Quantity>(q));
    for (std::size_t k = 0; k < size_of(static_cast<Quantity>(q)); ++k)
      r.tolerance[q][k] = tolerance_of(right[k], r.expected[q][k]);
  }
  return r;
}

/// One constant evaluation per test network, so that each stays well within the compilers'
/// default limits (docs/exercises.md gives the cost), made once per translation unit that grades.
template <std::size_t N>
inline constexpr Reference reference = make_reference(battery[N]);

template <class, std::size_t... N>
constexpr std::array<Reference, battery_size> all_references(std::index_sequence<N...>) noexcept {
  return {{reference<N>...}};
}
// A template whose initializer depends on its parameter, named below through the graders'
// own parameters (references_of<Q>): so evaluated only where a grader is instantiated, not
// wherever this header is included (a non-dependent use in a template would bind it there).
template <class T = void>
inline constexpr std::array<Reference, battery_size> references =
    all_references<T>(std::make_index_sequence<battery_size>{});
template <std::size_t Q>
inline constexpr const std::array<Reference, battery_size>& references_of =
    references<std::conditional_t<(Q > 0), void, int>>;

// ---- Judging ------------------------------------------------------------------------------------

/// A student's answers on one test network: the entries of each quantity the grader compares.
template <std::size_t Q>
using Sheet = std::array<Entries, Q>;

constexpr bool within(double got, double center, double tolerance) noexcept {
  // Written so that a NaN is never within.
  return got - center <= tolerance && center - got <= tolerance;
}

/// The mistake's numbers for quantity q match the student's on every test network.
template <std::size_t Q>
constexpr bool matches_variant(Quantity q, std::size_t slot, Variant v, const std::array<Sheet<Q>, battery_size>& got,
                               const std::array<Reference, battery_size>& refs) noexcept {
  for (std::size_t n = 0; n < battery_size; ++n) {
    const BoundedEntries p = predict(refs[n].c, refs[n].bounded, v, q);
    for (std::size_t k = 0; k < size_of(q); ++k) {
      if (!p[k].known) continue;  // the mistake's number is undefined here: no evidence either way
      if (!within(got[n][slot][k], p[k].v, tolerance_of(p[k], p[k].v))) return false;
    }
  }
  return true;
}

/// Kuhn's augmenting path: entry k of the student's finds a right entry j that it is within
/// tolerance of, taking j from the entry that holds it if that one can move.
constexpr bool augment(std::size_t k, const std::array<std::array<bool, 12>, 12>& close, std::size_t size,
                       std::array<bool, 12>& seen, std::array<std::size_t, 12>& holder) noexcept {
  for (std::size_t j = 0; j < size; ++j) {
    if (!close[k][j] || seen[j]) continue;
    seen[j] = true;
    if (holder[j] == size || augment(holder[j], close, size, seen, holder)) {
      holder[j] = k;
      return true;
    }
  }
  return false;
}

/// `got` holds the `size` right entries in some order: each within tolerance[j] + slack[k] of a
/// right entry j, one to one (a matching, not a greedy pairing: near-zero entries of a saturated
/// network are within tolerance of several).
constexpr bool in_some_order(const Entries& got, const Entries& slack, const Entries& expected,
                             const Entries& tolerance, std::size_t size) noexcept {
  std::array<std::array<bool, 12>, 12> close{};
  for (std::size_t k = 0; k < size; ++k)
    for (std::size_t j = 0; j < size; ++j) close[k][j] = within(got[k], expected[j], tolerance[j] + slack[k]);
  std::array<std::size_t, 12> holder{};
  for (std::size_t& h : holder) h = size;
  for (std::size_t k = 0; k < size; ++k) {
    std::array<bool, 12> seen{};
    if (!augment(k, close, size, seen, holder)) return false;
  }
  return true;
}

/// On every test network, the student's entries are the right ones in some order.
template <std::size_t Q>
constexpr bool matches_permutation(Quantity q, std::size_t slot, const std::array<Sheet<Q>, battery_size>& got,
                                   const std::array<Reference, battery_size>& refs) noexcept {
  const std::size_t qi = static_cast<std::size_t>(q);
  for (std::size_t n = 0; n < battery_size; ++n)
    if (!in_some_order(got[n][slot], Entries{}, refs[n].expected[qi], refs[n].tolerance[qi], size_of(q))) return false;
  return true;
}

constexpr bool is_nan(double v) noexcept { return gradproof::detail::is_nan(v); }

/// The grade of the student's sheets for the quantities `order`, in that order.
template <std::size_t Q>
constexpr Grade judge(const std::array<Quantity, Q>& order, const std::array<Sheet<Q>, battery_size>& got) noexcept {
  const std::array<Reference, battery_size>& refs = references_of<Q>;
  for (std::size_t slot = 0; slot < Q; ++slot) {
    const Quantity q = order[slot];
    const std::size_t qi = static_cast<std::size_t>(q);
    const std::size_t cols = info(q).cols;
    for (std::size_t n = 0; n < battery_size; ++n) {
      for (std::size_t k = 0; k < size_of(q); ++k) {
        const double g = got[n][slot][k];
        const double e = refs[n].expected[qi][k];
        if (within(g, e, refs[n].tolerance[qi][k])) continue;
        Grade grade{false,         info(q).name, k / cols, k % cols, e, g, Mistake::other, info(Diagnosis::other).text,
                    refs[n].c.name};
        Diagnosis d = Diagnosis::other;
        if (is_nan(g)) {
          d = Diagnosis::not_filled_in;
        } else {
          const Candidates& list = candidates[qi];
          for (const Variant v : list.variants) {
            if (v == Variant::right) break;
            if (matches_variant(q, slot, v, got, refs)) {
              d = diagnosis_of_variant[static_cast<std::size_t>(v)];
              break;
            }
          }
          if (d == Diagnosis::other && list.permutation && matches_permutation(q, slot, got, refs))
            d = Diagnosis::permutation;
        }
        grade.mistake = info(d).mistake;
        grade.diagnosis = info(d).text;
        return grade;
      }
    }
  }
  return Grade{true, {}, 0, 0, 0, 0, Mistake::none, {}, {}};
}

constexpr Entries entries_of(double v) noexcept {
  Entries e{};
  e[0] = v;
  return e;
}
template <std::size_t R, std::size_t C>
constexpr Entries entries_of(const Matrix<double, R, C>& m) noexcept {
  static_assert(R * C <= 12);
  Entries e{};
  for (std::size_t k = 0; k < R * C; ++k) e[k] = m.data[k];
  return e;
}
template <std::size_t N>
constexpr Entries entries_of(const std::array<double, N>& a) noexcept {
  static_assert(N <= 12);
  Entries e{};
  for (std::size_t k = 0; k < N; ++k) e[k] = a[k];
  return e;
}

/// Runs the student's function on every test network: answer(reference) gives its sheet.
template <std::size_t Q, class Answer>
constexpr Grade grade_with(const std::array<Quantity, Q>& order, Answer answer) {
  std::array<Sheet<Q>, battery_size> got{};
  for (std::size_t n = 0; n < battery_size; ++n) got[n] = answer(references_of<Q>[n]);
  return judge(order, got);
}

}  // namespace detail

// ---- The graders -------------------------------------------------------------------------------
// Each takes the student's function and runs it on every test network with that network's
// inputs. The per-equation exercises get the exact inputs of their equation (gradproof's forward
// pass, AD's deltas), so that a mistake is the equation's own.

/// δ1 = ∂L/∂θ (slide 5, eq. 3). F: (const ForwardPass<double, 3, 4>& f, double y) -> double.
template <class F>
constexpr Grade grade_delta1(F student) {
  return detail::grade_with<1>({detail::Quantity::delta1}, [&student](const detail::Reference& r) {
    const double delta1 = student(r.forward, r.c.y);
    return detail::Sheet<1>{detail::entries_of(delta1)};
  });
}

/// δ2 = ∂L/∂z = δ1 U ∘ σ′(z)ᵀ (slides 6-7, eqs. 4-6), a (1, 4) row.
/// F: (double delta1, const Network<double>& net, const ForwardPass<double, 3, 4>& f) -> RowVector<double, 4>.
template <class F>
constexpr Grade grade_delta2(F student) {
  return detail::grade_with<1>({detail::Quantity::delta2}, [&student](const detail::Reference& r) {
    const RowVector<double, 4> delta2 = student(r.ad.delta1, r.c.net, r.forward);
    return detail::Sheet<1>{detail::entries_of(delta2)};
  });
}

/// ∂L/∂W = δ2ᵀ ⊗ xᵀ (slide 9, eq. 7), (4, 3) like W.
/// F: (const RowVector<double, 4>& delta2, const ColVector<double, 3>& x) -> Matrix<double, 4, 3>.
template <class F>
constexpr Grade grade_dW(F student) {
  return detail::grade_with<1>({detail::Quantity::dW}, [&student](const detail::Reference& r) {
    const Matrix<double, 4, 3> dW = student(r.ad.delta2, r.c.x);
    return detail::Sheet<1>{detail::entries_of(dW)};
  });
}

/// ∂L/∂b1 = δ2ᵀ (slide 11), (4, 1) like b1.
/// F: (double delta1, const RowVector<double, 4>& delta2) -> ColVector<double, 4>.
template <class F>
constexpr Grade grade_db1(F student) {
  return detail::grade_with<1>({detail::Quantity::db1}, [&student](const detail::Reference& r) {
    const ColVector<double, 4> db1 = student(r.ad.delta1, r.ad.delta2);
    return detail::Sheet<1>{detail::entries_of(db1)};
  });
}

/// ∂L/∂U = δ1 hᵀ (slide 10), (1, 4) like U, and ∂L/∂b2 = δ1 (slide 11), a scalar.
/// F: (double delta1, const RowVector<double, 4>& delta2, const ForwardPass<double, 3, 4>& f) -> OutputLayerGradients.
template <class F>
constexpr Grade grade_dU_db2(F student) {
  return detail::grade_with<2>({detail::Quantity::dU, detail::Quantity::db2}, [&student](const detail::Reference& r) {
    const OutputLayerGradients g = student(r.ad.delta1, r.ad.delta2, r.forward);
    return detail::Sheet<2>{detail::entries_of(g.dU), detail::entries_of(g.db2)};
  });
}

/// The whole backward pass: δ1, δ2, ∂L/∂W, ∂L/∂b1, ∂L/∂U, ∂L/∂b2 (slides 5-11), from the network
/// and the sample. F: (const Network<double, 3, 4>&, const ColVector<double, 3>&, double y) -> Gradients<double, 3, 4>.
template <class F>
constexpr Grade grade_backward(F student) {
  using detail::Quantity;
  return detail::grade_with<6>(
      {Quantity::delta1, Quantity::delta2, Quantity::dW, Quantity::db1, Quantity::dU, Quantity::db2},
      [&student](const detail::Reference& r) {
        const Gradients<double, 3, 4> g = student(r.c.net, r.c.x, r.c.y);
        return detail::Sheet<6>{detail::entries_of(g.delta1), detail::entries_of(g.delta2), detail::entries_of(g.dW),
                                detail::entries_of(g.db1),    detail::entries_of(g.dU),     detail::entries_of(g.db2)};
      });
}

/// The SGD update Ω ← Ω − η ∂L/∂Ω of every parameter (slide 8), from the gradients.
/// F: (const Network<double>& net, const Gradients<double>& g, double eta) -> Network<double>.
template <class F>
constexpr Grade grade_sgd_update(F student) {
  using detail::Quantity;
  return detail::grade_with<4>({Quantity::W_next, Quantity::b1_next, Quantity::U_next, Quantity::b2_next},
                               [&student](const detail::Reference& r) {
                                 const Network<double> next = student(r.c.net, r.ad, r.c.eta);
                                 return detail::Sheet<4>{detail::entries_of(next.W), detail::entries_of(next.b1),
                                                         detail::entries_of(next.U), detail::entries_of(next.b2)};
                               });
}

/// One whole training step: forward, backward, update (slides 2-11).
/// F: (const Network<double>& net, const ColVector<double, 3>& x, double y, double eta) -> Network<double>.
template <class F>
constexpr Grade grade_training_step(F student) {
  using detail::Quantity;
  return detail::grade_with<4>({Quantity::W_next, Quantity::b1_next, Quantity::U_next, Quantity::b2_next},
                               [&student](const detail::Reference& r) {
                                 const Network<double> next = student(r.c.net, r.c.x, r.c.y, r.c.eta);
                                 return detail::Sheet<4>{detail::entries_of(next.W), detail::entries_of(next.b1),
                                                         detail::entries_of(next.U), detail::entries_of(next.b2)};
                               });
}

/// The gradients in Keras's layout: of the hidden kernel Wᵀ (3, 4), the hidden bias (4,), the
/// output kernel Uᵀ (4, 1) and the output bias (1,), each shaped like its variable (what
/// tf.GradientTape returns), from the model and one sample as a row x (1, 3).
/// F: (const keras::Model<double>& model, const Matrix<double, 1, 3>& x, double y) -> keras::Model<double>.
template <class F>
constexpr Grade grade_keras_gradients(F student) {
  using detail::Quantity;
  return detail::grade_with<4>(
      {Quantity::hidden_kernel, Quantity::hidden_bias, Quantity::output_kernel, Quantity::output_bias},
      [&student](const detail::Reference& r) {
        const keras::Model<double> g = student(keras::to_keras(r.c.net), transpose(r.c.x), r.c.y);
        return detail::Sheet<4>{detail::entries_of(g.hidden.kernel), detail::entries_of(g.hidden.bias),
                                detail::entries_of(g.output.kernel), detail::entries_of(g.output.bias)};
      });
}

/// How many test networks a grade runs on.
inline constexpr std::size_t test_networks = detail::battery_size;

// ---- Numbers written by hand, on one network (gradproof-explain --mine) ----------------------------
// The same expected values, tolerances and mistakes as the graders', for one network given by the
// caller (the worked example, or a student's own input), so that a hand computation is graded
// with the same diagnoses and the same honesty rule (the caller adds the precision the student
// wrote each number with).

/// A mistake's numbers for one quantity on one network.
struct MistakeNumbers {
  Mistake mistake;
  std::string_view diagnosis;
  std::array<double, 12> value, tolerance;
  std::array<bool, 12> known;  ///< false: the mistake's number is undefined here (a division by ~0)
};

/// What grading one quantity of one step on one network needs.
struct QuantityReference {
  std::string_view quantity;  ///< as in step_quantities
  std::size_t rows, cols;
  std::array<double, 12> expected, tolerance;  ///< AD's values, and the tolerance of a correct computation
  std::array<MistakeNumbers, 13> mistakes;     ///< in the order the graders try them
  std::size_t mistake_count;
  bool permutation;  ///< whether "the right numbers in the wrong places" is tried after them
};

/// The quantities of one step, in the slides' order: the deltas, the gradients, the parameters after it.
inline constexpr std::array<std::string_view, 10> step_quantities{
    {"delta1", "delta2", "dW", "db1", "dU", "db2", "W_next", "b1_next", "U_next", "b2_next"}};

/// The reference of `quantity` (one of step_quantities) for one SGD step on net, x, y, eta.
/// An unknown name gives a reference with an empty quantity.
constexpr QuantityReference quantity_reference(const Network<double>& net, const ColVector<double, 3>& x, double y,
                                               double eta, std::string_view quantity) noexcept {
  QuantityReference out{};
  std::size_t qi = detail::quantity_count;
  for (std::size_t q = 0; q < 10; ++q)
    if (detail::quantities[q].name == quantity) qi = q;
  if (qi == detail::quantity_count) return out;
  const auto q = static_cast<detail::Quantity>(qi);
  const detail::Case c{net, x, y, eta, "your input"};
  const detail::Reference r = detail::make_reference(c);
  out.quantity = detail::quantities[qi].name;
  out.rows = detail::quantities[qi].rows;
  out.cols = detail::quantities[qi].cols;
  out.expected = r.expected[qi];
  out.tolerance = r.tolerance[qi];
  out.permutation = detail::candidates[qi].permutation;
  for (const detail::Variant v : detail::candidates[qi].variants) {
    if (v == detail::Variant::right) break;
    const detail::BoundedEntries p = detail::predict(c, r.bounded, v, q);
    const detail::DiagnosisInfo& d = detail::info(detail::diagnosis_of_variant[static_cast<std::size_t>(v)]);
    MistakeNumbers& m = out.mistakes[out.mistake_count++];
    m.mistake = d.mistake;
    m.diagnosis = d.text;
    for (std::size_t k = 0; k < detail::size_of(q); ++k) {
      m.value[k] = p[k].v;
      m.tolerance[k] = detail::tolerance_of(p[k], p[k].v);
      m.known[k] = p[k].known;
    }
  }
  return out;
}

/// Whether `got` holds the right entries of r in some order, each within its tolerance plus
/// slack[k] (the precision entry k was written with).
constexpr bool right_numbers_in_some_order(const QuantityReference& r, const std::array<double, 12>& got,
                                           const std::array<double, 12>& slack) noexcept {
  return detail::in_some_order(got, slack, r.expected, r.tolerance, r.rows * r.cols);
}

/// The words of the diagnosis tried after a QuantityReference's mistakes, when it says so.
inline constexpr std::string_view permutation_diagnosis = detail::info(detail::Diagnosis::permutation).text;

// ---- The report at run time ----------------------------------------------------------------------

/// The grade as text: what passed, or the wrong quantity, its entry, expected and got, the
/// network and the diagnosis.
inline std::string report(const Grade& g) {
  char line[512];
  if (g.passed) {
    std::snprintf(line, sizeof line, "gradproof grade: passed: every quantity right on all %zu test networks\n",
                  test_networks);
    return line;
  }
  std::string out = "gradproof grade: wrong answer\n";
  std::snprintf(line, sizeof line, "  %.*s, entry (%zu, %zu): %.*s\n", static_cast<int>(g.quantity.size()),
                g.quantity.data(), g.row, g.col, static_cast<int>(g.diagnosis.size()), g.diagnosis.data());
  out += line;
  std::snprintf(line, sizeof line, "  expected %.9g (forward-mode automatic differentiation), got %.9g\n", g.expected,
                g.got);
  out += line;
  std::snprintf(line, sizeof line, "  on the test network \"%.*s\" (the first of %zu where it is wrong)\n",
                static_cast<int>(g.network.size()), g.network.data(), test_networks);
  out += line;
  if (g.mistake != Mistake::other && g.mistake != Mistake::not_filled_in) {
    std::snprintf(line, sizeof line, "  the diagnosis holds on every one of the %zu test networks\n", test_networks);
    out += line;
  }
  return out;
}

/// Prints report(g) to `out`; returns the exit status for main(): 0 passed, 1 not.
inline int print_report(const Grade& g, std::FILE* out = stdout) {
  std::fputs(report(g).c_str(), out);
  return g.passed ? 0 : 1;
}

// ---- The compile error -------------------------------------------------------------------------
// C++20's static_assert takes only a literal message, so the words of a failed grade travel as
// the names of types: verdict::wrong_answer<quantity and entry, diagnosis, expected, got,
// network>, which both compilers print in full (a string as a template argument would be cut
// short by clang after about 30 characters).
namespace verdict {
template <class... Words>
struct wrong_answer {
  static constexpr bool is_right = false;
};
template <double Value>
struct expected {};
template <double Value>
struct got {};
// The quantities, with their entry (row, col), 0-based as in C++.
struct delta1 {};
template <std::size_t Row, std::size_t Col>
struct delta2_entry {};
template <std::size_t Row, std::size_t Col>
struct dW_entry {};
template <std::size_t Row, std::size_t Col>
struct db1_entry {};
template <std::size_t Row, std::size_t Col>
struct dU_entry {};
struct db2 {};
template <std::size_t Row, std::size_t Col>
struct W_next_entry {};
template <std::size_t Row, std::size_t Col>
struct b1_next_entry {};
template <std::size_t Row, std::size_t Col>
struct U_next_entry {};
struct b2_next {};
template <std::size_t Row, std::size_t Col>
struct hidden_kernel_gradient_entry {};
template <std::size_t Index>
struct hidden_bias_gradient_entry {};
template <std::size_t Row, std::size_t Col>
struct output_kernel_gradient_entry {};
struct output_bias_gradient {};
// The diagnoses.
struct has_the_wrong_sign {};
struct has_the_wrong_sign_the_step_goes_uphill {};
struct uses_dL_dy_hat_missing_the_factor_dy_hat_dtheta {};
struct uses_sigma_of_z_where_sigma_prime_of_z_belongs {};
struct is_missing_the_factor_delta1 {};
struct is_missing_the_factor_U {};
struct is_missing_the_factor_sigma_prime_of_z {};
struct uses_sigma_prime_of_z2_for_units_3_and_4_as_eq_5_prints_it_erratum_2 {};
struct is_missing_the_factor_x {};
struct is_missing_the_factor_delta2 {};
struct uses_outer_x_delta2_read_row_by_row_the_right_products_in_the_wrong_places {};
struct uses_sigma_prime_of_z1_in_row_4_as_eq_7_prints_it_erratum_4 {};
struct uses_delta1_the_output_bias_gradient_where_delta2_transposed_belongs {};
struct is_missing_the_factor_h {};
struct uses_the_sum_of_delta2_where_delta1_belongs {};
struct is_missing_the_factor_eta {};
struct holds_dL_dW_in_W_layout_the_kernel_is_W_transposed {};
struct has_the_right_numbers_in_the_wrong_places {};
struct matches_none_of_the_mistakes_the_grader_knows {};
// The test networks.
struct on_the_ordinary_network_y_1 {};
struct on_the_ordinary_network_y_0 {};
struct on_the_ordinary_network_soft_label_y_0_3 {};
struct on_the_worked_example_y_1 {};
struct on_the_second_ordinary_network_soft_label_y_0_6 {};
struct on_every_hidden_unit_saturated_y_1 {};
struct on_every_hidden_unit_saturated_y_0 {};
struct on_the_output_saturated_theta_33_y_1 {};
struct on_the_output_saturated_theta_33_y_0 {};
struct on_the_output_saturated_theta_minus_33_y_1 {};
struct on_the_output_saturated_theta_minus_33_y_0 {};
struct on_hidden_units_and_output_saturated_y_0 {};
}  // namespace verdict

namespace detail {
template <class... T>
struct type_list {};
template <std::size_t I, class List>
struct at;
template <std::size_t I, class Head, class... Tail>
struct at<I, type_list<Head, Tail...>> : at<I - 1, type_list<Tail...>> {};
template <class Head, class... Tail>
struct at<0, type_list<Head, Tail...>> {
  using type = Head;
};

template <std::size_t Q, std::size_t R, std::size_t C>
using quantity_word =
    typename at<Q,
                type_list<verdict::delta1, verdict::delta2_entry<R, C>, verdict::dW_entry<R, C>,
                          verdict::db1_entry<R, C>, verdict::dU_entry<R, C>, verdict::db2, verdict::W_next_entry<R, C>,
                          verdict::b1_next_entry<R, C>, verdict::U_next_entry<R, C>, verdict::b2_next,
                          verdict::hidden_kernel_gradient_entry<R, C>, verdict::hidden_bias_gradient_entry<R>,
                          verdict::output_kernel_gradient_entry<R, C>, verdict::output_bias_gradient>>::type;
template <std::size_t D>
using diagnosis_word = typename at<
    D, type_list<void, verdict::has_the_wrong_sign, verdict::has_the_wrong_sign_the_step_goes_uphill,
                 verdict::uses_dL_dy_hat_missing_the_factor_dy_hat_dtheta,
                 verdict::uses_sigma_of_z_where_sigma_prime_of_z_belongs, verdict::is_missing_the_factor_delta1,
                 verdict::is_missing_the_factor_U, verdict::is_missing_the_factor_sigma_prime_of_z,
                 verdict::uses_sigma_prime_of_z2_for_units_3_and_4_as_eq_5_prints_it_erratum_2,
                 verdict::is_missing_the_factor_x, verdict::is_missing_the_factor_delta2,
                 verdict::uses_outer_x_delta2_read_row_by_row_the_right_products_in_the_wrong_places,
                 verdict::uses_sigma_prime_of_z1_in_row_4_as_eq_7_prints_it_erratum_4,
                 verdict::uses_delta1_the_output_bias_gradient_where_delta2_transposed_belongs,
                 verdict::is_missing_the_factor_h, verdict::uses_the_sum_of_delta2_where_delta1_belongs,
                 verdict::is_missing_the_factor_eta, verdict::holds_dL_dW_in_W_layout_the_kernel_is_W_transposed,
                 verdict::has_the_right_numbers_in_the_wrong_places,
                 verdict::matches_none_of_the_mistakes_the_grader_knows, void>>::type;
template <std::size_t N>
using network_word = typename at<
    N, type_list<verdict::on_the_ordinary_network_y_1, verdict::on_the_ordinary_network_y_0,
                 verdict::on_the_ordinary_network_soft_label_y_0_3, verdict::on_the_worked_example_y_1,
                 verdict::on_the_second_ordinary_network_soft_label_y_0_6, verdict::on_every_hidden_unit_saturated_y_1,
                 verdict::on_every_hidden_unit_saturated_y_0, verdict::on_the_output_saturated_theta_33_y_1,
                 verdict::on_the_output_saturated_theta_33_y_0, verdict::on_the_output_saturated_theta_minus_33_y_1,
                 verdict::on_the_output_saturated_theta_minus_33_y_0,
                 verdict::on_hidden_units_and_output_saturated_y_0>>::type;

/// A Grade as a structural value (no string_view), for a template argument.
struct Key {
  bool passed;
  std::size_t quantity, row, col, diagnosis, network;
  double expected, got;
};
constexpr Key key_of(const Grade& g) noexcept {
  Key k{g.passed, 0, g.row, g.col, 0, 0, g.expected, g.got};
  for (std::size_t q = 0; q < quantity_count; ++q)
    if (quantities[q].name == g.quantity) k.quantity = q;
  for (std::size_t d = 0; d < diagnoses.size(); ++d)
    if (diagnoses[d].text == g.diagnosis) k.diagnosis = d;
  for (std::size_t n = 0; n < battery_size; ++n)
    if (battery[n].name == g.network) k.network = n;
  return k;
}

template <Key K>
constexpr bool graded() noexcept {
  if constexpr (!K.passed) {
    using answer = verdict::wrong_answer<quantity_word<K.quantity, K.row, K.col>, diagnosis_word<K.diagnosis>,
                                         verdict::expected<K.expected>, verdict::got<K.got>, network_word<K.network>>;
    // To the student: the line with verdict::wrong_answer<...> is your grade. It names the
    // quantity and its entry (row, col), the mistake your numbers match on every test network
    // (or that they match none the grader knows), the expected value, yours, and the network.
    static_assert(answer::is_right,
                  "gradproof grade: wrong answer; read verdict::wrong_answer<...>: the quantity and its entry (row, "
                  "col), the mistake, the expected value, yours, the test network");
  }
  return true;
}

/// GRADPROOF_GRADE's work: GradeOf{}() is the student's grade. Held in a constexpr variable
/// first, so that a constant evaluation that fails in the student's code (the skeleton's
/// placeholder, a function that is not constexpr, a division by 0) is reported by both compilers
/// with its reason, before any verdict.
template <class GradeOf>
constexpr bool graded_by() noexcept {
  constexpr Grade grade = GradeOf{}();
  return graded<key_of(grade)>();
}
}  // namespace detail

}  // namespace gradproof::exercises

/// Compiling is grading: GRADPROOF_GRADE(gradproof::exercises::grade_delta2(my_delta2)); stops
/// the compiler with the verdict when the grade fails. Defined GRADPROOF_GRADE_AT_RUN_TIME, it
/// does nothing, so that the same file builds and print_report() shows the grade at run time.
#if defined(GRADPROOF_GRADE_AT_RUN_TIME)
#define GRADPROOF_GRADE(...) static_assert(true, "graded at run time")
#else
#define GRADPROOF_GRADE(...) \
  static_assert(::gradproof::exercises::detail::graded_by<decltype([] { return (__VA_ARGS__); })>())
#endif

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_EXERCISES_HPP
