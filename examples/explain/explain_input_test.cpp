// examples/explain/explain_input_test.cpp: gradproof-explain reads its input exactly, or stops
// with a message that names the field; a bad field never changes the input.
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include <gradproof/version.hpp>
#include <gradproof/worked_example.hpp>

#include "input.hpp"
#include "proof_index.hpp"
#include "text.hpp"
#include "walkthrough.hpp"

namespace {

using gradproof_explain::cat;
using gradproof_explain::Input;
using gradproof_explain::parse_command_line;
using gradproof_explain::set_field;

std::string temp_file(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << text;
  return path;
}

TEST(ExplainInput, TheExampleFileIsTheWorkedExample) {
  Input in{};
  ASSERT_FALSE(gradproof_explain::read_file(in, GRADPROOF_EXPLAIN_EXAMPLE_FILE).has_value());
  const Input def = gradproof_explain::worked_example_input();
  EXPECT_EQ(in.net, def.net);
  EXPECT_EQ(in.x, def.x);
  EXPECT_EQ(in.y, def.y);
  EXPECT_EQ(in.eta, def.eta);
  // Known-bad twin: a changed field is seen by the same comparison.
  ASSERT_FALSE(set_field(in, "b2", "0.1").has_value());
  EXPECT_NE(in.net, def.net);
}

TEST(ExplainInput, FieldsParseRowByRow) {
  Input in = gradproof_explain::worked_example_input();
  ASSERT_FALSE(set_field(in, "W", "1 2 3; 4 5 6; 7 8 9; 10 11 12").has_value());
  EXPECT_EQ(in.net.W(1, 0), 4.0);
  EXPECT_EQ(in.net.W(3, 2), 12.0);
  ASSERT_FALSE(set_field(in, "U", "1e-3,-2.5e2,0,1").has_value());
  EXPECT_EQ(in.net.U(0, 1), -250.0);
}

struct BadField {
  const char* field;
  const char* text;
  const char* message;
};

TEST(ExplainInput, EveryBadFieldIsNamedAndLeavesTheInputAlone) {
  const std::vector<BadField> cases = {
      {"W", "1 2 3", "W: expected 12 numbers ((4, 3): 4 rows of 3, row by row), got 3"},
      {"W", "1 2 3 4 5 6 7 8 9 10 11 x", "W: entry 12 (row 4, column 3) 'x' is not a number"},
      {"b1", "1 2 3 4 5", "b1: expected 4 numbers ((4, 1)), got 5"},
      {"U", "1 2 nan 4", "U: entry 3 'nan' is not finite"},
      {"b2", "", "b2: expected 1 number (a scalar), got 0"},
      {"x", "1 2 1e400", "x: entry 3 '1e400' is out of the range of a double"},
      {"x", "1 2 3abc", "x: entry 3 '3abc' is not a number"},
      {"y", "1.5", "y: the label must be in [0, 1], got 1.5"},
      {"y", "-0.1", "y: the label must be in [0, 1], got -0.1"},
      {"eta", "-1", "eta: the learning rate must be > 0, got -1"},
      {"V", "1", "unknown field 'V'; the fields are W, b1, U, b2, x, y, eta"},
  };
  for (const BadField& c : cases) {
    Input in = gradproof_explain::worked_example_input();
    const auto error = set_field(in, c.field, c.text);
    ASSERT_TRUE(error.has_value()) << c.field << " = " << c.text;
    EXPECT_EQ(*error, c.message);
    EXPECT_EQ(in.net, gradproof_explain::worked_example_input().net) << "the input changed on error";
    EXPECT_EQ(in.y, gradproof_explain::worked_example_input().y);
  }
}

TEST(ExplainInput, FileErrorsNameFileLineAndField) {
  Input in = gradproof_explain::worked_example_input();
  const std::string dup = temp_file("dup.txt", "y = 1\n# a comment\neta = 0.5\ny = 0\n");
  EXPECT_EQ(gradproof_explain::read_file(in, dup).value_or(""), dup + ":4: y: given twice");
  const std::string bad = temp_file("bad.txt", "eta = 0.5\nW = 1 2\n");
  EXPECT_EQ(gradproof_explain::read_file(in, bad).value_or(""),
            bad + ":2: W: expected 12 numbers ((4, 3): 4 rows of 3, row by row), got 2");
  const std::string noeq = temp_file("noeq.txt", "eta 0.5\n");
  EXPECT_EQ(gradproof_explain::read_file(in, noeq).value_or(""),
            noeq + ":1: expected 'field = numbers', e.g. 'eta = 0.125'");
  // Nothing of a file with an error is kept, not even its good lines.
  EXPECT_EQ(in.eta, gradproof_explain::worked_example_input().eta);
}

TEST(ExplainInput, OptionsOverrideTheFileWhereverItStands) {
  const std::string file = temp_file("eta.txt", "eta = 0.5\ny = 0\n");
  const auto r = parse_command_line({"--eta", "0.25", "--input", file});
  ASSERT_TRUE(r.options.has_value()) << r.error;
  EXPECT_EQ(r.options->input.eta, 0.25);
  EXPECT_EQ(r.options->input.y, 0.0);
  EXPECT_FALSE(parse_command_line({"--digits", "18"}).options.has_value());
  EXPECT_EQ(parse_command_line({"--digits", "0"}).error, "--digits: expected a whole number from 1 to 17, got '0'");
  EXPECT_EQ(parse_command_line({"--eta"}).error, "--eta: the option needs a value; see --help");
  EXPECT_EQ(parse_command_line({"stray"}).error,
            "unexpected argument 'stray': gradproof-explain takes options only; see --help");
}

TEST(ExplainInput, ALeadingPlusIsANumbersSign) {
  Input in = gradproof_explain::worked_example_input();
  ASSERT_FALSE(set_field(in, "x", "+1, +0.5e1, -2").has_value());
  EXPECT_EQ(in.x(0, 0), 1.0);
  EXPECT_EQ(in.x(1, 0), 5.0);
  EXPECT_EQ(in.x(2, 0), -2.0);
  // Known-bad twins: one sign only, and a sign needs a number.
  EXPECT_EQ(set_field(in, "b2", "+-1").value_or(""), "b2: entry 1 '+-1' is not a number");
  EXPECT_EQ(set_field(in, "b2", "++1").value_or(""), "b2: entry 1 '++1' is not a number");
  EXPECT_EQ(set_field(in, "b2", "+").value_or(""), "b2: entry 1 '+' is not a number");
  EXPECT_EQ(set_field(in, "y", "+inf").value_or(""), "y: entry 1 '+inf' is not finite");
}

TEST(ExplainInput, AnEmptyEntryIsNamedByItsPosition) {
  Input in = gradproof_explain::worked_example_input();
  ASSERT_FALSE(set_field(in, "x", " 1 , 2 ,3 ").has_value()) << "blanks around commas are fine";
  ASSERT_FALSE(set_field(in, "x", "1;2 3").has_value());
  const std::vector<BadField> cases = {
      {"x", "1,,2,3", "x: entry 2 is empty in '1,,2,3'"},
      {"x", "1, ,2", "x: entry 2 is empty in '1, ,2'"},
      {"x", ",1,2", "x: entry 1 is empty in ',1,2'"},
      {"x", " 1,2,3, ", "x: entry 4 is empty in '1,2,3,'"},
      {"b1", "1;;2;3", "b1: entry 2 is empty in '1;;2;3'"},
      {"W", "1 2 3 4 5 6 7 8 9 10,,11", "W: entry 11 (row 4, column 2) is empty in '1 2 3 4 5 6 7 8 9 10,,11'"},
      {"b2", ",", "b2: entry 1 is empty in ','"},
  };
  for (const BadField& c : cases) {
    Input bad = gradproof_explain::worked_example_input();
    EXPECT_EQ(set_field(bad, c.field, c.text).value_or(""), c.message);
    EXPECT_EQ(bad.x, gradproof_explain::worked_example_input().x) << "the input changed on error";
  }
}

TEST(ExplainInput, MessagesShowControlBytesAndCutLongText) {
  Input in = gradproof_explain::worked_example_input();
  EXPECT_EQ(set_field(in, "x", std::string("1 \x01\x7f 3")).value_or(""), "x: entry 2 '\\x01\\x7F' is not a number");
  EXPECT_EQ(set_field(in, "b2", std::string(50, 'a')).value_or(""),
            cat("b2: entry 1 '", std::string(40, 'a'), "...' is not a number"));
  // A cut never splits a UTF-8 character: 39 ASCII bytes, then a 2-byte 'é' across the limit.
  EXPECT_EQ(set_field(in, "b2", std::string(39, 'a') + "\xC3\xA9zz").value_or(""),
            cat("b2: entry 1 '", std::string(39, 'a'), "...' is not a number"));
  // Bytes that are not UTF-8 are cut at the limit; the message keeps the text (explain_input_fuzzer
  // found "unknown option '...'" for "-" and 50 continuation bytes).
  EXPECT_EQ(parse_command_line({cat("-", std::string(50, '\x8D'))}).error,
            cat("unknown option '-", std::string(39, '\x8D'), "...'; see --help"));
}

TEST(ExplainInput, ADecimalCommaGetsAHintAndStaysAnError) {
  const std::vector<BadField> cases = {
      {"eta", "0,1", "eta: expected 1 number (a scalar), got 2 (a decimal comma? use a dot: 0.1)"},
      {"x", " 0,5 1,5 2,5 ", "x: expected 3 numbers ((3, 1)), got 6 (a decimal comma? use a dot: 0.5 1.5 2.5)"},
      {"x", "0,5; -1,5; +2,5", "x: expected 3 numbers ((3, 1)), got 6 (a decimal comma? use a dot: 0.5; -1.5; +2.5)"},
      {"x", "1 0,5 2", "x: expected 3 numbers ((3, 1)), got 4 (a decimal comma? use a dot: 1 0.5 2)"},
      // No reading with dots holds the field: the hint says what to do, and shows no reading.
      {"x", "0,5,1,5,2,5",
       "x: expected 3 numbers ((3, 1)), got 6 (a decimal comma? use a dot, and blanks or ';' between the numbers)"},
      {"b1", "1,2,3,4,5",
       "b1: expected 4 numbers ((4, 1)), got 5 (a decimal comma? use a dot, and blanks or ';' between the numbers)"},
      // Known-bad twins: no hint for fewer numbers than the field holds, nor for commas that do
      // not stand between two digits, nor for an entry that is no number.
      {"W", "0,5", "W: expected 12 numbers ((4, 3): 4 rows of 3, row by row), got 2"},
      {"x", "1, 2, 3, 4", "x: expected 3 numbers ((3, 1)), got 4"},
      {"eta", "0 ,1", "eta: expected 1 number (a scalar), got 2"},
      {"eta", "0,1a", "eta: entry 2 '1a' is not a number"},
  };
  for (const BadField& c : cases) {
    Input in = gradproof_explain::worked_example_input();
    EXPECT_EQ(set_field(in, c.field, c.text).value_or(""), c.message) << c.field << " = " << c.text;
    EXPECT_EQ(in.x, gradproof_explain::worked_example_input().x) << "the input changed on error";
    EXPECT_EQ(in.eta, gradproof_explain::worked_example_input().eta) << "the input changed on error";
  }
  const std::string file = temp_file("comma.txt", "y = 0\neta = 0,125\n");
  Input in = gradproof_explain::worked_example_input();
  EXPECT_EQ(gradproof_explain::read_file(in, file).value_or(""),
            file + ":2: eta: expected 1 number (a scalar), got 2 (a decimal comma? use a dot: 0.125)");
}

std::optional<std::string> parse_text(Input& in, std::string_view text) {
  return gradproof_explain::parse_file_text(in, "f.txt", text);
}

TEST(ExplainInput, AFileMustSetSomething) {
  Input in = gradproof_explain::worked_example_input();
  EXPECT_EQ(parse_text(in, "").value_or(""), "the input file 'f.txt' is empty");
  EXPECT_EQ(parse_text(in, "# nothing yet\n\n   \n\t# still nothing\n").value_or(""),
            "the input file 'f.txt' sets no field: it has only comments and blank lines");
  EXPECT_EQ(parse_text(in, "\xEF\xBB\xBF").value_or(""),
            "the input file 'f.txt' sets no field: it has only comments and blank lines");
  EXPECT_EQ(in.source, gradproof_explain::worked_example_input().source);
  // Known-bad twin: one field is enough.
  ASSERT_FALSE(parse_text(in, "# a comment\r\ny = 0\r\n").has_value());
  EXPECT_EQ(in.y, 0.0);
  EXPECT_EQ(in.source, "the file f.txt");
}

TEST(ExplainInput, AByteOrderMarkIsSkipped) {
  Input in = gradproof_explain::worked_example_input();
  ASSERT_FALSE(parse_text(in, "\xEF\xBB\xBFy = 0\neta = 0.5\n").has_value());
  EXPECT_EQ(in.y, 0.0);
  EXPECT_EQ(in.eta, 0.5);
  // Known-bad twin: only at the start of the file; elsewhere it is part of a field's name.
  EXPECT_EQ(parse_text(in, "eta = 0.5\n\xEF\xBB\xBFy = 0\n").value_or(""),
            "f.txt:2: unknown field '\xEF\xBB\xBFy'; the fields are W, b1, U, b2, x, y, eta");
}

TEST(ExplainInput, AFileThatCannotBeReadIsNamedWithTheReason) {
  std::string text;
  const std::string dir = ::testing::TempDir();
  EXPECT_EQ(gradproof_explain::read_text_file(dir, text).value_or(""), "the input file '" + dir + "' is a directory");
  // Opened, then every read fails (EIO): the kernel refuses to read a process's unmapped page 0.
  EXPECT_EQ(gradproof_explain::read_text_file("/proc/self/mem", text).value_or(""),
            "cannot read the input file '/proc/self/mem': Input/output error");
  EXPECT_EQ(gradproof_explain::read_text_file("no/such/file.txt", text).value_or(""),
            "cannot open the input file 'no/such/file.txt': No such file or directory");
  EXPECT_EQ(gradproof_explain::read_text_file("/dev/zero", text).value_or(""),
            "the input file '/dev/zero' is larger than 1 MiB: not an input file of a few lines");
  EXPECT_TRUE(text.empty()) << "nothing is read from a file with an error";
  // Known-bad twin: a readable file is read, all of it.
  ASSERT_FALSE(gradproof_explain::read_text_file(temp_file("ok.txt", "y = 0\n"), text).has_value());
  EXPECT_EQ(text, "y = 0\n");
}

/// Serves one file, y0.txt, so that the command line's tests read no disk.
std::optional<std::string> fake_read(const std::string& path, std::string& text) {
  if (path == "y0.txt") {
    text = "y = 0\neta = 0.5\n";
    return std::nullopt;
  }
  return "cannot open the input file '" + path + "'";
}

gradproof_explain::ParseResult parse(const std::vector<std::string>& args) {
  return parse_command_line(args, fake_read);
}

TEST(ExplainCommandLine, HelpAndVersionWinOverEverythingElse) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--help"},
                                             {"-h"},
                                             {"--help", "--W", "1"},
                                             {"--bogus", "-h"},
                                             {"--version", "--help"},
                                             {"stray", "--help", "--input", "none"}}) {
    const auto r = parse(args);
    ASSERT_TRUE(r.options.has_value()) << args[0] << ": " << r.error;
    EXPECT_TRUE(r.options->help);
    EXPECT_FALSE(r.options->version);
  }
  const auto v = parse({"--W", "1", "--version"});
  ASSERT_TRUE(v.options.has_value()) << v.error;
  EXPECT_TRUE(v.options->version);
  EXPECT_FALSE(v.options->help);
  EXPECT_EQ(gradproof_explain::version_text(),
            cat("gradproof-explain ", std::to_string(GRADPROOF_VERSION_MAJOR), ".",
                std::to_string(GRADPROOF_VERSION_MINOR), ".", std::to_string(GRADPROOF_VERSION_PATCH), "\n"));
  // Known-bad twin: after "--" they are operands, and an operand is an error.
  EXPECT_EQ(parse({"--", "--help"}).error,
            "unexpected argument '--help': gradproof-explain takes options only; see --help");
}

