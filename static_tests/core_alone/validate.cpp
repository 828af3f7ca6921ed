// The core header validate.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/validate.hpp>

#include "core_alone.hpp"
