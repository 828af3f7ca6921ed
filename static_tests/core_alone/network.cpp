// The core header network.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/network.hpp>

#include "core_alone.hpp"
