// gradproof/loss.hpp: binary cross-entropy, the slides' L = CE(y_hat, y), two ways.
//
// bce_with_logits(theta, y) is the one the network trains on: it never forms y_hat, so it is
// exact in the regimes where the probability form loses everything (a confident right
// answer has a loss of about e^-|theta|, far below 1 - y_hat's resolution). Its derivative
// with respect to theta is exactly delta1 = y_hat - y (slide 5, eq. 3).
// bce(y_hat, y) is the probability form with Keras's semantics (see below), for comparing
// with a Keras model's reported loss.
#ifndef GRADPROOF_LOSS_HPP
#define GRADPROOF_LOSS_HPP

#include <type_traits>

#include "detail/numeric.hpp"
#include "math.hpp"
#include "scalar.hpp"
#include "validate.hpp"

GRADPROOF_FP_CONTRACT_OFF_BEGIN

namespace gradproof {

/// L(theta, y) = max(theta, 0) - theta y + log1p(e^-|theta|)   (scalar, scalar -> scalar)
/// The form Keras/TensorFlow use with from_logits=True. For y in {0, 1} and theta on the
/// right side, max(theta, 0) - theta y is exactly 0 and the loss is log1p(e^-|theta|) with
/// all its digits; for large |theta| on the wrong side it is |theta| + a tiny term.
/// On a scalar whose values do not compare (scalar.hpp: not checked_scalar) it is the same
/// function written without a branch, softplus(theta) - theta y, with the type's softplus.
template <scalar T>
constexpr T bce_with_logits(T theta, std::type_identity_t<T> y) noexcept(nothrow_scalar<T>) {
  if constexpr (checked_scalar<T>) {
    detail::stop_on_bad_label(y);
    if (std::is_constant_evaluated() && !detail::is_finite(theta)) bad_input::the_logit_theta_is_not_finite();
    // max(θ, 0) and |θ| take the same side at θ = 0 (>=, and abs's x < 0 test), so that their
    // kinks cancel there on Dual numbers too: L′(0) = 1 − y − 1/2 = σ(0) − y. An if, not a
    // conditional expression: no ?: on a class-valued scalar (docs/architecture.md).
    T linear = T(0);
    if (theta >= T(0)) linear = theta;
    linear = linear - GRADPROOF_MUL(theta, y);
    const T tail = math::log1p(math::exp(-detail::abs(theta)));
    return linear + tail;
  } else {
    return math::softplus(theta) - theta * y;  // a plain product: T is not real
  }
}

/// Keras's backend epsilon, the clipping margin of the probability form.
template <real T>
inline constexpr T keras_epsilon = T(1e-7);

/// L(y_hat, y) = -(y log p + (1 - y) log(1 - p)), p = clip(y_hat, eps, 1 - eps), eps = 1e-7
/// (scalar, scalar -> scalar). Keras 3 semantics (keras.losses.BinaryCrossentropy with
/// from_logits=False, Keras >= 3.0): clip, then the two logs; tf.keras 2.x additionally
/// added eps inside each log. log(1 - p) is computed as log1p(-p), the same value, better
/// rounded. The clip caps the loss at about 16.12 (= -log 1e-7): a saturated wrong answer
/// reports 16.12, not its true loss; bce_with_logits has no such cap.
template <real T>
constexpr T bce(T y_hat, std::type_identity_t<T> y) noexcept {
  detail::stop_on_bad_label(y);
  if (std::is_constant_evaluated() && !detail::label_ok(y_hat))
    bad_input::the_probability_y_hat_is_not_in_0_1_or_is_nan();
  constexpr T eps = keras_epsilon<T>;
  const T p = y_hat < eps ? eps : (y_hat > T(1) - eps ? T(1) - eps : y_hat);
  const T log_p = math::log(p);
  const T log_q = math::log1p(-p);
  const T one_minus_y = T(1) - y;
  return -(GRADPROOF_MUL(y, log_p) + GRADPROOF_MUL(one_minus_y, log_q));
}

}  // namespace gradproof

GRADPROOF_FP_CONTRACT_OFF_END

#endif  // GRADPROOF_LOSS_HPP
