// examples/explain/input.cpp: reading gradproof-explain's input. The rule: a field either
// parses completely, with the right count of finite numbers in range, or the run stops with a
// message that names the field and the problem; nothing is guessed and nothing is clamped.
// The command line follows the usual conventions (--help wins, "--" ends the options, an
// unknown or repeated option is an error), and a file that cannot be an input is refused.
#include "input.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <span>
#include <system_error>
#include <type_traits>
#include <utility>

#include <gradproof/version.hpp>
#include <gradproof/worked_example.hpp>

#include "text.hpp"

namespace gradproof_explain {

Input worked_example_input() {
  namespace we = gradproof::worked_example;
  return {we::net<double>, we::x<double>, we::y<double>, we::eta<double>,
          "the docs' worked example (include/gradproof/worked_example.hpp)"};
}

namespace {

template <class M>
FieldShape field_shape(const M&) {
  if constexpr (gradproof::matrix<M>) {
    std::string shape = cat("(", std::to_string(M::rows), ", ", std::to_string(M::cols), ")");
    if (M::rows > 1 && M::cols > 1)
      shape += cat(": ", std::to_string(M::rows), " rows of ", std::to_string(M::cols), ", row by row");
    return {M::size, M::rows, M::cols, shape};
  } else {
    return {1, 1, 1, "a scalar"};
  }
}

std::optional<FieldShape> shape_of(std::string_view field) {
  const Input in{};
  std::optional<FieldShape> s;
  gradproof::for_each_parameter(in.net, [&](std::string_view name, const auto& p) {
    if (name == field) s = field_shape(p);
  });
  if (field == "x") s = field_shape(in.x);
  if (field == "y" || field == "eta") s = field_shape(in.y);
  return s;
}

std::string known_fields() {
  std::string list;
  for (std::string_view f : field_names) {
    if (!list.empty()) list += ", ";
    list += f;
  }
  return list;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_comma(char c) { return c == ',' || c == ';'; }

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

/// `text` fit for a one-line message: a file or an argument may hold any byte, so control
/// characters are shown as \xNN, and a text longer than `limit` bytes is cut (never inside a
/// UTF-8 character).
std::string printable(std::string_view text, std::size_t limit = 40) {
  const auto continues = [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; };
  std::size_t n = text.size();
  if (n > limit) {
    // Back to the start of the UTF-8 character across the limit: at most 3 bytes. A longer
    // run of continuation bytes is not UTF-8 and is cut anywhere.
    n = limit;
    for (int back = 0; back < 3 && n > 0 && continues(text[n]); ++back) --n;
    if (continues(text[n])) n = limit;
  }
  std::string out;
  for (const char c : text.substr(0, n)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20U || byte == 0x7FU) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(byte));
      out += hex;
    } else {
      out += c;
    }
  }
  if (n < text.size()) out += "...";
  return out;
}

std::string where(const FieldShape& s, std::size_t k) {
  std::string w = cat("entry ", std::to_string(k + 1));
  if (s.rows > 1 && s.cols > 1)
    w += cat(" (row ", std::to_string(k / s.cols + 1), ", column ", std::to_string(k % s.cols + 1), ")");
  return w;
}

enum class NumberStatus { ok, not_a_number, out_of_range };

/// All of `token` as a number. A leading '+' is accepted, as people write it ("+1"), though
/// std::from_chars refuses it; "+-1" and "++1" stay refused.
template <class T>
NumberStatus parse_number(std::string_view token, T& v) {
  if (token.starts_with('+')) {
    token.remove_prefix(1);
    if (token.empty() || token.front() == '+' || token.front() == '-') return NumberStatus::not_a_number;
  }
  const char* end = token.data() + token.size();
  const auto [ptr, ec] = std::from_chars(token.data(), end, v);
  if (ptr != end || ec == std::errc::invalid_argument) return NumberStatus::not_a_number;
  if (ec == std::errc::result_out_of_range) return NumberStatus::out_of_range;
  return NumberStatus::ok;
}

}  // namespace

std::size_t field_count(std::string_view field) {
  const auto shape = shape_of(field);
  return shape ? shape->count : 0;
}

