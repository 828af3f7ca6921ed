# Tests of the build configuration itself, each with its twin (label config): what a user's
# plain build and a machine without MPFR get. Each configures a fresh tree (a few seconds).
# What they check is CMake's logic, the same whatever the compiler: label one_tree too (one
# tree's run covers them; the clang preset leaves them to the g++ tree).
set(_config_check "${PROJECT_SOURCE_DIR}/cmake/check_configure.cmake")
set(_config_bin "${PROJECT_BINARY_DIR}/config_tests")
# What every configure here leaves out: the bit matrix's compiler probes (not what is tested).
set(_config_common "-DGRADPROOF_BIT_MATRIX=OFF|-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}")

function(_gradproof_config_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "EXPECT;REGEX;FLAG;FLAG_EXPECTED;ARGS" "")
  set(defs "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}" "-DBINARY_DIR=${_config_bin}/${name}" "-DGENERATOR=${CMAKE_GENERATOR}"
           "-DARGS=${_config_common}|${arg_ARGS}" "-DEXPECT=${arg_EXPECT}")
  if(DEFINED arg_REGEX)
    list(APPEND defs "-DREGEX=${arg_REGEX}")
  endif()
  if(DEFINED arg_FLAG)
    list(APPEND defs "-DFLAG=${arg_FLAG}" "-DFLAG_EXPECTED=${arg_FLAG_EXPECTED}")
  endif()
  add_test(NAME config.${name} COMMAND "${CMAKE_COMMAND}" ${defs} -P "${_config_check}")
  set_tests_properties(config.${name} PROPERTIES LABELS "config;one_tree" TIMEOUT 120)
endfunction()

# A user's plain build: the project's warning flags, but never as errors (a newer compiler's
# new warning must not break it). Twin: the dev presets' CMAKE_COMPILE_WARNING_AS_ERROR does
# make them errors, so the check can see -Werror where it is.
_gradproof_config_test(plain_build_warnings_are_not_errors EXPECT success ARGS "-DCMAKE_BUILD_TYPE=Release"
                       FLAG -Werror FLAG_EXPECTED absent)
_gradproof_config_test(plain_build_warnings_are_not_errors.twin_dev_preset_has_werror EXPECT success
                       ARGS "-DCMAKE_BUILD_TYPE=Release|-DCMAKE_COMPILE_WARNING_AS_ERROR=ON" FLAG -Werror FLAG_EXPECTED present)

# A machine without MPFR: the default configuration (the bench workflow's) builds everything
# else and says in one line that the accuracy tests are skipped. Twin: where they are required
# (GRADPROOF_ACCURACY_TESTS=ON, the dev presets), configuring stops and says what to install.
_gradproof_config_test(without_mpfr_accuracy_tests_skipped EXPECT success
                       ARGS "-DCMAKE_BUILD_TYPE=Release|-DCMAKE_DISABLE_FIND_PACKAGE_MPFR=ON"
                       REGEX "MPFR not found, so the accuracy tests are skipped")
_gradproof_config_test(without_mpfr_accuracy_tests_skipped.twin_required_stops EXPECT failure
                       ARGS "-DCMAKE_BUILD_TYPE=Release|-DCMAKE_DISABLE_FIND_PACKAGE_MPFR=ON|-DGRADPROOF_ACCURACY_TESTS=ON"
                       REGEX "apt-get install libmpfr-dev libgmp-dev")
