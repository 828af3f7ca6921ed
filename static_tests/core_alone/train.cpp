// The core header train.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/train.hpp>

#include "core_alone.hpp"
