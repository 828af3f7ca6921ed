// gradproof/symbolic/library.hpp: Expr plugged into gradproof's own code (scalar.hpp's
// customisation point), so that forward, backward, update, sgd_step, the loss, the equations
// and the mini-batch mean run on Network<Expr, In, Hidden> unchanged: their results are then the
// library's own formulas, which the symbolic proofs differentiate and compare.
//
// What Expr gives the library in place of the numerical functions (docs/symbolic.md):
// - its math is the mathematical function, found by argument-dependent lookup: σ(t) the atom,
//   sigmoid_and_prime = σ(t) and σ(t)(1 − σ(t)), sigmoid_and_complement = σ(t) and σ(−t)
//   (canonically 1 − σ(t)), softplus the atom; where math.hpp branches on its argument (σ's tail
//   below −40, the NaN tests, the overflow and underflow edges), Expr has no branch;
// - its values are formulas, not numbers (ScalarTraits::checked = false): the bad-input checks
//   are skipped (a variable is neither NaN nor out of range) and the loss is
//   bce_with_logits = softplus(θ) − θ y, the branch-free form of max(θ, 0) − θ y + log1p(e^−|θ|);
// - its operations may throw (a coefficient overflow, named by rational.hpp): not nothrow;
// - GRADPROOF_MUL is its plain product, since the contraction barrier applies to real types
//   only (detail/numeric.hpp); no conditional expression yields an Expr (g++ 12 frees the
//   storage of a class prvalue chosen by ?: in a constant evaluation).
// e^t, log(t) and log1p(t) are not in the algebra (the library calls them on Expr nowhere):
// declared deleted, so that a call names them.
#ifndef GRADPROOF_SYMBOLIC_LIBRARY_HPP
#define GRADPROOF_SYMBOLIC_LIBRARY_HPP

#include "../scalar.hpp"
#include "expr.hpp"
#include "gcc12_array.hpp"

namespace gradproof {

/// Expr opts in to the core: exact, its values not numbers (no checks, the branch-free loss),
/// its operations may throw.
template <>
struct ScalarTraits<symbolic::Expr> {
  static constexpr bool exact = true;
  static constexpr bool checked = false;
  static constexpr bool nothrow = false;
};

namespace symbolic {

/// The forward pass's pair: σ(t) and σ′(t) = σ(t)(1 − σ(t)), exactly (math.hpp's pair is σ
/// rounded twice and a faster σ′; the mathematical functions are these).
constexpr SigmoidPair<Expr> sigmoid_and_prime(const Expr& t) {
  SigmoidPair<Expr> p{sigmoid(t), Expr()};
  p.sigma_prime = p.sigma * (Expr(1) - p.sigma);
  return p;
}

/// The output unit's pair: σ(t) and σ(−t), which the canonical form writes 1 − σ(t) (the
/// identity that math.hpp's pair keeps to relative accuracy).
constexpr SigmoidComplement<Expr> sigmoid_and_complement(const Expr& t) { return {sigmoid(t), sigmoid(-t)}; }

// Not in the algebra: the library's Expr path never calls them (the loss is softplus(θ) − θ y).
Expr exp(const Expr&) = delete;  // e^t is not in the symbolic scalar's algebra (only sigma and softplus are atoms)
Expr log(const Expr&) = delete;  // log t is not in the symbolic scalar's algebra (only sigma and softplus are atoms)
Expr log1p(const Expr&) =
    delete;  // log1p t is not in the symbolic scalar's algebra (only sigma and softplus are atoms)

}  // namespace symbolic
}  // namespace gradproof

#endif  // GRADPROOF_SYMBOLIC_LIBRARY_HPP
