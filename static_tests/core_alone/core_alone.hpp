// static_tests/core_alone/core_alone.hpp: included after one core header and nothing else, proves
// that the header compiles without the add-ons and pulled in none of them. The probes are the
// add-ons' include guards, which each add-on defines first thing (dual.hpp, ad.hpp); a core
// header that included one, directly or through another, defines its guard here. The known-bad
// twin is static_tests/compile_fail/core_header_with_an_add_on.cpp.
#ifndef GRADPROOF_STATIC_TESTS_CORE_ALONE_HPP
#define GRADPROOF_STATIC_TESTS_CORE_ALONE_HPP

namespace core_alone {
#if defined(GRADPROOF_DUAL_HPP)
inline constexpr bool dual_included = true;
#else
inline constexpr bool dual_included = false;
#endif
#if defined(GRADPROOF_AD_HPP)
inline constexpr bool ad_included = true;
#else
inline constexpr bool ad_included = false;
#endif
static_assert(!dual_included, "a core header includes the add-on dual.hpp");
static_assert(!ad_included, "a core header includes the add-on ad.hpp");
}  // namespace core_alone

#endif  // GRADPROOF_STATIC_TESTS_CORE_ALONE_HPP
