// examples/explain/mine.cpp: grading a student's own numbers for one step. The rules:
// - an entry is right when the exact value, to within gradproof's tolerance, rounds to what the
//   student wrote at the last digit they wrote (the half-width of that digit is the slack);
// - a wrong field is diagnosed as the graders of gradproof/exercises.hpp do: a mistake is named
//   only when every entry of the field matches that mistake's number, each at the precision it
//   was written with; a field that is right for the student's own wrong input (their delta1, say)
//   is said to carry the mistake forward; anything else is `other`, with expected and written;
// - a right field whose precision also fits a mistake's numbers is too coarse to judge, with the
//   number of digits that would tell them apart.
#include "mine.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>

#include <gradproof/checked.hpp>
#include <gradproof/exercises.hpp>

#include "text.hpp"
#include "walkthrough.hpp"

namespace gradproof_explain {

namespace {

using gradproof::exercises::QuantityReference;

enum class Status { right, wrong, carried_forward, coarse, absent };

struct FieldGrade {
  Status status = Status::absent;
  std::string lines;  // the report's lines for this field, after its name
};

std::string entry_name(const QuantityReference& r, std::size_t k) {
  if (r.rows * r.cols == 1) return "";
  return cat(" entry (", std::to_string(k / r.cols), ", ", std::to_string(k % r.cols), ")");
}

/// `value` rounded at the last digit of `written`, shown as the student would write it.
std::string at_precision(double value, const WrittenNumber& written) {
  char text[64];
  const bool scientific = written.text.find_first_of("eE") != std::string::npos;
  if (scientific) {
    std::snprintf(text, sizeof text, "%.*e", std::max(written.significant_digits - 1, 0), value);
  } else {
    const auto dot = written.text.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(written.text.size() - dot - 1);
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
  }
  return text;
}

bool fits(double value, double tolerance, const WrittenNumber& w) {
  return std::fabs(w.value - value) <= w.half_width + tolerance;
}

/// What the field would be from the student's own `upstream` numbers (the slides' formula with
/// everything else exact), and the slack their precision gives it: for the "carried forward" check.
struct Carried {
  bool applies = false;
  std::size_t upstream = 0;
  std::array<double, 12> value{}, slack{};
};
Carried carried_from(std::size_t field, const Input& in, const gradproof::ForwardPass<double>& f, const Mine& mine) {
  static constexpr std::array<std::size_t, mine_field_count> upstream_of{{0, 0, 1, 1, 0, 0, 2, 3, 4, 5}};
  Carried c;
  if (field == 0) return c;
  c.upstream = upstream_of[field];
  const auto& up = mine.fields[c.upstream];
  if (up.empty()) return c;
  c.applies = true;
  switch (field) {
    case 1:  // δ2 = δ1 U ∘ σ′(z)ᵀ
      for (std::size_t i = 0; i < 4; ++i) {
        const double factor = in.net.U.data[i] * f.sigma_prime.data[i];
        c.value[i] = up[0].value * factor;
        c.slack[i] = std::fabs(factor) * up[0].half_width;
      }
      break;
    case 2:  // ∂L/∂W = δ2ᵀ ⊗ xᵀ
      for (std::size_t k = 0; k < 12; ++k) {
        c.value[k] = up[k / 3].value * in.x.data[k % 3];
        c.slack[k] = std::fabs(in.x.data[k % 3]) * up[k / 3].half_width;
      }
      break;
    case 3:  // ∂L/∂b1 = δ2ᵀ
      for (std::size_t i = 0; i < 4; ++i) c.value[i] = up[i].value, c.slack[i] = up[i].half_width;
      break;
    case 4:  // ∂L/∂U = δ1 hᵀ
      for (std::size_t i = 0; i < 4; ++i) {
        c.value[i] = up[0].value * f.h.data[i];
        c.slack[i] = f.h.data[i] * up[0].half_width;
      }
      break;
    case 5:  // ∂L/∂b2 = δ1
      c.value[0] = up[0].value;
      c.slack[0] = up[0].half_width;
      break;
    default: {  // Ω − η ∂L/∂Ω
      const std::span<const double> omega = field == 6   ? std::span<const double>(in.net.W.data)
                                            : field == 7 ? std::span<const double>(in.net.b1.data)
                                            : field == 8 ? std::span<const double>(in.net.U.data)
                                                         : std::span<const double>(&in.net.b2, 1);
      for (std::size_t k = 0; k < omega.size(); ++k) {
        c.value[k] = omega[k] - in.eta * up[k].value;
        c.slack[k] = in.eta * up[k].half_width;
      }
    }
  }
  return c;
}

FieldGrade grade_field(std::size_t field, const Input& in, const gradproof::ForwardPass<double>& f, const Mine& mine,
                       const std::array<Status, mine_field_count>& so_far, int digits) {
  const auto& written = mine.fields[field];
  if (written.empty()) return {Status::absent, "not in your file\n"};
  const QuantityReference r =
      gradproof::exercises::quantity_reference(in.net, in.x, in.y, in.eta, mine_field_names[field]);
  const std::size_t size = r.rows * r.cols;

  std::size_t first_wrong = size;
  for (std::size_t k = 0; k < size && first_wrong == size; ++k)
    if (!fits(r.expected[k], r.tolerance[k], written[k])) first_wrong = k;

  if (first_wrong < size) {
    const WrittenNumber& w = written[first_wrong];
    std::string lines = cat("wrong:", entry_name(r, first_wrong), " is ", w.text, " as you wrote it; the value is ",
                            format_number(r.expected[first_wrong], digits), " (",
                            at_precision(r.expected[first_wrong], w), " at your precision)\n");
    // Right for the student's own wrong input: the mistake is upstream, carried forward.
    const Carried c = carried_from(field, in, f, mine);
    if (c.applies && (so_far[c.upstream] == Status::wrong || so_far[c.upstream] == Status::carried_forward)) {
      bool consistent = true;
      for (std::size_t k = 0; k < size; ++k)
        consistent = consistent && fits(c.value[k], r.tolerance[k] + c.slack[k], written[k]);
      if (consistent)
        return {Status::carried_forward, cat(lines, "          it is right for your ", mine_field_names[c.upstream],
                                             ", which is wrong: the mistake is carried forward from there\n")};
    }
    std::string_view diagnosis;
    for (std::size_t m = 0; m < r.mistake_count && diagnosis.empty(); ++m) {
      bool matches = true;
      for (std::size_t k = 0; k < size; ++k)
        matches = matches &&
                  (!r.mistakes[m].known[k] || fits(r.mistakes[m].value[k], r.mistakes[m].tolerance[k], written[k]));
      if (matches) diagnosis = r.mistakes[m].diagnosis;
    }
    if (diagnosis.empty() && r.permutation) {
      std::array<double, 12> got{}, slack{};
      for (std::size_t k = 0; k < size; ++k) got[k] = written[k].value, slack[k] = written[k].half_width;
      if (gradproof::exercises::right_numbers_in_some_order(r, got, slack))
        diagnosis = gradproof::exercises::permutation_diagnosis;
    }
    if (diagnosis.empty())
      return {Status::wrong,
              cat(lines, "          diagnosis: none: your numbers match none of the mistakes the grader knows\n")};
    return {Status::wrong,
            cat(lines, "          diagnosis: ", diagnosis, " (every entry you wrote matches that mistake)\n")};
  }

  // Right at the precision written; too coarse if that precision also fits a mistake's number.
  for (std::size_t k = 0; k < size; ++k) {
    const WrittenNumber& w = written[k];
    for (std::size_t m = 0; m < r.mistake_count; ++m) {
      const auto& mistake = r.mistakes[m];
      const double apart = std::fabs(mistake.value[k] - r.expected[k]);
      if (!mistake.known[k] || apart <= mistake.tolerance[k] + r.tolerance[k] ||
          !fits(mistake.value[k], mistake.tolerance[k], w))
        continue;
      // Digits enough that half a unit of the last one is below half the distance between them.
      const int last = static_cast<int>(std::floor(std::log10(apart)));
      const int needed = static_cast<int>(std::floor(std::log10(std::fabs(r.expected[k])))) - last + 1;
      return {Status::coarse, cat("too coarse to judge:", entry_name(r, k), " written as ", w.text,
                                  " is what the value rounds to, and also what a solution that ", mistake.diagnosis,
                                  " gives (", format_number(mistake.value[k], digits), "); write at least ",
                                  std::to_string(std::max(needed, 1)), " significant digits\n")};
    }
  }
  return {Status::right, "right\n"};
}

}  // namespace

MineGrade grade_mine(const Input& in, const Mine& mine, int digits) {
  if (const auto e = gradproof::validate(in.net, in.x, in.y, in.eta); e != gradproof::InputError::none)
    return {cat("gradproof-explain: ", gradproof::describe(e), "\n"), 1};
  const gradproof::ForwardPass<double> f = gradproof::forward(in.net, in.x);
  std::string out = cat("Your numbers: ", mine.name, "\n", "The step: ", in.source, "\n",
                        "Each is compared with gradproof's independent derivatives (forward-mode automatic\n",
                        "differentiation) at the precision you wrote it with: an entry is right when the exact\n",
                        "value rounds to what you wrote at your last digit.\n\n");
  std::array<Status, mine_field_count> status{};
  std::array<std::size_t, 5> count{};
  for (std::size_t k = 0; k < mine_field_count; ++k) {
    const FieldGrade g = grade_field(k, in, f, mine, status, digits);
    status[k] = g.status;
    ++count[static_cast<std::size_t>(g.status)];
    std::string name(mine_field_names[k]);
    name.resize(10, ' ');
    out += cat(name, g.lines.empty() ? "\n" : g.lines);
  }
  const std::size_t wrong = count[1] + count[2];
  const std::string carried = count[2] == 0 ? "" : cat(" (", std::to_string(count[2]), " of them carried forward)");
  out += cat("\n", std::to_string(count[0]), " right, ", std::to_string(wrong), " wrong", carried, ", ",
             std::to_string(count[3]), " too coarse to judge, ", std::to_string(count[4]), " not in your file.\n");
  return {out, wrong + count[3] == 0 ? 0 : 1};
}

}  // namespace gradproof_explain
