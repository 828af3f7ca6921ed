// examples/explain/fuzz/explain_input_fuzzer.cpp: a libFuzzer target that proves, for whatever
// bytes libFuzzer can find, that gradproof-explain's input parser (input.cpp) either accepts
// an input whose result is sound or refuses it with a message that says where the fault is.
//
// Each input is read twice:
//   - as the text of an input file (parse_file_text);
//   - split on NUL and newline, as a command line (parse_command_line). Its --input (and
//     --mine) reads no disk: the file's text is the path itself, '|' standing for a newline (so
//     "--input=y = 0|eta = 2" reads two lines), and a path starting with '!' cannot be opened.
// Accepted: every number finite, y in [0, 1], eta > 0; each field given has its count of
// numbers, no empty entry, and each number equal to strtod's reading of its text (an
// independent parser); a file sets at least one field, each once, and leaves the others
// alone; --help / --version answered exactly when given before "--".
// Refused: the input is left exactly as it was, and the one-line message names a field, the
// file, an option or the argument at fault.
// A violation prints "explain_input_fuzzer: VIOLATION: ..." and traps, which libFuzzer reports
// as a crash and saves as a reproducer (crash-<sha1>). ASan and UBSan watch every call.
//
// Built only with clang, -fsanitize=fuzzer,address,undefined (option GRADPROOF_BUILD_FUZZ,
// preset "fuzz"). The known-bad twin compiles input.cpp with GRADPROOF_EXPLAIN_KNOWN_BAD,
// which lets a label up to 2 through; it must trap on the seed corpus/bad_label.txt.
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "input.hpp"

namespace {

using gradproof_explain::field_names;
using gradproof_explain::Input;

[[noreturn]] void violation(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "explain_input_fuzzer: VIOLATION: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::fflush(stderr);
  __builtin_trap();
}

void require(bool ok, std::string_view what, std::string_view detail) {
  if (!ok) violation(what, detail);
}

/// Where field k's numbers live in an Input.
std::span<const double> numbers(const Input& in, std::size_t k) {
  switch (k) {
    case 0:
      return in.net.W.data;
    case 1:
      return in.net.b1.data;
    case 2:
      return in.net.U.data;
    case 3:
      return {&in.net.b2, 1};
    case 4:
      return in.x.data;
    case 5:
      return {&in.y, 1};
    default:
      return {&in.eta, 1};
  }
}

std::optional<std::size_t> field_index(std::string_view name) {
  for (std::size_t k = 0; k < std::size(field_names); ++k)
    if (field_names[k] == name) return k;
  return std::nullopt;
}

bool same_bits(std::span<const double> a, std::span<const double> b) {
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) return false;
  return true;
}

bool same_input(const Input& a, const Input& b) {
  for (std::size_t k = 0; k < std::size(field_names); ++k)
    if (!same_bits(numbers(a, k), numbers(b, k))) return false;
  return a.source == b.source;
}

void check_sound(const Input& in, std::string_view where) {
  for (std::size_t k = 0; k < std::size(field_names); ++k)
    for (const double v : numbers(in, k)) require(std::isfinite(v), "a number is not finite", where);
  if (!(in.y >= 0.0 && in.y <= 1.0)) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", in.y);
    violation("the label y = " + std::string(text) + " is outside [0, 1]", where);
  }
  require(in.eta > 0.0, "the learning rate is not > 0", where);
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// The value text of an accepted field, read again without input.cpp's code: no empty entry,
/// the field's count of numbers, and each number's bits equal to strtod's.
void check_values(std::size_t k, std::string_view text, const Input& in) {
  const std::string detail = std::string(field_names[k]) + " = '" + std::string(text) + "'";
  std::string dense;  // the text without blanks: an empty entry is a comma at an end or beside another
  for (const char c : text)
    if (!blank(c)) dense += c;
  const auto comma = [](char c) { return c == ',' || c == ';'; };
  require(dense.empty() || (!comma(dense.front()) && !comma(dense.back())), "an empty entry was accepted", detail);
  for (std::size_t i = 1; i < dense.size(); ++i)
    require(!(comma(dense[i - 1]) && comma(dense[i])), "an empty entry was accepted", detail);
  std::vector<std::string> tokens;
  std::string token;
  for (const char c : std::string(text) + " ") {
    if (blank(c) || comma(c)) {
      if (!token.empty()) tokens.push_back(token);
      token.clear();
    } else {
      token += c;
    }
  }
  const std::span<const double> stored = numbers(in, k);
  require(tokens.size() == stored.size(), "a field was accepted with the wrong count of numbers", detail);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    char* end = nullptr;
    const double v = std::strtod(tokens[i].c_str(), &end);
    require(end == tokens[i].c_str() + tokens[i].size(), "strtod does not read an accepted number", detail);
    require(same_bits({&v, 1}, {&stored[i], 1}), "a number differs from strtod's reading of it", detail);
  }
}

constexpr std::string_view kFileName = "fuzz-input.txt";

/// After "file:N: ", a refused line's message says which field or what the line lacks (a field
/// of the input, or of the student's numbers in --mine's file).
bool names_a_field(std::string_view rest) {
  if (rest.starts_with("unknown field '") || rest.starts_with("expected 'field = numbers'")) return true;
  for (const std::string_view f : field_names)
    if (rest.starts_with(std::string(f) + ": ")) return true;
  for (const std::string_view f : gradproof_explain::mine_field_names)
    if (rest.starts_with(std::string(f) + ": ")) return true;
  return false;
}

