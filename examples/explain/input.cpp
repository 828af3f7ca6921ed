// examples/explain/input.cpp: reading gradproof-explain's input. The rule: a field either
// parses completely, with the right count of finite numbers in range, or the run stops with a
// message that names the field and the problem; nothing is guessed and nothing is clamped.
#include "input.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <span>
#include <sstream>
#include <system_error>

#include <gradproof/worked_example.hpp>

namespace gradproof_explain {

Input worked_example_input() {
  namespace we = gradproof::worked_example;
  return {we::net<double>, we::x<double>, we::y<double>, we::eta<double>,
          "the docs' worked example (include/gradproof/worked_example.hpp)"};
}

namespace {

/// What each field holds: how many numbers, and how to say where entry k is.
struct FieldShape {
  std::size_t count;
  std::size_t cols;          // for "row r, column c"
  std::string_view shape;    // "(4, 3)" ...
};

std::optional<FieldShape> shape_of(std::string_view field) {
  if (field == "W") return FieldShape{12, 3, "(4, 3): 4 rows of 3, row by row"};
  if (field == "b1") return FieldShape{4, 1, "(4, 1)"};
  if (field == "U") return FieldShape{4, 4, "(1, 4)"};
  if (field == "x") return FieldShape{3, 1, "(3, 1)"};
  if (field == "b2" || field == "y" || field == "eta") return FieldShape{1, 1, "a scalar"};
  return std::nullopt;
}

std::string known_fields() {
  std::string list;
  for (std::string_view f : field_names) {
    if (!list.empty()) list += ", ";
    list += f;
  }
  return list;
}

bool is_separator(char c) { return c == ',' || c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string where(const FieldShape& s, std::size_t k) {
  std::string w = "entry " + std::to_string(k + 1);
  if (s.count == 12) w += " (row " + std::to_string(k / s.cols + 1) + ", column " + std::to_string(k % s.cols + 1) + ")";
  return w;
}

}  // namespace

std::optional<std::string> set_field(Input& in, std::string_view field, std::string_view text) {
  const auto shape = shape_of(field);
  if (!shape) return "unknown field '" + std::string(field) + "'; the fields are " + known_fields();
  const std::string name(field);

  std::vector<double> values;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_separator(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_separator(text[end])) ++end;
    const std::string_view token = text.substr(i, end - i);
    double v = 0;
    const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
    const FieldShape s = *shape;
    if (ec == std::errc::result_out_of_range)
      return name + ": " + where(s, values.size()) + " '" + std::string(token) + "' is out of the range of a double";
    if (ec != std::errc() || ptr != token.data() + token.size())
      return name + ": " + where(s, values.size()) + " '" + std::string(token) + "' is not a number";
    if (!std::isfinite(v))
      return name + ": " + where(s, values.size()) + " '" + std::string(token) + "' is not finite";
    values.push_back(v);
    i = end;
  }
  if (values.size() != shape->count)
    return name + ": expected " + std::to_string(shape->count) + (shape->count == 1 ? " number" : " numbers") + " (" +
           std::string(shape->shape) + "), got " + std::to_string(values.size());

  const double v0 = values[0];
  if (field == "y" && !(v0 >= 0.0 && v0 <= 1.0)) return "y: the label must be in [0, 1], got " + std::string(text);
  if (field == "eta" && !(v0 > 0.0)) return "eta: the learning rate must be > 0, got " + std::string(text);

  auto copy = [&values](std::span<double> to) {
    for (std::size_t k = 0; k < to.size(); ++k) to[k] = values[k];
  };
  if (field == "W") copy(in.net.W.data);
  if (field == "b1") copy(in.net.b1.data);
  if (field == "U") copy(in.net.U.data);
  if (field == "x") copy(in.x.data);
  if (field == "b2") in.net.b2 = v0;
  if (field == "y") in.y = v0;
  if (field == "eta") in.eta = v0;
  return std::nullopt;
}

std::optional<std::string> read_file(Input& in, const std::string& path) {
  std::ifstream file(path);
  if (!file) return "cannot open the input file '" + path + "'";
  Input next = in;
  std::array<bool, std::size(field_names)> seen{};
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    const std::string at = path + ":" + std::to_string(number) + ": ";
    const auto hash = line.find('#');
    std::string_view content(line.data(), hash == std::string::npos ? line.size() : hash);
    while (!content.empty() && is_separator(content.front())) content.remove_prefix(1);
    while (!content.empty() && is_separator(content.back())) content.remove_suffix(1);
    if (content.empty()) continue;
    const auto eq = content.find('=');
    if (eq == std::string_view::npos) return at + "expected 'field = numbers', e.g. 'eta = 0.125'";
    std::string_view field = content.substr(0, eq);
    while (!field.empty() && is_separator(field.back())) field.remove_suffix(1);
    for (std::size_t k = 0; k < std::size(field_names); ++k) {
      if (field_names[k] != field) continue;
      if (seen[k]) return at + std::string(field) + ": given twice";
      seen[k] = true;
    }
    if (auto error = set_field(next, field, content.substr(eq + 1))) return at + *error;
  }
  next.source = "the file " + path;
  in = next;
  return std::nullopt;
}

