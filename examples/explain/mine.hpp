// examples/explain/mine.hpp: a student's own numbers for one SGD step (gradproof-explain --mine
// FILE), graded entry by entry against gradproof's independent derivatives, at the precision each
// number was written with, with the diagnoses and the honesty rule of gradproof/exercises.hpp.
#ifndef GRADPROOF_EXPLAIN_MINE_HPP
#define GRADPROOF_EXPLAIN_MINE_HPP

#include <string>

#include "input.hpp"

namespace gradproof_explain {

/// The grade of `mine` for one step on `in`, as text; status 0 when every field given is right,
/// 1 otherwise. Values are shown with `digits` significant digits.
struct MineGrade {
  std::string report;
  int status = 1;
};
MineGrade grade_mine(const Input& in, const Mine& mine, int digits);

}  // namespace gradproof_explain

#endif  // GRADPROOF_EXPLAIN_MINE_HPP
