// examples/explain/walkthrough.cpp: the walkthrough itself. Each quantity is one Entry: its
// symbol, formula, shape, slide, value, and the proofs that back it, looked up at compile time
// in the index that cmake/gradproof_proof_index.cmake writes from static_tests/ (a citation of
// a proof that does not exist does not compile).
#include "walkthrough.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <gradproof/ad.hpp>
#include <gradproof/checked.hpp>
#include <gradproof/network.hpp>
#include <gradproof/parameters.hpp>
#include <gradproof/worked_example.hpp>

#include "proof_index.hpp"
#include "text.hpp"

namespace gradproof_explain {
namespace {

/// A proof citation, checked while compiling: the key must be in proof_index.
struct Cite {
  const ProofRef* ref;
  std::string_view what;
};
/// Reached only when a key is missing, which makes the consteval call below ill-formed: the
/// compiler names this function.
inline void the_cited_proof_is_not_in_static_tests() {}
consteval const ProofRef* proof(std::string_view key) {
  for (const ProofRef& p : proof_index)
    if (p.key == key) return &p;
  the_cited_proof_is_not_in_static_tests();
  return nullptr;
}

struct Entry {
  std::string_view symbol;  // as the slides write it
  std::string_view name;    // gradproof's name for it
  std::string_view meaning;
  std::string shape;       // "(4, 1) column" ..., from the quantity's type
  std::string_view slide;  // the slide and equation it comes from
  std::string value;       // rendered
  std::vector<Cite> cites;
  std::string_view note = {};
};

struct Section {
  std::string_view title;
  std::string_view intro;
  std::vector<Entry> entries;
};

}  // namespace

std::string format_number(double v, int digits) {
  // -0.0 (δ2_i x_j for x_j = 0 and δ2_i < 0, ...) equals 0, and "-0" only puzzles a reader who
  // compares it with the slides; %g rounds no nonzero value to 0, so no other value prints as -0.
  if (v == 0) v = 0.0;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, v);
  return buf;
}

namespace {

std::string number(double v, int digits) { return format_number(v, digits); }

/// "(R, C)" of a matrix, from its type: the walkthrough's shapes are the Network's.
template <std::size_t R, std::size_t C>
std::string shape(const gradproof::Matrix<double, R, C>&, std::string_view what = {}) {
  return cat("(", std::to_string(R), ", ", std::to_string(C), ")", what);
}

/// A matrix as the slides write it: rows separated by "; ", entries by ", ".
template <std::size_t R, std::size_t C>
std::string matrix(const gradproof::Matrix<double, R, C>& m, int digits) {
  if (R * C == 1) return number(m.data[0], digits);
  std::string s = "[";
  for (std::size_t r = 0; r < R; ++r) {
    for (std::size_t c = 0; c < C; ++c) {
      if (c > 0) s += ", ";
      s += number(m(r, c), digits);
    }
    if (r + 1 < R) s += "; ";
  }
  return s + "]";
}

/// The largest |a - b| over the gradients, in units of u = 2^-53 times the largest |b|: the
/// measure static_tests/ad_check.hpp bounds by 12 u.
double disagreement_in_u(const gradproof::Gradients<double>& a, const gradproof::Gradients<double>& b) {
  double worst = 0;
  auto scan = [&worst](std::span<const double> x, std::span<const double> y) {
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double scale = std::max(std::fabs(y[i]), 0x1p-1022);
      worst = std::max(worst, std::fabs(x[i] - y[i]) / (0x1p-53 * scale));
    }
  };
  gradproof::for_each_parameter_entry_with_gradient(
      a, b, [&scan](const gradproof::ParameterEntry&, const double& x, const double& y) {
        scan({&x, 1}, {&y, 1});
      });
  scan(a.delta2.data, b.delta2.data);
  scan(std::span<const double>(&a.delta1, 1), std::span<const double>(&b.delta1, 1));
  return worst;
}

