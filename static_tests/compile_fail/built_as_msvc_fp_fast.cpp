// Build policy: MSVC's /fp:fast (simulated with g++: _MSC_VER and _M_FP_FAST defined as MSVC defines them) would reassociate and contract.
// The _fail variant is this same file built with -D_MSC_VER=1930 -D_M_FP_FAST (static_tests/compile_fail/CMakeLists.txt);
// the _ok variant is the project's own build. gradproof must refuse the first with one message
// that names the problem, in detail/config.hpp, before any other diagnostic.
#include <gradproof/gradproof.hpp>

int main() { return gradproof::forward(gradproof::worked_example::net<double>, gradproof::worked_example::x<double>).theta > 0.0 ? 0 : 1; }
