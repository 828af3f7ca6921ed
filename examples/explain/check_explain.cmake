# Runs gradproof-explain for the CTest tests of examples/explain/CMakeLists.txt.
#   -DPROGRAM=... -DSTATUS=N -DREGEX=... -DARGS=a;b;c   the exit status must be N and the
#                                                      output (stdout and stderr) match REGEX
#   -DPROGRAM=... -DDOC=docs/walkthrough.md -DMODE=check
#                                                      --markdown must equal DOC byte for byte
#   -DPROGRAM=... -DDOC=... -DSTALE=copy -DMODE=stale-twin
#                                                      the same comparison must reject a copy of
#                                                      DOC with one value changed
cmake_minimum_required(VERSION 3.25)
if(MODE STREQUAL "check" OR MODE STREQUAL "stale-twin")
  execute_process(COMMAND "${PROGRAM}" --markdown OUTPUT_VARIABLE page RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gradproof-explain --markdown failed with status ${status}")
  endif()
  if(NOT EXISTS "${DOC}")
    message(FATAL_ERROR "${DOC} does not exist; write it with: gradproof-explain --markdown > docs/walkthrough.md")
  endif()
  file(READ "${DOC}" doc)
  if(MODE STREQUAL "stale-twin")
    string(REPLACE "0.890625" "0.890626" doc "${doc}")  # z1 of the worked example, exact
    file(WRITE "${STALE}" "${doc}")
    if(doc STREQUAL page)
      message(FATAL_ERROR "the comparison did not notice a changed value: it cannot detect a stale page")
    endif()
    message(STATUS "a changed page is reported as stale, as it must be")
    return()
  endif()
  if(NOT doc STREQUAL page)
    message(FATAL_ERROR "${DOC} is stale: it is not what gradproof-explain --markdown prints now (a proof moved, "
                        "or the walkthrough changed). Regenerate it from a build tree:\n"
                        "  build/dev/examples/explain/gradproof-explain --markdown > docs/walkthrough.md")
  endif()
  return()
endif()

execute_process(COMMAND "${PROGRAM}" ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL STATUS)
  message(FATAL_ERROR "exit status ${status}, expected ${STATUS}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT "${out}${err}" MATCHES "${REGEX}")
  message(FATAL_ERROR "the output does not match '${REGEX}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
message(STATUS "status ${status} and the expected message")
