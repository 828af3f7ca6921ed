# Consumer tests (label "consumer"): gradproof used as a stranger would, by every path the README
# offers, each from a separate project or a bare compiler call. The scripts and the consumer
# project are in runtime_tests/consumer/. Every check has a known-bad twin (".detects_..."), a
# test that passes only if the check fails on purpose-made bad input, with the expected message.
#
#   consumer.install                      cmake --install of this tree into consumer/prefix (fixture)
#   consumer.install_check                LICENSE, headers, gradproof.pc, gradproof_LICENSE installed;
#                                         the generated targets file asks no more than CMake <minimum>
#   consumer.find_package                 find_package(gradproof <major.minor>) + gradproof::gradproof
#   consumer.find_package.cmake_3_22      the same as seen by CMake 3.22.1 (Ubuntu 22.04): the target
#                                         must carry its include directory without the file set
#   consumer.find_package.cmake_minimum   the same as seen by the oldest CMake gradproof promises
#   consumer.find_package.refuses_old_cmake  a CMake just below it gets gradproof's message
#   consumer.version.<installed>.wants_<request>.<accepted|refused>  the 0.x / 1.x version rule
#   consumer.add_subdirectory, consumer.fetchcontent (with SYSTEM)
#   consumer.include_dir                  a bare `c++ -std=c++20 -I include`
#   consumer.pkg_config                   c++ $(pkg-config --cflags gradproof) against the install
#   consumer.single_header.<cc>           only -I single_include, g++ and clang++-19
#   consumer.readme_example.<cc>          the README's example against the single header
#   consumer.strict.<cc>.<opt>            every public template for double and float under every
#                                         warning and -Werror, plain -I, at -O0 and -O2 -march=native
#   single_header_fresh                   single_include/gradproof.hpp is what tools/amalgamate writes
#
# The tests that build with the tree's compiler (the CMake projects, include_dir, pkg_config)
# follow CMAKE_CXX_COMPILER; the single-header, README and strict tests use g++ and clang++-19
# whatever the tree's compiler, and are skipped with a message for one that is not installed.
# All of them take about a minute of CPU (the strict builds most of it).
include_guard(GLOBAL)

set(_consumer_src "${PROJECT_SOURCE_DIR}/runtime_tests/consumer")
set(_consumer_bin "${PROJECT_BINARY_DIR}/consumer")
set(_consumer_prefix "${_consumer_bin}/prefix")
set(_consumer_dirs "-DCMAKE_DIR=${CMAKE_INSTALL_DATADIR}/cmake/gradproof" "-DPC_DIR=${CMAKE_INSTALL_DATADIR}/pkgconfig"
                   "-DDOC_DIR=${CMAKE_INSTALL_DOCDIR}" "-DINCLUDE_DIR=${CMAKE_INSTALL_INCLUDEDIR}")
find_program(GRADPROOF_CONSUMER_GXX NAMES g++-12 g++ DOC "g++ for the consumer tests")
find_program(GRADPROOF_CONSUMER_CLANGXX NAMES clang++-19 DOC "clang++-19 for the consumer tests")
find_program(GRADPROOF_PKG_CONFIG NAMES pkgconf pkg-config DOC "pkg-config for the consumer test of gradproof.pc")

# List-valued -D arguments (-DFLAGS=a;b) go straight into add_test, quoted: a list element
# cannot carry a ';' through another function's arguments.
# _gradproof_consumer_properties(<test> <fixtures required>)
function(_gradproof_consumer_properties name fixtures)
  set_tests_properties(${name} PROPERTIES LABELS consumer TIMEOUT 300)
  if(fixtures)
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${fixtures}")
  endif()
endfunction()

# _gradproof_consumer_project(<name> <fixtures> [EXPECT_FAILURE_REGEX <regex>] OPTIONS <-D...>...):
# configure, build and run runtime_tests/consumer with these options (ctest --build-and-test).
function(_gradproof_consumer_project name fixtures)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "EXPECT_FAILURE_REGEX" "OPTIONS")
  set(command "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumer_src}" "${_consumer_bin}/${name}"
              --build-generator "${CMAKE_GENERATOR}" --build-options "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
              "-DGRADPROOF_CONSUMER_CMAKE_MINIMUM=${GRADPROOF_CONSUMER_CMAKE_MINIMUM}" ${arg_OPTIONS}
              --test-command "${CMAKE_CTEST_COMMAND}" --output-on-failure)
  add_test(NAME consumer.${name} COMMAND "${CMAKE_COMMAND}" "-DCOMMAND=${command}"
                                         "-DEXPECT_FAILURE_REGEX=${arg_EXPECT_FAILURE_REGEX}"
                                         -P "${_consumer_src}/run_command.cmake")
  _gradproof_consumer_properties(consumer.${name} "${fixtures}")
