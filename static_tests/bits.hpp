// static_tests/bits.hpp: a float's or a double's bit pattern as an unsigned integer of its
// size, for the tests that compare or count bits (the proofs, the run-time bit identity, the
// accuracy tests and the bit matrix). Standard library only.
#ifndef GRADPROOF_STATIC_TESTS_BITS_HPP
#define GRADPROOF_STATIC_TESTS_BITS_HPP

#include <bit>
#include <cstdint>
#include <type_traits>

namespace gradproof::test {

/// The unsigned integer of a float's (32 bits) or a double's (64 bits) size.
template <class T>
using Bits = std::conditional_t<sizeof(T) == 8, std::uint64_t, std::uint32_t>;

/// v's bit pattern.
template <class T>
constexpr Bits<T> bits(T v) noexcept {
  return std::bit_cast<Bits<T>>(v);
}

}  // namespace gradproof::test

#endif  // GRADPROOF_STATIC_TESTS_BITS_HPP
