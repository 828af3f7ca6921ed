# check_explain_preset.cmake: what `cmake --workflow --preset explain` does, in a fresh binary
# dir and with the tree's compiler, on a machine without GoogleTest, Google Benchmark or MPFR
# (find_package refused, FetchContent offline): configure with the configure preset, build the
# build preset's targets, run gradproof-explain once. The presets are read from
# CMakePresets.json, so the test follows them.
#   -DSOURCE_DIR=<gradproof> -DBINARY_DIR=<fresh dir> -DCXX=<compiler>
#   [-DARGS=a|b]                     more configure arguments
#   [-DEXPECT_CONFIGURE_ERROR=regex] the twin: configuring must fail, and say this
cmake_minimum_required(VERSION 3.25)

file(READ "${SOURCE_DIR}/CMakePresets.json" presets)
# The preset named `name` in the array `kind`, or a fatal error.
function(find_preset kind name out)
  string(JSON count LENGTH "${presets}" ${kind})
  math(EXPR last "${count} - 1")
  foreach(i RANGE ${last})
    string(JSON n GET "${presets}" ${kind} ${i} name)
    if(n STREQUAL name)
      string(JSON preset GET "${presets}" ${kind} ${i})
      set(${out} "${preset}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  message(FATAL_ERROR "CMakePresets.json has no ${kind} entry named '${name}'")
endfunction()

# The workflow the user runs: configure "explain", then build "explain", nothing else.
find_preset(workflowPresets explain workflow)
string(JSON steps GET "${workflow}" steps)
string(JSON step_count LENGTH "${steps}")
string(JSON configure_step GET "${steps}" 0 name)
string(JSON build_step GET "${steps}" 1 name)
string(JSON configure_type GET "${steps}" 0 type)
string(JSON build_type GET "${steps}" 1 type)
if(NOT step_count EQUAL 2 OR NOT configure_type STREQUAL "configure" OR NOT build_type STREQUAL "build")
  message(FATAL_ERROR "the workflow preset 'explain' must be one configure step and one build step")
endif()
find_preset(buildPresets "${build_step}" build)
string(JSON build_configure GET "${build}" configurePreset)
if(NOT build_configure STREQUAL configure_step)
  message(FATAL_ERROR "the build preset '${build_step}' builds '${build_configure}', not '${configure_step}'")
endif()
string(JSON targets_json GET "${build}" targets)
string(JSON target_count LENGTH "${targets_json}")
set(targets "")
math(EXPR last "${target_count} - 1")
foreach(i RANGE ${last})
  string(JSON t GET "${targets_json}" ${i})
  list(APPEND targets "${t}")
endforeach()

string(REPLACE "|" ";" args "${ARGS}")
file(REMOVE_RECURSE "${BINARY_DIR}")
string(TIMESTAMP start "%s")
# -B after --preset replaces the preset's binaryDir (build/explain in the source tree).
execute_process(COMMAND "${CMAKE_COMMAND}" --preset "${configure_step}" -B "${BINARY_DIR}" "-DCMAKE_CXX_COMPILER=${CXX}"
                        -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON -DCMAKE_DISABLE_FIND_PACKAGE_googletest=ON
                        -DCMAKE_DISABLE_FIND_PACKAGE_benchmark=ON -DCMAKE_DISABLE_FIND_PACKAGE_MPFR=ON
                        -DFETCHCONTENT_FULLY_DISCONNECTED=ON ${args}
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(DEFINED EXPECT_CONFIGURE_ERROR)
  file(REMOVE_RECURSE "${BINARY_DIR}")
  if(result EQUAL 0)
    message(FATAL_ERROR "configuring succeeded without the dependencies, but it must fail:\n${output}")
  endif()
  if(NOT output MATCHES "${EXPECT_CONFIGURE_ERROR}")
    message(FATAL_ERROR "configuring failed, but does not say '${EXPECT_CONFIGURE_ERROR}':\n${output}")
  endif()
  message(STATUS "configuring fails without the dependency, as it must: the check can see one")
  return()
endif()
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the '${configure_step}' preset does not configure without GoogleTest, Google Benchmark "
                      "and MPFR:\n${output}")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}" --target ${targets} -j 2
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "building ${targets} failed:\n${output}")
endif()
string(TIMESTAMP stop "%s")
math(EXPR seconds "${stop} - ${start}")

# Nothing fetched, and nothing built but gradproof-explain and what it links.
if(EXISTS "${BINARY_DIR}/_deps")
  message(FATAL_ERROR "the build fetched a dependency (${BINARY_DIR}/_deps)")
endif()
file(GLOB_RECURSE objects RELATIVE "${BINARY_DIR}" "${BINARY_DIR}/*.o")
foreach(object IN LISTS objects)
  if(NOT object MATCHES "/CMakeFiles/(gradproof_explain_core|gradproof-explain)\\.dir/")
    message(FATAL_ERROR "the build compiled ${object}, which gradproof-explain does not need")
  endif()
endforeach()

set(program "${BINARY_DIR}/examples/explain/gradproof-explain")
execute_process(COMMAND "${program}" RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0 OR NOT output MATCHES "δ2 = ∂L/∂z = δ1 U ∘ σ′\\(z\\)ᵀ")
  message(FATAL_ERROR "${program} failed (status ${result}) or printed no walkthrough:\n${output}")
endif()
file(REMOVE_RECURSE "${BINARY_DIR}")
list(LENGTH objects object_count)
message(STATUS "configured and built ${targets} (${object_count} objects) in ${seconds} s, and it runs")
