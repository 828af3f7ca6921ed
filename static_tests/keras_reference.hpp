// static_tests/keras_reference.hpp: a model in Keras's layout, a batch of inputs, what numpy
// computes for them, and the bounds within which gradproof must agree. Shared by
// static_tests/keras_test.cpp (at compile time) and runtime_tests/keras_test.cpp (at run time).
//
// The numbers were printed by
//     /usr/bin/python3 tools/keras_reference.py
// (numpy 1.24.2, Debian 12's python3-numpy, float64; its header says why those weights). Its
// last line, numpy's own error against mpmath at 50 digits: h 1.280 ulp, y_hat 0.257 ulp.
#ifndef GRADPROOF_STATIC_TESTS_KERAS_REFERENCE_HPP
#define GRADPROOF_STATIC_TESTS_KERAS_REFERENCE_HPP

#include <array>
#include <cstddef>
#include <cstdint>

#include <gradproof/keras.hpp>

namespace gradproof::test::keras_reference {

// tools/reference_values.py's network in Keras's layout: K1 = Wᵀ (3, 4), K2 = Uᵀ (4, 1).
// Multiples of 1/64, so x K1 + b1 is exact in double on either side.
constexpr keras::Model<double> model{
    .hidden = {.kernel = {{32 / 64.0, -24 / 64.0, 4 / 64.0, -48 / 64.0,    //
                           -16 / 64.0, 40 / 64.0, 20 / 64.0, -8 / 64.0,    //
                           8 / 64.0, 12 / 64.0, -36 / 64.0, 28 / 64.0}},  //
               .bias = {8 / 64.0, -4 / 64.0, 16 / 64.0, -12 / 64.0}},
    .output = {.kernel = {{60 / 64.0, -44 / 64.0, 36 / 64.0, -52 / 64.0}}, .bias = {6 / 64.0}},
};

// The batch, one sample per row (Keras's layout): the reference sample, zeros, two more.
constexpr Matrix<double, 4, 3> x{{0.75, -1.25, 0.625,  //
                                  0, 0, 0,             //
                                  1, 0.5, -1.5,        //
                                  -2, 1.5, 0.25}};

// numpy: h = 1 / (1 + exp(-(x K1 + b1))) (4, 4), y_hat = 1 / (1 + exp(-(h K2 + b2))) (4, 1).
constexpr Matrix<double, 4, 4> numpy_h{{
    0.70901913378509318, 0.26740816618822549, 0.39047583743349729, 0.42059959109501305,  //
    0.53120937337375629, 0.48438008427698442, 0.56217650088579807, 0.45326184801538616,  //
    0.57749536518581168, 0.39981164073979503, 0.78793119564289471, 0.16026603232776071,  //
    0.22815650216092537, 0.84182564725156817, 0.61138197329415112, 0.77458338416492334,  //
}};
constexpr ColVector<double, 4> numpy_y_hat{{0.61123769986641352, 0.55149093534048832, 0.66223644445511942,
                                            0.36434492843859817}};

// The bounds, in ulps of the value (u = 2^-53; an error of k u relative is less than k ulp).
// z = x K1 + b1 is exact on both sides, so only the sigmoids and the output layer's sum differ:
// - numpy's sigmoid 1 / (1 + exp(-a)): its exp is not correctly rounded (on this AVX-512
//   machine numpy 1.24 takes exp from SVML, within 4 ulp by numpy's PR 19478; glibc's is within
//   1), so exp is within 8u, 1 + E within 9u, the quotient within 10u. gradproof's math::sigmoid
//   is within 2 ulp by its analysis (docs/math.md; 1.013 measured), the forward pass's
//   sigmoid_and_prime within 2.5 (2.425 measured): 4u and 5u. So h differs by at most 15u.
// - θ = h K2 + b2: each side's 4 products and 4 sums round (at most 5u S each, S = Σ|K2_j h_j|
//   + |b2|, whatever order or FMA numpy's matmul uses), and h's 15u move it by 15u S: at most
//   25u S apart. σ(θ) turns an absolute error d of θ into a relative one of (1 − ŷ) d, and both
//   sigmoids add their own 10u + 4u: ŷ differs by at most (25 S (1 − ŷ) + 14) u. The script
//   prints S (1 − ŷ) for each sample, at most 1.1821: 43.6, so 44.
// Measured (runtime_tests/keras_test.cpp prints it): h 1 ulp, y_hat 0 ulp apart.
inline constexpr std::uint64_t numpy_h_ulps = 15;
inline constexpr std::uint64_t numpy_y_hat_ulps = 44;

}  // namespace gradproof::test::keras_reference

#endif  // GRADPROOF_STATIC_TESTS_KERAS_REFERENCE_HPP
