# check_compile_fail.cmake: the verdict of one compile-fail test (run with cmake -P).
#
#   cmake -DBUILD_DIR=<dir> -DTARGET=<target> [-DCONFIG=<cfg>] -DREGEX_FILE=<file>
#         [-DEXPECT_VERDICT=compiled|message_mismatch] -P check_compile_fail.cmake
#
# Builds <target> in <dir> and passes ONLY IF both hold:
#   1. the build exits non-zero (the code really does not compile), and
#   2. the build output (ANSI colours removed) matches the regex stored in <file>.
# Either alone is not enough: a regex can match the build log of code that compiled (a file
# name, a target name, an echoed source line), and a build can fail for an unrelated reason.
# The last line printed is "compile_fail verdict: pass|compiled|message_mismatch".
#
# With EXPECT_VERDICT this script tests itself: it runs itself without EXPECT_VERDICT and
# passes only if that run fails (non-zero) with the expected verdict. This is how the
# harness proves it reports code that compiles (and a wrong message) as a failure.

foreach(var IN ITEMS BUILD_DIR TARGET REGEX_FILE)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_compile_fail.cmake: -D${var}=... is required")
  endif()
endforeach()

if(DEFINED EXPECT_VERDICT AND NOT "${EXPECT_VERDICT}" STREQUAL "")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DBUILD_DIR=${BUILD_DIR}" "-DTARGET=${TARGET}" "-DCONFIG=${CONFIG}"
            "-DREGEX_FILE=${REGEX_FILE}" -P "${CMAKE_CURRENT_LIST_FILE}"
    RESULT_VARIABLE inner_result
    OUTPUT_VARIABLE inner_output
    ERROR_VARIABLE inner_output)
  message("${inner_output}")
  if(inner_result EQUAL 0)
    message(FATAL_ERROR "harness self-test: the check PASSED on ${TARGET}, but it must report "
                        "'${EXPECT_VERDICT}' and fail")
  endif()
  if(NOT inner_output MATCHES "compile_fail verdict: ${EXPECT_VERDICT}\n")
    message(FATAL_ERROR "harness self-test: the check failed on ${TARGET}, but not with the verdict "
                        "'${EXPECT_VERDICT}'")
  endif()
  message("harness self-test: the check correctly failed on ${TARGET} with verdict '${EXPECT_VERDICT}'")
  return()
endif()

file(READ "${REGEX_FILE}" regex)
if("${regex}" STREQUAL "")
  message(FATAL_ERROR "check_compile_fail.cmake: the regex in ${REGEX_FILE} is empty")
endif()

set(config_args "")
if(NOT "${CONFIG}" STREQUAL "")
  set(config_args --config "${CONFIG}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}" ${config_args}
  RESULT_VARIABLE build_result
  OUTPUT_VARIABLE build_output
  ERROR_VARIABLE build_output
  TIMEOUT 600)

# Diagnostics may be coloured (CMAKE_COLOR_DIAGNOSTICS, -fdiagnostics-color): drop the escapes.
string(ASCII 27 esc)
string(REGEX REPLACE "${esc}\\[[0-9;]*[A-Za-z]" "" build_output "${build_output}")

message("---- build of ${TARGET} (exit ${build_result}) ----\n${build_output}---- end of build output ----")

if("${build_result}" STREQUAL "0")
  message("compile_fail: ${TARGET} COMPILED, but this code must not compile")
  message("compile_fail verdict: compiled\n")
  message(FATAL_ERROR "compile-fail check failed for ${TARGET}")
endif()

if(NOT build_output MATCHES "${regex}")
  message("compile_fail: the build of ${TARGET} failed (exit ${build_result}), but no output matches "
          "the expected message: ${regex}")
  message("compile_fail verdict: message_mismatch\n")
  message(FATAL_ERROR "compile-fail check failed for ${TARGET}")
endif()

# Show the line that matched, so `ctest -V` tells which message was seen.
string(REGEX MATCH "[^\n]*(${regex})[^\n]*" matched_line "${build_output}")
message("compile_fail: ${TARGET} fails to compile, as it must, with: ${matched_line}")
message("compile_fail verdict: pass\n")
