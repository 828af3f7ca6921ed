// examples/explain/main.cpp: gradproof-explain's command line (see --help).
// Exit status: 0 done, 1 the step failed (it overflowed), the output could not be written, or
// (--mine) a field of the student's is not right, 2 bad input or options.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "input.hpp"
#include "mine.hpp"
#include "walkthrough.hpp"

namespace {

/// Writes `text` to stdout and closes it, so that a failed write (a full disk, /dev/full) is an
/// error (exit 1) rather than a success that printed nothing: stdio reports it only through
/// fputs's result, ferror, or the fflush and fclose that really write the buffer.
int write_stdout(const std::string& text) {
  bool failed = false;
  int error = 0;
  const auto note = [&](bool call_failed) {
    if (call_failed && !failed) error = errno;  // the first failure's cause, before another call resets errno
    failed = failed || call_failed;
    errno = 0;
  };
  errno = 0;
  note(std::fputs(text.c_str(), stdout) < 0);
  note(std::fflush(stdout) != 0);
  note(std::ferror(stdout) != 0);
  note(std::fclose(stdout) != 0);
  if (!failed) return 0;
  std::fprintf(stderr, "gradproof-explain: cannot write the output: %s\n",
               error != 0 ? std::strerror(error) : "write error");
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gradproof_explain;
  const std::vector<std::string> args(argv + 1, argv + argc);
  const ParseResult parsed = parse_command_line(args);
  if (!parsed.options) {
    std::fprintf(stderr, "gradproof-explain: %s\n", parsed.error.c_str());
    return 2;
  }
  const Options& o = *parsed.options;
  if (o.help) return write_stdout(help_text());
  if (o.version) return write_stdout(version_text());
  if (o.mine) {
    const MineGrade g = grade_mine(o.input, *o.mine, o.digits);
    const int written = write_stdout(g.report);
    return written != 0 ? written : g.status;
  }
  const Rendered r = render(o.input, o.markdown ? Format::markdown : Format::text, o.digits);
  if (!r.page) {
    std::fprintf(stderr, "gradproof-explain: %s\n", r.error.c_str());
    return 1;
  }
  return write_stdout(*r.page);
}
