// The core header math.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/math.hpp>

#include "core_alone.hpp"
