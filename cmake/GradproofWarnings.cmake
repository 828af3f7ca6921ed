# The warning flags of gradproof's own targets (tests, benchmarks, examples): per target, never
# on the INTERFACE library (users choose their own flags) nor on GoogleTest/Benchmark when they
# are fetched. They are warnings, not errors: a newer compiler's new warning must not break a
# user's build. The dev presets (and CI) make them errors with CMAKE_COMPILE_WARNING_AS_ERROR,
# which CMake applies to every target that does not say otherwise.
function(gradproof_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow
                                             -Wold-style-cast)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(${target} PRIVATE -Wdouble-promotion)
    endif()
  elseif(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive-)
  endif()
endfunction()