TEST(ExplainCommandLine, EveryBadCommandLineIsNamed) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--xyz"}, "unknown option '--xyz'; see --help"},
      {{"--xyz", "1"}, "unknown option '--xyz'; see --help"},
      {{"--xyz=1"}, "unknown option '--xyz'; see --help"},
      {{"-x", "1"}, "unknown option '-x'; see --help"},
      {{"--", "1"}, "unexpected argument '1': gradproof-explain takes options only; see --help"},
      {{"-"}, "unexpected argument '-': gradproof-explain takes options only; see --help"},
      {{"--y", "0", "--y", "1"}, "--y: the option is given twice; see --help"},
      {{"--y=0", "--eta", "1", "--y", "1"}, "--y: the option is given twice; see --help"},
      {{"--markdown", "--markdown"}, "--markdown: the option is given twice; see --help"},
      {{"--input", "y0.txt", "--input=y0.txt"}, "--input: the option is given twice; see --help"},
      {{"--markdown=yes"}, "--markdown: the option takes no value; see --help"},
      {{"--help=me"}, "--help: the option takes no value; see --help"},
      {{"--eta", "--y", "1"}, "--eta: the option needs a value, but '--y' follows it; see --help"},
      {{"--input="}, "--input: the option needs a file name; see --help"},
      {{"--input", "other.txt"}, "cannot open the input file 'other.txt'"},
      {{"--x", "1,,3"}, "--x: entry 2 is empty in '1,,3'"},
      {{"--digits", "+-3"}, "--digits: expected a whole number from 1 to 17, got '+-3'"},
  };
  for (const auto& [args, message] : cases) EXPECT_EQ(parse(args).error, message) << args[0];
}

