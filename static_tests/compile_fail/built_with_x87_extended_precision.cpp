// Build policy: x87 arithmetic (FLT_EVAL_METHOD 2) rounds to 80 bits, so run-time bits would differ.
// The _fail variant is this same file built with -mfpmath=387 (x86-64, g++) (static_tests/compile_fail/CMakeLists.txt);
// the _ok variant is the project's own build. gradproof must refuse the first with one message
// that names the problem, in detail/config.hpp, before any other diagnostic.
#include <gradproof/gradproof.hpp>

int main() { return gradproof::forward(gradproof::worked_example::net<double>, gradproof::worked_example::x<double>).theta > 0.0 ? 0 : 1; }
