// Harness self-test: a "_fail" variant that compiles. check_compile_fail.cmake must report it
// as a failure (verdict "compiled") even though its regex matches the build log; the test
// compile_fail.harness.code_that_compiles_is_reported runs the script and demands exactly that.
#include <gradproof/matrix.hpp>

#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
static_assert(gradproof::Matrix<double, 2, 3>::rows == 2);  // valid: nothing fails here
#endif
