# check_diagnostics_stale.cmake: the self-test of diagnostics_fresh (run with cmake -P).
#
#   cmake -DPYTHON=<python3> -DGEN=<tools/gen-diagnostics> -DDOC=<docs/diagnostics.md>
#         -DSTALE=<file to write> [-DREGENERATED=<page saved by gen-diagnostics --check --save>]
#         -P check_diagnostics_stale.cmake
#
# Writes a copy of <DOC> with one compiler message edited, as if a header's static_assert had
# been reworded since the page was generated, runs `gen-diagnostics --check --against` that copy
# (with --regenerated <REGENERATED> if given: the page diagnostics_fresh regenerated, so that
# nothing is compiled twice) and passes ONLY IF the check fails (exit 1) saying the page is
# stale. This proves that diagnostics_fresh can fail: a --check that always passed would pass
# here too and be caught.
# Exit 77 (a compiler missing, or other major versions than the page's) is passed through, so
# CTest reports the test as skipped, as it does diagnostics_fresh.

foreach(var IN ITEMS PYTHON GEN DOC STALE)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check_diagnostics_stale.cmake: -D${var}=... is required")
  endif()
endforeach()

file(READ "${DOC}" page)
# The first error line in a compiler's block; a message inside gradproof, so it is always there.
string(REGEX MATCH "\n[^\n]*: error: [^\n]*" first_error "${page}")
if(first_error STREQUAL "")
  message(FATAL_ERROR "check_diagnostics_stale.cmake: ${DOC} has no 'error:' line to edit")
endif()
string(REPLACE "${first_error}" "${first_error} (reworded since)" stale_page "${page}")
file(WRITE "${STALE}" "${stale_page}")

set(regenerated "")
if(DEFINED REGENERATED AND NOT REGENERATED STREQUAL "")
  set(regenerated --regenerated "${REGENERATED}")
endif()
execute_process(COMMAND "${PYTHON}" "${GEN}" --check --against "${STALE}" ${regenerated}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message("${output}")
if(result EQUAL 77)
  message("check_diagnostics_stale: skipped (gen-diagnostics exit 77)")
  # cmake -P cannot exit with a chosen code; a marker line for SKIP_REGULAR_EXPRESSION instead.
  message("diagnostics check skipped")
  return()
endif()
if(NOT result EQUAL 1)
  message(FATAL_ERROR "check_diagnostics_stale: gen-diagnostics --check exited ${result} on a stale copy; "
                      "it must exit 1")
endif()
if(NOT output MATCHES "docs/diagnostics.md is stale: run tools/gen-diagnostics")
  message(FATAL_ERROR "check_diagnostics_stale: gen-diagnostics --check failed, but without saying the page is stale")
endif()
if(NOT output MATCHES "\\(reworded since\\)")
  message(FATAL_ERROR "check_diagnostics_stale: the difference shown does not name the edited line")
endif()
message("check_diagnostics_stale: a stale page is reported as stale, as it must be")
