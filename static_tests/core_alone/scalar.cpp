// The core header scalar.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/scalar.hpp>

#include "core_alone.hpp"
