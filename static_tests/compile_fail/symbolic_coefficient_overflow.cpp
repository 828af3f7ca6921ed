// Mistake: a coefficient that does not fit 64 bits (here 2^62 · 4). Wrapping would make
// different expressions compare equal, so the constant evaluation stops in a function of
// gradproof::symbolic::error that is not constexpr and is named after what is wrong.
#include <cstdint>

#include <gradproof/symbolic.hpp>

namespace {
using namespace gradproof::symbolic;

constexpr std::int64_t big = std::int64_t{1} << 62;
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
constexpr std::int64_t factor = 4;
#else
constexpr std::int64_t factor = 1;
#endif
static_assert([] { return !(Expr(big) * named('t') * Expr(factor)).is_zero(); }());
}  // namespace
