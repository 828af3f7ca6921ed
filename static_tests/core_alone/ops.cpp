// The core header ops.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/ops.hpp>

#include "core_alone.hpp"
