# run_variant.cmake: builds and runs one variant of the bit-identity matrix (cmake -P).
#
#   cmake -DMODE=target|include_dir -DCXX=<compiler> -DFLAGS="<flags>" -DGRADPROOF_ROOT=<dir>
#         -DSOURCE_DIR=<runtime_tests/bit_matrix> -DWORK_DIR=<dir> [-DDUMP=<file>]
#         [-DDEFINES=<macro;...>] [-DGENERATOR=<gen>] [-DMAKE_PROGRAM=<prog>]
#         [-DEXPECT_FAILURE_REGEX=<regex>] [-DRUNNER=<emulator|args>] -P run_variant.cmake
#
# MODE target:      configures the consumer project SOURCE_DIR/CMakeLists.txt (bit_dump linked
#                   to gradproof::gradproof, from add_subdirectory(GRADPROOF_ROOT)) with
#                   CMAKE_CXX_COMPILER=CXX and CMAKE_CXX_FLAGS=FLAGS, builds it.
# MODE include_dir: one compiler command, nothing from CMake:
#                   CXX -std=c++20 FLAGS -I GRADPROOF_ROOT/include bit_dump.cpp -o bit_dump
# Then runs bit_dump [DUMP] (through RUNNER, e.g. "qemu-aarch64|-L|/usr/aarch64-linux-gnu", for a
# cross-compiled variant). Passes if it exits 0 (run time == compile time, bit for bit).
#
# With EXPECT_FAILURE_REGEX (a known-bad twin): passes only if the build succeeds AND bit_dump
# exits 1 AND its output matches the regex, so a twin that fails for another reason (a build
# error, a crash) does not count as the expected failure.

cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS MODE CXX GRADPROOF_ROOT SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_variant.cmake: -D${var}=... is required")
  endif()
endforeach()
separate_arguments(flag_list UNIX_COMMAND "${FLAGS}")

file(MAKE_DIRECTORY "${WORK_DIR}")
if(DUMP)
  file(REMOVE "${DUMP}")
  get_filename_component(dump_dir "${DUMP}" DIRECTORY)
  file(MAKE_DIRECTORY "${dump_dir}")
endif()

function(run_step what)
  string(JOIN " " printable ${ARGN})
  message("== ${what}: ${printable}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output
                  WORKING_DIRECTORY "${WORK_DIR}")
  message("${output}")
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "bit_matrix: ${what} failed (exit ${result})")
  endif()
endfunction()

if(MODE STREQUAL "target")
  set(defines "")
  if(DEFINES)
    string(REPLACE ";" "\\;" defines "${DEFINES}")
  endif()
  set(generator_args "")
  if(GENERATOR)
    list(APPEND generator_args -G "${GENERATOR}")
  endif()
  if(MAKE_PROGRAM)
    list(APPEND generator_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
  endif()
  # CMAKE_BUILD_TYPE empty: FLAGS are the only optimisation flags.
  run_step("configure" "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${WORK_DIR}/build" ${generator_args}
           "-DCMAKE_CXX_COMPILER=${CXX}" "-DCMAKE_CXX_FLAGS=${FLAGS}" -DCMAKE_BUILD_TYPE=
           "-DGRADPROOF_SOURCE_DIR=${GRADPROOF_ROOT}" "-DBIT_DUMP_DEFINES=${defines}")
  run_step("build" "${CMAKE_COMMAND}" --build "${WORK_DIR}/build" --verbose)
  set(exe "${WORK_DIR}/build/bit_dump")
elseif(MODE STREQUAL "include_dir")
  set(define_flags "")
  foreach(d IN LISTS DEFINES)
    list(APPEND define_flags "-D${d}")
  endforeach()
  set(exe "${WORK_DIR}/bit_dump")
  run_step("build" "${CXX}" -std=c++20 ${flag_list} ${define_flags} -I "${GRADPROOF_ROOT}/include"
           "${SOURCE_DIR}/bit_dump.cpp" -o "${exe}")
else()
  message(FATAL_ERROR "run_variant.cmake: MODE must be target or include_dir, not '${MODE}'")
endif()

set(dump_arg "")
if(DUMP)
  set(dump_arg "${DUMP}")
endif()
string(REPLACE "|" ";" runner "${RUNNER}")
string(JOIN " " runner_text ${runner})
message("== run: ${runner_text} ${exe} ${dump_arg}")
execute_process(COMMAND ${runner} "${exe}" ${dump_arg} RESULT_VARIABLE run_result OUTPUT_VARIABLE run_output
                ERROR_VARIABLE run_output)
message("${run_output}")

if(DEFINED EXPECT_FAILURE_REGEX AND NOT "${EXPECT_FAILURE_REGEX}" STREQUAL "")
  if(NOT run_result EQUAL 1)
    message(FATAL_ERROR "bit_matrix known-bad twin: bit_dump exited with '${run_result}', but it must report "
                        "a mismatch (exit 1)")
  endif()
  if(NOT run_output MATCHES "${EXPECT_FAILURE_REGEX}")
    message(FATAL_ERROR "bit_matrix known-bad twin: bit_dump failed, but its report does not match "
                        "'${EXPECT_FAILURE_REGEX}'")
  endif()
  message("bit_matrix known-bad twin: failed as it must, with a report matching '${EXPECT_FAILURE_REGEX}'")
  return()
endif()

if(NOT run_result EQUAL 0)
  message(FATAL_ERROR "bit_matrix: run time differs from compile time with ${CXX} ${FLAGS} (${MODE}); "
                      "the MISMATCH lines above name the function and the argument (exit ${run_result})")
endif()
