# GradproofCompileFail.cmake: tests that a piece of code does NOT compile, and why.
#
#   gradproof_add_compile_fail(<name> SOURCE <file> REGEX <regex>)
#
# <file> holds both versions of one mistake: the mistake behind the macro
# GRADPROOF_EXPECT_COMPILE_ERROR, and its nearest valid twin without it. This adds
#   - two EXCLUDE_FROM_ALL object libraries, <name>_ok (no macro) and <name>_fail (macro
#     defined), each linked to gradproof::gradproof, with gradproof_set_warnings;
#   - the CTest test compile_fail.<name>.ok, which builds <name>_ok and must succeed;
#   - the CTest test compile_fail.<name>.fail, which runs check_compile_fail.cmake: it builds
#     <name>_fail and passes only if the build fails AND the build output matches <regex>.
#
# Why a -P script and not test properties: PASS_REGULAR_EXPRESSION ignores the exit code (a
# regex that also matches a file name in the build log passes on code that compiled), and
# WILL_FAIL passes on any failure (a typo in the test passes too). The script needs both.
#
# <regex> is a CMake regex. Write it from the diagnostic's wording (a phrase with spaces, or
# a bad_input function name), never from a word of the case's file or target name, nor from
# the case's own source text, which the compiler echoes: both are rejected at configure time.
# GCC quotes with ‘’ in a UTF-8 locale and clang with '': match quotes with `.` or not at all.
#
# All tests share the build tree with the static_tests test, hence RESOURCE_LOCK build_tree
# (they run one after the other), and carry LABELS compile_fail (`ctest -L compile_fail`).
include_guard(GLOBAL)

set(GRADPROOF_CHECK_COMPILE_FAIL_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/check_compile_fail.cmake"
    CACHE INTERNAL "The cmake -P script behind the compile_fail.*.fail tests")

# gradproof_add_compile_fail_targets(<name> SOURCE <file>): only the two targets, no tests.
# The harness self-tests use it for a "_fail" variant that compiles on purpose.
function(gradproof_add_compile_fail_targets name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "SOURCE" "")
  if(NOT arg_SOURCE)
    message(FATAL_ERROR "gradproof_add_compile_fail(${name}): SOURCE <file> is required")
  endif()
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "gradproof_add_compile_fail(${name}): unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  foreach(variant IN ITEMS ok fail)
    add_library(${name}_${variant} OBJECT EXCLUDE_FROM_ALL "${arg_SOURCE}")
    target_link_libraries(${name}_${variant} PRIVATE gradproof::gradproof)
    gradproof_set_warnings(${name}_${variant})
  endforeach()
  target_compile_definitions(${name}_fail PRIVATE GRADPROOF_EXPECT_COMPILE_ERROR)
endfunction()

# The regex must not be satisfiable by the build log alone: reject it if it matches the
# target names, the source's path, or the source text (echoed in diagnostics).
function(_gradproof_check_compile_fail_regex name source regex)
  get_filename_component(source_path "${source}" ABSOLUTE)
  foreach(haystack IN ITEMS "${name}_ok" "${name}_fail" "${source_path}"
                            "${CMAKE_CURRENT_BINARY_DIR}/CMakeFiles/${name}_fail.dir")
    if(haystack MATCHES "${regex}")
      message(FATAL_ERROR "gradproof_add_compile_fail(${name}): REGEX \"${regex}\" matches \"${haystack}\", "
                          "which appears in every build log. Match the diagnostic's wording instead.")
    endif()
  endforeach()
  file(READ "${source_path}" source_text)
  if(source_text MATCHES "${regex}")
    message(FATAL_ERROR "gradproof_add_compile_fail(${name}): REGEX \"${regex}\" matches the text of ${source}, "
                        "which the compiler echoes with its diagnostics. Match the diagnostic's wording instead.")
  endif()
endfunction()

# The regex goes to the script through a file: no list or command-line escaping of ; \ " ( ).
function(_gradproof_write_compile_fail_regex out_var test_name regex)
  set(regex_file "${CMAKE_CURRENT_BINARY_DIR}/compile_fail_regex/${test_name}.txt")
  file(WRITE "${regex_file}" "${regex}")
  set(${out_var} "${regex_file}" PARENT_SCOPE)
endfunction()

function(gradproof_add_compile_fail name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "SOURCE;REGEX" "")
  if(NOT arg_SOURCE OR "${arg_REGEX}" STREQUAL "")
    message(FATAL_ERROR "usage: gradproof_add_compile_fail(<name> SOURCE <file> REGEX <regex>)")
  endif()
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "gradproof_add_compile_fail(${name}): unexpected arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  _gradproof_check_compile_fail_regex(${name} "${arg_SOURCE}" "${arg_REGEX}")
  gradproof_add_compile_fail_targets(${name} SOURCE "${arg_SOURCE}")
  _gradproof_write_compile_fail_regex(regex_file ${name} "${arg_REGEX}")

  add_test(NAME compile_fail.${name}.ok
           COMMAND "${CMAKE_COMMAND}" --build "${PROJECT_BINARY_DIR}" --target ${name}_ok --config $<CONFIG>)
  add_test(NAME compile_fail.${name}.fail
           COMMAND "${CMAKE_COMMAND}" "-DBUILD_DIR=${PROJECT_BINARY_DIR}" "-DTARGET=${name}_fail"
                   "-DCONFIG=$<CONFIG>" "-DREGEX_FILE=${regex_file}" -P "${GRADPROOF_CHECK_COMPILE_FAIL_SCRIPT}")
  set_tests_properties(compile_fail.${name}.ok compile_fail.${name}.fail
                       PROPERTIES LABELS compile_fail RESOURCE_LOCK build_tree)
endfunction()

# gradproof_add_compile_fail_self_test(<test> TARGET <target> REGEX <regex> EXPECT <verdict>)
#
# A test of the harness itself: runs check_compile_fail.cmake on <target> with <regex> and
# passes only if the script FAILS with the given verdict:
#   compiled          the target built, so the script must fail even if the log matches;
#   message_mismatch  the build failed, but not with the expected message.
function(gradproof_add_compile_fail_self_test test_name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TARGET;REGEX;EXPECT" "")
  if(NOT arg_TARGET OR "${arg_REGEX}" STREQUAL "" OR NOT arg_EXPECT MATCHES "^(compiled|message_mismatch)$")
    message(FATAL_ERROR "usage: gradproof_add_compile_fail_self_test(<test> TARGET <target> REGEX <regex> "
                        "EXPECT compiled|message_mismatch)")
  endif()
  _gradproof_write_compile_fail_regex(regex_file ${test_name} "${arg_REGEX}")
  add_test(NAME compile_fail.harness.${test_name}
           COMMAND "${CMAKE_COMMAND}" "-DBUILD_DIR=${PROJECT_BINARY_DIR}" "-DTARGET=${arg_TARGET}"
                   "-DCONFIG=$<CONFIG>" "-DREGEX_FILE=${regex_file}" "-DEXPECT_VERDICT=${arg_EXPECT}"
                   -P "${GRADPROOF_CHECK_COMPILE_FAIL_SCRIPT}")
  set_tests_properties(compile_fail.harness.${test_name} PROPERTIES LABELS compile_fail RESOURCE_LOCK build_tree)
endfunction()