TEST(ExplainCommandLine, AListSplitByTheShellIsNamed) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--x", "1", "2", "3"},
       "--x: expected 3 numbers ((3, 1)), got 1, and '2' follows as another argument: a list must be one argument: "
       "--x \"1 2 3\" or --x 1,2,3"},
      {{"--y", "0", "--x", "1", "-2", "+3", "--eta", "1"},
       "--x: expected 3 numbers ((3, 1)), got 1, and '-2' follows as another argument: a list must be one argument: "
       "--x \"1 -2 +3\" or --x 1,-2,+3"},
      {{"--U=1,", "2,", ".5", "4"},
       "--U: expected 4 numbers ((1, 4)), got 1, and '2,' follows as another argument: a list must be one argument: "
       "--U \"1, 2, .5 4\" or --U 1,2,.5,4"},
      {{"--x", "0,5", "1,5", "2,5"},
       "--x: expected 3 numbers ((3, 1)), got 2, and '1,5' follows as another argument: a list must be one argument "
       "(a decimal comma? use a dot): --x \"0.5 1.5 2.5\" or --x 0.5,1.5,2.5"},
      // Still not the field's count: the list is shown quoted, with no second form to copy.
      {{"--W", "1", "2", "3"},
       "--W: expected 12 numbers ((4, 3): 4 rows of 3, row by row), got 1, and '2' follows as another argument: a "
       "list must be one argument: --W \"1 2 3\""},
      // Known-bad twins: a complete value, a scalar, a non-number or an option after the value.
      {{"--x", "1,2,3", "4"}, "unexpected argument '4': gradproof-explain takes options only; see --help"},
      {{"--b2", "1", "2"}, "unexpected argument '2': gradproof-explain takes options only; see --help"},
      {{"--x", "1", "abc"}, "unexpected argument 'abc': gradproof-explain takes options only; see --help"},
      {{"--x", "1", "-y"}, "unknown option '-y'; see --help"},
      {{"--x", "1", "--y", "0"}, "--x: expected 3 numbers ((3, 1)), got 1"},
      {{"--markdown", "1"}, "unexpected argument '1': gradproof-explain takes options only; see --help"},
  };
  for (const auto& [args, message] : cases) EXPECT_EQ(parse_command_line(args).error, message) << args[0];
}

