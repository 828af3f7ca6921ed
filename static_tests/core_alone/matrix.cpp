// The core header matrix.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/matrix.hpp>

#include "core_alone.hpp"
