// examples/explain/input.hpp: what gradproof-explain computes a step for, and how it reads it
// from options and from a small text file. Every mistake is reported with the field, the file
// or the option it is in.
#ifndef GRADPROOF_EXPLAIN_INPUT_HPP
#define GRADPROOF_EXPLAIN_INPUT_HPP

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <gradproof/network.hpp>
#include <gradproof/parameters.hpp>

namespace gradproof_explain {

/// The network gradproof-explain explains; every shape it prints or reads comes from this type.
using Net = gradproof::Network<double>;

/// One SGD step's ingredients: the network, the sample (x, y) and the learning rate η.
struct Input {
  Net net;
  gradproof::ColVector<double, Net::inputs> x;
  double y = 0;
  double eta = 0;
  std::string source;  ///< where it came from, for the report's first lines
};

/// The docs' worked example (gradproof::worked_example), the default.
Input worked_example_input();

/// The fields, in the order the help and the file format list them.
inline constexpr std::string_view field_names[] = {"W", "b1", "U", "b2", "x", "y", "eta"};

/// How many numbers `field` holds (its shape's entries: W's, b1's, U's, x's; b2, y and eta 1), 0
/// if it is no field.
std::size_t field_count(std::string_view field);

/// What a field holds: how many numbers, and how to say where entry k is. Taken from the types
/// (the Network's parameters, the sample, the gradients), never written out.
struct FieldShape {
  std::size_t count;
  std::size_t rows;  ///< a matrix of several rows and columns says "row r, column c"
  std::size_t cols;
  std::string shape;  ///< "(4, 3): 4 rows of 3, row by row" ...
};

/// The numbers of one field's text, `s.count` of them, each with the text it was written as:
/// numbers separated by commas, semicolons or blanks, no empty entry, each finite (the rules of
/// set_field, which adds each field's range). Returns an error message that starts with `field`.
std::optional<std::string> read_field_numbers(std::string_view field, const FieldShape& s, std::string_view text,
                                              std::vector<double>& values, std::vector<std::string_view>& tokens);

/// Sets one field from its text: numbers separated by commas, semicolons or blanks, e.g.
/// "0.5, -0.25, 0.125; ..." for W (4 x 3, row by row). A number may start with '+'; an empty
/// entry ("1,,2", a leading or trailing comma) is an error. Returns an error message that
/// starts with the field's name, or nothing on success; `in` is unchanged on error.
std::optional<std::string> set_field(Input& in, std::string_view field, std::string_view text);

/// A file of "field = numbers" lines: what it is called in messages ("the input file") and a
/// line to show as an example.
struct FileKind {
  std::string_view noun;
  std::string_view example;
};
/// Called for each "field = value" line; returns an error message (without the file and line).
using FieldHandler = std::function<std::optional<std::string>(std::string_view field, std::string_view value)>;

/// The lines of such a file: '#' starts a comment, a UTF-8 byte order mark is skipped, each of
/// `names` at most once (another name is the handler's to refuse), at least one field. Returns
/// an error message naming the file (and the line), or nothing.
std::optional<std::string> read_field_lines(const FileKind& kind, const std::string& name, std::string_view text,
                                            std::span<const std::string_view> names, const FieldHandler& handler);

/// Parses the text of an input file named `name`: "field = numbers" lines, '#' starts a
/// comment, a UTF-8 byte order mark is skipped, each field at most once. Fields it does not
/// set keep their value in `in`. An empty text, or one that sets no field, is an error.
/// Returns an error message naming the file (and the line and field), or nothing; `in` is
/// unchanged on error.
std::optional<std::string> parse_file_text(Input& in, const std::string& name, std::string_view text);

/// An input file is a few lines; past this size it is not one (and /dev/zero would never end).
inline constexpr std::size_t max_file_bytes = std::size_t{1} << 20;

/// Reads the whole file at `path` into `text`. Returns an error message naming the file and
/// the problem (it does not exist, is a directory, cannot be read, is over max_file_bytes).
std::optional<std::string> read_text_file(const std::string& path, std::string& text);

/// read_text_file, then parse_file_text.
std::optional<std::string> read_file(Input& in, const std::string& path);

// ---- --mine FILE: a student's own numbers for the step -----------------------------------------

/// The fields of the file, in the slides' order: the deltas, the gradients, the parameters after
/// the step (gradproof::exercises::step_quantities).
inline constexpr std::string_view mine_field_names[] = {"delta1", "delta2", "dW",      "db1",    "dU",
                                                        "db2",    "W_next", "b1_next", "U_next", "b2_next"};
inline constexpr std::size_t mine_field_count = std::size(mine_field_names);

/// A number as the student wrote it.
struct WrittenNumber {
  double value = 0;
  double half_width = 0;  ///< half a unit of the last digit written: "0.0752" is right for [0.07515, 0.07525]
  int significant_digits = 0;
  std::string text;
};

/// Half a unit of the last digit of a number's text, e.g. 0.00005 for "-0.0752" and for "7.52e-2",
/// 0.5 for "12": the precision it was written with. The text must be a number (set_field's rules).
double half_width_of(std::string_view number);

/// Every field the file gives, with its numbers as written (a field not given is empty).
struct Mine {
  std::string name;
  std::array<std::vector<WrittenNumber>, mine_field_count> fields;
};

/// Parses the text of the file `name` of --mine (the rules of an input file; the fields above,
/// each with its count of numbers). Returns an error message naming the file, the line and the
/// field; `mine` is unchanged on error.
std::optional<std::string> parse_mine_text(Mine& mine, const std::string& name, std::string_view text);

/// What the command line asks for.
struct Options {
  Input input;
  std::optional<Mine> mine;  ///< --mine FILE: grade these numbers instead of printing the walkthrough
  bool markdown = false;
  bool symbolic = false;  ///< the gradients' closed forms (derivation.hpp), for every input
  bool help = false;
  bool version = false;
  int digits = 6;
};

/// Parses argv (without argv[0]). --help (or -h), then --version, before "--" win over
/// everything else. Otherwise every option must be known and given once, and nothing may be
/// an operand (the program takes none; after "--" everything is one). --input FILE is read
/// first (through `read`), then the field options, which override it. Returns the options or
/// an error message that names the option, field, file or argument at fault.
struct ParseResult {
  std::optional<Options> options;
  std::string error;
};
using FileReader = std::optional<std::string> (*)(const std::string& path, std::string& text);
ParseResult parse_command_line(const std::vector<std::string>& args, FileReader read = read_text_file);

/// The text of --help.
std::string help_text();

/// The text of --version: "gradproof-explain <version>\n", the version of gradproof/version.hpp.
std::string version_text();

}  // namespace gradproof_explain

#endif  // GRADPROOF_EXPLAIN_INPUT_HPP