TEST(ExplainCommandLine, GoodCommandLines) {
  // "--" ends the options; with nothing after it, it is no error.
  const auto r = parse({
      "--y",
      "+1",
      "--digits=+3",
      "--",
  });
  ASSERT_TRUE(r.options.has_value()) << r.error;
  EXPECT_EQ(r.options->input.y, 1.0);
  EXPECT_EQ(r.options->digits, 3);
  // An option overrides the same field of the file (documented), which is no repetition.
  const auto f = parse({"--y", "1", "--input", "y0.txt"});
  ASSERT_TRUE(f.options.has_value()) << f.error;
  EXPECT_EQ(f.options->input.y, 1.0);
  EXPECT_EQ(f.options->input.eta, 0.5);
  EXPECT_EQ(f.options->input.source, "the file y0.txt, with fields from the command line");
  // Negative numbers are values, not options.
  const auto n = parse({"--b2", "-5", "--x", "-1,-2,-3"});
  ASSERT_TRUE(n.options.has_value()) << n.error;
  EXPECT_EQ(n.options->input.net.b2, -5.0);
}

TEST(ExplainWalkthrough, AnOverflowingStepIsReportedNotShown) {
  Input in = gradproof_explain::worked_example_input();
  // z = W x is about 0.03, so σ′(z) is about 1/4 and ∂L/∂W = δ2 x about 1e9: η ∂L/∂W overflows.
  ASSERT_FALSE(
      set_field(in, "W", "1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12").has_value());
  ASSERT_FALSE(set_field(in, "x", "1e10 1e10 1e10").has_value());
  ASSERT_FALSE(set_field(in, "eta", "1e308").has_value());
  const auto r = gradproof_explain::render(in, gradproof_explain::Format::text, 6);
  EXPECT_FALSE(r.page.has_value());
  EXPECT_NE(r.error.find("overflowed"), std::string::npos) << r.error;
}

