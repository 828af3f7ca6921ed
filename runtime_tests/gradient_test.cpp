// runtime_tests/gradient_test.cpp: proves that gradproof::backward returns the derivative of
// gradproof::loss. For 1400 random networks and samples (fixed seeds; 3-4, 2-5 and 1-1 networks,
// parameters and inputs over several scales, a third with a saturated hidden unit, |z| up to
// 20), every entry of dW, db1, dU and db2 agrees with a central finite difference of the loss
// within a bound derived below. The slides' identities hold exactly (delta1 = y_hat - y,
// db1 = delta2^T, db2 = delta1, dW = delta2^T x^T, dU = delta1 h^T), and the same checker
// rejects the slides' eq. (7) typo (the last row of dW with sigma'(z_1)): it can fail.
//
// The bound. For one parameter p, with the loss along it g(t) = L(p + t):
//   D(h) = (g(h) - g(-h)) / 2h = g'(0) + h^2/6 g'''(xi)       (Taylor, truncation)
// and each computed g has an absolute rounding error of at most delta (see rounding_bound),
// which the quotient turns into at most delta / h. So
//   |D(h) - g'(0)| <= h^2 B / 6 + delta / h,   B >= |g'''| everywhere (b1_third_derivative_bound)
// smallest at h = (3 delta / B)^(1/3), the step used (rounded to a power of two so that p +- h
// is exact or nearly so; the quotient divides by the step actually taken). The tolerance is
// twice that bound (delta is a model, not a proof) plus 16 eps |g| for the rounding of the
// analytic gradient itself. At the optimal h the bound is about (delta^2 B)^(1/3): with
// delta ~ 1e-15 and B ~ 0.1..100, about 1e-10..1e-9, while a wrong formula is typically off by
// 1e-3 or more. (The test prints how much of the tolerance the worst entry used.)
#include <gtest/gtest.h>

#include "../static_tests/ad_check.hpp"     // the AD proofs' judge, shared
#include "../static_tests/fused_bound.hpp"  // the fused step's bound, shared

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gradproof/gradproof.hpp>

