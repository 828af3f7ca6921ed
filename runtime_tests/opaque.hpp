// runtime_tests/opaque.hpp: opaque(v) returns a copy of v that the optimiser cannot trace back
// to a constant, so a computation on it happens at run time even at -O2.
#ifndef GRADPROOF_RUNTIME_TESTS_OPAQUE_HPP
#define GRADPROOF_RUNTIME_TESTS_OPAQUE_HPP

#include <cstddef>
#include <type_traits>

namespace gradproof_test {

/// std::memcpy, defined in opaque.cpp: another translation unit, and the build uses no LTO,
/// so the compiler must assume the bytes that come out are unknown.
void opaque_copy(void* dst, const void* src, std::size_t n) noexcept;

template <class T>
T opaque(const T& v) noexcept {
  static_assert(std::is_trivially_copyable_v<T>, "opaque() copies bytes");
  T out{};
  opaque_copy(&out, &v, sizeof(T));
  return out;
}

}  // namespace gradproof_test

#endif  // GRADPROOF_RUNTIME_TESTS_OPAQUE_HPP
