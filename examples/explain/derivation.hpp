// examples/explain/derivation.hpp: gradproof-explain --symbolic, the gradients' closed forms as
// the symbolic scalar derives them from gradproof's own loss (docs/derivation.md is its
// --markdown page).
#ifndef GRADPROOF_EXPLAIN_DERIVATION_HPP
#define GRADPROOF_EXPLAIN_DERIVATION_HPP

#include <optional>
#include <string>

#include "walkthrough.hpp"

namespace gradproof_explain {

/// The 21 gradients of the slides' 3-4-1 network: gradproof::loss and gradproof::backward run on
/// gradproof::symbolic::Expr, each ∂L/∂Ω taken by the symbolic type from the loss expression and
/// printed factored with the slides' names (z_i, θ, ŷ), each checked identical to backward's
/// entry. An error (a derivative that differs from backward's entry) leaves the page empty.
Rendered render_derivation(Format format);

}  // namespace gradproof_explain

#endif  // GRADPROOF_EXPLAIN_DERIVATION_HPP
