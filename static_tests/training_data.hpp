// static_tests/training_data.hpp: the small training problem of training_test.cpp and
// train_test.cpp: 8 samples, label = [x1 + x2 − x3 > 0], a small asymmetric start, and the
// two measures (samples classified right, mean loss).
#ifndef GRADPROOF_STATIC_TESTS_TRAINING_DATA_HPP
#define GRADPROOF_STATIC_TESTS_TRAINING_DATA_HPP

#include <array>
#include <cstddef>

#include "test_tools.hpp"

namespace gradproof::test {

template <real T>
constexpr std::array<Sample<T>, 8> data{{{{{T(1), T(0.5), T(-0.5)}}, T(1)},
                                         {{{T(0.5), T(1), T(0)}}, T(1)},
                                         {{{T(-1), T(-0.5), T(0.5)}}, T(0)},
                                         {{{T(-0.5), T(-1), T(0)}}, T(0)},
                                         {{{T(0.75), T(-0.25), T(-0.5)}}, T(1)},
                                         {{{T(-0.75), T(0.25), T(0.5)}}, T(0)},
                                         {{{T(0.25), T(0.5), T(1)}}, T(0)},
                                         {{{T(-0.25), T(-0.5), T(-1)}}, T(1)}}};

// Small, asymmetric starting weights (symmetric ones would keep the hidden units identical).
template <real T>
constexpr Network<T> init{{{T(0.1), T(-0.2), T(0.05), T(-0.15), T(0.1), T(0.2), T(0.05), T(0.15), T(-0.1), T(-0.05),
                            T(-0.2), T(0.1)}},
                          {{T(0), T(0.05), T(-0.05), T(0.1)}},
                          {{T(0.2), T(-0.1), T(0.15), T(-0.2)}},
                          T(0)};

template <real T>
constexpr std::size_t correct(const Network<T>& net) {
  std::size_t n = 0;
  for (const auto& s : data<T>) n += classify(net, s.x) == (s.y > T(0.5)) ? 1U : 0U;
  return n;
}

template <real T>
constexpr T mean_loss(const Network<T>& net) {
  T sum = 0;
  for (const auto& s : data<T>) sum += loss(net, s.x, s.y);
  return sum / T(8);
}

}  // namespace gradproof::test

#endif  // GRADPROOF_STATIC_TESTS_TRAINING_DATA_HPP