endfunction()

# _gradproof_consumer_compile(<name> <fixtures> CXX <compiler> [SOURCE <file>] [README <file>]
#                             [FLAGS ...] [INCLUDE_DIRS ...] [DEFINES ...] [RUN] [PKG_CONFIG_PATH <dir>]
#                             [TAMPER_FROM <text> TAMPER_TO <text>] [EXPECT_FAILURE_REGEX <regex>])
# runtime_tests/consumer/compile.cmake with these arguments.
function(_gradproof_consumer_compile name fixtures)
  cmake_parse_arguments(PARSE_ARGV 2 arg "RUN" "CXX;SOURCE;README;PKG_CONFIG_PATH;TAMPER_FROM;TAMPER_TO;EXPECT_FAILURE_REGEX"
                        "FLAGS;INCLUDE_DIRS;DEFINES")
  set(pkg_config "")
  if(arg_PKG_CONFIG_PATH)
    set(pkg_config "${GRADPROOF_PKG_CONFIG}")
  endif()
  add_test(NAME consumer.${name}
           COMMAND "${CMAKE_COMMAND}" "-DCXX=${arg_CXX}" "-DWORK_DIR=${_consumer_bin}/${name}" "-DRUN=${arg_RUN}"
                   "-DSOURCE=${arg_SOURCE}" "-DREADME=${arg_README}" "-DFLAGS=${arg_FLAGS}"
                   "-DINCLUDE_DIRS=${arg_INCLUDE_DIRS}" "-DDEFINES=${arg_DEFINES}" "-DPKG_CONFIG=${pkg_config}"
                   "-DPKG_CONFIG_PATH=${arg_PKG_CONFIG_PATH}" "-DEXPECT_VERSION=${PROJECT_VERSION}"
                   "-DTAMPER_FROM=${arg_TAMPER_FROM}" "-DTAMPER_TO=${arg_TAMPER_TO}"
                   "-DEXPECT_FAILURE_REGEX=${arg_EXPECT_FAILURE_REGEX}" -P "${_consumer_src}/compile.cmake")
  _gradproof_consumer_properties(consumer.${name} "${fixtures}")
endfunction()

