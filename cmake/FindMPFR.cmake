# FindMPFR.cmake: GNU MPFR and the GMP it is built on, the accuracy tests' oracle.
#   find_package(MPFR) -> MPFR_FOUND, and the imported target MPFR::MPFR (MPFR and GMP).
# Debian/Ubuntu: apt-get install libmpfr-dev libgmp-dev. A machine without them can still
# build everything else; -DCMAKE_DISABLE_FIND_PACKAGE_MPFR=ON makes one behave so.
include(FindPackageHandleStandardArgs)
find_path(MPFR_INCLUDE_DIR mpfr.h)
find_library(MPFR_LIBRARY mpfr)
find_library(GMP_LIBRARY gmp)
find_package_handle_standard_args(MPFR REQUIRED_VARS MPFR_LIBRARY GMP_LIBRARY MPFR_INCLUDE_DIR)
if(MPFR_FOUND AND NOT TARGET MPFR::MPFR)
  add_library(MPFR::MPFR INTERFACE IMPORTED)
  # An imported target's include directories are system headers: our warnings stay off them.
  set_target_properties(MPFR::MPFR PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${MPFR_INCLUDE_DIR}"
                                              INTERFACE_LINK_LIBRARIES "${MPFR_LIBRARY};${GMP_LIBRARY}")
endif()
mark_as_advanced(MPFR_INCLUDE_DIR MPFR_LIBRARY GMP_LIBRARY)
