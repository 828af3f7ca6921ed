// examples/explain/text.hpp: building gradproof-explain's strings.
#ifndef GRADPROOF_EXPLAIN_TEXT_HPP
#define GRADPROOF_EXPLAIN_TEXT_HPP

#include <string>
#include <string_view>

namespace gradproof_explain {

/// The parts, one after the other: cat("entry ", n, " is empty"). Built by append into one
/// reserved string, never by `"literal" + std::string&&`: that operator+ inserts at the front,
/// and g++ 12 at -O3 warns about its memcpy (-Wrestrict, inside libstdc++'s char_traits), which
/// breaks a Release build with warnings as errors.
template <class... Parts>
std::string cat(const Parts&... parts) {
  std::string s;
  s.reserve((std::string_view(parts).size() + ... + 0));
  (s.append(std::string_view(parts)), ...);
  return s;
}

}  // namespace gradproof_explain

#endif  // GRADPROOF_EXPLAIN_TEXT_HPP
