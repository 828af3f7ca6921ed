// gradproof/worked_example.hpp: the docs' worked example, one SGD step of the slides' 3-4-1
// network that every number of docs/walkthrough.md (gradproof-explain's default) comes from.
//
// Why these numbers: every parameter and input is a multiple of 1/64, exact in float and in
// double, so z = W x + b1 is exact too and a student can check it by hand; the rest (σ, θ, ŷ,
// the deltas, the gradients, the step) is proven against 40-digit values of an independent
// mpmath implementation (tools/reference_values.py) in static_tests/reference_values_test.cpp.
#ifndef GRADPROOF_WORKED_EXAMPLE_HPP
#define GRADPROOF_WORKED_EXAMPLE_HPP

#include "detail/fp.hpp"
#include "matrix.hpp"
#include "network.hpp"

namespace gradproof::worked_example {

namespace detail {
/// n / 64, exact for the |n| <= 80 used here.
template <real T>
constexpr T q(int sixty_fourths) noexcept {
  return static_cast<T>(sixty_fourths) / T(64);
}
}  // namespace detail

/// The network: W (4, 3), b1 (4, 1), U (1, 4), b2.
template <real T>
inline constexpr Network<T> net{{{detail::q<T>(32), detail::q<T>(-16), detail::q<T>(8),    //
                                  detail::q<T>(-24), detail::q<T>(40), detail::q<T>(12),   //
                                  detail::q<T>(4), detail::q<T>(20), detail::q<T>(-36),    //
                                  detail::q<T>(-48), detail::q<T>(-8), detail::q<T>(28)}},
                                {{detail::q<T>(8), detail::q<T>(-4), detail::q<T>(16), detail::q<T>(-12)}},
                                {{detail::q<T>(60), detail::q<T>(-44), detail::q<T>(36), detail::q<T>(-52)}},
                                detail::q<T>(6)};
/// The sample x (3, 1) and its label y.
template <real T>
inline constexpr ColVector<T, 3> x{{detail::q<T>(48), detail::q<T>(-80), detail::q<T>(40)}};
template <real T>
inline constexpr T y = T(1);
/// The learning rate η.
template <real T>
inline constexpr T eta = T(0.125);

}  // namespace gradproof::worked_example

#endif  // GRADPROOF_WORKED_EXAMPLE_HPP