ParseResult parse_command_line(const std::vector<std::string>& args) {
  Options o;
  o.input = worked_example_input();
  // The file first, so that field options given before or after --input override it.
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == "--input" || a.starts_with("--input=")) {
      std::string path;
      if (a == "--input") {
        if (i + 1 == args.size()) return {std::nullopt, "--input: the option needs a file name"};
        path = args[++i];
      } else {
        path = std::string(a.substr(8));
      }
      if (auto error = read_file(o.input, path)) return {std::nullopt, *error};
    }
  }
  bool overridden = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (a == "--help" || a == "-h") {
      o.help = true;
      continue;
    }
    if (a == "--markdown") {
      o.markdown = true;
      continue;
    }
    if (!a.starts_with("--")) return {std::nullopt, "unexpected argument '" + std::string(a) + "'; see --help"};
    std::string name(a.substr(2));
    std::string value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
    } else {
      if (i + 1 == args.size()) return {std::nullopt, "--" + name + ": the option needs a value; see --help"};
      value = args[++i];
    }
    if (name == "input") continue;  // read above
    if (name == "digits") {
      int d = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), d);
      if (ec != std::errc() || ptr != value.data() + value.size() || d < 1 || d > 17)
        return {std::nullopt, "--digits: expected a whole number from 1 to 17, got '" + value + "'"};
      o.digits = d;
      continue;
    }
    if (!shape_of(name)) return {std::nullopt, "unknown option '--" + name + "'; see --help"};
    if (auto error = set_field(o.input, name, value)) return {std::nullopt, "--" + *error};
    overridden = true;
  }
  if (overridden) o.input.source += ", with fields from the command line";
  return {o, {}};
}

std::string help_text() {
  std::ostringstream s;
  s << "gradproof-explain: one SGD step of the slides' 3-4-1 network, every number explained.\n"
       "\n"
       "Prints, in the slides' order, each quantity of the step (forward pass, loss, deltas,\n"
       "gradients, update) with its symbol, its shape, its value, the slide equation it comes\n"
       "from, and the static_asserts (file:line) that prove its shape and, for the worked\n"
       "example, its value. Then it checks the gradients of *your* input at run time against\n"
       "forward-mode automatic differentiation.\n"
       "\n"
       "Usage: gradproof-explain [--input FILE] [--FIELD VALUES ...] [--digits N] [--markdown]\n"
       "\n"
       "  --input FILE   read fields from FILE: lines 'field = numbers', '#' starts a comment\n"
       "                 (examples/explain/worked_example.txt is the default input, written out)\n"
       "  --W VALUES     hidden weights W, (4, 3): 12 numbers, row by row\n"
       "  --b1 VALUES    hidden bias b1, (4, 1): 4 numbers\n"
       "  --U VALUES     output weights U, (1, 4): 4 numbers\n"
       "  --b2 VALUE     output bias b2, a scalar\n"
       "  --x VALUES     the sample x, (3, 1): 3 numbers\n"
       "  --y VALUE      the label y, in [0, 1]\n"
       "  --eta VALUE    the learning rate eta, > 0\n"
       "  --digits N     significant digits shown, 1 to 17 (default 6; 17 round-trips a double)\n"
       "  --markdown     print Markdown (docs/walkthrough.md is this for the default input)\n"
       "  --help         this text\n"
       "\n"
       "Numbers are separated by commas, semicolons or blanks; '--W=...' works too. Fields not\n"
       "given keep the worked example's value; options override the file. Every number must be\n"
       "finite; a malformed or out-of-range field stops the program with a message naming it\n"
       "(exit status 2). Example:\n"
       "  gradproof-explain --x 1,0,-1 --y 0 --eta 0.5\n";
  return s.str();
}

}  // namespace gradproof_explain