TEST(ExplainWalkthrough, TheDefaultStepAgreesWithAutomaticDifferentiation) {
  const auto r =
      gradproof_explain::render(gradproof_explain::worked_example_input(), gradproof_explain::Format::text, 6);
  ASSERT_TRUE(r.page.has_value()) << r.error;
  EXPECT_EQ(r.page->find("WARNING"), std::string::npos);
  EXPECT_NE(r.page->find("= [0.890625; -1.00781; -0.445312; -0.320312]"), std::string::npos)
      << "z = W x + b1 of the worked example, exact in binary: by hand, z1 = 0.5*0.75 - 0.25*(-1.25) + "
         "0.125*0.625 + 0.125 = 0.890625 (static_tests/reference_values_test.cpp, z_ref)";
}

TEST(ExplainWalkthrough, NoValuePrintsAsMinusZero) {
  using gradproof_explain::format_number;
  // Known-bad twin: the product that makes ∂L/∂W_i2 for x_2 = 0 is -0.0 for δ2_i < 0, and %g
  // prints it "-0".
  const double minus_zero = -0.25 * 0.0;
  char raw[16];
  std::snprintf(raw, sizeof raw, "%g", minus_zero);
  EXPECT_STREQ(raw, "-0");
  EXPECT_EQ(format_number(minus_zero, 6), "0");
  EXPECT_EQ(format_number(0.0, 6), "0");
  // Nonzero values keep their sign, however small or however few the digits.
  EXPECT_EQ(format_number(-0.25, 6), "-0.25");
  EXPECT_EQ(format_number(-0x1p-1074, 6), "-4.94066e-324");
  EXPECT_EQ(format_number(-0.04, 1), "-0.04");
  // The page of an input with x_2 = 0 has no "-0" anywhere (nor in Markdown).
  Input in = gradproof_explain::worked_example_input();
  ASSERT_FALSE(set_field(in, "x", "1 0 -1").has_value());
  for (const auto format : {gradproof_explain::Format::text, gradproof_explain::Format::markdown}) {
    const auto r = gradproof_explain::render(in, format, 6);
    ASSERT_TRUE(r.page.has_value()) << r.error;
    for (std::size_t at = r.page->find("-0"); at != std::string::npos; at = r.page->find("-0", at + 1)) {
      const char next = at + 2 < r.page->size() ? (*r.page)[at + 2] : '\0';
      EXPECT_TRUE(next == '.' || next == 'e' || (next >= '0' && next <= '9'))
          << "a -0 at " << at << ": " << r.page->substr(at > 40 ? at - 40 : 0, 80);
    }
  }
}