# --- the installed package ----------------------------------------------------------------------
if(GRADPROOF_INSTALL)
  add_test(NAME consumer.install COMMAND "${CMAKE_COMMAND}" --install "${PROJECT_BINARY_DIR}" --prefix "${_consumer_prefix}")
  set_tests_properties(consumer.install PROPERTIES FIXTURES_SETUP gradproof_installed LABELS consumer)

  # Copies of the install, each changed in one way (prepare_prefix.cmake): other releases for
  # the version rule, and the broken installs of the twins.
  # _gradproof_consumer_prefix(<name> MODE <mode> [VERSION <v>]): fixture gradproof_prefix_<name>.
  function(_gradproof_consumer_prefix name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "MODE;VERSION" "")
    add_test(NAME consumer.prefix.${name}
             COMMAND "${CMAKE_COMMAND}" "-DFROM=${_consumer_prefix}" "-DTO=${_consumer_bin}/prefix-${name}"
                     "-DMODE=${arg_MODE}" "-DVERSION=${arg_VERSION}" ${_consumer_dirs}
                     -P "${_consumer_src}/prepare_prefix.cmake")
    set_tests_properties(consumer.prefix.${name} PROPERTIES LABELS consumer FIXTURES_REQUIRED gradproof_installed
                                                             FIXTURES_SETUP gradproof_prefix_${name})
  endfunction()

  set(check_install "-DSOURCE_DIR=${PROJECT_SOURCE_DIR}" ${_consumer_dirs} -P "${_consumer_src}/check_install.cmake")
  add_test(NAME consumer.install_check COMMAND "${CMAKE_COMMAND}" "-DPREFIX=${_consumer_prefix}"
                                                 "-DMINIMUM=${GRADPROOF_CONSUMER_CMAKE_MINIMUM}" ${check_install})
  _gradproof_consumer_properties(consumer.install_check gradproof_installed)
  _gradproof_consumer_prefix(no_licence MODE no_licence)
  add_test(NAME consumer.install_check.detects_missing_licence
           COMMAND "${CMAKE_COMMAND}" "-DPREFIX=${_consumer_bin}/prefix-no_licence"
                   "-DMINIMUM=${GRADPROOF_CONSUMER_CMAKE_MINIMUM}" "-DEXPECT_FAILURE_REGEX=missing: [^\n]*/LICENSE"
                   ${check_install})
  _gradproof_consumer_properties(consumer.install_check.detects_missing_licence gradproof_prefix_no_licence)
  # The generated file needs CMake 3.0 (its own words): a promise of 2.8 must be caught.
  add_test(NAME consumer.install_check.detects_unmet_cmake_requirement
           COMMAND "${CMAKE_COMMAND}" "-DPREFIX=${_consumer_prefix}" -DMINIMUM=2.8
                   "-DEXPECT_FAILURE_REGEX=gradproofTargets.cmake: '[^']*' asks more than CMake 2\\.8" ${check_install})
  _gradproof_consumer_properties(consumer.install_check.detects_unmet_cmake_requirement gradproof_installed)

  # find_package, as this CMake, as CMake 3.22.1 (no file sets: the include directory must come
  # from the plain property), and as the oldest CMake promised; the twins: the 3.22 consumer
  # against an install without the plain property, and a CMake older than the promise.
  set(request "${PROJECT_VERSION_MAJOR}.${PROJECT_VERSION_MINOR}")
  set(find_package_options "-DCMAKE_PREFIX_PATH=${_consumer_prefix}" -DGRADPROOF_CONSUMER_MODE=find_package
                           "-DGRADPROOF_REQUEST=${request}")
  _gradproof_consumer_project(find_package gradproof_installed OPTIONS ${find_package_options})
  _gradproof_consumer_project(find_package.cmake_3_22 gradproof_installed
                              OPTIONS ${find_package_options} -DGRADPROOF_CONSUMER_FAKE_CMAKE_VERSION=3.22.1)
  _gradproof_consumer_prefix(no_include_dir MODE no_include_dir)
  _gradproof_consumer_project(find_package.cmake_3_22.detects_missing_include_dir gradproof_prefix_no_include_dir
                              EXPECT_FAILURE_REGEX "has no INTERFACE_INCLUDE_DIRECTORIES under CMake 3\\.22\\.1"
                              OPTIONS "-DCMAKE_PREFIX_PATH=${_consumer_bin}/prefix-no_include_dir"
                                      -DGRADPROOF_CONSUMER_MODE=find_package "-DGRADPROOF_REQUEST=${request}"
                                      -DGRADPROOF_CONSUMER_FAKE_CMAKE_VERSION=3.22.1)
  _gradproof_consumer_project(find_package.cmake_minimum gradproof_installed
                              OPTIONS ${find_package_options}
                                      "-DGRADPROOF_CONSUMER_FAKE_CMAKE_VERSION=${GRADPROOF_CONSUMER_CMAKE_MINIMUM}.0")
  string(REGEX MATCH "^([0-9]+)\\.([0-9]+)$" _ "${GRADPROOF_CONSUMER_CMAKE_MINIMUM}")
  math(EXPR below_minor "${CMAKE_MATCH_2} - 1")
  set(below "${CMAKE_MATCH_1}.${below_minor}.99")
  string(REPLACE "." "\\." minimum_regex "${GRADPROOF_CONSUMER_CMAKE_MINIMUM}")
  string(REPLACE "." "\\." below_regex "${below}")
  _gradproof_consumer_project(find_package.refuses_old_cmake gradproof_installed
                              EXPECT_FAILURE_REGEX "gradproof needs CMake >= ${minimum_regex} to be used[^\n]*this is CMake ${below_regex}"
                              OPTIONS ${find_package_options} "-DGRADPROOF_CONSUMER_FAKE_CMAKE_VERSION=${below}")

  # The version rule on installs that differ only in their version file: SameMinorVersion for
  # 0.x (0.1 and 0.2 refuse each other), SameMajorVersion from 1.0.
  foreach(release IN ITEMS 0.1.0 0.2.0 1.3.0)
    _gradproof_consumer_prefix(${release} MODE version VERSION ${release})
  endforeach()
  foreach(case IN ITEMS 0.1.0:0.1:accepted 0.1.0:0.2:refused 0.2.0:0.2:accepted 0.2.0:0.1:refused
                        1.3.0:1.0:accepted 1.3.0:0.1:refused)
    string(REPLACE ":" ";" case "${case}")
    list(GET case 0 installed)
    list(GET case 1 wanted)
    list(GET case 2 verdict)
    set(command "${CMAKE_COMMAND}" -S "${_consumer_src}/version" -B "${_consumer_bin}/version-${installed}-${wanted}"
                "-DGRADPROOF_PREFIX=${_consumer_bin}/prefix-${installed}" "-DGRADPROOF_REQUEST=${wanted}")
    set(regex "")
    if(verdict STREQUAL "refused")
      string(REPLACE "." "\\." wanted_regex "${wanted}")
      string(REPLACE "." "\\." installed_regex "${installed}")
      set(regex "compatible with requested version \"${wanted_regex}\".*version: ${installed_regex}")
    endif()
    set(test consumer.version.${installed}.wants_${wanted}.${verdict})
    add_test(NAME ${test} COMMAND "${CMAKE_COMMAND}" "-DCOMMAND=${command}" "-DEXPECT_FAILURE_REGEX=${regex}"
                                  -P "${_consumer_src}/run_command.cmake")
    _gradproof_consumer_properties(${test} gradproof_prefix_${installed})
  endforeach()

  # pkg-config: Cflags from the installed gradproof.pc; the twin has them removed.
  if(NOT GRADPROOF_PKG_CONFIG)
    message(WARNING "gradproof: no pkg-config (Debian: apt-get install pkgconf): consumer.pkg_config will fail")
    set(GRADPROOF_PKG_CONFIG pkg-config)  # so that the test fails saying it cannot run it
  endif()
  _gradproof_consumer_compile(pkg_config gradproof_installed CXX "${CMAKE_CXX_COMPILER}" SOURCE "${_consumer_src}/main.cpp"
                              PKG_CONFIG_PATH "${_consumer_prefix}/${CMAKE_INSTALL_DATADIR}/pkgconfig" RUN)
  _gradproof_consumer_prefix(pc_without_cflags MODE pc_without_cflags)
  _gradproof_consumer_compile(pkg_config.detects_missing_cflags gradproof_prefix_pc_without_cflags
                              CXX "${CMAKE_CXX_COMPILER}" SOURCE "${_consumer_src}/main.cpp"
                              PKG_CONFIG_PATH "${_consumer_bin}/prefix-pc_without_cflags/${CMAKE_INSTALL_DATADIR}/pkgconfig"
                              EXPECT_FAILURE_REGEX "gradproof/gradproof\\.hpp[^\n]*(No such file|not found)")
