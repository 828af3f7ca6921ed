# GradproofBitMatrix.cmake: the bit-identity matrix ("the same bits everywhere").
#
# What it proves. For every gradproof::math function (exp, log, log1p, sigmoid, sigmoid_prime,
# sigmoid_and_prime, softplus; float and double; 2048 arguments each: ±0, ±inf, quiet NaNs,
# subnormals, every branch point with its neighbours, log-uniform and evenly spaced values,
# random bit patterns) and for whole training runs (forward, backward, sgd_step, 5 epochs of
# sgd_epoch, the loss, an epoch of train_many and of sgd_epoch_minibatch, a mean_gradient;
# float and double, ordinary and saturated networks):
#   (a) the run-time value has the bits of the compile-time value (constexpr), both inlined and
#       called out of line, from inputs the optimiser cannot see;
#   (b) for g++ and clang++-19, each at -O0, -O2, -O3 -march=native and -O2 -march=native
#       -ffp-contract=fast (contraction across statements, which clang's `#pragma clang fp
#       contract(off)` does not stop: a flag a user may well choose), in two consumption
#       modes: "target" (a CMake project links gradproof::gradproof, INTERFACE properties and
#       all; -std=gnu++20) and "include_dir" (a bare `c++ -std=c++20 <flags> -I include`, so
#       nothing from CMake can help);
#   (c) every variant writes every value it computed (compile- and run-time bits) to a dump,
#       and all dumps are identical byte for byte: g++ == clang++, across flags and modes.
#
# How. runtime_tests/bit_matrix/bit_dump.cpp is one self-contained program that checks (a)
# itself (exit 1 and a MISMATCH line naming function and argument) and writes the dump.
# Tests (all labelled bit_matrix, timeout 300 s each):
#   bit_matrix.clean                        removes old dumps (fixture setup of all the others)
#   bit_matrix.<gcc|clang>.<O0|O2|O3-native|O2-native-contract-fast>.<target|include_dir>
#                                           build + run one variant (run_variant.cmake)
#   bit_matrix.<gcc|clang>.<O2-dispatch-baseline|O2-dispatch-avx2|O2-scalar>.include_dir
#                                           the run-time path's variants (detail/simd.hpp): an
#                                           -O2 build's baseline kernels and its AVX2 clones,
#                                           each forced (GRADPROOF_SIMD_FORCE; the AVX2 one on
#                                           a CPU with AVX2), and the scalar path alone
#                                           (GRADPROOF_SIMD=0): the same dump as every other
#   bit_matrix.compare                      (c): compare_dumps.cmake on all the variants' dumps.
#       It DEPENDS on the variants rather than requiring them as a fixture: a fixture skips its
#       dependants when a setup test fails, and a failing variant is exactly when the comparison
#       (which variants differ, in which values) is most useful.
#   Known-bad twins, which pass only if the check fails in the expected way:
#   bit_matrix.selftest.injected_mismatch   bit_dump with one run-time exp bit flipped: (a)
#                                           must fail naming exp and the argument
#   bit_matrix.selftest.compare             the comparator on that dump and a good one: it
#                                           must report the differing line
#   bit_matrix.<cc>.canary_contraction      a polynomial outside gradproof's protection, built
#                                           with -march=native -ffp-contract=fast: (a) must
#                                           fail, which shows that the -march=native variants
#                                           do face FMA contraction (only where the compiler
#                                           defines __FMA__ under -march=native)
# A compiler that is not found, or that rejects -march=native, is skipped with a message.
#
# Run: `ctest --test-dir build/dev -L bit_matrix -j2`: 37 tests with the cross compilers (each
# variant spends 10-25 s building and running, mostly constant-evaluating: about 9 min of CPU),
# so 4-5 min on 2 cores. The test presets (dev, gcc, clang) run it with every
# other test: no label of theirs excludes it; the asan-ubsan preset selects label "runtime"
# only, which these tests do not carry. The matrix uses its own compilers whatever the build
# tree's, so one tree per CI run is enough: -DGRADPROOF_BIT_MATRIX=OFF leaves it out of a tree.
# Against another checkout of the headers (e.g. an older commit, to see the matrix fail):
# -DGRADPROOF_BIT_MATRIX_ROOT=<dir with include/ and CMakeLists.txt>.
include_guard(GLOBAL)

