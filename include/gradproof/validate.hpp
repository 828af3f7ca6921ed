// gradproof/validate.hpp: what counts as bad input, and how each kind is reported.
//
// Two worlds, one rule set:
// - in a constant evaluation, bad input stops the compiler. The unchecked functions call
//   one of the functions in gradproof::bad_input below, which are deliberately NOT
//   constexpr (fmt's report_error technique): the compiler then refuses the call and
//   prints the function's name, which says what is wrong, e.g.
//   "non-constexpr function 'the_label_y_is_not_in_0_1_or_is_nan' cannot be used ...".
// - at run time the unchecked functions check nothing (the hot path stays fast); the
//   checked entry points of checked.hpp return an InputError the caller can handle.
#ifndef GRADPROOF_VALIDATE_HPP
#define GRADPROOF_VALIDATE_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "detail/fp.hpp"
#include "matrix.hpp"

namespace gradproof {

/// What is wrong with an input. `none` means nothing.
enum class InputError : std::uint8_t {
  none,
  label_not_in_0_1,          ///< y is NaN or outside [0, 1]
  input_not_finite,          ///< an entry of x is NaN or ±inf
  parameter_not_finite,      ///< an entry of W, b1, U or b2 is NaN or ±inf
  eta_not_positive_finite,   ///< the learning rate is <= 0, NaN or ±inf
  result_not_finite,         ///< the step itself overflowed (eta or inputs too large)
};

/// A sentence for each InputError, naming the field.
constexpr std::string_view describe(InputError e) noexcept {
  switch (e) {
    case InputError::none: return "no error";
    case InputError::label_not_in_0_1: return "the label y must be a number in [0, 1]";
    case InputError::input_not_finite: return "every entry of the input x must be finite";
    case InputError::parameter_not_finite: return "every parameter (W, b1, U, b2) must be finite";
    case InputError::eta_not_positive_finite: return "the learning rate eta must be finite and > 0";
    case InputError::result_not_finite: return "the SGD step overflowed: the updated network would not be finite";
  }
  return "unknown InputError";
}

/// Deliberately not constexpr. A constant evaluation that reaches one of these stops, and the
/// compiler's message names the function, so the name is the diagnostic.
namespace bad_input {
inline void the_label_y_is_not_in_0_1_or_is_nan() noexcept {}
inline void an_entry_of_the_input_x_is_not_finite() noexcept {}
inline void a_parameter_of_the_network_is_not_finite() noexcept {}
inline void the_learning_rate_eta_is_not_positive_and_finite() noexcept {}
inline void the_logit_theta_is_not_finite() noexcept {}
inline void the_probability_y_hat_is_not_in_0_1_or_is_nan() noexcept {}
}  // namespace bad_input

namespace detail {

template <class T>
constexpr bool label_ok(T y) noexcept {
  return y >= T(0) && y <= T(1);  // false for NaN
}

template <class T>
constexpr bool eta_ok(T eta) noexcept {
  return eta > T(0) && is_finite(eta);
}

template <class T, std::size_t R, std::size_t C>
constexpr bool all_finite(const Matrix<T, R, C>& m) noexcept {
  // is_finite's test written out, not called, and not a range-for: a constant evaluation charges
  // for every call and every iterator step, and the fused step checks its network each time
  // (this cut the check from 173 to 82 clang steps per SGD step, tools/constexpr_cost.sh).
  constexpr T largest = std::numeric_limits<T>::max();
  const T* const entries = m.data.data();
  for (std::size_t i = 0; i < R * C; ++i)
    if (!(entries[i] >= -largest && entries[i] <= largest)) return false;
  return true;
}

/// In a constant evaluation, stop with the message that belongs to e; no-op otherwise.
constexpr void stop_if_constant_evaluated(InputError e) noexcept {
  if (!std::is_constant_evaluated()) return;
  switch (e) {
    case InputError::none: break;
    case InputError::label_not_in_0_1: bad_input::the_label_y_is_not_in_0_1_or_is_nan(); break;
    case InputError::input_not_finite: bad_input::an_entry_of_the_input_x_is_not_finite(); break;
    case InputError::parameter_not_finite: bad_input::a_parameter_of_the_network_is_not_finite(); break;
    case InputError::eta_not_positive_finite: bad_input::the_learning_rate_eta_is_not_positive_and_finite(); break;
    case InputError::result_not_finite: break;  // the compiler already refuses an overflow
  }
}

/// In a constant evaluation, stop on a label y outside [0, 1] or NaN; nothing at run time
/// (the test is not even made there: the unchecked functions' hot path stays free of it).
template <class T>
constexpr void stop_on_bad_label(T y) noexcept {
  if (std::is_constant_evaluated() && !label_ok(y)) bad_input::the_label_y_is_not_in_0_1_or_is_nan();
}

/// In a constant evaluation, stop on a learning rate that is not finite and > 0; nothing at run time.
template <class T>
constexpr void stop_on_bad_eta(T eta) noexcept {
  if (std::is_constant_evaluated() && !eta_ok(eta)) bad_input::the_learning_rate_eta_is_not_positive_and_finite();
}

}  // namespace detail
}  // namespace gradproof

#endif  // GRADPROOF_VALIDATE_HPP
