// static_tests/ad_networks.hpp: the networks of the AD proofs (ad_test.cpp, errata_test.cpp),
// chosen to cover the regimes where a gradient formula or its evaluation can go wrong: an
// everyday network, every hidden unit saturated (|z| > 30), the output saturated (|θ| > 30)
// on the right and on the wrong side, both at once, the all-zero network (θ = 0, where the
// loss's max(θ, 0) and |θ| have their kinks), a 1-1 and a 2-5 network. Each saturation claim
// is itself a static_assert in ad_test.cpp.
#ifndef GRADPROOF_STATIC_TESTS_AD_NETWORKS_HPP
#define GRADPROOF_STATIC_TESTS_AD_NETWORKS_HPP

#include "ad_check.hpp"
#include "test_tools.hpp"

namespace gradproof::test::nets {

template <real T>
constexpr Network<T> everyday{{{T(0.5), T(-0.3), T(0.8), T(-1.2), T(0.4), T(0.1), T(0.7), T(0.9), T(-0.6), T(-0.2),
                                T(-0.8), T(1.1)}},
                              {{T(0.1), T(-0.2), T(0.3), T(-0.4)}},
                              {{T(1.3), T(-0.7), T(0.9), T(-1.1)}},
                              T(0.2)};
template <real T>
constexpr ColVector<T, 3> everyday_x{{T(0.6), T(-1.4), T(0.9)}};

// x = (1, −1, 0.5): z = (37, −33, 33, −35).
template <real T>
constexpr Network<T> hidden_saturated{{{T(20), T(-15), T(4), T(-18), T(12), T(-6), T(16), T(-16), T(2), T(-25),
                                        T(10), T(0)}},
                                      {},
                                      {{T(0.8), T(-0.6), T(1.1), T(-0.9)}},
                                      T(0.1)};
template <real T>
constexpr ColVector<T, 3> saturating_x{{T(1), T(-1), T(0.5)}};

// The everyday hidden layer, θ = ±25 Σh ± 5, about ±45.
template <real T>
constexpr Network<T> output_saturated(T sign) {
  return {everyday<T>.W, everyday<T>.b1, {{sign * T(25), sign * T(25), sign * T(25), sign * T(25)}}, sign * T(5)};
}

// Hidden and output saturated: z as hidden_saturated, θ about 60.
template <real T>
constexpr Network<T> both_saturated{hidden_saturated<T>.W, {}, {{T(30), T(-30), T(30), T(-30)}}, T(0)};

template <real T>
constexpr Network<T, 1, 1> tiny{{{T(2)}}, {{T(-1)}}, {{T(3)}}, T(-0.5)};
template <real T>
constexpr ColVector<T, 1> tiny_x{{T(0.7)}};

template <real T>
constexpr Network<T, 2, 5> wide{{{T(0.3), T(-0.9), T(1.2), T(0.4), T(-0.7), T(0.2), T(0.6), T(-1.1), T(-0.5), T(0.8)}},
                                {{T(0.05), T(-0.15), T(0.25), T(-0.35), T(0.45)}},
                                {{T(0.9), T(-1.4), T(0.6), T(1.1), T(-0.3)}},
                                T(-0.25)};
template <real T>
constexpr ColVector<T, 2> wide_x{{T(-0.8), T(1.3)}};

}  // namespace gradproof::test::nets

namespace gradproof::test {

/// backward() == AD on every network above, with both labels (and one soft label far from ŷ).
template <real T>
constexpr bool all_networks_agree_with_ad() {
  const auto& x = nets::everyday_x<T>;
  const auto& xs = nets::saturating_x<T>;
  return backward_agrees_with_ad(nets::everyday<T>, x, T(1)) && backward_agrees_with_ad(nets::everyday<T>, x, T(0)) &&
         backward_agrees_with_ad(nets::everyday<T>, x, T(0.25)) &&  // soft label, far from ŷ
         backward_agrees_with_ad(nets::hidden_saturated<T>, xs, T(1)) &&
         backward_agrees_with_ad(nets::hidden_saturated<T>, xs, T(0)) &&
         backward_agrees_with_ad(nets::output_saturated(T(1)), x, T(1)) &&    // right, confident
         backward_agrees_with_ad(nets::output_saturated(T(1)), x, T(0)) &&    // wrong, confident
         backward_agrees_with_ad(nets::output_saturated(T(-1)), x, T(0)) &&   // right, confident
         backward_agrees_with_ad(nets::output_saturated(T(-1)), x, T(1)) &&   // wrong, confident
         backward_agrees_with_ad(nets::both_saturated<T>, xs, T(1)) &&
         backward_agrees_with_ad(nets::both_saturated<T>, xs, T(0)) &&
         backward_agrees_with_ad(Network<T>{}, x, T(1)) && backward_agrees_with_ad(Network<T>{}, x, T(0)) &&
         backward_agrees_with_ad(nets::tiny<T>, nets::tiny_x<T>, T(1)) &&
         backward_agrees_with_ad(nets::tiny<T>, nets::tiny_x<T>, T(0)) &&
         backward_agrees_with_ad(nets::wide<T>, nets::wide_x<T>, T(1)) &&
         backward_agrees_with_ad(nets::wide<T>, nets::wide_x<T>, T(0));
}

}  // namespace gradproof::test

#endif  // GRADPROOF_STATIC_TESTS_AD_NETWORKS_HPP