namespace {

using gradproof::ColVector;
using gradproof::Gradients;
using gradproof::Network;

constexpr double kEps = std::numeric_limits<double>::epsilon();

// Suprema of the logistic function's derivatives (sigma' = s(1-s), sigma'' = s(1-s)(1-2s), ...):
// |sigma'| <= 1/4, |sigma''| <= 1/(6 sqrt 3), |sigma'''| <= 1/8. The loss as a function of the
// logit, l(theta) = CE(sigma(theta), y), has l' = sigma - y in [-1, 1], l'' = sigma', l''' = sigma''.
constexpr double kSigma1 = 0.25;
constexpr double kSigma2 = 0.0962250448649376;  // 1 / (6 sqrt(3)), rounded up
constexpr double kSigma3 = 0.125;

/// An upper bound of |g'''| for the loss along one parameter (global: valid for any t).
/// b2:   theta = c + t                    -> g''' = l'''                     <= kSigma2
/// U_i:  theta = c + t h_i                -> g''' = l''' h_i^3               <= kSigma2 h_i^3
/// b1_i: theta = c + U_i sigma(z_i + t)   -> g''' = l''' th'^3 + 3 l'' th' th'' + l' th'''
///       with th' = U_i sigma', th'' = U_i sigma'', th''' = U_i sigma'''
/// W_ij: as b1_i with z_i moving by x_j t: each derivative gains a factor x_j, so |x_j|^3.
double b1_third_derivative_bound(double u) {
  const double a = std::fabs(u);
  return kSigma2 * std::pow(a * kSigma1, 3) + 3 * kSigma1 * (a * kSigma1) * (a * kSigma2) + a * kSigma3;
}

/// gamma_n = n eps / (1 - n eps): the relative error bound of a sum of n terms (Higham).
double gamma(std::size_t n) {
  const double ne = static_cast<double>(n) * kEps;
  return ne / (1 - ne);
}

/// An upper bound (a model: each elementary function counted as 4 ulp) of the absolute
/// rounding error of gradproof::loss(net, x, y), from the magnitudes of its terms:
/// z_i = sum_j W_ij x_j + b1_i, h_i = sigma(z_i), theta = sum_i U_i h_i + b2,
/// L = max(theta, 0) - theta y + log1p(exp(-|theta|)), with |dL/dtheta| <= 1.
template <std::size_t In, std::size_t H>
double rounding_bound(const Network<double, In, H>& net, const ColVector<double, In>& x, double y) {
  const auto f = gradproof::forward(net, x);
  double theta_error = 0;
  double theta_terms = std::fabs(net.b2);
  for (std::size_t i = 0; i < H; ++i) {
    double z_terms = std::fabs(net.b1(i, 0));
    for (std::size_t j = 0; j < In; ++j) z_terms += std::fabs(net.W(i, j) * x(j, 0));
    const double z_error = gamma(In + 1) * z_terms;
    const double h_error = f.sigma_prime(i, 0) * z_error + 8 * kEps * f.h(i, 0);
    theta_error += std::fabs(net.U(0, i)) * h_error;
    theta_terms += std::fabs(net.U(0, i) * f.h(i, 0));
  }
  theta_error += gamma(H + 1) * theta_terms;
  const double loss = gradproof::bce_with_logits(f.theta, y);
  return theta_error + 8 * kEps * (2 * std::fabs(f.theta) + loss);
}

/// One disagreement between an analytic gradient entry and its finite difference.
struct Mismatch {
  std::string entry;
  double analytic;
  double numeric;
  double tolerance;
};

struct CheckResult {
  std::vector<Mismatch> mismatches;
  double worst_ratio = 0;  // max |analytic - numeric| / tolerance
  std::size_t entries = 0;
};

/// Compares every entry of g with a central finite difference of gradproof::loss.
template <std::size_t In, std::size_t H>
CheckResult check_against_finite_differences(const Network<double, In, H>& net, const ColVector<double, In>& x,
                                             double y, const Gradients<double, In, H>& g) {
  CheckResult result;
  const double delta = rounding_bound(net, x, y);
  const auto f = gradproof::forward(net, x);
  Network<double, In, H> moved = net;
  const auto check = [&](const std::string& entry, double& p, double B, double analytic) {
    const double p0 = p;
    // h = (3 delta / B)^(1/3), as a power of two, and not below 2^-40 |p| (else p + h == p).
    const double h_opt = std::cbrt(3 * delta / B);
    double h = std::exp2(std::round(std::log2(h_opt)));
    h = std::max(h, std::exp2(std::ceil(std::log2(std::max(std::fabs(p0), 1.0)))) * 0x1p-40);
    p = p0 + h;
    const double plus = p;
    const double loss_plus = gradproof::loss(moved, x, y);
    p = p0 - h;
    const double minus = p;
    const double loss_minus = gradproof::loss(moved, x, y);
    p = p0;
    const double step = plus - minus;
    const double numeric = (loss_plus - loss_minus) / step;
    const double half = step / 2;
    const double tolerance = 2 * (half * half * B / 6 + delta / half) + 16 * kEps * std::fabs(analytic);
    const double error = std::fabs(analytic - numeric);
    ++result.entries;
    result.worst_ratio = std::max(result.worst_ratio, error / tolerance);
    if (!(error <= tolerance)) result.mismatches.push_back({entry, analytic, numeric, tolerance});
  };
  // The bound B on the third derivative along each parameter: W(i, j) and b1(i) by unit i's,
  // U(i) by h_i's (it vanishes with h_i, so a floor keeps the step finite; any B >= the true one
  // is valid), b2's.
  gradproof::for_each_parameter_entry_with_gradient(
      moved, g, [&](const gradproof::ParameterEntry& e, double& p, const double& analytic) {
        std::string label = "d";  // appended: "literal" + std::string&& trips g++ 12's -Wrestrict at -O3
        label += e.name;
        label += '(';
        label += std::to_string(e.row);
        label += ',';
        label += std::to_string(e.col);
        label += ')';
        if (e.name == "W") {
          const double xj = std::fabs(x(e.col, 0));
          check(label, p, xj * xj * xj * b1_third_derivative_bound(net.U(0, e.row)), analytic);
        } else if (e.name == "b1") {
          check(label, p, b1_third_derivative_bound(net.U(0, e.row)), analytic);
        } else if (e.name == "U") {
          const double hi = f.h(e.col, 0);
          check(label, p, std::max(kSigma2 * hi * hi * hi, 1e-6), analytic);
        } else {
          check(label, p, kSigma2, analytic);
        }
      });
  return result;
}

// ---------------------------------------------------------------------------------------
// Random cases.

template <std::size_t In, std::size_t H>
struct Case {
  Network<double, In, H> net;
  ColVector<double, In> x;
  double y;
};

template <std::size_t In, std::size_t H>
Case<In, H> random_case(std::mt19937_64& rng) {
  const auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
  const auto pick = [&](std::initializer_list<double> options) {
    const auto k = std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng);
    return *(options.begin() + static_cast<std::ptrdiff_t>(k));
  };
  Case<In, H> c{};
  const double w_scale = pick({0.1, 0.5, 1.0, 2.0, 4.0});
  const double u_scale = pick({0.1, 1.0, 3.0, 6.0});
  const double x_scale = pick({0.1, 1.0, 3.0, 5.0});
  gradproof::for_each_parameter_entry(c.net, [&](const gradproof::ParameterEntry& e, double& v) {
    const double scale = e.name == "W" || e.name == "b1" ? w_scale : u_scale;  // hidden layer, output
    v = uniform(-scale, scale);
  });
  for (double& v : c.x.data) v = uniform(-x_scale, x_scale);
  // A third of the cases: one hidden unit saturated, z_i = +-[8, 20], via its bias.
  if (uniform(0, 1) < 1.0 / 3) {
    const auto i = std::uniform_int_distribution<std::size_t>(0, H - 1)(rng);
    const double target = (uniform(0, 1) < 0.5 ? -1 : 1) * uniform(8, 20);
    double wx = 0;
    for (std::size_t j = 0; j < In; ++j) wx += c.net.W(i, j) * c.x(j, 0);
    c.net.b1(i, 0) = target - wx;
  }
  // Labels: mostly hard 0/1 (the slides' case), some soft.
  const double r = uniform(0, 1);
  c.y = r < 0.4 ? 0.0 : (r < 0.8 ? 1.0 : uniform(0, 1));
  return c;
}

