# GoogleTest and Google Benchmark: the system's first (Debian: googletest, libbenchmark-dev),
# fetched from their release tarballs only when find_package finds nothing.
include(FetchContent)

# A fetched dependency is built as part of this project; the dev presets' warnings-as-errors
# (CMAKE_COMPILE_WARNING_AS_ERROR) are for gradproof's code, not for it.
function(gradproof_not_our_warnings)
  foreach(target IN LISTS ARGN)
    if(TARGET ${target})
      get_target_property(imported ${target} IMPORTED)
      get_target_property(aliased ${target} ALIASED_TARGET)
      if(NOT imported AND NOT aliased)
        set_target_properties(${target} PROPERTIES COMPILE_WARNING_AS_ERROR OFF)
      endif()
    endif()
  endforeach()
endfunction()

if(GRADPROOF_BUILD_TESTS)
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(gtest_force_shared_crt ON CACHE BOOL "" FORCE)
  FetchContent_Declare(
    googletest
    URL https://github.com/google/googletest/archive/refs/tags/v1.14.0.tar.gz
    URL_HASH SHA256=8ad598c73ad796e0d8280b082cebd82a630d73e73cd3c70057938a6501bba5d7
    FIND_PACKAGE_ARGS NAMES GTest)
  FetchContent_MakeAvailable(googletest)
  include(GoogleTest)
  gradproof_not_our_warnings(gtest gtest_main gmock gmock_main)
endif()

if(GRADPROOF_BUILD_BENCH)
  set(BENCHMARK_ENABLE_TESTING OFF CACHE BOOL "" FORCE)
  set(BENCHMARK_ENABLE_INSTALL OFF CACHE BOOL "" FORCE)
  set(BENCHMARK_ENABLE_GTEST_TESTS OFF CACHE BOOL "" FORCE)
  FetchContent_Declare(
    benchmark
    URL https://github.com/google/benchmark/archive/refs/tags/v1.8.3.tar.gz
    URL_HASH SHA256=6bc180a57d23d4d9515519f92b0c83d61b05b5bab188961f36ac7b06b0d9e9ce
    FIND_PACKAGE_ARGS)
  FetchContent_MakeAvailable(benchmark)
  gradproof_not_our_warnings(benchmark benchmark_main)
endif()

# Eigen 3.4, only for bench/'s Eigen peer (bench/eigen_peer.hpp); optional: without it the
# benchmark runs without that peer. Debian: libeigen3-dev.
if(GRADPROOF_BUILD_BENCH)
  find_package(Eigen3 3.4 QUIET NO_MODULE)
endif()
