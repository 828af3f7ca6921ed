// examples/explain/input.hpp: what gradproof-explain computes a step for, and how it reads it
// from options and from a small text file. Every mistake is reported with the field it is in.
#ifndef GRADPROOF_EXPLAIN_INPUT_HPP
#define GRADPROOF_EXPLAIN_INPUT_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gradproof/network.hpp>

namespace gradproof_explain {

/// One SGD step's ingredients: the network, the sample (x, y) and the learning rate η.
struct Input {
  gradproof::Network<double> net;
  gradproof::ColVector<double, 3> x;
  double y = 0;
  double eta = 0;
  std::string source;  ///< where it came from, for the report's first lines
};

/// The docs' worked example (gradproof::worked_example), the default.
Input worked_example_input();

/// The fields, in the order the help and the file format list them.
inline constexpr std::string_view field_names[] = {"W", "b1", "U", "b2", "x", "y", "eta"};

/// Sets one field from its text: numbers separated by commas, semicolons or blanks, e.g.
/// "0.5, -0.25, 0.125; ..." for W (4 x 3, row by row). Returns an error message that starts
/// with the field's name, or nothing on success; `in` is unchanged on error.
std::optional<std::string> set_field(Input& in, std::string_view field, std::string_view text);

/// Reads a file of "field = numbers" lines ('#' starts a comment). Fields it does not set keep
/// their value in `in`. Returns an error message naming the file, line and field, or nothing.
std::optional<std::string> read_file(Input& in, const std::string& path);

/// What the command line asks for.
struct Options {
  Input input;
  bool markdown = false;
  bool help = false;
  int digits = 6;
};

/// Parses argv (without argv[0]): --input FILE first (wherever it stands), then the
/// field options, which override the file. Returns the options or an error message.
struct ParseResult {
  std::optional<Options> options;
  std::string error;
};
ParseResult parse_command_line(const std::vector<std::string>& args);

/// The text of --help.
std::string help_text();

}  // namespace gradproof_explain

#endif  // GRADPROOF_EXPLAIN_INPUT_HPP
