// The core header worked_example.hpp alone: it compiles, and it pulls in no add-on (core_alone.hpp).
#include <gradproof/worked_example.hpp>

#include "core_alone.hpp"