using gradproof::test::bits;

struct Summary {
  std::size_t cases = 0;
  std::size_t entries = 0;
  std::size_t saturated = 0;  // cases with some |z_i| > 8
  double worst_ratio = 0;
};

template <std::size_t In, std::size_t H>
Summary check_random_cases(std::uint64_t seed, std::size_t count) {
  std::mt19937_64 rng(seed);
  Summary s;
  for (std::size_t k = 0; k < count; ++k) {
    const auto c = random_case<In, H>(rng);
    const auto f = gradproof::forward(c.net, c.x);
    const auto g = gradproof::backward(c.net, c.x, c.y);
    SCOPED_TRACE("case " + std::to_string(k) + " of seed " + std::to_string(seed));

    // The slides' identities, exactly (bit for bit: same operations, same order).
    // δ1 = ŷ − y, evaluated as (1 − y) ŷ − y (1 − ŷ) with 1 − ŷ from the forward pass.
    EXPECT_EQ(bits(g.delta1), bits((1.0 - c.y) * f.y_hat - c.y * f.one_minus_y_hat)) << "delta1 = y_hat - y";
    EXPECT_EQ(bits(g.db2), bits(g.delta1)) << "db2 = delta1";
    for (std::size_t i = 0; i < H; ++i) {
      EXPECT_EQ(bits(g.db1(i, 0)), bits(g.delta2(0, i))) << "db1 = transpose(delta2), entry " << i;
      EXPECT_EQ(bits(g.delta2(0, i)), bits(g.delta1 * (c.net.U(0, i) * f.sigma_prime(i, 0)))) << "delta2 " << i;
      EXPECT_EQ(bits(g.dU(0, i)), bits(g.delta1 * f.h(i, 0))) << "dU = delta1 h^T, entry " << i;
      for (std::size_t j = 0; j < In; ++j)
        EXPECT_EQ(bits(g.dW(i, j)), bits(g.delta2(0, i) * c.x(j, 0))) << "dW = delta2^T x^T, (" << i << "," << j << ")";
    }

    // The fused hot path (sgd_step, sgd_step_in_place) is the teaching path up to rounding:
    // within static_tests/fused_bound.hpp's bound of update(net, backward(net, x, y), eta),
    // which applies gradproof::equations one by one; and sgd_step_in_place is sgd_step.
    for (const double eta : {0.125, 1.5}) {
      const auto fused = gradproof::sgd_step(c.net, c.x, c.y, eta);
      EXPECT_TRUE(gradproof::test::step_within_fused_bound(fused, c.net, c.x, c.y, eta)) << "sgd_step, eta " << eta;
      auto in_place = c.net;
      gradproof::sgd_step_in_place(in_place, c.x, c.y, eta);
      EXPECT_TRUE(in_place == fused) << "sgd_step_in_place, eta " << eta;
    }

    // Against forward-mode AD (ad.hpp), for hard labels, by static_tests/ad_check.hpp's judge (12 u)
    // (soft labels can cancel in δ1 = σ(θ) − y on both sides; the finite differences cover them).
    if (c.y == 0.0 || c.y == 1.0) {
      const auto ad = gradproof::ad_gradients(c.net, c.x, c.y);
      const auto agree = [](double a, double b) { return gradproof::test::agrees_with_ad(a, b); };
      gradproof::for_each_parameter_entry_with_gradient(
          g, ad, [&](const gradproof::ParameterEntry& e, const double& analytic, const double& by_ad) {
            EXPECT_TRUE(agree(analytic, by_ad))
                << "d" << e.name << " (" << e.row << "," << e.col << "): " << analytic << " AD " << by_ad;
          });
    }

    // The derivative itself.
    const auto r = check_against_finite_differences(c.net, c.x, c.y, g);
    for (const auto& m : r.mismatches)
      ADD_FAILURE() << m.entry << ": backward " << m.analytic << ", finite difference " << m.numeric << ", tolerance "
                    << m.tolerance;
    ++s.cases;
    s.entries += r.entries;
    s.worst_ratio = std::max(s.worst_ratio, r.worst_ratio);
    double max_abs_z = 0;
    for (const double z : f.z.data) max_abs_z = std::max(max_abs_z, std::fabs(z));
    if (max_abs_z > 8) ++s.saturated;
  }
  std::printf(
      "[ gradient ] %zu-%zu networks: %zu cases, %zu entries, %zu with a saturated unit, "
      "worst |backward - finite difference| = %.3g of the tolerance\n",
      In, H, s.cases, s.entries, s.saturated, s.worst_ratio);
  return s;
}

