// gradproof/checked.hpp: the run-time entry points that check their input.
//
// Choice: an error value (InputError), not an exception. It is constexpr like everything
// else (static_tests prove the same checks the runtime tests do), needs no heap, and a
// training loop can decide per sample what to do. [[nodiscard]] makes ignoring it a warning.
// Guarantee: on any error the network passed in is left exactly as it was, so a failed run
// keeps the last good network.
#ifndef GRADPROOF_CHECKED_HPP
#define GRADPROOF_CHECKED_HPP

#include <cstddef>
#include <type_traits>

#include "network.hpp"
#include "validate.hpp"

namespace gradproof {

/// What is wrong with (net, x, y, eta), in this order: parameters, input, label, learning
/// rate; InputError::none if nothing.
template <class T, std::size_t In, std::size_t Hidden>
constexpr InputError validate(const Network<T, In, Hidden>& net, const ColVector<T, In>& x, std::type_identity_t<T> y,
                              std::type_identity_t<T> eta) noexcept {
  if (detail::check_network(net) != InputError::none) return InputError::parameter_not_finite;
  if (!detail::all_finite(x)) return InputError::input_not_finite;
  if (!detail::label_ok(y)) return InputError::label_not_in_0_1;
  if (!detail::eta_ok(eta)) return InputError::eta_not_positive_finite;
  return InputError::none;
}

/// One checked SGD step: validates, steps, and replaces `net` only if the result is finite.
template <class T, std::size_t In, std::size_t Hidden>
[[nodiscard]] constexpr InputError try_sgd_step(Network<T, In, Hidden>& net, const ColVector<T, In>& x,
                                                std::type_identity_t<T> y, std::type_identity_t<T> eta) noexcept {
  if (const InputError e = validate(net, x, y, eta); e != InputError::none) return e;
  const auto next = sgd_step(net, x, y, eta);
  if (detail::check_network(next) != InputError::none) return InputError::result_not_finite;
  net = next;
  return InputError::none;
}

/// The outcome of a checked epoch: the first error and the index of its sample.
struct EpochReport {
  InputError error = InputError::none;
  std::size_t sample = 0;  ///< index of the failed sample; the number of samples if none failed
  constexpr explicit operator bool() const noexcept { return error == InputError::none; }
};

/// One checked epoch of per-sample SGD. Stops at the first bad sample; `net` then holds the
/// network after the last good step, and the report says which sample failed and why.
template <class T, std::size_t In, std::size_t Hidden, class Samples>
[[nodiscard]] constexpr EpochReport try_sgd_epoch(Network<T, In, Hidden>& net, const Samples& samples,
                                                  std::type_identity_t<T> eta) noexcept {
  std::size_t i = 0;
  for (const Sample<T, In>& s : samples) {
    if (const InputError e = try_sgd_step(net, s.x, s.y, eta); e != InputError::none) return {e, i};
    ++i;
  }
  return {InputError::none, i};
}

}  // namespace gradproof

#endif  // GRADPROOF_CHECKED_HPP
