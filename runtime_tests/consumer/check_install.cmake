# check_install.cmake: what an installed gradproof must hold besides what the consumers use.
#   cmake -DPREFIX=<prefix> -DSOURCE_DIR=<gradproof source> -DCMAKE_DIR=<dir> -DPC_DIR=<dir>
#         -DDOC_DIR=<dir> -DINCLUDE_DIR=<dir> (relative to PREFIX) -DMINIMUM=<version>
#         [-DEXPECT_FAILURE_REGEX=<regex>] -P check_install.cmake
#  - the licence: LICENSE installed unchanged, and gradproofConfig.cmake names it (gradproof_LICENSE);
#  - every header of include/gradproof/ installed unchanged, and gradproof.pc;
#  - the generated gradproofTargets.cmake asks no more of a consumer's CMake than MINIMUM, the
#    version gradproof promises to find_package consumers: every "CMake >= X required", "relies
#    on consumers using CMake X or greater" and the lower end of its cmake_policy(VERSION X...Y)
#    must be at most MINIMUM. (The file's "if(NOT CMAKE_VERSION VERSION_LESS 3.23)" is no
#    requirement: an older CMake skips the file set, and the include directory does not depend on it.)
include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")
foreach(required IN ITEMS PREFIX SOURCE_DIR CMAKE_DIR PC_DIR DOC_DIR INCLUDE_DIR MINIMUM)
  if(NOT ${required})
    message(FATAL_ERROR "check_install.cmake: -D${required}=... is required")
  endif()
endforeach()

set(problems "")
function(same_file installed source)
  if(NOT EXISTS "${installed}")
    set(problems "${problems}\n  missing: ${installed}" PARENT_SCOPE)
    return()
  endif()
  file(SHA256 "${installed}" a)
  file(SHA256 "${source}" b)
  if(NOT a STREQUAL b)
    set(problems "${problems}\n  differs from ${source}: ${installed}" PARENT_SCOPE)
  endif()
endfunction()

same_file("${PREFIX}/${DOC_DIR}/LICENSE" "${SOURCE_DIR}/LICENSE")
file(GLOB_RECURSE headers RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/gradproof/*.hpp")
foreach(header IN LISTS headers)
  same_file("${PREFIX}/${INCLUDE_DIR}/${header}" "${SOURCE_DIR}/include/${header}")
endforeach()
if(NOT EXISTS "${PREFIX}/${PC_DIR}/gradproof.pc")
  string(APPEND problems "\n  missing: ${PREFIX}/${PC_DIR}/gradproof.pc")
endif()
file(READ "${PREFIX}/${CMAKE_DIR}/gradproofConfig.cmake" config)
if(NOT config MATCHES "\nset\\(gradproof_LICENSE \"MIT\"\\)")
  string(APPEND problems "\n  gradproofConfig.cmake does not set gradproof_LICENSE to MIT")
endif()

file(READ "${PREFIX}/${CMAKE_DIR}/gradproofTargets.cmake" targets)
string(REGEX MATCHALL "CMake >= [0-9.]+ required|relies on consumers using CMake [0-9.]+ or greater|cmake_policy\\(VERSION [0-9.]+"
       requirements "${targets}")
if(NOT requirements)
  string(APPEND problems "\n  gradproofTargets.cmake states no CMake requirement that this check knows: read it again")
endif()
foreach(requirement IN LISTS requirements)
  string(REGEX MATCH "[0-9]+(\\.[0-9]+)+" version "${requirement}")
  if(version VERSION_GREATER MINIMUM)
    string(APPEND problems "\n  gradproofTargets.cmake: '${requirement}' asks more than CMake ${MINIMUM}")
  else()
    message(STATUS "gradproofTargets.cmake: '${requirement}': within CMake ${MINIMUM}")
  endif()
endforeach()

if(problems STREQUAL "")
  consumer_expect("the installed package in ${PREFIX}" 0 "")
else()
  consumer_expect("the installed package in ${PREFIX}" 1 "problems:${problems}")
endif()
