// runtime_tests/opaque.cpp: the out-of-line half of opaque.hpp. It lives in its own
// translation unit so that, without LTO, no caller can see that it only copies.
#include "opaque.hpp"

#include <cstring>

namespace gradproof_test {

void opaque_copy(void* dst, const void* src, std::size_t n) noexcept { std::memcpy(dst, src, n); }

}  // namespace gradproof_test