std::string location(const ProofRef& p) {
  return p.line > 0 ? cat(p.file, ":", std::to_string(p.line)) : std::string(p.file);
}

std::string markdown_link(const ProofRef& p) {
  // docs/walkthrough.md lives in docs/, so the repository's files are one level up.
  const std::string anchor = p.line > 0 ? cat("#L", std::to_string(p.line)) : std::string();
  return cat("[", location(p), "](../", p.file, anchor, ")");
}

}  // namespace

Rendered render(const Input& in, Format format, int digits) {
  using namespace gradproof;
  const bool is_worked_example = in.net == worked_example::net<double> && in.x == worked_example::x<double> &&
                                 in.y == worked_example::y<double> && in.eta == worked_example::eta<double>;
  if (const InputError e = validate(in.net, in.x, in.y, in.eta); e != InputError::none)
    return {std::nullopt, std::string(describe(e))};

  const ForwardPass<double> f = forward(in.net, in.x);
  const double L = loss(in.net, in.x, in.y);
  const Gradients<double> g = backward(in.net, in.x, in.y, f);
  Network<double> next = in.net;
  if (const InputError e = try_sgd_step(next, in.x, in.y, in.eta); e != InputError::none)
    return {std::nullopt, cat(describe(e), "; nothing is shown for a step that did not happen")};
  const double L_next = loss(next, in.x, in.y);
  const double ad_u = disagreement_in_u(g, ad_gradients(in.net, in.x, in.y));

  const auto d = digits;
  const std::string_view value_proof =
      is_worked_example ? "its value, for this worked example, against mpmath (40 digits)"
                        : "its value, for the worked example; for this input, the check below compares gradproof's "
                          "gradients with AD";
  const Cite ad_cite{proof("proof:ad"), "backward() agrees with forward-mode AD within 12 u on 8 networks"};

  std::vector<Section> sections;
  sections.push_back({"The input and the parameters (slides 2-3)",
                      "The sample x is a column; the label y is 0 or 1 (soft labels in [0, 1] work too). "
                      "The bias is kept out of W, as in Keras (slide 3).",
                      {}});
  auto& inputs = sections.back().entries;
  inputs.push_back({"x",
                    "x",
                    "the sample",
                    shape(in.x, " column"),
                    "slide 2",
                    matrix(in.x, d),
                    {{proof("fail:forward_given_row_x_transposed"), "a row x (1, 3) does not compile"}}});
  inputs.push_back({"y", "y", "the label", "scalar", "slide 3", number(in.y, d), {}});
  inputs.push_back({"η", "eta", "the learning rate", "scalar", "slide 8", number(in.eta, d), {}});
  inputs.push_back({"W",
                    "net.W",
                    "hidden weights",
                    shape(in.net.W, " = (α, β)"),
                    "slide 2",
                    matrix(in.net.W, d),
                    {{proof("shape:W"), "its shape"},
                     {proof("fail:keras_hidden_kernel_given_as_W"), "W given as Keras's kernel does not compile"}},
                    "Keras keeps the bias out of W too, as slide 3 says, but stores the kernel as Wᵀ, a (3, 4): "
                    "worth knowing when moving weights (note 6; not an erratum)"});
  inputs.push_back({"b1",
                    "net.b1",
                    "hidden bias",
                    shape(in.net.b1, " column"),
                    "slide 2",
                    matrix(in.net.b1, d),
                    {{proof("shape:b1"), "its shape"}}});
  inputs.push_back(
      {"U",
       "net.U",
       "output weights",
       shape(in.net.U, " row"),
       "slide 2 (eq. (5) indexes its entries u11 … u41 like a column's: a notation inconsistency, erratum 5)",
       matrix(in.net.U, d),
       {{proof("shape:U"), "its shape"}, {proof("proof:erratum5"), "a (4, 1) column U does not multiply h"}}});
  inputs.push_back(
      {"b2", "net.b2", "output bias", "scalar", "slide 2", number(in.net.b2, d), {{proof("shape:b2"), "its shape"}}});

  sections.push_back({"The forward pass (slide 2)", "gradproof::forward(net, x) makes all of it.", {}});
  auto& fw = sections.back().entries;
  fw.push_back({"z = W x + b1",
                "f.z",
                "hidden pre-activation",
                shape(f.z, " column"),
                "slide 2",
                matrix(f.z, d),
                {{proof("shape:z"), "its shape"},
                 {proof("proof:z"), value_proof},
                 {proof("fail:z_as_x_times_W"), "x W in place of W x does not compile"}}});
  fw.push_back({"h = σ(z)",
                "f.h",
                "hidden activation",
                shape(f.h, " column"),
                "slide 2",
                matrix(f.h, d),
                {{proof("shape:h"), "its shape"}, {proof("proof:h"), value_proof}}});
  fw.push_back({"θ = U h + b2",
                "f.theta",
                "output logit",
                "scalar",
                "slide 2",
                number(f.theta, d),
                {{proof("shape:theta"), "its shape"},
                 {proof("proof:theta"), value_proof},
                 {proof("fail:theta_as_h_times_U"), "h U in place of U h does not compile"}}});
  fw.push_back({"ŷ = σ(θ)",
                "f.y_hat",
                "the prediction",
                "scalar in (0, 1)",
                "slide 2",
                number(f.y_hat, d),
                {{proof("shape:y_hat"), "its shape"}, {proof("proof:y_hat"), value_proof}}});
  fw.push_back({"L = CE(ŷ, y)",
                "loss(net, x, y)",
                "binary cross-entropy",
                "scalar",
                "slide 3",
                number(L, d),
                {{proof("shape:loss"), "its shape"}, {proof("proof:loss"), value_proof}},
                "computed from θ (log-sum-exp form, as Keras's from_logits=True), so it keeps its digits for a "
                "confident answer"});

  sections.push_back({"The backward pass (slides 5-11)",
                      "gradproof::backward(net, x, y) makes all of it. A derivative of L by a column is a row "
                      "(δ2); a gradient by a parameter has the parameter's shape (docs/shapes.md).",
                      {}});
  auto& bw = sections.back().entries;
  bw.push_back(
      {"δ1 = ∂L/∂θ = ŷ − y",
       "g.delta1",
       "the output delta, ε on the slides",
       "scalar in (−1, 1)",
       "slide 5, eq. (3)",
       number(g.delta1, d),
       {{proof("shape:delta1"), "its shape"}, {proof("proof:delta1"), value_proof}},
       "evaluated as (1 − y) ŷ − y (1 − ŷ) with 1 − ŷ = σ(−θ): the same number, without the cancellation of ŷ − y "
       "for a confident right answer (docs/errata.md)"});
  bw.push_back({"σ′(z) = σ(z) (1 − σ(z))",
                "f.sigma_prime",
                "the hidden layer's slopes",
                shape(f.sigma_prime, " column"),
                "slides 6-7, eqs. (4)-(5) (eq. (5) repeats σ′(z2) where σ′(z3), σ′(z4) belong: erratum 2)",
                matrix(f.sigma_prime, d),
                {{proof("shape:sigma_prime"), "its shape"},
                 {proof("proof:sigma_prime"), value_proof},
                 {proof("proof:erratum2"), "eq. (5) as printed disagrees with AD"}}});
  bw.push_back({"δ2 = ∂L/∂z = δ1 U ∘ σ′(z)ᵀ",
                "g.delta2",
                "the hidden delta",
                shape(g.delta2, " row"),
                "slides 6-7, eqs. (4)-(6) (eqs. (4) and (5) print δ1 U ∘ σ′(z) without the transpose: erratum 3)",
                matrix(g.delta2, d),
                {{proof("shape:delta2"), "its shape: a row"},
                 {proof("proof:delta2"), value_proof},
                 {proof("proof:erratum3"), "a row ∘ a column is not an operation"}}});
  bw.push_back({"∂L/∂W = δ2ᵀ ⊗ xᵀ",
                "g.dW",
                "entry (i, j) = δ2_i x_j",
                shape(g.dW, ", like W"),
                "slide 9, eq. (7) (its last row uses σ′(z1) where σ′(z4) belongs: erratum 4)",
                matrix(g.dW, d),
                {{proof("shape:dW"), "its shape: W's"},
                 {proof("proof:dW"), value_proof},
                 {proof("proof:erratum4"), "eq. (7) as printed disagrees with AD"},
                 {proof("fail:outer_with_x_instead_of_x_transposed"), "δ2ᵀ ⊗ x does not compile"}}});
  bw.push_back({"∂L/∂U = δ1 hᵀ",
                "g.dU",
                "ε [h1 … h4]",
                shape(g.dU, ", like U"),
                "slide 10",
                matrix(g.dU, d),
                {{proof("shape:dU"), "its shape: U's"},
                 {proof("proof:dU"), value_proof},
                 {proof("fail:sgd_on_U_given_delta1_times_h"), "δ1 h, a column, cannot update U"}},
                "slide 10 writes δ1ᵀ ⊗ hᵀ: the same row, since δ1 is a scalar"});
  bw.push_back({"∂L/∂b2 = δ1",
                "g.db2",
                "",
                "scalar, like b2",
                "slide 11 (δ2 has no part in it; slide 6 writes b2 where it means b1: erratum 1)",
                number(g.db2, d),
                {{proof("shape:db2"), "its shape"},
                 {proof("proof:db2"), value_proof},
                 {proof("proof:erratum1"), "no entry of δ2, nor their sum, is ∂L/∂b2"}}});
  bw.push_back({"∂L/∂b1 = δ2ᵀ",
                "g.db1",
                "δ2 made a column",
                shape(g.db1, ", like b1"),
                "slide 11 (slide 6 says ∂L/∂W and ∂L/∂b2 share ∂L/∂z, where it means b1: erratum 1)",
                matrix(g.db1, d),
                {{proof("shape:db1"), "its shape: b1's, so the transpose is needed"},
                 {proof("proof:erratum1_z_i_b1_i"), "∂z_i/∂b1_k is 1 for i = k and 0 otherwise: b1 reaches z"},
                 {proof("proof:db1"), value_proof},
                 {proof("fail:b1_assigned_delta2_without_transpose"), "b1 updated with the row δ2 does not compile"}}});

  sections.push_back(
      {"The SGD step (slide 8)",
       "Ω ← Ω − η ∂L/∂Ω for every parameter, each keeping its shape: gradproof::sgd_step(net, x, y, eta). "
       "Slide 8 writes the rule for W; b1, U and b2 follow the same rule.",
       {}});
  auto& st = sections.back().entries;
  st.push_back({"W ← W − η ∂L/∂W",
                "next.W",
                "",
                shape(next.W),
                "slide 8",
                matrix(next.W, d),
                {{proof("shape:step"), "the step keeps every shape"},
                 {proof("proof:W_next"), value_proof},
                 {proof("fail:sgd_on_W_given_db1"), "W updated with another parameter's gradient does not compile"}}});
  st.push_back({"b1 ← b1 − η ∂L/∂b1",
                "next.b1",
                "",
                shape(next.b1),
                "slide 8",
                matrix(next.b1, d),
                {{proof("proof:b1_next"), value_proof}}});
  st.push_back({"U ← U − η ∂L/∂U",
                "next.U",
                "",
                shape(next.U),
                "slide 8",
                matrix(next.U, d),
                {{proof("proof:U_next"), value_proof}}});
  st.push_back({"b2 ← b2 − η ∂L/∂b2",
                "next.b2",
                "",
                "scalar",
                "slide 8",
                number(next.b2, d),
                {{proof("proof:b2_next"), value_proof}}});
  st.push_back({"L after the step",
                "loss(next, x, y)",
                "",
                "scalar",
                "",
                number(L_next, d),
                {},
                L_next < L ? "lower than before: the step went downhill"
                           : "not lower than before: η is too large for this sample"});

  std::string out;
  auto cite_text = [format](const Cite& c) {
    return cat(format == Format::markdown ? markdown_link(*c.ref) : location(*c.ref), " (", c.what, ")");
  };
  char ad_u_text[32];
  std::snprintf(ad_u_text, sizeof ad_u_text, "%.2g", ad_u);
  const std::string check =
      cat("gradproof's gradients above (backward(), for this input), checked now against forward-mode automatic "
          "differentiation (gradproof::ad_gradients, which shares no formula with the slides): largest disagreement ",
          ad_u_text, " u (u = 2^-53 of the entry's size); the bound proven at compile time is 12 u.");

  if (format == Format::text) {
    out.append(cat("gradproof-explain: one SGD step of the slides' ", std::to_string(Net::inputs), "-",
                   std::to_string(Net::hidden), "-1 network\n"));
    out.append(cat("input: ", in.source, "\n"));
    for (const Section& s : sections) {
      out.append(cat("\n== ", s.title, " ==\n", s.intro, "\n"));
      for (const Entry& e : s.entries) {
        out.append(cat("\n", e.symbol, "   [", e.shape, "]   ", e.name));
        if (!e.meaning.empty()) out.append(cat(": ", e.meaning));
        out.append(cat("\n    = ", e.value, "\n"));
        if (!e.slide.empty()) out.append(cat("    from: ", e.slide, "\n"));
        if (!e.note.empty()) out.append(cat("    note: ", e.note, "\n"));
        for (const Cite& c : e.cites) out.append(cat("    proof: ", cite_text(c), "\n"));
      }
    }
    out.append(cat("\n== Check ==\n", check, "\n    proof: ", cite_text(ad_cite), "\n"));
    if (ad_u > 12) out.append("    WARNING: above the proven bound\n");
    return {out, {}};
  }

  out.append("# Walkthrough: one SGD step, every number explained\n\n");
  out.append(
      "<!-- Generated by `gradproof-explain --markdown` (examples/explain/); do not edit. The test\n"
      "     walkthrough_fresh fails when this page is stale. -->\n\n");
  out.append(cat("Input: ", in.source, ". Values to ", std::to_string(digits),
                 " significant digits; matrices row by row, rows separated by `;`. Each quantity cites "
                 "the `static_assert`s that prove it (its shape, and its value for this worked example against an "
                 "independent 40-digit mpmath computation, `tools/reference_values.py`) and, where one exists, a "
                 "mistake that does not compile (`static_tests/compile_fail/`). Shapes: [shapes.md](shapes.md); "
                 "where the printed slides need a correction: [errata.md](errata.md).\n"));
  for (const Section& s : sections) {
    out.append(cat("\n## ", s.title, "\n\n", s.intro, "\n\n"));
    out.append("| quantity | shape | value | from | proofs |\n| --- | --- | --- | --- | --- |\n");
    for (const Entry& e : s.entries) {
      std::string proofs;
      for (const Cite& c : e.cites) proofs.append(cat(proofs.empty() ? "" : "<br>", cite_text(c)));
      std::string what = cat(e.symbol, "<br>`", e.name, "`");
      if (!e.meaning.empty()) what.append(cat("<br>", e.meaning));
      std::string from(e.slide);
      if (!e.note.empty()) from.append(cat(from.empty() ? "" : "<br>", "*", e.note, "*"));
      out.append(cat("| ", what, " | ", e.shape, " | `", e.value, "` | ", from, " | ", proofs, " |\n"));
    }
  }
  out.append(cat("\n## Check\n\n", check, " Proof: ", cite_text(ad_cite), ".\n"));
  return {out, {}};
}

}  // namespace gradproof_explain
