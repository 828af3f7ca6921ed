// static_tests/ad_float_test.cpp: ad_test.cpp's proof for float (backward() == forward-mode
// AD within 12 u, u = 2^-24, on every network of ad_networks.hpp). Its own translation unit
// so that the two halves of the heaviest proof build in parallel.
#include "ad_networks.hpp"

static_assert(gradproof::test::all_networks_agree_with_ad<float>());
