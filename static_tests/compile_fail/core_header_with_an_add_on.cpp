// The known-bad twin of static_tests/core_alone/: a core header that pulls in an add-on must be
// caught. The good twin includes network.hpp alone and passes the probe; the bad one includes
// dual.hpp before the probe, as a core header that included it would, and the probe must say so.
#include <gradproof/network.hpp>
#ifdef GRADPROOF_EXPECT_COMPILE_ERROR
#include <gradproof/dual.hpp>
#endif

#include "../core_alone/core_alone.hpp"
