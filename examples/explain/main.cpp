// examples/explain/main.cpp: gradproof-explain's command line (see --help).
// Exit status: 0 done, 1 the step failed (it overflowed), 2 bad input or options.
#include <cstdio>
#include <string>
#include <vector>

#include "input.hpp"
#include "walkthrough.hpp"

int main(int argc, char** argv) {
  using namespace gradproof_explain;
  const std::vector<std::string> args(argv + 1, argv + argc);
  const ParseResult parsed = parse_command_line(args);
  if (!parsed.options) {
    std::fprintf(stderr, "gradproof-explain: %s\n", parsed.error.c_str());
    return 2;
  }
  const Options& o = *parsed.options;
  if (o.help) {
    std::fputs(help_text().c_str(), stdout);
    return 0;
  }
  const Rendered r = render(o.input, o.markdown ? Format::markdown : Format::text, o.digits);
  if (!r.page) {
    std::fprintf(stderr, "gradproof-explain: %s\n", r.error.c_str());
    return 1;
  }
  std::fputs(r.page->c_str(), stdout);
  return 0;
}
