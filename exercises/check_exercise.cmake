# check_exercise.cmake: the verdict of one exercise test (run with cmake -P), calling a compiler
# directly, as a student does.
#
#   cmake -DCXX=<compiler> -DSOURCE=<file.cpp> -DINCLUDE_DIR=<dir> -DWORK_DIR=<dir> -DFLAGS=<a;b>
#         -DMODE=pass|compile|fail|report [-DREGEX_FILE=<file>] [-DSINGLE_HEADER=ON]
#         [-DEXPECT_VERDICT=<verdict>] -P check_exercise.cmake
#
#   pass    the file compiles (its grading line passes) and links, and the program prints the
#           grade "passed" and exits 0;
#   compile the file compiles (a file of proofs, without main());
#   fail    the file does NOT compile, and the compiler's output matches the regex in
#           REGEX_FILE (the verdict's words, or a shape message): both, since a regex can match
#           the log of code that compiled, and a build can fail for another reason;
#   report  built with -DGRADPROOF_GRADE_AT_RUN_TIME, the program exits 1 and prints a report
#           that matches the regex: the run-time companion of a failed grade.
# SINGLE_HEADER=ON compiles a copy whose #include <gradproof/exercises.hpp> reads
# #include <gradproof.hpp>, with INCLUDE_DIR the single header's directory (Compiler Explorer's way).
# The last line printed is "exercise verdict: pass|compiled|message_mismatch|failed|report_mismatch".
# With EXPECT_VERDICT this script tests itself: it runs itself without it and passes only if
# that run fails with the expected verdict (the known-bad twins of the harness).
# A compiler that is not installed is a skip (exit 77), said in one line.

foreach(var IN ITEMS CXX SOURCE INCLUDE_DIR WORK_DIR MODE)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_exercise.cmake: -D${var}=... is required")
  endif()
endforeach()

if(DEFINED EXPECT_VERDICT AND NOT "${EXPECT_VERDICT}" STREQUAL "")
  execute_process(
    COMMAND "${CMAKE_COMMAND}" "-DCXX=${CXX}" "-DSOURCE=${SOURCE}" "-DINCLUDE_DIR=${INCLUDE_DIR}" "-DWORK_DIR=${WORK_DIR}"
            "-DFLAGS=${FLAGS}" "-DMODE=${MODE}" "-DREGEX_FILE=${REGEX_FILE}" "-DSINGLE_HEADER=${SINGLE_HEADER}"
            -P "${CMAKE_CURRENT_LIST_FILE}"
    RESULT_VARIABLE inner_result
    OUTPUT_VARIABLE inner_output
    ERROR_VARIABLE inner_output)
  message("${inner_output}")
  if(inner_result EQUAL 0)
    message(FATAL_ERROR "harness self-test: the check PASSED on ${SOURCE}, but it must report '${EXPECT_VERDICT}' and fail")
  endif()
  if(NOT inner_output MATCHES "exercise verdict: ${EXPECT_VERDICT}\n")
    message(FATAL_ERROR "harness self-test: the check failed on ${SOURCE}, but not with the verdict '${EXPECT_VERDICT}'")
  endif()
  message("harness self-test: the check correctly failed on ${SOURCE} with verdict '${EXPECT_VERDICT}'")
  return()
endif()

if(NOT EXISTS "${CXX}")
  find_program(found_cxx NAMES "${CXX}")
  if(NOT found_cxx)
    message("exercise check skipped: the compiler ${CXX} is not installed")
    cmake_language(EXIT 77)
  endif()
endif()

set(regex "")
if(MODE STREQUAL "fail" OR MODE STREQUAL "report")
  file(READ "${REGEX_FILE}" regex)
  if("${regex}" STREQUAL "")
    message(FATAL_ERROR "check_exercise.cmake: the regex in ${REGEX_FILE} is empty")
  endif()
endif()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(source "${SOURCE}")
if(SINGLE_HEADER)
  file(READ "${SOURCE}" program)
  string(FIND "${program}" "#include <gradproof/exercises.hpp>" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${SOURCE} does not #include <gradproof/exercises.hpp>")
  endif()
  string(REPLACE "#include <gradproof/exercises.hpp>" "#include <gradproof.hpp>" program "${program}")
  get_filename_component(name "${SOURCE}" NAME)
  set(source "${WORK_DIR}/${name}")
  file(WRITE "${source}" "${program}")
endif()

set(args ${FLAGS} "-I${INCLUDE_DIR}")
if(MODE STREQUAL "report")
  list(APPEND args -DGRADPROOF_GRADE_AT_RUN_TIME)
endif()
set(program_file "${WORK_DIR}/exercise")
set(output -o "${program_file}")
if(MODE STREQUAL "compile" OR MODE STREQUAL "fail")
  # The grading happens in the compiler's front end: nothing to generate code for.
  list(APPEND args -fsyntax-only)
  set(output "")
endif()
set(command "${CXX}" ${args} "${source}" ${output})
string(REPLACE ";" " " shown "${command}")
message("compiling: ${shown}")
execute_process(COMMAND ${command} RESULT_VARIABLE build_result OUTPUT_VARIABLE build_output ERROR_VARIABLE build_output
                TIMEOUT 600)
string(ASCII 27 esc)
string(REGEX REPLACE "${esc}\\[[0-9;]*[A-Za-z]" "" build_output "${build_output}")
message("---- compiler output (exit ${build_result}) ----\n${build_output}---- end of compiler output ----")

function(verdict word)
  message("exercise verdict: ${word}\n")
  if(NOT word STREQUAL "pass")
    message(FATAL_ERROR "exercise check failed for ${SOURCE}")
  endif()
endfunction()

if(MODE STREQUAL "fail")
  if(build_result EQUAL 0)
    message("${SOURCE} COMPILED, but its grade (or its types) must stop the compiler")
    verdict(compiled)
  elseif(NOT build_output MATCHES "${regex}")
    message("the compiler stopped on ${SOURCE}, but no output matches the expected message: ${regex}")
    verdict(message_mismatch)
  else()
    string(REGEX MATCH "[^\n]*(${regex})[^\n]*" matched_line "${build_output}")
    message("${SOURCE} fails to compile, as it must, with: ${matched_line}")
    verdict(pass)
  endif()
  return()
endif()

if(NOT build_result EQUAL 0)
  message("${SOURCE} did not compile, but it must")
  verdict(failed)
  return()
endif()
if(MODE STREQUAL "compile")
  verdict(pass)
  return()
endif()
execute_process(COMMAND "${program_file}" RESULT_VARIABLE run_result OUTPUT_VARIABLE run_output ERROR_VARIABLE run_output
                TIMEOUT 60)
message("---- the program's output (exit ${run_result}) ----\n${run_output}---- end of the program's output ----")
if(MODE STREQUAL "pass")
  if(run_result EQUAL 0 AND run_output MATCHES "gradproof grade: passed")
    verdict(pass)
  else()
    message("the grade at run time is not 'passed' with exit status 0")
    verdict(failed)
  endif()
else()
  if(run_result EQUAL 1 AND run_output MATCHES "${regex}")
    verdict(pass)
  else()
    message("the run-time report must exit 1 and match: ${regex}")
    verdict(report_mismatch)
  endif()
endif()
