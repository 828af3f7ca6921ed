// A third scalar type plugs into the core through scalar.hpp alone (static_tests/wrapped_scalar.hpp
// proves forward, backward, sgd_step and the loss on it against double). The good twin is that
// proof; the known-bad twin gives the type a σ one ulp off, and the proof must reject it.
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
#define WRAPPED_SCALAR_WRONG_SIGMOID
#endif
#include "../wrapped_scalar.hpp"