# A cache entry, not a variable: gradproof_add_bit_matrix() may run deferred, in another scope.
set(_gradproof_bit_matrix_dir "${CMAKE_CURRENT_LIST_DIR}/../runtime_tests/bit_matrix")
cmake_path(NORMAL_PATH _gradproof_bit_matrix_dir)
set(GRADPROOF_BIT_MATRIX_DIR "${_gradproof_bit_matrix_dir}" CACHE INTERNAL "runtime_tests/bit_matrix")

option(GRADPROOF_BIT_MATRIX "Add the bit-identity matrix tests (label bit_matrix; g++ and clang++-19)" ON)
set(GRADPROOF_BIT_MATRIX_ROOT "${PROJECT_SOURCE_DIR}"
    CACHE PATH "The gradproof tree (include/, CMakeLists.txt) whose headers the bit matrix tests")
find_program(GRADPROOF_BIT_MATRIX_GXX NAMES g++-12 g++ DOC "g++ for the bit-identity matrix")
find_program(GRADPROOF_BIT_MATRIX_CLANGXX NAMES clang++-19 DOC "clang++-19 for the bit-identity matrix")
option(GRADPROOF_BIT_MATRIX_CROSS "Add the bit matrix's aarch64 and 32-bit ARM variants (cross compilers and qemu-user)" ON)
find_program(GRADPROOF_BIT_MATRIX_GXX_AARCH64 NAMES aarch64-linux-gnu-g++-12 aarch64-linux-gnu-g++)
find_program(GRADPROOF_BIT_MATRIX_GXX_ARMEL NAMES arm-linux-gnueabi-g++-12 arm-linux-gnueabi-g++)
find_program(GRADPROOF_BIT_MATRIX_QEMU_AARCH64 NAMES qemu-aarch64 qemu-aarch64-static)
find_program(GRADPROOF_BIT_MATRIX_QEMU_ARM NAMES qemu-arm qemu-arm-static)
find_program(GRADPROOF_BIT_MATRIX_LLD NAMES ld.lld-19 ld.lld)

# _gradproof_bit_matrix_probe(<compiler> <flag> <out_ok> <out_defines>): does <compiler> accept
# <flag>, and which macros does it predefine with it.
function(_gradproof_bit_matrix_probe compiler flag out_ok out_defines)
  set(empty "${PROJECT_BINARY_DIR}/bit_matrix/probe_empty.cpp")
  file(WRITE "${empty}" "")
  execute_process(COMMAND "${compiler}" -std=c++20 ${flag} -dM -E "${empty}" RESULT_VARIABLE result
                  OUTPUT_VARIABLE defines ERROR_QUIET)
  if(result EQUAL 0)
    set(${out_ok} TRUE PARENT_SCOPE)
  else()
    set(${out_ok} FALSE PARENT_SCOPE)
  endif()
  set(${out_defines} "${defines}" PARENT_SCOPE)
endfunction()

# _gradproof_bit_matrix_test(<name> MODE <mode> CXX <compiler> FLAGS <flags> [DUMP <file>]
#                            [DEFINES <macro>...] [EXPECT_FAILURE_REGEX <regex>] [RUNNER <cmd>...])
function(_gradproof_bit_matrix_test name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "MODE;CXX;FLAGS;DUMP;EXPECT_FAILURE_REGEX" "DEFINES;RUNNER")
  string(REPLACE ";" "\\;" defines "${arg_DEFINES}")
  string(JOIN "|" runner ${arg_RUNNER})  # a list through a -D: '|' separates its items
  add_test(NAME bit_matrix.${name}
           COMMAND "${CMAKE_COMMAND}" "-DMODE=${arg_MODE}" "-DCXX=${arg_CXX}" "-DFLAGS=${arg_FLAGS}"
                   "-DGRADPROOF_ROOT=${GRADPROOF_BIT_MATRIX_ROOT}" "-DSOURCE_DIR=${GRADPROOF_BIT_MATRIX_DIR}"
                   "-DWORK_DIR=${PROJECT_BINARY_DIR}/bit_matrix/${name}" "-DDUMP=${arg_DUMP}"
                   "-DDEFINES=${defines}" "-DGENERATOR=${CMAKE_GENERATOR}" "-DMAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}"
                   "-DEXPECT_FAILURE_REGEX=${arg_EXPECT_FAILURE_REGEX}" "-DRUNNER=${runner}"
                   -P "${GRADPROOF_BIT_MATRIX_DIR}/run_variant.cmake")
  set_tests_properties(bit_matrix.${name} PROPERTIES LABELS bit_matrix TIMEOUT 300
                                                     FIXTURES_REQUIRED gradproof_bit_matrix_clean)
endfunction()

