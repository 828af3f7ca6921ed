# The libFuzzer targets' common ground (option GRADPROOF_BUILD_FUZZ, the "fuzz" preset):
# runtime_tests/fuzz/ (math_fuzzer, needs MPFR too) and examples/explain/fuzz/
# (explain_input_fuzzer, standard library only) include it. Needs clang with
# -fsanitize=fuzzer,address,undefined (Debian: clang-19 and libclang-rt-19-dev).
#
#   gradproof_add_fuzz_flags(<target>)  compile and link <target> as a libFuzzer executable
#                                        under ASan and UBSan (any UBSan report aborts)

if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "GRADPROOF_BUILD_FUZZ needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: configure with "
                      "the 'fuzz' preset (clang++-19) or -DCMAKE_CXX_COMPILER=clang++-19, or turn the option off.")
endif()

include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_FLAGS "-fsanitize=fuzzer,address,undefined")
set(CMAKE_REQUIRED_LINK_OPTIONS "-fsanitize=fuzzer,address,undefined")
check_cxx_source_compiles(
  [[
#include <cstddef>
#include <cstdint>
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }
]]
  GRADPROOF_HAVE_LIBFUZZER)
unset(CMAKE_REQUIRED_FLAGS)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
if(NOT GRADPROOF_HAVE_LIBFUZZER)
  message(FATAL_ERROR "GRADPROOF_BUILD_FUZZ: ${CMAKE_CXX_COMPILER} cannot build and link with "
                      "-fsanitize=fuzzer,address,undefined (on Debian: apt-get install libclang-rt-19-dev).")
endif()

set(GRADPROOF_FUZZ_SECONDS 60 CACHE STRING "How long CTest's math_fuzzer test fuzzes (libFuzzer -max_total_time)")

function(gradproof_add_fuzz_flags target)
  set(flags -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_compile_options(${target} PRIVATE ${flags})
  target_link_options(${target} PRIVATE ${flags})
endfunction()
