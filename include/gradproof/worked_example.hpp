// gradproof/worked_example.hpp: the docs' worked example, one SGD step of the slides' 3-4-1
// network that every number of docs/walkthrough.md (gradproof-explain's default) comes from.
//
// Why these numbers: every parameter and input is a multiple of 1/64, exact in float and in
// double, so z = W x + b1 is exact too and a student can check it by hand; the rest (σ, θ, ŷ,
// the deltas, the gradients, the step) is proven against 40-digit values of an independent
// mpmath implementation (tools/reference_values.py) in static_tests/reference_values_test.cpp.
#ifndef GRADPROOF_WORKED_EXAMPLE_HPP
#define GRADPROOF_WORKED_EXAMPLE_HPP

#include "detail/numeric.hpp"
#include "matrix.hpp"
#include "network.hpp"

namespace gradproof::detail {
/// n / 64, exact for the |n| <= 80 used here.
template <real T>
constexpr T sixty_fourths(int n) noexcept {
  return static_cast<T>(n) / T(64);
}
}  // namespace gradproof::detail

namespace gradproof::worked_example {

/// The network: W (4, 3), b1 (4, 1), U (1, 4), b2.
template <real T>
inline constexpr Network<T> net{
    {{detail::sixty_fourths<T>(32), detail::sixty_fourths<T>(-16), detail::sixty_fourths<T>(8),   //
      detail::sixty_fourths<T>(-24), detail::sixty_fourths<T>(40), detail::sixty_fourths<T>(12),  //
      detail::sixty_fourths<T>(4), detail::sixty_fourths<T>(20), detail::sixty_fourths<T>(-36),   //
      detail::sixty_fourths<T>(-48), detail::sixty_fourths<T>(-8), detail::sixty_fourths<T>(28)}},
    {{detail::sixty_fourths<T>(8), detail::sixty_fourths<T>(-4), detail::sixty_fourths<T>(16),
      detail::sixty_fourths<T>(-12)}},
    {{detail::sixty_fourths<T>(60), detail::sixty_fourths<T>(-44), detail::sixty_fourths<T>(36),
      detail::sixty_fourths<T>(-52)}},
    detail::sixty_fourths<T>(6)};
/// The sample x (3, 1) and its label y.
template <real T>
inline constexpr ColVector<T, 3> x{
    {detail::sixty_fourths<T>(48), detail::sixty_fourths<T>(-80), detail::sixty_fourths<T>(40)}};
template <real T>
inline constexpr T y = T(1);
/// The learning rate η.
template <real T>
inline constexpr T eta = T(0.125);

}  // namespace gradproof::worked_example

#endif  // GRADPROOF_WORKED_EXAMPLE_HPP