// --mine: the precision a number was written with is half a unit of its last digit.
TEST(ExplainMine, HalfWidthIsHalfTheLastDigit) {
  using gradproof_explain::half_width_of;
  EXPECT_DOUBLE_EQ(half_width_of("-0.0752"), 0.00005);
  EXPECT_DOUBLE_EQ(half_width_of("7.52e-2"), 0.00005);
  EXPECT_DOUBLE_EQ(half_width_of("+752E-4"), 0.00005);
  EXPECT_DOUBLE_EQ(half_width_of("12"), 0.5);
  EXPECT_DOUBLE_EQ(half_width_of("0"), 0.5);
  EXPECT_DOUBLE_EQ(half_width_of("0.000"), 0.0005);
  EXPECT_DOUBLE_EQ(half_width_of(".5"), 0.05);
  EXPECT_DOUBLE_EQ(half_width_of("5."), 0.5);
  EXPECT_DOUBLE_EQ(half_width_of("1e+2"), 50);
}

TEST(ExplainMine, ReadsTheFieldsAsWritten) {
  gradproof_explain::Mine mine;
  ASSERT_FALSE(gradproof_explain::parse_mine_text(mine, "m.txt", "# mine\ndelta1 = -0.3888\ndelta2 = 1 2; 3, 4e-1\n"));
  EXPECT_EQ(mine.name, "m.txt");
  ASSERT_EQ(mine.fields[0].size(), 1U);
  EXPECT_EQ(mine.fields[0][0].text, "-0.3888");
  EXPECT_EQ(mine.fields[0][0].significant_digits, 4);
  ASSERT_EQ(mine.fields[1].size(), 4U);
  EXPECT_EQ(mine.fields[1][3].value, 0.4);
  EXPECT_DOUBLE_EQ(mine.fields[1][3].half_width, 0.05);
  for (std::size_t k = 2; k < gradproof_explain::mine_field_count; ++k) EXPECT_TRUE(mine.fields[k].empty());
}

