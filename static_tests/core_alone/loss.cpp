// The core header loss.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/loss.hpp>

#include "core_alone.hpp"
