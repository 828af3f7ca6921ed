# consumer_expect(<what> <exit code> <output>): the verdict of one consumer test, for the
# scripts beside this file. Without EXPECT_FAILURE_REGEX the step must succeed. With it (a
# known-bad twin) the step must fail AND its output must match the regex: a twin that fails
# for another reason (a typo, a missing tool) does not pass. The regex is matched against the
# output with every run of white space made one space, since CMake wraps its messages.
function(consumer_expect what result output)
  if("${EXPECT_FAILURE_REGEX}" STREQUAL "")
    if(NOT result EQUAL 0)
      message(FATAL_ERROR "${what} failed (${result}):\n${output}")
    endif()
    message(STATUS "${output}")
    message(STATUS "${what}: passed")
  else()
    if(result EQUAL 0)
      message(FATAL_ERROR "${what} succeeded, but this known-bad twin must fail with output matching "
                          "'${EXPECT_FAILURE_REGEX}':\n${output}")
    endif()
    string(REGEX REPLACE "[ \t\r\n]+" " " flat "${output}")
    if(NOT flat MATCHES "${EXPECT_FAILURE_REGEX}")
      message(FATAL_ERROR "${what} failed (${result}) as it must, but not with output matching "
                          "'${EXPECT_FAILURE_REGEX}':\n${output}")
    endif()
    message(STATUS "${what}: failed as it must: ${CMAKE_MATCH_0}")
  endif()
endfunction()