TEST(ExplainMine, RefusesWhatIsNotOneOfYourNumbers) {
  gradproof_explain::Mine mine;
  mine.name = "before";
  const auto error = [&mine](std::string_view text) {
    return gradproof_explain::parse_mine_text(mine, "m.txt", text).value_or("");
  };
  EXPECT_EQ(error("delta1 = 1\ndelta1 = 2\n"), "m.txt:2: delta1: given twice");
  EXPECT_EQ(error("db2 = 0,5\n"),
            "m.txt:1: db2: expected 1 number (a scalar), got 2 (a decimal comma? use a dot: 0.5)");
  EXPECT_EQ(error("dU = 1 2 3\n"), "m.txt:1: dU: expected 4 numbers ((1, 4), a row), got 3");
  EXPECT_EQ(error("eta = 0.5\n"),
            "m.txt:1: eta: the input, not one of your numbers: give it with --input or --eta; your numbers are "
            "delta1, delta2, dW, db1, dU, db2, W_next, b1_next, U_next, b2_next");
  EXPECT_EQ(error("# nothing\n"),
            "the file of your numbers 'm.txt' sets no field: it has only comments and blank lines");
  EXPECT_EQ(mine.name, "before");  // a refused file changes nothing
}

TEST(ExplainMine, TheOptionReadsTheFile) {
  const auto reader = [](const std::string& path, std::string& text) -> std::optional<std::string> {
    if (path != "m.txt") return "cannot open the input file '" + path + "'";
    text = "db2 = -0.3888\n";
    return std::nullopt;
  };
  const auto r = parse_command_line({"--mine", "m.txt", "--y", "1"}, reader);
  ASSERT_TRUE(r.options.has_value()) << r.error;
  ASSERT_TRUE(r.options->mine.has_value());
  EXPECT_EQ(r.options->mine->fields[5][0].text, "-0.3888");
  EXPECT_EQ(parse_command_line({"--mine", "x.txt"}, reader).error, "--mine: cannot open the input file 'x.txt'");
  EXPECT_EQ(parse_command_line({"--mine="}, reader).error, "--mine: the option needs a file name; see --help");
  EXPECT_EQ(parse_command_line({"--mine", "m.txt", "--markdown"}, reader).error,
            "--markdown: --mine grades your numbers and prints no walkthrough; leave one out");
}

/// Line n (1-based) of a repository file, or "" if it has fewer lines.
std::string line_of(std::string_view file, int n) {
  std::ifstream in(std::string(GRADPROOF_SOURCE_DIR) + "/" + std::string(file));
  std::string line;
  for (int i = 0; i < n && std::getline(in, line); ++i) {
  }
  return in ? line : std::string();
}

// Every file:line that gradproof-explain cites is the static_assert that carries its marker
// (cmake/gradproof_proof_index.cmake counted the lines; this reads them back independently).
TEST(ExplainProofIndex, EveryCitedLineCarriesItsMarker) {
  int cited = 0;
  for (const auto& p : gradproof_explain::proof_index) {
    if (p.line == 0) {
      EXPECT_TRUE(std::ifstream(std::string(GRADPROOF_SOURCE_DIR) + "/" + std::string(p.file)).good()) << p.file;
      continue;
    }
    const std::string marker = cat("[", p.key, "]");
    const std::string line = line_of(p.file, p.line);
    EXPECT_NE(line.find(marker), std::string::npos) << p.file << ":" << p.line << " does not carry " << marker;
    EXPECT_NE(line.find(");"), std::string::npos) << p.file << ":" << p.line << " is not a static_assert's last line";
    // Known-bad twin: the line before is not the proof (markers are one per line).
    EXPECT_EQ(line_of(p.file, p.line - 1).find(marker), std::string::npos);
    ++cited;
  }
  EXPECT_GE(cited, 30);
}

}  // namespace
