// Harness sanity check: text that is not C++ must fail, and the harness must see it fail.
// If this case ever passes its .ok test but not its .fail test, the macro does not reach the
// compiler or the script does not build the target: every other case would be meaningless.
#include <gradproof/matrix.hpp>

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
int garbage = ;
#else
int garbage = 0;
#endif
