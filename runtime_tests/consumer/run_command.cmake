# run_command.cmake: run one command (a consumer's configure or build), judged by expect.cmake.
#   cmake "-DCOMMAND=<program;arg;...>" [-DEXPECT_FAILURE_REGEX=<regex>] -P run_command.cmake
include("${CMAKE_CURRENT_LIST_DIR}/expect.cmake")
if(NOT COMMAND)
  message(FATAL_ERROR "run_command.cmake: -DCOMMAND=<program;arg;...> is required")
endif()
string(REPLACE ";" " " shown "${COMMAND}")
message(STATUS "running: ${shown}")
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
consumer_expect("${shown}" "${result}" "${output}")
