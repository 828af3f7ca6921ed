// Build policy: under -ffast-math run-time bits would differ from compile-time ones.
// The _fail variant is this same file built with -ffast-math (static_tests/compile_fail/CMakeLists.txt);
// the _ok variant is the project's own build. gradproof must refuse the first with one message
// that names the problem, in detail/config.hpp, before any other diagnostic.
#include <gradproof/gradproof.hpp>

int main() { return gradproof::forward(gradproof::worked_example::net<double>, gradproof::worked_example::x<double>).theta > 0.0 ? 0 : 1; }
