# Runs gradproof-explain for the CTest tests of examples/explain/CMakeLists.txt.
#   -DPROGRAM=... -DSTATUS=N -DREGEX=... -DARGS=a;b;c   the exit status must be N and the
#                                                      output (stdout and stderr) match REGEX
#     [-DSTDOUT=/dev/full]                             with stdout sent to that file instead
#     [-DREJECT=regex]                                 and the output must not match this one
#   -DPROGRAM=... -DDOC=docs/walkthrough.md -DMODE=check [-DEXTRA=--symbolic]
#                                                      --markdown must equal DOC byte for byte
#   -DPROGRAM=... -DDOC=... -DSTALE=copy -DMODE=stale-twin
#                                                      the same comparison must reject a copy of
#                                                      DOC with one value changed
#   -DPROGRAM=... -DREADME=README.md -DMODE=excerpt [-DTAMPER=1]
#                                                      the README's excerpt (between the
#                                                      "walkthrough excerpt" markers, without
#                                                      its code fence) must occur in the
#                                                      program's output; TAMPER=1 changes one
#                                                      digit first and expects it not to occur
cmake_minimum_required(VERSION 3.25)
if(MODE STREQUAL "excerpt")
  execute_process(COMMAND "${PROGRAM}" OUTPUT_VARIABLE page RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gradproof-explain failed with status ${status}")
  endif()
  file(READ "${README}" readme)
  string(FIND "${readme}" "<!-- walkthrough excerpt begin -->\n```\n" begin)
  string(FIND "${readme}" "```\n<!-- walkthrough excerpt end -->" end)
  if(begin LESS 0 OR end LESS begin)
    message(FATAL_ERROR "${README}: no walkthrough excerpt between its markers")
  endif()
  math(EXPR begin "${begin} + 40")  # the begin marker, its newline and the fence: 36 + 4 characters
  math(EXPR length "${end} - ${begin}")
  string(SUBSTRING "${readme}" ${begin} ${length} excerpt)
  if(TAMPER)
    string(REPLACE "0.0523593" "0.0523594" excerpt "${excerpt}")
  endif()
  string(FIND "${page}" "${excerpt}" found)
  if(TAMPER)
    if(NOT found LESS 0)
      message(FATAL_ERROR "a changed excerpt was still found: the check cannot fail")
    endif()
    message(STATUS "a changed excerpt is reported, as it must be")
    return()
  endif()
  if(found LESS 0)
    message(FATAL_ERROR "the README's walkthrough excerpt is stale: gradproof-explain no longer prints it "
                        "(a proof moved, or the walkthrough changed). Copy the block again from its output:\n${excerpt}")
  endif()
  return()
endif()
if(MODE STREQUAL "check" OR MODE STREQUAL "stale-twin")
  # -DEXTRA=--symbolic: the page of gradproof-explain --symbolic --markdown (docs/derivation.md).
  execute_process(COMMAND "${PROGRAM}" ${EXTRA} --markdown OUTPUT_VARIABLE page RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "gradproof-explain ${EXTRA} --markdown failed with status ${status}")
  endif()
  if(NOT DEFINED TAMPER_FROM)  # the stale twin's change: z1 of the worked example, exact
    set(TAMPER_FROM "0.890625")
    set(TAMPER_TO "0.890626")
  endif()
  if(NOT EXISTS "${DOC}")
    message(FATAL_ERROR "${DOC} does not exist; write it with: gradproof-explain ${EXTRA} --markdown > ${DOC}")
  endif()
  file(READ "${DOC}" doc)
  if(MODE STREQUAL "stale-twin")
    string(REPLACE "${TAMPER_FROM}" "${TAMPER_TO}" doc "${doc}")
    file(WRITE "${STALE}" "${doc}")
    if(doc STREQUAL page)
      message(FATAL_ERROR "the comparison did not notice a changed value: it cannot detect a stale page")
    endif()
    message(STATUS "a changed page is reported as stale, as it must be")
    return()
  endif()
  if(NOT doc STREQUAL page)
    message(FATAL_ERROR "${DOC} is stale: it is not what gradproof-explain ${EXTRA} --markdown prints now (a proof "
                        "moved, or the page changed). Regenerate it from a build tree:\n"
                        "  build/dev/examples/explain/gradproof-explain ${EXTRA} --markdown > ${DOC}")
  endif()
  return()
endif()

if(DEFINED STDOUT)  # e.g. /dev/full: only stderr is seen
  execute_process(COMMAND "${PROGRAM}" ${ARGS} OUTPUT_FILE "${STDOUT}" ERROR_VARIABLE err RESULT_VARIABLE status)
  set(out "")
else()
  execute_process(COMMAND "${PROGRAM}" ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
endif()
if(NOT status EQUAL STATUS)
  message(FATAL_ERROR "exit status ${status}, expected ${STATUS}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT "${out}${err}" MATCHES "${REGEX}")
  message(FATAL_ERROR "the output does not match '${REGEX}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED REJECT AND "${out}${err}" MATCHES "${REJECT}")
  message(FATAL_ERROR "the output matches the rejected pattern '${REJECT}': '${CMAKE_MATCH_0}'\nstdout:\n${out}\nstderr:\n${err}")
endif()
message(STATUS "status ${status} and the expected message")
