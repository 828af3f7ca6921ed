// The core header keras.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/keras.hpp>

#include "core_alone.hpp"
