// The core header checked.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/checked.hpp>

#include "core_alone.hpp"