TEST(gradient, backward_matches_finite_differences_3_4) {
  const auto s = check_random_cases<3, 4>(0x3a4b, 1000);
  EXPECT_EQ(s.cases, 1000U);
  EXPECT_GE(s.saturated, 250U);  // the generator does produce saturated units
}

TEST(gradient, backward_matches_finite_differences_2_5) {
  const auto s = check_random_cases<2, 5>(0x2b5c, 200);
  EXPECT_GE(s.saturated, 50U);
}

TEST(gradient, backward_matches_finite_differences_1_1) {
  const auto s = check_random_cases<1, 1>(0x1c1d, 200);
  EXPECT_GE(s.saturated, 50U);
}

// ---------------------------------------------------------------------------------------
// Known-bad twin: the slides' eq. (7) uses sigma'(z_1) in the last row of dL/dW. The same
// checker, given that gradient, must report a mismatch in the last row.

Gradients<double, 3, 4> with_eq7_typo(const Network<double, 3, 4>& net, const ColVector<double, 3>& x,
                                      Gradients<double, 3, 4> g) {
  const auto f = gradproof::forward(net, x);
  for (std::size_t j = 0; j < 3; ++j) g.dW(3, j) = g.delta1 * net.U(0, 3) * f.sigma_prime(0, 0) * x(j, 0);
  return g;
}

