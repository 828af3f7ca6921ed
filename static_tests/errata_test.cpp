// static_tests/errata_test.cpp: errata 1-5 of the slides (K. Kmita, "Liczenie gradientów w prostej
// sieci neuronowej z jedną warstwą ukrytą"; docs/errata.md numbers all eight places and maps each to
// its slide), each a compile-time proof with forward-mode AD as the judge: the formula as printed
// disagrees with AD (or does not compile, for the shape errata) and the corrected one, the
// library's, agrees. Network: the everyday one of ad_networks.hpp; its four z_i differ, so a wrong index shows.
#include <cstddef>
#include <string_view>

#include "ad_check.hpp"
#include "ad_networks.hpp"
#include "fixtures.hpp"

namespace {

using namespace gradproof;
using test::can_hadamard;
using test::can_multiply;
using test::gradients_agree_with_ad;
namespace nets = test::nets;

constexpr const auto& net = nets::everyday<double>;
constexpr const auto& x = nets::everyday_x<double>;
constexpr double y = 1.0;
constexpr auto f = forward(net, x);
constexpr auto ad = ad_gradients(net, x, y);
constexpr double d1 = equations::delta1(f.y_hat, f.one_minus_y_hat, y);

// The four σ′(z_i) differ, so erratum 2's and 4's wrong indices change numbers.
static_assert(f.sigma_prime(0, 0) != f.sigma_prime(1, 0) && f.sigma_prime(1, 0) != f.sigma_prime(2, 0) &&
              f.sigma_prime(2, 0) != f.sigma_prime(3, 0) && f.sigma_prime(0, 0) != f.sigma_prime(3, 0));

/// backward's gradients with a chosen σ′ column (the slides' eq. (5) column) in the forward pass.
constexpr Gradients<double> with_sigma_prime(const ColVector<double, 4>& sigma_prime) {
  return test::backward_with(net, x, y, [&sigma_prime](ForwardPass<double>& g) { g.sigma_prime = sigma_prime; });
}

// The library's gradients agree with AD: the baseline every erratum is measured against.
static_assert(gradients_agree_with_ad(backward(net, x, y), ad));

// ---- Erratum 1 (slide 6): "∂L/∂W and ∂L/∂b2 share ∂L/∂z"; it is ∂L/∂b1 ------------------------
// b2 does not reach z: on the dual network, ∂z/∂b2 is exactly 0 for every unit, while
// ∂z_i/∂b1_i = 1 (z = W x + b1). So ∂L/∂b2 = δ1 cannot come from ∂L/∂z = δ2, and ∂L/∂b1 does.
constexpr auto dual_z =
    forward(to_dual(net),
            ColVector<Dual<double, parameter_count<Network<double>>>, 3>{{x.data[0], x.data[1], x.data[2]}})
        .z;
/// The direction of an entry of the named parameter: its place in to_dual's (parameters.hpp's) order.
constexpr std::size_t direction_of(std::string_view name, std::size_t row) {
  std::size_t k = 0;
  for_each_parameter_entry(net, [&](const ParameterEntry& e, const double&) {
    if (e.name == name && e.row == row) k = e.index;
  });
  return k;
}
constexpr std::size_t b2_direction = direction_of("b2", 0);
constexpr bool z_does_not_depend_on_b2() {
  for (const auto& z : dual_z.data)
    if (z.derivative[b2_direction] != 0.0) return false;
  return true;
}
constexpr bool z_i_depends_on_b1_i_alone() {
  for (std::size_t i = 0; i < 4; ++i)
    for (std::size_t k = 0; k < 4; ++k)
      if (dual_z.data[i].derivative[direction_of("b1", k)] != (i == k ? 1.0 : 0.0)) return false;
  return true;
}
static_assert(z_does_not_depend_on_b2());    // [proof:erratum1_z_not_b2]
static_assert(z_i_depends_on_b1_i_alone());  // [proof:erratum1_z_i_b1_i]
static_assert(test::agrees_with_ad(equations::db1(backward(net, x, y).delta2)(2, 0), ad.db1(2, 0)));  // [proof:db1_ad]
// The slides' reading, ∂L/∂b2 from the shared ∂L/∂z (any entry of δ2, or their sum), disagrees.
constexpr bool db2_from_delta2_agrees() {
  const auto delta2 = backward(net, x, y).delta2;
  double sum = 0;
  for (const double d : delta2.data) {
    if (test::agrees_with_ad(d, ad.db2)) return true;
    sum += d;
  }
  return test::agrees_with_ad(sum, ad.db2);
}
static_assert(!db2_from_delta2_agrees());  // [proof:erratum1]

// ---- Erratum 2 (eq. 5): the column σ′(z1), σ′(z2), σ′(z2), σ′(z2) ------------------------------
constexpr ColVector<double, 4> eq5_as_printed{
    {f.sigma_prime(0, 0), f.sigma_prime(1, 0), f.sigma_prime(1, 0), f.sigma_prime(1, 0)}};
static_assert(!gradients_agree_with_ad(with_sigma_prime(eq5_as_printed), ad));  // [proof:erratum2]
static_assert(gradients_agree_with_ad(with_sigma_prime(f.sigma_prime), ad));    // σ′(z1), …, σ′(z4)

// ---- Erratum 3 (eqs. 4-5): "δ1 U ∘ σ′(z)", a (1, 4) row ∘ a (4, 1) column --------------------
// Does not compile: hadamard wants one shape (compile_fail/hadamard_row_by_column_erratum_3.cpp
// shows the message). With σ′(z)ᵀ it compiles and is δ2, which AD confirms.
static_assert(!can_hadamard<RowVector<double, 4>, ColVector<double, 4>>);  // [proof:erratum3]
static_assert(can_hadamard<RowVector<double, 4>, RowVector<double, 4>>);
constexpr auto delta2_corrected = d1 * hadamard(net.U, transpose(f.sigma_prime));
static_assert(test::is_of_type<RowVector<double, 4>>(delta2_corrected));
static_assert(test::agrees_with_ad(delta2_corrected(0, 3), ad.delta2(0, 3)));  // [proof:erratum3_delta2_ad]

// ---- Erratum 4 (eq. 7): the last row of ∂L/∂W with σ′(z1) ---------------------------------------
static_assert(!gradients_agree_with_ad(test::eq7_as_printed(net, x, y), ad));  // [proof:erratum4]
// Row i with σ′(z_i), the last row with σ′(z4).
static_assert(gradients_agree_with_ad(test::eq7_with_unit(net, x, y, 3), ad));  // [proof:erratum4_corrected]

// ---- Erratum 5 (eq. 5), a notation inconsistency: U's entries indexed u11 … u41, like a (4, 1) column --
// With U a (4, 1) column, θ = U h + b2 does not compile (a (4, 1) times a (4, 1)); U is the
// (1, 4) row, and ∂L/∂U has its shape, (1, 4) = ε [h1 … h4], entry for entry AD's. The (4, 1)
// column that the names suggest is the shape of Keras's output kernel, Uᵀ.
static_assert(!can_multiply<ColVector<double, 4>, ColVector<double, 4>>);  // [proof:erratum5]
static_assert(can_multiply<RowVector<double, 4>, ColVector<double, 4>>);
static_assert(test::is_of_type<RowVector<double, 4>>(ad.dU) && test::is_of_type<RowVector<double, 4>>(net.U));
static_assert(gradients_agree_with_ad(with_sigma_prime(f.sigma_prime), ad) &&
              test::agrees_with_ad(equations::dU(d1, f.h)(0, 2), ad.dU(0, 2)));
// The slides' column read as U: δ2 from it does not compile (compile_fail/
// delta2_with_U_as_column_erratum_5.cpp), and dU = δ1 h is a column, the wrong shape for the
// update (compile_fail/sgd_on_U_given_delta1_times_h.cpp).
static_assert(test::is_of_type<ColVector<double, 4>>(d1 * f.h));  // [proof:erratum5_delta1_h_column]

}  // namespace