namespace {

/// Every number of `text` into `values` (its first token into `first`, and every token into
/// `tokens` if given), or the message for the first entry that is empty or not a finite double.
/// The count is the caller's to check.
std::optional<std::string> read_numbers(std::string_view field, const FieldShape& s, std::string_view text,
                                        std::vector<double>& values, std::string_view& first,
                                        std::vector<std::string_view>* tokens = nullptr) {
  values.clear();
  if (tokens != nullptr) tokens->clear();
  // Blanks separate numbers too, but a comma or semicolon must stand between two numbers:
  // "1,,2" or a trailing comma is most likely a number left out, not a style.
  enum class Last { start, number, comma } last = Last::start;
  const auto empty_entry = [&] {
    return cat(field, ": ", where(s, values.size()), " is empty in '", printable(trim_blanks(text)), "'");
  };
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && is_blank(text[i])) ++i;
    if (i == text.size()) {
      if (last == Last::comma) return empty_entry();
      return std::nullopt;
    }
    if (is_comma(text[i])) {
      if (last != Last::number) return empty_entry();
      last = Last::comma;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_blank(text[end]) && !is_comma(text[end])) ++end;
    const std::string_view token = text.substr(i, end - i);
    double v = 0;
    const auto status = parse_number(token, v);
    const auto bad = [&](std::string_view what) {
      return cat(field, ": ", where(s, values.size()), " '", printable(token), "' ", what);
    };
    if (status == NumberStatus::out_of_range) return bad("is out of the range of a double");
    if (status == NumberStatus::not_a_number) return bad("is not a number");
    if (!std::isfinite(v)) return bad("is not finite");
    if (values.empty()) first = token;
    values.push_back(v);
    if (tokens != nullptr) tokens->push_back(token);
    last = Last::number;
    i = end;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// `text` with every comma that stands between two digits read as a decimal point
/// ("0,5 1,5" -> "0.5 1.5"), or nothing if no comma does.
std::optional<std::string> with_decimal_points(std::string_view text) {
  std::string dotted(text);
  bool changed = false;
  for (std::size_t i = 1; i + 1 < dotted.size(); ++i) {
    if (dotted[i] == ',' && is_digit(dotted[i - 1]) && is_digit(dotted[i + 1])) {
      dotted[i] = '.';
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  return dotted;
}

/// Whether `text` is exactly the field's count of finite numbers.
bool holds_the_field(std::string_view field, const FieldShape& s, std::string_view text) {
  std::vector<double> values;
  std::string_view first;
  return !read_numbers(field, s, text, values, first) && values.size() == s.count;
}

/// A Polish (or German, French...) decimal comma makes one number two: "--eta 0,1". Nothing is
/// guessed, the field stays an error; the hint shows the reading with dots only when it holds
/// exactly the field's count of numbers ("0,5,1,5,2,5" has no such reading: 0.5.1.5.2.5).
std::optional<std::string> decimal_comma_reading(std::string_view field, const FieldShape& s, std::string_view text) {
  auto dotted = with_decimal_points(trim_blanks(text));
  if (!dotted || !holds_the_field(field, s, *dotted)) return std::nullopt;
  return dotted;
}

std::string numbers_text(std::size_t n) { return cat(std::to_string(n), n == 1 ? " number" : " numbers"); }

std::string count_error(std::string_view field, const FieldShape& s, std::size_t got) {
  return cat(field, ": expected ", numbers_text(s.count), " (", s.shape, "), got ", std::to_string(got));
}

}  // namespace

std::optional<std::string> read_field_numbers(std::string_view field, const FieldShape& s, std::string_view text,
                                              std::vector<double>& values, std::vector<std::string_view>& tokens) {
  std::string_view first;
  if (auto error = read_numbers(field, s, text, values, first, &tokens)) return error;
  if (values.size() != s.count) {
    std::string error = count_error(field, s, values.size());
    if (values.size() > s.count) {
      if (const auto dotted = decimal_comma_reading(field, s, text))
        error += cat(" (a decimal comma? use a dot: ", printable(*dotted, 100), ")");
      else if (with_decimal_points(text))
        error += " (a decimal comma? use a dot, and blanks or ';' between the numbers)";
    }
    return error;
  }
  return std::nullopt;
}

std::optional<std::string> set_field(Input& in, std::string_view field, std::string_view text) {
  const auto shape = shape_of(field);
  if (!shape) return cat("unknown field '", printable(field), "'; the fields are ", known_fields());
  const FieldShape s = *shape;

  std::vector<double> values;
  std::vector<std::string_view> tokens;
  if (auto error = read_field_numbers(field, s, text, values, tokens)) return error;
  const std::string_view first = tokens.front();

  const double v0 = values[0];
#if defined(GRADPROOF_EXPLAIN_KNOWN_BAD)
  constexpr double label_max = 2.0;  // explain_input_fuzzer_known_bad: a fault the fuzzer must report
#else
  constexpr double label_max = 1.0;
#endif
  if (field == "y" && !(v0 >= 0.0 && v0 <= label_max))
    return cat("y: the label must be in [0, 1], got ", printable(first));
  if (field == "eta" && !(v0 > 0.0)) return cat("eta: the learning rate must be > 0, got ", printable(first));

  auto copy = [&values](std::span<double> to) {
    for (std::size_t k = 0; k < to.size(); ++k) to[k] = values[k];
  };
  gradproof::for_each_parameter(in.net, [&](std::string_view name, auto& p) {
    if (name != field) return;
    if constexpr (gradproof::matrix<std::remove_cvref_t<decltype(p)>>) {
      copy(p.data);
    } else {
      p = v0;
    }
  });
  if (field == "x") copy(in.x.data);
  if (field == "y") in.y = v0;
  if (field == "eta") in.eta = v0;
  return std::nullopt;
}

std::optional<std::string> read_field_lines(const FileKind& kind, const std::string& name, std::string_view text,
                                            std::span<const std::string_view> names, const FieldHandler& handler) {
  if (text.empty()) return cat(kind.noun, " '", name, "' is empty");
  // Some editors start a UTF-8 file with a byte order mark; it is not part of the first field.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<bool> seen(names.size());
  bool set_any = false;
  for (std::size_t number = 1; !text.empty(); ++number) {
    const auto newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    const std::string_view content = trim_blanks(line.substr(0, line.find('#')));
    if (content.empty()) continue;
    const std::string at = cat(name, ":", std::to_string(number), ": ");
    const auto eq = content.find('=');
    if (eq == std::string_view::npos) return cat(at, "expected 'field = numbers', e.g. '", kind.example, "'");
    const std::string_view field = trim_blanks(content.substr(0, eq));
    for (std::size_t k = 0; k < names.size(); ++k) {
      if (names[k] != field) continue;
      if (seen[k]) return cat(at, field, ": given twice");
      seen[k] = true;
    }
    if (auto error = handler(field, content.substr(eq + 1))) return cat(at, *error);
    set_any = true;
  }
  // A file that sets nothing is most likely the wrong file, or one whose every line was
  // commented out.
  if (!set_any) return cat(kind.noun, " '", name, "' sets no field: it has only comments and blank lines");
  return std::nullopt;
}

std::optional<std::string> parse_file_text(Input& in, const std::string& name, std::string_view text) {
  Input next = in;
  const FileKind kind{"the input file", "eta = 0.125"};
  if (auto error = read_field_lines(
          kind, name, text, field_names,
          [&next](std::string_view field, std::string_view value) { return set_field(next, field, value); }))
    return error;
  next.source = cat("the file ", name);
  in = std::move(next);
  return std::nullopt;
}

namespace {

/// The shapes of the --mine fields, in mine_field_names' order, from gradproof's types: the
/// gradients, then the parameters after the step. A row says so.
const std::array<FieldShape, mine_field_count>& mine_shapes() {
  static const std::array<FieldShape, mine_field_count> shapes = [] {
    const auto row = [](FieldShape f) {
      if (f.rows == 1 && f.cols > 1) f.shape += ", a row";
      return f;
    };
    const gradproof::Gradients<double> g{};
    const Net n{};
    return std::array<FieldShape, mine_field_count>{
        field_shape(g.delta1),  row(field_shape(g.delta2)), field_shape(g.dW), field_shape(g.db1),
        row(field_shape(g.dU)), field_shape(g.db2),         field_shape(n.W),  field_shape(n.b1),
        row(field_shape(n.U)),  field_shape(n.b2)};
  }();
  return shapes;
}
std::optional<std::size_t> mine_index(std::string_view field) {
  for (std::size_t k = 0; k < mine_field_count; ++k)
    if (mine_field_names[k] == field) return k;
  return std::nullopt;
}

std::string mine_fields_list() {
  std::string list;
  for (const std::string_view f : mine_field_names) list += cat(list.empty() ? "" : ", ", f);
  return list;
}

int significant_digits_of(std::string_view number) {
  int digits = 0;
  bool leading = true;
  for (const char c : number) {
    if (c == 'e' || c == 'E') break;
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return digits;
}

}  // namespace

double half_width_of(std::string_view number) {
  int exponent = 0;
  const auto e = number.find_first_of("eE");
  if (e != std::string_view::npos) {
    std::string_view power = number.substr(e + 1);
    const bool negative = power.starts_with('-');
    if (power.starts_with('-') || power.starts_with('+')) power.remove_prefix(1);
    for (const char c : power) exponent = std::min(exponent * 10 + (c - '0'), 400);
    if (negative) exponent = -exponent;
    number = number.substr(0, e);
  }
  const auto dot = number.find('.');
  const int decimals = dot == std::string_view::npos ? 0 : static_cast<int>(number.size() - dot - 1);
  return 0.5 * std::pow(10.0, exponent - decimals);
}

std::optional<std::string> parse_mine_text(Mine& mine, const std::string& name, std::string_view text) {
  Mine next;
  next.name = name;
  const FileKind kind{"the file of your numbers", "delta1 = -0.3888"};
  const auto handle = [&next](std::string_view field, std::string_view value) -> std::optional<std::string> {
    const auto k = mine_index(field);
    if (!k) {
      if (field_count(field) > 0)
        return cat(field, ": the input, not one of your numbers: give it with --input or --", field,
                   "; your numbers are ", mine_fields_list());
      return cat("unknown field '", printable(field), "'; your numbers are ", mine_fields_list());
    }
    std::vector<double> values;
    std::vector<std::string_view> tokens;
    if (auto error = read_field_numbers(field, mine_shapes()[*k], value, values, tokens)) return error;
    for (std::size_t i = 0; i < values.size(); ++i)
      next.fields[*k].push_back(
          {values[i], half_width_of(tokens[i]), significant_digits_of(tokens[i]), std::string(tokens[i])});
    return std::nullopt;
  };
  if (auto error = read_field_lines(kind, name, text, mine_field_names, handle)) return error;
  mine = std::move(next);
  return std::nullopt;
}

std::optional<std::string> read_text_file(const std::string& path, std::string& text) {
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return cat("cannot open the input file '", path, "': ", std::strerror(errno));
  std::string content;
  char buffer[4096];
  bool too_large = false;
  for (std::size_t n = 0; !too_large && (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) {
    content.append(buffer, n);
    too_large = content.size() > max_file_bytes;
  }
  const int read_errno = errno;
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (too_large)
    return cat("the input file '", path, "' is larger than ", std::to_string(max_file_bytes >> 20),
               " MiB: not an input file of a few lines");
  // fopen opens a directory for reading on Linux; reading it is what fails.
  if (failed && read_errno == EISDIR) return cat("the input file '", path, "' is a directory");
  if (failed) return cat("cannot read the input file '", path, "': ", std::strerror(read_errno));
  text = std::move(content);
  return std::nullopt;
}

std::optional<std::string> read_file(Input& in, const std::string& path) {
  std::string text;
  if (auto error = read_text_file(path, text)) return error;
  return parse_file_text(in, path, text);
}

namespace {

enum class Kind { flag, value };

std::optional<Kind> option_kind(std::string_view name) {
  if (name == "markdown" || name == "symbolic" || name == "help" || name == "version") return Kind::flag;
  if (name == "input" || name == "mine" || name == "digits" || shape_of(name)) return Kind::value;
  return std::nullopt;
}

std::string unexpected(std::string_view argument) {
  return cat("unexpected argument '", printable(argument), "': gradproof-explain takes options only; see --help");
}

/// The entries of a field's text: what stands between blanks, commas and semicolons.
std::vector<std::string_view> entries(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_blank(text[i]) || is_comma(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_blank(text[end]) && !is_comma(text[end])) ++end;
    out.push_back(text.substr(i, end - i));
    i = end;
  }
  return out;
}

bool starts_like_a_number(std::string_view a) {
  if (a.starts_with('+') || a.starts_with('-')) a.remove_prefix(1);
  return !a.empty() && (is_digit(a.front()) || a.front() == '.');
}

/// "--x 1 2 3": the shell makes three arguments, and the 2 would be refused as an operand with
/// nothing said about x. When a list field's value holds fewer numbers than the field and the
/// next argument starts like a number, the message says so and shows the list as one argument,
/// built from the arguments up to the next option (with dots, when that reading of decimal
/// commas is what makes the count right).
std::optional<std::string> unquoted_list_error(std::string_view name, std::string_view value,
                                               std::span<const std::string> rest) {
  const auto shape = shape_of(name);
  if (!shape || shape->count == 1 || rest.empty() || !starts_like_a_number(rest.front())) return std::nullopt;
  const std::size_t got = entries(value).size();
  if (got >= shape->count) return std::nullopt;
  std::string list(trim_blanks(value));
  for (const std::string& a : rest) {
    if (a.starts_with("--")) break;
    list += cat(" ", trim_blanks(a));
  }
  std::string_view decimal_comma;
  if (!holds_the_field(name, *shape, list)) {
    if (const auto dotted = decimal_comma_reading(name, *shape, list)) {
      list = *dotted;
      decimal_comma = " (a decimal comma? use a dot)";
    }
  }
  std::string comma_form;
  if (holds_the_field(name, *shape, list)) {
    for (const std::string_view e : entries(list)) comma_form += cat(comma_form.empty() ? "" : ",", e);
    comma_form = cat(" or --", name, " ", printable(comma_form, 100));
  }
  return cat("--", count_error(name, *shape, got), ", and '", printable(rest.front()),
             "' follows as another argument: a list must be one argument", decimal_comma, ": --", name, " \"",
             printable(list, 100), "\"", comma_form);
}

}  // namespace

ParseResult parse_command_line(const std::vector<std::string>& args, FileReader read) {
  const auto fail = [](std::string message) { return ParseResult{std::nullopt, std::move(message)}; };
  Options o;
  // Who asks for help gets it, not an error about another argument.
  for (const std::string& a : args) {
    if (a == "--") break;
    if (a == "--help" || a == "-h") o.help = true;
    if (a == "--version") o.version = true;
  }
  if (o.help || o.version) {
    o.version = !o.help;
    return {o, {}};
  }
  o.input = worked_example_input();

  // The syntax first: every option known and given once, each with a value or none as it must.
  struct Given {
    std::string name;
    std::string value;
  };
  std::vector<Given> given;
  std::size_t after_value = 0;  // the argument after the last option's value, if it took one
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (i > 0 && i == after_value && !a.starts_with("--")) {
      const std::span<const std::string> rest(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
      if (auto error = unquoted_list_error(given.back().name, given.back().value, rest)) return fail(std::move(*error));
    }
    if (a == "--") {
      if (i + 1 < args.size()) return fail(unexpected(args[i + 1]));
      break;
    }
    if (a.size() < 2 || a[0] != '-') return fail(unexpected(a));
    if (a[1] != '-') return fail(cat("unknown option '", printable(a), "'; see --help"));
    const auto eq = a.find('=');
    std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const auto kind = option_kind(name);
    if (!kind) return fail(cat("unknown option '--", printable(name), "'; see --help"));
    for (const Given& g : given)
      if (g.name == name) return fail(cat("--", name, ": the option is given twice; see --help"));
    std::string value;
    if (*kind == Kind::flag) {
      if (eq != std::string::npos) return fail(cat("--", name, ": the option takes no value; see --help"));
    } else if (eq != std::string::npos) {
      value = a.substr(eq + 1);
    } else if (i + 1 == args.size()) {
      return fail(cat("--", name, ": the option needs a value; see --help"));
    } else if (args[i + 1].starts_with("--")) {
      // No number starts with "--", and a file that does can be given as --input=--name.
      return fail(
          cat("--", name, ": the option needs a value, but '", printable(args[i + 1]), "' follows it; see --help"));
    } else {
      value = args[++i];
    }
    if (*kind == Kind::value) after_value = i + 1;
    given.push_back({std::move(name), std::move(value)});
  }

  // The file before the fields, so that field options override it wherever --input stands.
  for (const Given& g : given) {
    if (g.name != "input") continue;
    if (g.value.empty()) return fail("--input: the option needs a file name; see --help");
    std::string text;
    if (auto error = read(g.value, text)) return fail(std::move(*error));
    if (auto error = parse_file_text(o.input, g.value, text)) return fail(std::move(*error));
  }
  // --mine: the student's numbers, graded instead of a walkthrough that would show the answers.
  for (const Given& g : given) {
    if (g.name != "mine") continue;
    if (g.value.empty()) return fail("--mine: the option needs a file name; see --help");
    std::string text;
    if (auto error = read(g.value, text)) return fail(cat("--mine: ", *error));
    Mine mine;
    if (auto error = parse_mine_text(mine, g.value, text)) return fail(std::move(*error));
    o.mine = std::move(mine);
  }
  bool overridden = false;
  for (const Given& g : given) {
    if (g.name == "mine") continue;
    if (g.name == "markdown") {
      if (o.mine) return fail("--markdown: --mine grades your numbers and prints no walkthrough; leave one out");
      o.markdown = true;
    } else if (g.name == "symbolic") {
      o.symbolic = true;
    } else if (g.name == "digits") {
      int d = 0;
      if (parse_number(g.value, d) != NumberStatus::ok || d < 1 || d > 17)
        return fail(cat("--digits: expected a whole number from 1 to 17, got '", printable(g.value), "'"));
      o.digits = d;
    } else if (g.name != "input") {
      if (auto error = set_field(o.input, g.name, g.value)) return fail(cat("--", *error));
      overridden = true;
    }
  }
  if (overridden) o.input.source += ", with fields from the command line";
  bool from_file = false;
  for (const Given& g : given) from_file = from_file || g.name == "input";
  if (o.symbolic && (overridden || from_file || o.mine))
    return fail("--symbolic: the closed forms hold for every input; give it no --input, --mine or field options");
  return {o, {}};
}

/// "(4, 3): 12 numbers, row by row" for the help: the field's shape and count.
std::string field_help(std::string_view field) {
  const FieldShape s = *shape_of(field);
  const std::string count = cat(std::to_string(s.count), " numbers");
  return s.rows > 1 && s.cols > 1
             ? cat("(", std::to_string(s.rows), ", ", std::to_string(s.cols), "): ", count, ", row by row")
             : cat(s.shape, ": ", count);
}

std::string help_text() {
  return cat("gradproof-explain: one SGD step of the slides' ", std::to_string(Net::inputs), "-",
             std::to_string(Net::hidden),
             "-1 network, every number explained.\n"
             "\n"
             "Prints, in the slides' order, each quantity of the step (forward pass, loss, deltas,\n"
             "gradients, update) with its symbol, its shape, its value, the slide equation it comes\n"
             "from, and the static_asserts (file:line) that prove its shape and, for the worked\n"
             "example, its value. Then, for the input given, it checks gradproof's gradients (those of\n"
             "backward(), shown above) at run time against forward-mode automatic differentiation\n"
             "(gradproof::ad_gradients, which uses no formula of the slides).\n"
             "\n"
             "Usage: gradproof-explain [--input FILE] [--FIELD VALUES ...] [--digits N] [--markdown]\n"
             "       gradproof-explain --symbolic [--markdown]\n"
             "       gradproof-explain [--input FILE] [--FIELD VALUES ...] --mine FILE\n"
             "       gradproof-explain --help | --version\n"
             "\n"
             "  --input FILE   read fields from FILE: lines 'field = numbers', '#' starts a comment,\n"
             "                 each field at most once; it must set at least one field\n"
             "                 (examples/explain/worked_example.txt is the default input, written out)\n"
             "  --W VALUES     hidden weights W, ",
             field_help("W"),
             "\n"
             "  --b1 VALUES    hidden bias b1, ",
             field_help("b1"),
             "\n"
             "  --U VALUES     output weights U, ",
             field_help("U"),
             "\n"
             "  --b2 VALUE     output bias b2, a scalar\n"
             "  --x VALUES     the sample x, ",
             field_help("x"),
             "\n"
             "  --y VALUE      the label y, in [0, 1]\n"
             "  --eta VALUE    the learning rate eta, > 0\n"
             "  --digits N     significant digits shown, 1 to 17 (default 6; 17 round-trips a double)\n"
             "  --markdown     print Markdown (docs/walkthrough.md is this for the default input)\n"
             "  --symbolic     print each gradient's closed form, as the symbolic scalar derives it\n"
             "                 from gradproof's own loss, for every input (with --markdown:\n"
             "                 docs/derivation.md); it takes no input\n"
             "  --mine FILE    grade a student's own numbers for the step instead of printing the\n"
             "                 walkthrough (homework done by hand). FILE has lines 'field = numbers'\n"
             "                 like an input file, with any of the fields delta1, delta2 (1, 4),\n"
             "                 dW (4, 3), db1 (4, 1), dU (1, 4), db2, and the parameters after the\n"
             "                 step W_next, b1_next, U_next, b2_next (examples/explain/homework.txt is\n"
             "                 a template). An entry is right when the exact value rounds to the\n"
             "                 number as written, at its last digit; a wrong field is diagnosed (the\n"
             "                 sign, sigma for sigma', a missing factor, ...) as\n"
             "                 gradproof/exercises.hpp does\n"
             "  --help, -h     this text, whatever else is given\n"
             "  --version      the version, whatever else is given (unless --help is too)\n"
             "  --             ends the options; the program takes no other arguments, so anything\n"
             "                 after it is an error\n"
             "\n"
             "Numbers are separated by commas, semicolons or blanks ('1, 2, 3' and '1 2 3' are the\n"
             "same); an empty entry ('1,,2', a comma at the start or end) is an error. A number may\n"
             "start with '+' and must be finite. '--W=...' works too ('--input=--f' for a file whose\n"
             "name starts with '--'). Each option may be given once.\n"
             "A list is one argument: --x \"1 2 3\" or --x 1,2,3 (the shell splits --x 1 2 3 into\n"
             "three arguments, which is an error that shows the list quoted).\n"
             "The decimal separator is a dot: a comma always separates two numbers, so '--eta 0,1' is\n"
             "two numbers, and an error. When a field gets more numbers than it holds and its text\n"
             "has a comma between two digits, the error asks '(a decimal comma? use a dot: 0.1)',\n"
             "showing the text with each such comma read as a dot if that gives exactly the numbers\n"
             "the field holds, and otherwise '(a decimal comma? use a dot, and blanks or ';' between\n"
             "the numbers)'. The text is never read that way: it stays an error.\n"
             "Fields not given keep the worked example's value; options override the file.\n"
             "\n"
             "Exit status: 0 done (with --mine: every field given is right); 1 the step\n"
             "overflowed, the output could not be written, or (with --mine) a field given is wrong\n"
             "or too coarse to judge; 2 a\n"
             "malformed or out-of-range field, an unknown or repeated option, an argument that is\n"
             "not an option, or an input file that is missing, unreadable, a directory, empty,\n"
             "larger than ",
             std::to_string(max_file_bytes >> 20),
             " MiB, or sets no field. Every message names the field, option or file at\n"
             "fault. Examples:\n"
             "  gradproof-explain --x 1,0,-1 --y 0 --eta 0.5\n"
             "  gradproof-explain --mine my_step.txt      (a student's numbers for the worked example)\n");
}

std::string version_text() {
  return cat("gradproof-explain ", std::to_string(GRADPROOF_VERSION_MAJOR), ".",
             std::to_string(GRADPROOF_VERSION_MINOR), ".", std::to_string(GRADPROOF_VERSION_PATCH), "\n");
}

}  // namespace gradproof_explain
