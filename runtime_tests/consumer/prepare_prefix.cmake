# prepare_prefix.cmake: a copy of the installed package, changed in one way, for a consumer
# test that needs another release or a known-bad twin that needs a broken install.
#   cmake -DFROM=<prefix> -DTO=<prefix> -DMODE=<mode> [-DVERSION=<version>]
#         -DCMAKE_DIR=<dir> -DPC_DIR=<dir> -DDOC_DIR=<dir> (relative to the prefix) -P prepare_prefix.cmake
# MODE:
#   version             gradproofConfigVersion.cmake for VERSION, written by the project's
#                       own rule (cmake/GradproofVersionFile.cmake): "release VERSION"
#   no_include_dir      gradproofTargets.cmake without its INTERFACE_INCLUDE_DIRECTORIES, i.e.
#                       as CMake generates it when only the file set names the include directory
#   pc_without_cflags   gradproof.pc with an empty Cflags
#   no_licence          without the installed LICENSE
foreach(required IN ITEMS FROM TO MODE CMAKE_DIR PC_DIR DOC_DIR)
  if(NOT ${required})
    message(FATAL_ERROR "prepare_prefix.cmake: -D${required}=... is required")
  endif()
endforeach()
if(NOT EXISTS "${FROM}/${CMAKE_DIR}/gradproofConfig.cmake")
  message(FATAL_ERROR "prepare_prefix.cmake: no installed package in ${FROM}")
endif()
file(REMOVE_RECURSE "${TO}")
file(COPY "${FROM}/" DESTINATION "${TO}")

# replace_once(<file> <regex> <replacement>): the regex must match exactly once, or the copy
# would not be what its name says.
function(replace_once file regex replacement)
  file(READ "${file}" text)
  string(REGEX MATCHALL "${regex}" matches "${text}")
  list(LENGTH matches count)
  if(NOT count EQUAL 1)
    message(FATAL_ERROR "prepare_prefix.cmake: ${file}: '${regex}' matches ${count} times, not once")
  endif()
  string(REGEX REPLACE "${regex}" "${replacement}" text "${text}")
  file(WRITE "${file}" "${text}")
endfunction()

if(MODE STREQUAL "version")
  list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../cmake")
  include(GradproofVersionFile)
  gradproof_write_version_file("${TO}/${CMAKE_DIR}/gradproofConfigVersion.cmake" "${VERSION}")
elseif(MODE STREQUAL "no_include_dir")
  replace_once("${TO}/${CMAKE_DIR}/gradproofTargets.cmake" "\n  INTERFACE_INCLUDE_DIRECTORIES \"[^\"\n]*\"" "")
elseif(MODE STREQUAL "pc_without_cflags")
  replace_once("${TO}/${PC_DIR}/gradproof.pc" "\nCflags:[^\n]*" "\nCflags:")
elseif(MODE STREQUAL "no_licence")
  file(REMOVE "${TO}/${DOC_DIR}/LICENSE")
else()
  message(FATAL_ERROR "prepare_prefix.cmake: unknown MODE '${MODE}'")
endif()
message(STATUS "prepare_prefix.cmake: ${TO} = ${FROM} with ${MODE} ${VERSION}")
