# check_configure.cmake: configures gradproof in a fresh build tree and checks the outcome
# (cmake -P; the tests of cmake/GradproofConfigTests.cmake).
#   -DSOURCE_DIR=<gradproof> -DBINARY_DIR=<fresh dir> -DGENERATOR=<gen> -DARGS=<a|b|c>
#   -DEXPECT=success|failure     the configure step must succeed / fail
#   [-DREGEX=<regex>]            its output must match
#   [-DFLAG=<flag> -DFLAG_EXPECTED=present|absent]
#                                compile_commands.json must (not) contain <flag>
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" args "${ARGS}")
file(REMOVE_RECURSE "${BINARY_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${BINARY_DIR}" -G "${GENERATOR}"
                        -DCMAKE_EXPORT_COMPILE_COMMANDS=ON ${args}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(EXPECT STREQUAL "success" AND NOT result EQUAL 0)
  message(FATAL_ERROR "configure failed (exit ${result}), but it must succeed")
elseif(EXPECT STREQUAL "failure" AND result EQUAL 0)
  message(FATAL_ERROR "configure succeeded, but it must fail")
endif()
if(DEFINED REGEX AND NOT output MATCHES "${REGEX}")
  message(FATAL_ERROR "the configure output does not say '${REGEX}'")
endif()
if(DEFINED FLAG)
  # The default targets' commands: compile_fail/'s cases are built only by their tests, and one
  # of them asks for -Werror itself (its subject is a warning).
  file(READ "${BINARY_DIR}/compile_commands.json" commands)
  string(JSON count LENGTH "${commands}")
  math(EXPR last "${count} - 1")
  set(found "")
  foreach(i RANGE ${last})
    string(JSON file GET "${commands}" ${i} file)
    string(JSON command GET "${commands}" ${i} command)
    if(NOT file MATCHES "/compile_fail/" AND command MATCHES " ${FLAG}( |$)")
      set(found "${file}")
      break()
    endif()
  endforeach()
  if(FLAG_EXPECTED STREQUAL "absent" AND found)
    message(FATAL_ERROR "the compile command of ${found} has ${FLAG}, which this build must not have")
  elseif(FLAG_EXPECTED STREQUAL "present" AND NOT found)
    message(FATAL_ERROR "no compile command has ${FLAG}, which this build must have")
  endif()
endif()
file(REMOVE_RECURSE "${BINARY_DIR}")
message(STATUS "configure checked: ${EXPECT}")
