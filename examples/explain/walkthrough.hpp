// examples/explain/walkthrough.hpp: one SGD step, every quantity explained, as text or Markdown.
#ifndef GRADPROOF_EXPLAIN_WALKTHROUGH_HPP
#define GRADPROOF_EXPLAIN_WALKTHROUGH_HPP

#include <optional>
#include <string>

#include "input.hpp"

namespace gradproof_explain {

enum class Format { text, markdown };

/// The walkthrough of one step for `in`, or an error message if the step itself fails (it
/// overflowed: the network after it would not be finite). Values with `digits` significant digits.
struct Rendered {
  std::optional<std::string> page;
  std::string error;
};
Rendered render(const Input& in, Format format, int digits);

/// `v` with `digits` significant digits (%g), and 0 for -0.0: "-0" is no value a reader needs.
std::string format_number(double v, int digits);

}  // namespace gradproof_explain

#endif  // GRADPROOF_EXPLAIN_WALKTHROUGH_HPP
