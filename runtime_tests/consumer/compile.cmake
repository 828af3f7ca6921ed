# compile.cmake: build a consumer program by calling a compiler directly, as a user without
# CMake does, then run it. Judged by expect.cmake (EXPECT_FAILURE_REGEX for a known-bad twin).
#
#   cmake -DCXX=<compiler> -DWORK_DIR=<dir> (-DSOURCE=<file.cpp> | -DREADME=<README.md>)
#         [-DFLAGS=<flag;...>] [-DINCLUDE_DIRS=<dir;...>] [-DDEFINES=<macro;...>]
#         [-DPKG_CONFIG=<program> -DPKG_CONFIG_PATH=<dir> -DEXPECT_VERSION=<version>]
#         [-DTAMPER_FROM=<text> -DTAMPER_TO=<text>] [-DRUN=ON] [-DEXPECT_FAILURE_REGEX=<regex>]
#         -P compile.cmake
#
# INCLUDE_DIRS are plain -I (not -isystem): the headers' warnings are the user's.
# README: the C++ block between <!-- consumer example begin --> and <!-- consumer example end -->
# is the program; its #include <gradproof/gradproof.hpp> becomes #include <gradproof.hpp> (the
# single header, found through INCLUDE_DIRS), and it is compiled to an object file (it has no
# main: its static_asserts are the test). TAMPER_FROM/TAMPER_TO: replace text in the program
# first (the known-bad twin of the README test); the text must be there.
# PKG_CONFIG: the flags come from `pkg-config --cflags gradproof` (PKG_CONFIG_PATH set to the
# installed package's directory) and -std= from its cxx_std variable; its --modversion must be
# EXPECT_VERSION.
include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")
foreach(required IN ITEMS CXX WORK_DIR)
  if(NOT ${required})
    message(FATAL_ERROR "compile.cmake: -D${required}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(compile_only OFF)
if(README)
  file(READ "${README}" readme)
  string(FIND "${readme}" "<!-- consumer example begin" begin)
  string(FIND "${readme}" "<!-- consumer example end -->" end)
  if(begin EQUAL -1 OR end EQUAL -1 OR end LESS begin)
    message(FATAL_ERROR "${README}: no <!-- consumer example begin --> ... <!-- consumer example end --> block")
  endif()
  math(EXPR length "${end} - ${begin}")
  string(SUBSTRING "${readme}" ${begin} ${length} block)
  if(NOT block MATCHES "```cpp\n(.*)\n```")
    message(FATAL_ERROR "${README}: the consumer example block holds no ```cpp fence")
  endif()
  set(program "${CMAKE_MATCH_1}")
  string(FIND "${program}" "#include <gradproof/gradproof.hpp>" include_at)
  if(include_at EQUAL -1)
    message(FATAL_ERROR "${README}: the consumer example does not #include <gradproof/gradproof.hpp>")
  endif()
  string(REPLACE "#include <gradproof/gradproof.hpp>" "#include <gradproof.hpp>" program "${program}")
  set(compile_only ON)
elseif(SOURCE)
  file(READ "${SOURCE}" program)
else()
  message(FATAL_ERROR "compile.cmake: -DSOURCE=<file.cpp> or -DREADME=<README.md> is required")
endif()
if(NOT "${TAMPER_FROM}" STREQUAL "")
  string(FIND "${program}" "${TAMPER_FROM}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "compile.cmake: '${TAMPER_FROM}' is not in the program, so the twin would test nothing")
  endif()
  string(REPLACE "${TAMPER_FROM}" "${TAMPER_TO}" program "${program}")
endif()
# The program is compiled from a copy in WORK_DIR (the README's block, or a tampered copy), so
# that "" includes next to the source cannot help it.
set(source "${WORK_DIR}/program.cpp")
file(WRITE "${source}" "${program}")

set(args ${FLAGS})
foreach(dir IN LISTS INCLUDE_DIRS)
  list(APPEND args "-I${dir}")
endforeach()
foreach(define IN LISTS DEFINES)
  list(APPEND args "-D${define}")
endforeach()

if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_PATH} "${PKG_CONFIG_PATH}")
  execute_process(COMMAND "${PKG_CONFIG}" --modversion gradproof RESULT_VARIABLE result OUTPUT_VARIABLE version
                  ERROR_VARIABLE error OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT result EQUAL 0 OR NOT version STREQUAL "${EXPECT_VERSION}")
    message(FATAL_ERROR "${PKG_CONFIG} --modversion gradproof (PKG_CONFIG_PATH=${PKG_CONFIG_PATH}): "
                        "'${version}' (exit ${result}), expected '${EXPECT_VERSION}'. ${error}")
  endif()
  execute_process(COMMAND "${PKG_CONFIG}" --variable=cxx_std gradproof OUTPUT_VARIABLE cxx_std
                  OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND "${PKG_CONFIG}" --cflags gradproof OUTPUT_VARIABLE cflags
                  OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  message(STATUS "pkg-config: gradproof ${version}, cxx_std=${cxx_std}, --cflags: ${cflags}")
  separate_arguments(cflags UNIX_COMMAND "${cflags}")
  list(APPEND args "-std=${cxx_std}" ${cflags})
endif()

if(compile_only)
  set(output_file "${WORK_DIR}/program.o")
  list(APPEND args -c)
else()
  set(output_file "${WORK_DIR}/program")
endif()
set(command "${CXX}" ${args} "${source}" -o "${output_file}")
string(REPLACE ";" " " shown "${command}")
message(STATUS "compiling: ${shown}")
execute_process(COMMAND ${command} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(result EQUAL 0 AND RUN)
  execute_process(COMMAND "${output_file}" RESULT_VARIABLE result OUTPUT_VARIABLE run_output ERROR_VARIABLE run_output)
  string(APPEND output "${run_output}")
  message(STATUS "ran ${output_file}: exit ${result}: ${run_output}")
endif()
consumer_expect("${shown}" "${result}" "${output}")