# gradproof_add_bit_matrix(): adds the tests described at the top.
function(gradproof_add_bit_matrix)
  if(NOT GRADPROOF_BIT_MATRIX)
    return()
  endif()
  set(dump_dir "${PROJECT_BINARY_DIR}/bit_matrix/dumps")
  set(selftest_dir "${PROJECT_BINARY_DIR}/bit_matrix/selftest_dumps")

  add_test(NAME bit_matrix.clean COMMAND "${CMAKE_COMMAND}" -E rm -rf "${dump_dir}" "${selftest_dir}")
  set_tests_properties(bit_matrix.clean PROPERTIES LABELS bit_matrix FIXTURES_SETUP gradproof_bit_matrix_clean)

  set(variants "")
  set(canaries "")
  # Whether this machine can run the AVX2 clones (the dispatch variant that forces them).
  set(_gradproof_bit_matrix_host_avx2 FALSE)
  if(EXISTS "/proc/cpuinfo")
    file(READ "/proc/cpuinfo" cpuinfo)
    if(cpuinfo MATCHES "flags[^\n]* avx2( |\n)")
      set(_gradproof_bit_matrix_host_avx2 TRUE)
    endif()
  endif()
  foreach(cc IN ITEMS gcc clang)
    if(cc STREQUAL "gcc")
      set(compiler "${GRADPROOF_BIT_MATRIX_GXX}")
    else()
      set(compiler "${GRADPROOF_BIT_MATRIX_CLANGXX}")
    endif()
    if(NOT compiler)
      message(STATUS "bit_matrix: ${cc} not found (g++ / clang++-19): its variants are skipped")
      continue()
    endif()
    execute_process(COMMAND "${compiler}" --version OUTPUT_VARIABLE version ERROR_QUIET)
    string(REGEX MATCH "^[^\n]*" version "${version}")
    set(flag_sets O0 O2)
    _gradproof_bit_matrix_probe("${compiler}" -march=native native_ok native_defines)
    if(native_ok)
      list(APPEND flag_sets O3-native O2-native-contract-fast)
    else()
      message(STATUS "bit_matrix: ${compiler} rejects -march=native: its -march=native variants are skipped")
    endif()
    message(STATUS "bit_matrix: ${cc} = ${compiler} (${version}): ${flag_sets}")
    foreach(flag_set IN LISTS flag_sets)
      if(flag_set STREQUAL "O3-native")
        set(flags "-O3 -march=native")
      elseif(flag_set STREQUAL "O2-native-contract-fast")
        set(flags "-O2 -march=native -ffp-contract=fast")
      else()
        set(flags "-${flag_set}")
      endif()
      foreach(mode IN ITEMS target include_dir)
        set(v ${cc}.${flag_set}.${mode})
        _gradproof_bit_matrix_test(${v} MODE ${mode} CXX "${compiler}" FLAGS "${flags}" DUMP "${dump_dir}/${v}.txt")
        list(APPEND variants ${v})
      endforeach()
    endforeach()
    # The run-time path's variants at -O2 (include/gradproof/detail/simd.hpp), each a dump of its
    # own: the baseline kernels and the AVX2 clones of the dispatching build, forced (the AVX2
    # one only on a CPU that has AVX2), and the scalar path alone (no vectors at run time).
    set(run_time_paths "O2-dispatch-baseline|-O2 -DGRADPROOF_SIMD_FORCE=1" "O2-scalar|-O2 -DGRADPROOF_SIMD=0")
    if(_gradproof_bit_matrix_host_avx2)
      list(APPEND run_time_paths "O2-dispatch-avx2|-O2 -DGRADPROOF_SIMD_FORCE=2")
    endif()
    foreach(entry IN LISTS run_time_paths)
      string(REGEX REPLACE "[|].*" "" set_name "${entry}")
      string(REGEX REPLACE "^[^|]*[|]" "" flags "${entry}")
      set(v ${cc}.${set_name}.include_dir)
      _gradproof_bit_matrix_test(${v} MODE include_dir CXX "${compiler}" FLAGS "${flags}" DUMP "${dump_dir}/${v}.txt")
      list(APPEND variants ${v})
    endforeach()
    # The canary: where -march=native gives FMA, unprotected code must be contracted.
    if(native_ok AND native_defines MATCHES "#define __FMA__ 1")
      _gradproof_bit_matrix_test(${cc}.canary_contraction MODE include_dir CXX "${compiler}"
                                 FLAGS "-O2 -march=native -ffp-contract=fast"
                                 DEFINES GRADPROOF_BIT_DUMP_CONTRACTION_CANARY
                                 EXPECT_FAILURE_REGEX "MISMATCH unprotected_horner<f64>\\(")
    endif()
  endforeach()

  # A compiler without GNU extensions, as far as the headers can tell: clang with __GNUC__ and
  # __clang__ undefined, at -O2 -march=native (FMA, and clang's default contraction within an
  # expression, which no pragma of ours stops then). The barrier must fall back to its
  # portable form (a volatile round trip) and keep the bits; its twin turns the barrier off and
  # must see the contraction.
  if(GRADPROOF_BIT_MATRIX_CLANGXX)
    _gradproof_bit_matrix_probe("${GRADPROOF_BIT_MATRIX_CLANGXX}" -march=native native_ok native_defines)
    if(native_ok AND native_defines MATCHES "#define __FMA__ 1")
      set(v clang.O2-native.no_gnu_extensions)
      _gradproof_bit_matrix_test(${v} MODE include_dir CXX "${GRADPROOF_BIT_MATRIX_CLANGXX}"
                                 FLAGS "-U__GNUC__ -U__clang__ -O2 -march=native" DUMP "${dump_dir}/${v}.txt")
      list(APPEND variants ${v})
      _gradproof_bit_matrix_test(clang.no_gnu_extensions.without_barrier MODE include_dir
                                 CXX "${GRADPROOF_BIT_MATRIX_CLANGXX}" FLAGS "-U__GNUC__ -U__clang__ -O2 -march=native"
                                 DEFINES GRADPROOF_CONTRACTION_BARRIER=0
                                 EXPECT_FAILURE_REGEX "MISMATCH training[.]ordinary<f64>")
    endif()
  endif()

  # Other architectures: cross-compiled, and run under qemu-user with the cross sysroot. aarch64
  # (FMA on every core), 32-bit ARM with VFPv4 (FMA; the barrier in a VFP register), and
  # soft-float ARM (no FPU: no barrier, and the NaN payloads of software conversions). Their
  # dumps join the comparison: the same bits as x86-64. Needs (Debian) g++-12-aarch64-linux-gnu,
  # g++-12-arm-linux-gnueabi, qemu-user and, for clang, lld-19; skipped with a message without.
  # Known-bad twins: the canary (unprotected code is contracted on aarch64) and the library
  # itself with the barrier off on aarch64, whose run-time bits must differ.
  if(GRADPROOF_BIT_MATRIX_CROSS)
    foreach(arch IN ITEMS aarch64 armel)
      if(arch STREQUAL "aarch64")
        set(triple aarch64-linux-gnu)
        set(qemu "${GRADPROOF_BIT_MATRIX_QEMU_AARCH64}")
        set(gxx "${GRADPROOF_BIT_MATRIX_GXX_AARCH64}")
      else()
        set(triple arm-linux-gnueabi)
        set(qemu "${GRADPROOF_BIT_MATRIX_QEMU_ARM}")
        set(gxx "${GRADPROOF_BIT_MATRIX_GXX_ARMEL}")
      endif()
      if(NOT qemu OR NOT gxx OR NOT IS_DIRECTORY "/usr/${triple}")
        message(STATUS "bit_matrix: no ${triple} cross g++, sysroot or qemu: the ${arch} variants are skipped")
        continue()
      endif()
      set(runner "${qemu}" -L "/usr/${triple}")
      if(arch STREQUAL "aarch64")
        set(gcc_sets "aarch64-O3-contract-fast|-O3 -ffp-contract=fast")
        set(clang_sets "aarch64-O3-contract-fast|--target=${triple} -fuse-ld=lld -O3 -ffp-contract=fast")
      else()
        set(gcc_sets "armv7-vfpv4-O2-contract-fast|-O2 -march=armv7-a -mfpu=neon-vfpv4 -mfloat-abi=softfp -ffp-contract=fast"
                     "armel-soft-float-O2|-O2 -mfloat-abi=soft")
        set(clang_sets "armel-soft-float-O2|--target=${triple} -fuse-ld=lld -O2 -mfloat-abi=soft")
      endif()
      foreach(cc IN ITEMS gcc clang)
        if(cc STREQUAL "gcc")
          set(compiler "${gxx}")
          set(sets ${gcc_sets})
        else()
          set(compiler "${GRADPROOF_BIT_MATRIX_CLANGXX}")
          set(sets ${clang_sets})
          if(NOT compiler OR NOT GRADPROOF_BIT_MATRIX_LLD)
            message(STATUS "bit_matrix: no clang++-19 or lld: the clang ${arch} variants are skipped")
            continue()
          endif()
        endif()
        foreach(entry IN LISTS sets)
          string(REGEX REPLACE "[|].*" "" set_name "${entry}")
          string(REGEX REPLACE "^[^|]*[|]" "" flags "${entry}")
          set(v ${cc}.${set_name}.cross)
          _gradproof_bit_matrix_test(${v} MODE include_dir CXX "${compiler}" FLAGS "${flags}"
                                     DUMP "${dump_dir}/${v}.txt" RUNNER ${runner})
          list(APPEND variants ${v})
        endforeach()
      endforeach()
      if(arch STREQUAL "aarch64")
        _gradproof_bit_matrix_test(gcc.aarch64.canary_contraction MODE include_dir CXX "${gxx}"
                                   FLAGS "-O2 -ffp-contract=fast" DEFINES GRADPROOF_BIT_DUMP_CONTRACTION_CANARY
                                   EXPECT_FAILURE_REGEX "MISMATCH unprotected_horner<f64>\\(" RUNNER ${runner})
        _gradproof_bit_matrix_test(gcc.aarch64.without_barrier MODE include_dir CXX "${gxx}"
                                   FLAGS "-O2 -ffp-contract=fast" DEFINES GRADPROOF_CONTRACTION_BARRIER=0
                                   EXPECT_FAILURE_REGEX "MISMATCH training[.]ordinary<f64>" RUNNER ${runner})
      endif()
    endforeach()
  endif()

  if(NOT variants)
    message(STATUS "bit_matrix: neither g++ nor clang++-19 found: no bit-identity matrix")
    return()
  endif()

  # The comparison of all the variants' dumps.
  list(TRANSFORM variants PREPEND "bit_matrix." OUTPUT_VARIABLE variant_tests)
  list(TRANSFORM variants PREPEND "${dump_dir}/" OUTPUT_VARIABLE dumps)
  list(TRANSFORM dumps APPEND ".txt")
  add_test(NAME bit_matrix.compare COMMAND "${CMAKE_COMMAND}" "-DDUMPS=${dumps}" -P "${GRADPROOF_BIT_MATRIX_DIR}/compare_dumps.cmake")
  set_tests_properties(bit_matrix.compare PROPERTIES LABELS bit_matrix DEPENDS "${variant_tests}" TIMEOUT 300
                                                     FIXTURES_REQUIRED gradproof_bit_matrix_clean)

  # The known-bad twin of (a), with the first compiler's -O0 (the cheapest build), and the
  # comparator's self-test on its dump against that compiler's good -O0 dump.
  list(GET variants 0 reference)
  string(REGEX MATCH "^[a-z]+" reference_cc "${reference}")
  if(reference_cc STREQUAL "gcc")
    set(compiler "${GRADPROOF_BIT_MATRIX_GXX}")
  else()
    set(compiler "${GRADPROOF_BIT_MATRIX_CLANGXX}")
  endif()
  _gradproof_bit_matrix_test(selftest.injected_mismatch MODE include_dir CXX "${compiler}" FLAGS -O0
                             DEFINES GRADPROOF_BIT_DUMP_INJECT_MISMATCH DUMP "${selftest_dir}/injected_mismatch.txt"
                             EXPECT_FAILURE_REGEX "MISMATCH exp<f64>\\([^)]* = bits 0000000000000001\\)")
  add_test(NAME bit_matrix.selftest.compare
           COMMAND "${CMAKE_COMMAND}" "-DDUMPS=${dump_dir}/${reference}.txt;${selftest_dir}/injected_mismatch.txt"
                   "-DEXPECT_DIFFERENCE_REGEX=DIFFER from ${reference}: injected_mismatch: 1 of [0-9]+ lines.*    injected_mismatch: exp f64 0000000000000001 ct=3ff0000000000000 rt=3ff0000000000001"
                   -P "${GRADPROOF_BIT_MATRIX_DIR}/compare_dumps.cmake")
  # Here a fixture is right: the self-test needs both dumps, and `ctest -R selftest` pulls them in.
  set_tests_properties(bit_matrix.${reference} bit_matrix.selftest.injected_mismatch
                       PROPERTIES FIXTURES_SETUP gradproof_bit_matrix_selftest)
  set_tests_properties(bit_matrix.selftest.compare
                       PROPERTIES LABELS bit_matrix TIMEOUT 300
                                  FIXTURES_REQUIRED "gradproof_bit_matrix_clean;gradproof_bit_matrix_selftest")
endfunction()
