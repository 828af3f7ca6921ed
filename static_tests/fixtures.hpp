// static_tests/fixtures.hpp: the networks and slide formulas that several proofs share, written
// once.
//   dyadic_net, dyadic_x   a 3-4-1 network and a sample whose every entry is a multiple of
//                          1/32: exact in double, all four hidden units in the sigmoid's
//                          curved part, the four σ′(z_i) different (so a wrong index shows).
//   eq7_with_unit          the slides' eq. (7) as printed (the last row of ∂L/∂W with σ′(z1),
//                          erratum 4) and as corrected, built from backward's own gradients.
//   backward_with          backward() on a forward pass with one piece replaced: how the
//                          known-bad twins put the slides' δ1, σ for σ′ or eq. (5)'s column in,
//                          without repeating backward's body.
#ifndef GRADPROOF_STATIC_TESTS_FIXTURES_HPP
#define GRADPROOF_STATIC_TESTS_FIXTURES_HPP

#include <cstddef>

#include "test_tools.hpp"

namespace gradproof::test {

inline constexpr Network<double> dyadic_net{
    {{0.5, -0.25, 0.125, -0.375, 0.625, 0.1875, 0.0625, 0.3125, -0.5625, -0.75, -0.125, 0.4375}},
    {{0.125, -0.0625, 0.25, -0.1875}},
    {{0.9375, -0.6875, 0.5625, -0.8125}},
    0.09375};
inline constexpr ColVector<double, 3> dyadic_x{{0.75, -1.25, 0.625}};

/// backward(net, x, y) from forward(net, x) after edit(f) changed a piece of the forward pass.
template <class T, std::size_t In, std::size_t Hidden, class Edit>
constexpr Gradients<T, In, Hidden> backward_with(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y,
                                                 Edit edit) noexcept {
  ForwardPass<T, In, Hidden> f = forward(net, x);
  edit(f);
  return backward(net, x, y, f);
}

/// backward's gradients with the last row of ∂L/∂W = δ1 (u_H σ′(z_unit)) x_jᵀ: unit 0 is eq. (7)
/// as printed (σ′(z1), erratum 4), unit Hidden − 1 the corrected row.
template <class T, std::size_t In, std::size_t Hidden>
constexpr Gradients<T, In, Hidden> eq7_with_unit(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, T y,
                                                 std::size_t unit) noexcept {
  Gradients<T, In, Hidden> g = backward(net, x, y);
  const auto f = forward(net, x);
  constexpr std::size_t last = Hidden - 1;
  for (std::size_t j = 0; j < In; ++j) g.dW(last, j) = g.delta1 * (net.U(0, last) * f.sigma_prime(unit, 0)) * x(j, 0);
  return g;
}

/// Eq. (7) as printed: the last row of ∂L/∂W with σ′(z1) (erratum 4).
template <class T, std::size_t In, std::size_t Hidden>
constexpr Gradients<T, In, Hidden> eq7_as_printed(const Network<T, In, Hidden>& net, const ColVector<T, In>& x,
                                                  T y) noexcept {
  return eq7_with_unit(net, x, y, 0);
}

}  // namespace gradproof::test

#endif  // GRADPROOF_STATIC_TESTS_FIXTURES_HPP
