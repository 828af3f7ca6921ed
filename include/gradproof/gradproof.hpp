// gradproof/gradproof.hpp: everything. The focused headers beside it each compile alone.
// The core (standard library only, none of it includes an add-on):
//   scalar.hpp          real, scalar, ScalarTraits (how a new scalar type plugs in), SigmoidPair
//   matrix.hpp          Matrix, ColVector, RowVector and the shape predicates
//   ops.hpp             transpose, matmul, hadamard, outer, +, -, scalar ·
//   math.hpp            gradproof::math: exp, log, log1p, sigmoid, sigmoid_prime, softplus
//   validate.hpp        InputError, what bad input is
//   loss.hpp            bce_with_logits, bce
//   network.hpp         Network, forward, backward (gradproof::equations), update, sgd_step
//   parameters.hpp      for_each_parameter, for_each_parameter_entry, parameter_count: W, b1, U, b2 listed once
//   train.hpp           lockstep training of K networks, mini-batch SGD
//   checked.hpp         validate, try_sgd_step, try_sgd_epoch: bad input reported at run time
//   keras.hpp           gradproof::keras: Dense, Model, to_keras, from_keras, layer_output, predict
//   worked_example.hpp  the docs' worked example (network, x, y, η)
//   version.hpp         GRADPROOF_VERSION
// The add-ons, which plug into the core through scalar.hpp:
//   dual.hpp            Dual: forward-mode automatic differentiation
//   ad.hpp              ad_gradients: every gradient of one sample by forward-mode AD
// Beside it, not included here (they need <vector> and <string>, the numerical library does not):
//   symbolic.hpp        Expr, the symbolic scalar: exact polynomials differentiated and compared
//                       by the compiler (symbolic/: rational, expr, print, identity, list)
//   exercises.hpp       the exercise kit: a student's own backprop graded by the compiler
// Internal (detail/): config.hpp (build policy, pragmas, inlining), numeric.hpp (constexpr
// floating-point helpers, GRADPROOF_MUL), exp_constants.hpp (exp's tables), simd.hpp (4-lane
// kernels for run time).
#ifndef GRADPROOF_GRADPROOF_HPP
#define GRADPROOF_GRADPROOF_HPP

#include "ad.hpp"
#include "checked.hpp"
#include "dual.hpp"
#include "keras.hpp"
#include "loss.hpp"
#include "math.hpp"
#include "matrix.hpp"
#include "network.hpp"
#include "ops.hpp"
#include "parameters.hpp"
#include "scalar.hpp"
#include "train.hpp"
#include "validate.hpp"
#include "version.hpp"
#include "worked_example.hpp"

#endif  // GRADPROOF_GRADPROOF_HPP
