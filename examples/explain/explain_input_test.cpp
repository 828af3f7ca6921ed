// examples/explain/explain_input_test.cpp: gradproof-explain reads its input exactly, or stops
// with a message that names the field; a bad field never changes the input.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <gradproof/worked_example.hpp>

#include "input.hpp"
#include "proof_index.hpp"
#include "walkthrough.hpp"

namespace {

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
  EXPECT_EQ(gradproof_explain::read_file(in, noeq).value_or(""), noeq + ":1: expected 'field = numbers', e.g. 'eta = 0.125'");
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
  EXPECT_EQ(parse_command_line({"stray"}).error, "unexpected argument 'stray'; see --help");
}

TEST(ExplainWalkthrough, AnOverflowingStepIsReportedNotShown) {
  Input in = gradproof_explain::worked_example_input();
  // z = W x is about 0.03, so σ′(z) is about 1/4 and ∂L/∂W = δ2 x about 1e9: η ∂L/∂W overflows.
  ASSERT_FALSE(set_field(in, "W", "1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12 1e-12").has_value());
  ASSERT_FALSE(set_field(in, "x", "1e10 1e10 1e10").has_value());
  ASSERT_FALSE(set_field(in, "eta", "1e308").has_value());
  const auto r = gradproof_explain::render(in, gradproof_explain::Format::text, 6);
  EXPECT_FALSE(r.page.has_value());
  EXPECT_NE(r.error.find("overflowed"), std::string::npos) << r.error;
}

TEST(ExplainWalkthrough, TheDefaultStepAgreesWithAutomaticDifferentiation) {
  const auto r = gradproof_explain::render(gradproof_explain::worked_example_input(), gradproof_explain::Format::text, 6);
  ASSERT_TRUE(r.page.has_value()) << r.error;
  EXPECT_EQ(r.page->find("WARNING"), std::string::npos);
  EXPECT_NE(r.page->find("= [0.890625; -1.00781; -0.445312; -0.320312]"), std::string::npos)
      << "z = W x + b1 of the worked example, exact in binary: by hand, z1 = 0.5*0.75 - 0.25*(-1.25) + "
         "0.125*0.625 + 0.125 = 0.890625 (static_tests/reference_values_test.cpp, z_ref)";
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
    const std::string marker = "[" + std::string(p.key) + "]";
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