endif()

# --- from the source tree --------------------------------------------------------------------------
set(source_options "-DGRADPROOF_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
_gradproof_consumer_project(add_subdirectory "" OPTIONS ${source_options} -DGRADPROOF_CONSUMER_MODE=add_subdirectory)
_gradproof_consumer_project(fetchcontent "" OPTIONS ${source_options} -DGRADPROOF_CONSUMER_MODE=fetchcontent)
_gradproof_consumer_project(fetchcontent.detects_missing_system ""
                            EXPECT_FAILURE_REGEX "gradproof fetched with FetchContent is not SYSTEM"
                            OPTIONS ${source_options} -DGRADPROOF_CONSUMER_MODE=fetchcontent_without_system)

# A bare compiler with -I include, run; the twin shows that a run whose bits differ fails.
_gradproof_consumer_compile(include_dir "" CXX "${CMAKE_CXX_COMPILER}" SOURCE "${_consumer_src}/main.cpp"
                            FLAGS -std=c++20 INCLUDE_DIRS "${PROJECT_SOURCE_DIR}/include" RUN)
_gradproof_consumer_compile(include_dir.detects_wrong_bits "" CXX "${CMAKE_CXX_COMPILER}" SOURCE "${_consumer_src}/main.cpp"
                            FLAGS -std=c++20 INCLUDE_DIRS "${PROJECT_SOURCE_DIR}/include" RUN
                            DEFINES GRADPROOF_CONSUMER_WRONG_STEP EXPECT_FAILURE_REGEX "consumer: run time != compile time")

# --- the single header, the README's example, the strict consumer: on both compilers --------------
set(strict_warnings -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wfloat-equal -Wold-style-cast
                    -Wdouble-promotion -Werror)
set(first_compiler "")
foreach(cc IN ITEMS gcc clang)
  if(cc STREQUAL "gcc")
    set(compiler "${GRADPROOF_CONSUMER_GXX}")
    set(warnings ${strict_warnings} -Wuseless-cast)  # g++ only: clang has no -Wuseless-cast
  else()
    set(compiler "${GRADPROOF_CONSUMER_CLANGXX}")
    set(warnings ${strict_warnings})
  endif()
  if(NOT compiler)
    message(STATUS "gradproof: ${cc} not found (g++ / clang++-19): its single-header, README and strict consumer tests are skipped")
    continue()
  endif()
  _gradproof_consumer_compile(single_header.${cc} "" CXX "${compiler}" SOURCE "${_consumer_src}/main.cpp" FLAGS -std=c++20
                              INCLUDE_DIRS "${PROJECT_SOURCE_DIR}/single_include" DEFINES GRADPROOF_CONSUMER_SINGLE_HEADER RUN)
  _gradproof_consumer_compile(readme_example.${cc} "" CXX "${compiler}" README "${PROJECT_SOURCE_DIR}/README.md"
                              FLAGS -std=c++20 INCLUDE_DIRS "${PROJECT_SOURCE_DIR}/single_include")
  foreach(opt IN ITEMS O0 O2-native)
    if(opt STREQUAL "O0")
      set(opt_flags -O0)
    else()
      set(opt_flags -O2 -march=native)
    endif()
    _gradproof_consumer_compile(strict.${cc}.${opt} "" CXX "${compiler}" SOURCE "${_consumer_src}/strict.cpp"
                                FLAGS -std=c++20 ${opt_flags} ${warnings} INCLUDE_DIRS "${PROJECT_SOURCE_DIR}/include" RUN)
  endforeach()
  # The twins: a header reached through -I that compares floats must fail the strict build
  # (and, on g++, one with a useless cast).
  set(probe_flags -std=c++20 -O0 ${warnings})
  set(probe_dirs "${PROJECT_SOURCE_DIR}/include" "${_consumer_src}/probe")
  _gradproof_consumer_compile(strict.${cc}.detects_float_equal "" CXX "${compiler}" SOURCE "${_consumer_src}/strict.cpp"
                              FLAGS ${probe_flags} INCLUDE_DIRS ${probe_dirs}
                              DEFINES GRADPROOF_STRICT_CONSUMER_PROBE GRADPROOF_PROBE_FLOAT_EQUAL
                              EXPECT_FAILURE_REGEX "gradproof_probe\\.hpp:[0-9]+:[0-9]+: error: [^\n]*float-equal\\]")
  if(cc STREQUAL "gcc")
    _gradproof_consumer_compile(strict.${cc}.detects_useless_cast "" CXX "${compiler}" SOURCE "${_consumer_src}/strict.cpp"
                                FLAGS ${probe_flags} INCLUDE_DIRS ${probe_dirs}
                                DEFINES GRADPROOF_STRICT_CONSUMER_PROBE GRADPROOF_PROBE_USELESS_CAST
                                EXPECT_FAILURE_REGEX "gradproof_probe\\.hpp:[0-9]+:[0-9]+: error: useless cast")
  endif()
  if(NOT first_compiler)
    set(first_compiler "${compiler}")
    # The single header alone: without the macro the program asks for <gradproof/gradproof.hpp>,
    # which -I single_include must not provide (the test above cannot be using include/).
    _gradproof_consumer_compile(single_header.${cc}.uses_no_other_header "" CXX "${compiler}" SOURCE "${_consumer_src}/main.cpp"
                                FLAGS -std=c++20 INCLUDE_DIRS "${PROJECT_SOURCE_DIR}/single_include"
                                EXPECT_FAILURE_REGEX "gradproof/gradproof\\.hpp[^\n]*(No such file|not found)")
    # The README's example is the program compiled: change its claim and the test fails.
    _gradproof_consumer_compile(readme_example.${cc}.detects_changed_example "" CXX "${compiler}"
                                README "${PROJECT_SOURCE_DIR}/README.md" FLAGS -std=c++20
                                INCLUDE_DIRS "${PROJECT_SOURCE_DIR}/single_include"
                                TAMPER_FROM "theta == 2.0" TAMPER_TO "theta == 3.0"
                                EXPECT_FAILURE_REGEX "static assert|static_assert")
  endif()
endforeach()

# They call g++ and clang++-19 themselves, so every tree runs the same commands: label one_tree
# (one tree's run covers them), which the clang preset leaves to the g++ tree's run (the
# README's test command).
get_property(_consumer_tests DIRECTORY PROPERTY TESTS)
foreach(test IN LISTS _consumer_tests)
  if(test MATCHES "^consumer\\.(single_header|readme_example|strict)\\.(gcc|clang)(\\.|$)")
    set_property(TEST ${test} APPEND PROPERTY LABELS one_tree)
  endif()
endforeach()

# --- the single header is what tools/amalgamate writes now ----------------------------------------
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME single_header_fresh COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/amalgamate" --check)
  add_test(NAME single_header_fresh.detects_stale_copy
           COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tools/amalgamate" --self-test)
  set_tests_properties(single_header_fresh single_header_fresh.detects_stale_copy PROPERTIES LABELS consumer TIMEOUT 60)
else()
  message(STATUS "gradproof: no python3, so no single_header_fresh test (tools/amalgamate is Python)")
endif()