/// A refusal of the file `name`: names it, and for a line, the line's field.
bool names_the_file(std::string_view message, std::string_view name) {
  const std::string quoted = "'" + std::string(name) + "'";
  if (message.find(quoted) != std::string_view::npos) return true;
  const std::string prefix = std::string(name) + ":";
  if (!message.starts_with(prefix)) return false;
  std::string_view rest = message.substr(prefix.size());
  const auto colon = rest.find(": ");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (const char c : rest.substr(0, colon))
    if (c < '0' || c > '9') return false;
  return names_a_field(rest.substr(colon + 2));
}

void fuzz_file(std::string_view text) {
  const Input before = gradproof_explain::worked_example_input();
  Input in = before;
  const auto error = gradproof_explain::parse_file_text(in, std::string(kFileName), text);
  if (error) {
    require(same_input(in, before), "a refused file changed the input", *error);
    require(names_the_file(*error, kFileName), "a refusal does not name the file and field", *error);
    require(error->find('\n') == std::string::npos, "a message is not one line", *error);
    return;
  }
  check_sound(in, "from a file");
  // Read the lines again: each sets a known field once, and the rest are comments and blanks.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::array<bool, std::size(field_names)> set{};
  std::vector<std::pair<std::size_t, std::string_view>> values;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    line = line.substr(0, line.find('#'));
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) {
      for (const char c : line) require(blank(c), "a line without '=' was accepted", std::string(line));
      continue;
    }
    std::string_view name = line.substr(0, eq);
    while (!name.empty() && blank(name.front())) name.remove_prefix(1);
    while (!name.empty() && blank(name.back())) name.remove_suffix(1);
    const auto k = field_index(name);
    require(k.has_value(), "an unknown field was accepted", std::string(name));
    require(!set[*k], "a field given twice was accepted", std::string(name));
    set[*k] = true;
    values.emplace_back(*k, line.substr(eq + 1));
  }
  for (const auto& [k, value] : values) check_values(k, value, in);
  bool any = false;
  for (std::size_t k = 0; k < set.size(); ++k) {
    any = any || set[k];
    if (!set[k])
      require(same_bits(numbers(in, k), numbers(before, k)), "a field not in the file changed", field_names[k]);
  }
  require(any, "a file that sets no field was accepted", "");
}

/// The command line's --input: the path is the file's text ('|' for a newline); '!' fails.
std::string last_path;
std::optional<std::string> read_path_as_text(const std::string& path, std::string& text) {
  last_path = path;
  if (path.starts_with('!')) return "cannot open the input file '" + path + "'";
  text = path;
  for (char& c : text)
    if (c == '|') c = '\n';
  return std::nullopt;
}

/// A refusal of the command line names the option, field, argument or file at fault.
bool names_its_subject(std::string_view message, const std::vector<std::string>& args) {
  if (message.starts_with("unknown option '-") || message.starts_with("unexpected argument '")) return true;
  if (!last_path.empty() && names_the_file(message, last_path)) return true;
  // "--NAME: ...", where --NAME was given (as "--NAME", or "--NAME=...").
  if (!message.starts_with("--")) return false;
  const auto colon = message.find(": ");
  if (colon == std::string_view::npos) return false;
  const std::string_view option = message.substr(0, colon);
  for (const std::string& a : args)
    if (a == option || a.starts_with(std::string(option) + "=")) return true;
  return false;
}

void fuzz_command_line(std::string_view bytes) {
  std::vector<std::string> args;
  std::string arg;
  for (const char c : bytes) {
    if (c == '\0' || c == '\n') {
      args.push_back(arg);
      arg.clear();
    } else {
      arg += c;
    }
  }
  if (!arg.empty()) args.push_back(arg);

  bool asks_help = false;
  bool asks_version = false;
  for (const std::string& a : args) {
    if (a == "--") break;
    asks_help = asks_help || a == "--help" || a == "-h";
    asks_version = asks_version || a == "--version";
  }
  last_path.clear();
  const auto r = gradproof_explain::parse_command_line(args, read_path_as_text);
  if (!r.options) {
    require(!asks_help && !asks_version, "--help or --version was refused", r.error);
    require(names_its_subject(r.error, args), "a refusal does not name its subject", r.error);
    require(r.error.find('\n') == std::string::npos, "a message is not one line", r.error);
    return;
  }
  require(r.options->help == asks_help, "--help answered wrongly", "");
  require(r.options->version == (asks_version && !asks_help), "--version answered wrongly", "");
  if (asks_help || asks_version) return;
  check_sound(r.options->input, "from the command line");
  require(r.options->digits >= 1 && r.options->digits <= 17, "--digits outside 1..17 was accepted", "");
  // Each field option's value, read again (the options override the file, so theirs count).
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (!a.starts_with("--")) continue;
    const auto eq = a.find('=');
    const auto k = field_index(std::string_view(a).substr(2, eq == std::string::npos ? std::string::npos : eq - 2));
    if (!k) continue;
    if (eq != std::string::npos) {
      check_values(*k, std::string_view(a).substr(eq + 1), r.options->input);
    } else {
      require(i + 1 < args.size(), "an option without its value was accepted", a);
      check_values(*k, args[++i], r.options->input);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fuzz_file(bytes);
  fuzz_command_line(bytes);
  return 0;
}