TEST(gradient, checker_rejects_the_eq7_typo) {
  std::mt19937_64 rng(0x3a4b);  // the same cases as backward_matches_finite_differences_3_4
  std::size_t rejected = 0;
  std::size_t distinguishable = 0;
  constexpr std::size_t count = 1000;
  for (std::size_t k = 0; k < count; ++k) {
    const auto c = random_case<3, 4>(rng);
    const auto right = gradproof::backward(c.net, c.x, c.y);
    const auto wrong = with_eq7_typo(c.net, c.x, right);
    const auto r = check_against_finite_differences(c.net, c.x, c.y, wrong);
    const bool rejected_here = !r.mismatches.empty();
    rejected += rejected_here ? 1 : 0;
    // Only the last row may be reported: the other entries are right.
    for (const auto& m : r.mismatches) EXPECT_EQ(m.entry.rfind("dW(3,", 0), 0U) << "case " << k << ": " << m.entry;
    // Where the typo changes an entry by more than 1e-6 (far above any tolerance here), it
    // must be caught; smaller changes (sigma'(z_1) ~ sigma'(z_4), or delta1 U_4 x_j ~ 0)
    // are legitimately below what any finite difference can see.
    double change = 0;
    for (std::size_t j = 0; j < 3; ++j) change = std::max(change, std::fabs(wrong.dW(3, j) - right.dW(3, j)));
    if (change > 1e-6) {
      ++distinguishable;
      EXPECT_TRUE(rejected_here) << "case " << k << ": the eq. (7) typo changes dW(3, .) by " << change
                                 << " and was not reported";
    }
  }
  std::printf("[ gradient ] eq. (7) typo: rejected in %zu of %zu cases (%zu change dW by more than 1e-6)\n", rejected,
              count, distinguishable);
  EXPECT_GE(distinguishable, 900U);
}

// One case worked by hand-picked numbers, so the twin's failure does not depend on the generator.
TEST(gradient, checker_rejects_the_eq7_typo_on_a_plain_network) {
  Network<double, 3, 4> net{};
  net.W = {0.5, -0.3, 0.2, 0.1, 0.4, -0.6, -0.2, 0.3, 0.7, 0.9, -0.1, 0.05};
  net.b1 = {0.1, -0.2, 0.0, 0.3};
  net.U = {0.7, -0.5, 0.3, 1.2};
  net.b2 = -0.1;
  const ColVector<double, 3> x{1.0, -2.0, 0.5};
  const auto right = gradproof::backward(net, x, 1.0);
  EXPECT_TRUE(check_against_finite_differences(net, x, 1.0, right).mismatches.empty());
  const auto r = check_against_finite_differences(net, x, 1.0, with_eq7_typo(net, x, right));
  ASSERT_EQ(r.mismatches.size(), 3U);  // all of row 4 (index 3), nothing else
  for (const auto& m : r.mismatches) EXPECT_EQ(m.entry.rfind("dW(3,", 0), 0U) << m.entry;
}

// Known-bad twin 2: db1 taken from the wrong unit (a transposition slip) is reported too.
TEST(gradient, checker_rejects_swapped_db1) {
  std::mt19937_64 rng(0x5eed);
  std::size_t swapped = 0;
  for (int k = 0; k < 100; ++k) {
    const auto c = random_case<3, 4>(rng);
    auto g = gradproof::backward(c.net, c.x, c.y);
    if (std::fabs(g.db1(0, 0) - g.db1(1, 0)) < 1e-6) continue;  // a swap too small to see
    std::swap(g.db1(0, 0), g.db1(1, 0));
    ++swapped;
    EXPECT_FALSE(check_against_finite_differences(c.net, c.x, c.y, g).mismatches.empty()) << "case " << k;
  }
  EXPECT_GE(swapped, 50U);
}

}  // namespace
