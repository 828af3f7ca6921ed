// gradproof/symbolic.hpp: the symbolic scalar, exact polynomials over the network's variables
// with σ and softplus as atoms, differentiated, compared and printed by the compiler
// (docs/symbolic.md). Standard library only, like the rest of gradproof; not included by
// gradproof.hpp, since it needs <vector> and <string> and the numerical library does not.
//   symbolic/rational.hpp   exact 64-bit rationals (checked), the type's errors
//   symbolic/expr.hpp       Expr: canonical form, +, −, ×, ÷ constant, σ, softplus, derivative,
//                           substitute, evaluate
//   symbolic/print.hpp      to_string: factored, named sub-expressions
//   symbolic/identity.hpp   check_identity and identical<r>: a proof whose failure names the
//                           first differing monomial
#ifndef GRADPROOF_SYMBOLIC_HPP
#define GRADPROOF_SYMBOLIC_HPP

#include "symbolic/expr.hpp"
#include "symbolic/identity.hpp"
#include "symbolic/print.hpp"
#include "symbolic/rational.hpp"

#endif  // GRADPROOF_SYMBOLIC_HPP
