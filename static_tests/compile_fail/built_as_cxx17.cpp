// Build policy: C++17 cannot compile gradproof (concepts, std::bit_cast, std::is_constant_evaluated).
// The _fail variant is this same file built with -std=c++17 (static_tests/compile_fail/CMakeLists.txt);
// the _ok variant is the project's own build. gradproof must refuse the first with one message
// that names the problem, in detail/config.hpp, before any other diagnostic.
#include <gradproof/gradproof.hpp>

int main() { return gradproof::forward(gradproof::worked_example::net<double>, gradproof::worked_example::x<double>).theta > 0.0 ? 0 : 1; }
