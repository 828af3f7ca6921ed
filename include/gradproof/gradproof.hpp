// gradproof/gradproof.hpp: everything. The focused headers beside it each compile alone:
//   matrix.hpp   Matrix, ColVector, RowVector and the shape predicates
//   ops.hpp      transpose, matmul, hadamard, outer, +, -, scalar ·
//   math.hpp     gradproof::math: exp, log, log1p, sigmoid, sigmoid_prime, softplus
//   loss.hpp     bce_with_logits, bce
//   network.hpp  Network, forward, backward (gradproof::equations), update, sgd_step
//   parameters.hpp  for_each_parameter, for_each_parameter_entry, parameter_count: W, b1, U, b2 listed once
//   validate.hpp InputError, what bad input is
//   checked.hpp  validate, try_sgd_step, try_sgd_epoch: bad input reported at run time
//   keras.hpp    gradproof::keras: Dense, Model, to_keras, from_keras, layer_output, predict
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
#include "train.hpp"
#include "validate.hpp"
#include "version.hpp"
#include "worked_example.hpp"

#endif  // GRADPROOF_GRADPROOF_HPP
