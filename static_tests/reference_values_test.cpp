// static_tests/reference_values_test.cpp: a general network against an independent
// implementation. Every reference below is a 40-digit value printed by
//     python3 tools/reference_values.py        (mpmath at 60 digits, no gradproof code)
// The network and sample are multiples of 1/64, exact in float and double alike, so the
// same references serve both.
//
// Tolerance, and why: each reference is the exact value rounded once. gradproof's value went
// through at most about ten roundings on its way (three products and sums for z, exp and two
// divisions for h and σ′, four products and sums for θ, ...), each of relative size u = 2^-53
// (double) or 2^-24 (float), with condition numbers of order 1 for this well-scaled network
// (no cancellation: no quantity is much smaller than the terms it sums). So 16 ulps bounds
// every entry with room to spare, while a wrong formula (an erratum, a missing transpose, a
// sign) moves a value by far more than 16 ulps; the known-bad twin at the end shows it.
#include "test_tools.hpp"

namespace {

using namespace gradproof;
using test::within_ulps;

inline constexpr std::uint64_t tolerance_ulps = 16;

// The network, sample, label and learning rate: gradproof::worked_example (also
// gradproof-explain's default and docs/walkthrough.md), the same numbers as
// tools/reference_values.py.
template <real T>
constexpr const Network<T>& ref_net = worked_example::net<T>;
template <real T>
constexpr const ColVector<T, 3>& ref_x = worked_example::x<T>;
template <real T>
constexpr T ref_y = worked_example::y<T>;
template <real T>
constexpr T ref_eta = worked_example::eta<T>;

// The references, in the order tools/reference_values.py prints them.
constexpr long double z_ref[4] = {8.90625e-1L, -1.0078125L, -4.453125e-1L, -3.203125e-1L};
constexpr long double h_ref[4] = {
    7.090191337850932287607522678713534015471e-1L, 2.674081661882254993210983129792164574095e-1L,
    3.904758374334972900901887119092702299009e-1L, 4.205995910950130224470483355610675059027e-1L};
constexpr long double sigma_prime_ref[4] = {
    2.063110017117292983841424152375090209824e-1L, 1.959010388440758721498911844256071379435e-1L,
    2.380044578141062865318723258522846833308e-1L, 2.436955750657208646762161629381126980073e-1L};
constexpr long double theta_ref = 4.525178144607640161174545387617796552547e-1L;
constexpr long double y_hat_ref = 6.112376998664135328707442023640995176526e-1L;
constexpr long double loss_ref = 4.922693613134567706307614613388666707351e-1L;
constexpr long double delta1_ref = -3.887623001335864671292557976359004823474e-1L;
constexpr long double delta2_ref[4] = {
    -7.519306834529641581166242318199373208494e-2L, 5.235927019096262851836983181816235006867e-2L,
    -5.2046527759795747730806968555353529048e-2L, 7.697596748962796441803095488359757566796e-2L};
constexpr long double dW_ref[12] = {
    -5.63948012589723118587468173864952990637e-2L,  9.399133543162051976457802897749216510617e-2L,
    -4.699566771581025988228901448874608255309e-2L, 3.92694526432219713887773738636217625515e-2L,
    -6.544908773870328564796228977270293758584e-2L, 3.272454386935164282398114488635146879292e-2L,
    -3.9034895819846810798105226416515146786e-2L,   6.505815969974468466350871069419191131e-2L,
    -3.2529079849872342331754355347095955655e-2L,   5.773197561722097331352321616269818175097e-2L,
    -9.621995936203495552253869360449696958495e-2L, 4.810997968101747776126934680224848479248e-2L};
constexpr long double dU_ref[4] = {
    -2.756399092890159105368519767601625973957e-1L, -1.039582137618388902373165759485489851641e-1L,
    -1.51802284707234791161307487338120607382e-1L, -1.6351326446934319458685852576390476957e-1L};
constexpr long double W_next_ref[12] = {
    5.07049350157371538982343352173311912383e-1L,   -2.617489169289525649705722536221865206383e-1L,
    1.308744584644762824852861268110932603191e-1L,  -3.799086815804027464235971717329527203189e-1L,
    6.331811359673379107059952862215878671982e-1L,  1.834094320163310446470023568892060664009e-1L,
    6.737936197748085134976315330206439334825e-2L,  3.043677300375319144170614111632260110862e-1L,
    -5.584338650187659572085307055816130055431e-1L, -7.572164969521526216641904020203372727189e-1L,
    -1.129725050797456305596826632994378788019e-1L, 4.314862525398728152798413316497189394009e-1L};
constexpr long double b1_next_ref[4] = {
    1.343991335431620519764578028977492165106e-1L, -6.904490877387032856479622897727029375858e-2L,
    2.56505815969974468466350871069419191131e-1L, -1.971219959362034955522538693604496969585e-1L};
constexpr long double U_next_ref[4] = {
    9.719549886611269888171064970950203246745e-1L, -6.745052232797701387203354280064313768545e-1L,
    5.814752855884043488951634359172650759227e-1L, -7.920608419413321006766426842795119038037e-1L};
constexpr long double b2_next_ref = 1.423452875166983083911569747044875602934e-1L;

template <real T, std::size_t R, std::size_t C, std::size_t N>
constexpr bool matches(const Matrix<T, R, C>& m, const long double (&ref)[N], std::uint64_t n = tolerance_ulps) {
  static_assert(R * C == N, "reference has the wrong number of entries");
  for (std::size_t i = 0; i < N; ++i)
    if (!within_ulps(m.data[i], ref[i], n)) return false;
  return true;
}

// One proof per quantity, for both float and double; gradproof-explain and docs/walkthrough.md
// cite each by its line, found through the [proof:...] marker at its end (the marker must stay
// on the static_assert's own line; cmake/gradproof_proof_index.cmake reads them).
template <real T>
constexpr ForwardPass<T> pass = forward(ref_net<T>, ref_x<T>);
template <real T>
constexpr Gradients<T> grads = backward(ref_net<T>, ref_x<T>, ref_y<T>);
template <real T>
constexpr Network<T> next = sgd_step(ref_net<T>, ref_x<T>, ref_y<T>, ref_eta<T>);

template <real T>
constexpr bool near(T value, long double ref) {
  return within_ulps(value, ref, tolerance_ulps);
}

// ---- Forward pass ------------------------------------------------------------------------
// z is a sum of products of multiples of 1/64: exact in binary, so exactly equal.
static_assert(matches(pass<double>.z, z_ref, 0) && matches(pass<float>.z, z_ref, 0));  // [proof:z]
static_assert(matches(pass<double>.h, h_ref) && matches(pass<float>.h, h_ref));  // [proof:h]
static_assert(near(pass<double>.theta, theta_ref) && near(pass<float>.theta, theta_ref));  // [proof:theta]
static_assert(near(pass<double>.y_hat, y_hat_ref) && near(pass<float>.y_hat, y_hat_ref));  // [proof:y_hat]
template <real T>
constexpr T loss_of = loss(ref_net<T>, ref_x<T>, ref_y<T>);
static_assert(near(loss_of<double>, loss_ref) && near(loss_of<float>, loss_ref));  // [proof:loss]

// ---- Backward pass -----------------------------------------------------------------------
static_assert(near(grads<double>.delta1, delta1_ref) && near(grads<float>.delta1, delta1_ref));  // [proof:delta1]
static_assert(matches(pass<double>.sigma_prime, sigma_prime_ref) && matches(pass<float>.sigma_prime, sigma_prime_ref));  // [proof:sigma_prime]
static_assert(matches(grads<double>.delta2, delta2_ref) && matches(grads<float>.delta2, delta2_ref));  // [proof:delta2]
static_assert(matches(grads<double>.dW, dW_ref) && matches(grads<float>.dW, dW_ref));  // [proof:dW]
static_assert(matches(grads<double>.db1, delta2_ref) && matches(grads<float>.db1, delta2_ref));  // [proof:db1]
static_assert(matches(grads<double>.dU, dU_ref) && matches(grads<float>.dU, dU_ref));  // [proof:dU]
static_assert(near(grads<double>.db2, delta1_ref) && near(grads<float>.db2, delta1_ref));  // [proof:db2]

// ---- One SGD step, η = 1/8 ------------------------------------------------------------------
static_assert(matches(next<double>.W, W_next_ref) && matches(next<float>.W, W_next_ref));  // [proof:W_next]
static_assert(matches(next<double>.b1, b1_next_ref) && matches(next<float>.b1, b1_next_ref));  // [proof:b1_next]
static_assert(matches(next<double>.U, U_next_ref) && matches(next<float>.U, U_next_ref));  // [proof:U_next]
static_assert(near(next<double>.b2, b2_next_ref) && near(next<float>.b2, b2_next_ref));  // [proof:b2_next]

// ---- Known-bad twins: the same check rejects the slides' errata and a wrong transpose ------
// Eq. (5) as printed (σ′(z2) for units 3 and 4) gives a δ2 the reference rejects.
constexpr bool eq5_typo_matches() {
  const auto f = forward(ref_net<double>, ref_x<double>);
  auto sp = f.sigma_prime;
  sp(2, 0) = sp(1, 0);
  sp(3, 0) = sp(1, 0);
  return matches(equations::delta2(f.y_hat - 1.0, ref_net<double>.U, sp), delta2_ref);
}
static_assert(!eq5_typo_matches());
// dW with x and δ2 swapped in the outer product (x ⊗ δ2, transposed back) is rejected too.
constexpr bool swapped_outer_matches() {
  const auto g = backward(ref_net<double>, ref_x<double>, 1.0);
  const auto wrong = transpose(outer(ref_x<double>, g.delta2));  // (3,1)⊗(1,4) -> (4,3): entry (i,j) = x_i δ2_j
  Matrix<double, 4, 3> reshaped{};
  for (std::size_t k = 0; k < 12; ++k) reshaped.data[k] = wrong.data[(k * 5) % 12];  // a plausible mix-up
  return matches(reshaped, dW_ref);
}
static_assert(!swapped_outer_matches());

}  // namespace
