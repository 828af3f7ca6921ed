// gradproof/version.hpp: the library's version (kept equal to project() in CMakeLists.txt).
#ifndef GRADPROOF_VERSION_HPP
#define GRADPROOF_VERSION_HPP

#define GRADPROOF_VERSION_MAJOR 0
#define GRADPROOF_VERSION_MINOR 1
#define GRADPROOF_VERSION_PATCH 0

#endif  // GRADPROOF_VERSION_HPP
