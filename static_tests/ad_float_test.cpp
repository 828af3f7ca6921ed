// static_tests/ad_float_test.cpp: ad_test.cpp's proof for float (backward() == forward-mode
// AD within 12 u, u = 2^-24, on every network of ad_networks.hpp). Its own translation unit
// so that the two halves of the heaviest proof build in parallel.
#include "ad_networks.hpp"

namespace test = gradproof::test;

static_assert(test::ad_case_holds<float, test::AdCase::everyday_y1>());
static_assert(test::ad_case_holds<float, test::AdCase::everyday_y0>());
static_assert(test::ad_case_holds<float, test::AdCase::everyday_soft>());
static_assert(test::ad_case_holds<float, test::AdCase::hidden_saturated_y1>());
static_assert(test::ad_case_holds<float, test::AdCase::hidden_saturated_y0>());
static_assert(test::ad_case_holds<float, test::AdCase::output_saturated_right_y1>());
static_assert(test::ad_case_holds<float, test::AdCase::output_saturated_wrong_y0>());
static_assert(test::ad_case_holds<float, test::AdCase::output_saturated_right_y0>());
static_assert(test::ad_case_holds<float, test::AdCase::output_saturated_wrong_y1>());
static_assert(test::ad_case_holds<float, test::AdCase::both_saturated_y1>());
static_assert(test::ad_case_holds<float, test::AdCase::both_saturated_y0>());
static_assert(test::ad_case_holds<float, test::AdCase::zero_network_y1>());
static_assert(test::ad_case_holds<float, test::AdCase::zero_network_y0>());
static_assert(test::ad_case_holds<float, test::AdCase::tiny_1_1_y1>());
static_assert(test::ad_case_holds<float, test::AdCase::tiny_1_1_y0>());
static_assert(test::ad_case_holds<float, test::AdCase::wide_2_5_y1>());
static_assert(test::ad_case_holds<float, test::AdCase::wide_2_5_y0>());
