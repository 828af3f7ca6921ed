# examples/iris/csv_to_cpp.cmake: data/iris.csv -> a C++ include of aggregate initialisers, so
# the repository keeps the data once, in its original form, and the compiler still reads it.
#
#   cmake -DCSV=<iris.csv> -DOUT=<iris_data.inc> -P csv_to_cpp.cmake
#
# examples/iris/CMakeLists.txt runs it at configure time and re-runs it when the CSV or this
# script changes (CMAKE_CONFIGURE_DEPENDS). OUT is rewritten only when its text changes, so
# re-configuring does not recompile the proofs for nothing.
#
# The CSV is scikit-learn's: a first line "150,4,setosa,versicolor,virginica" (rows, features,
# class names), then one line per flower: sepal length, sepal width, petal length, petal
# width (cm) and the class 0, 1 or 2. Every line is checked; anything else stops the build
# with the line's number. The numbers are copied as written, so each becomes the double the
# compiler's decimal-to-binary conversion gives, the same for every compiler (correctly
# rounded, as is std::strtod's).
cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED CSV OR NOT DEFINED OUT)
  message(FATAL_ERROR "csv_to_cpp.cmake: usage: cmake -DCSV=<iris.csv> -DOUT=<file.inc> -P csv_to_cpp.cmake")
endif()

file(STRINGS "${CSV}" lines)
file(SHA256 "${CSV}" sha256)
list(LENGTH lines n_lines)
if(n_lines LESS 1)
  message(FATAL_ERROR "csv_to_cpp.cmake: ${CSV} is empty")
endif()

list(GET lines 0 header)
string(REGEX REPLACE "\r$" "" header "${header}")
if(NOT header MATCHES "^([0-9]+),4,setosa,versicolor,virginica$")
  message(FATAL_ERROR "csv_to_cpp.cmake: ${CSV}:1: expected the header \"<rows>,4,setosa,versicolor,virginica\", "
                      "found \"${header}\"")
endif()
set(n_rows "${CMAKE_MATCH_1}")
math(EXPR n_data "${n_lines} - 1")
if(NOT n_data EQUAL n_rows)
  message(FATAL_ERROR "csv_to_cpp.cmake: ${CSV}: the header says ${n_rows} rows, the file has ${n_data}")
endif()

set(number "[0-9]+(\\.[0-9]+)?")
set(body "")
set(line_no 1)
list(SUBLIST lines 1 -1 rows)
foreach(row IN LISTS rows)
  math(EXPR line_no "${line_no} + 1")
  string(REGEX REPLACE "\r$" "" row "${row}")
  if(NOT row MATCHES "^${number},${number},${number},${number},[012]$")
    message(FATAL_ERROR "csv_to_cpp.cmake: ${CSV}:${line_no}: expected four measurements and a class 0-2, "
                        "found \"${row}\"")
  endif()
  string(REPLACE "," ", " fields "${row}")
  string(APPEND body "{${fields}},\n")
endforeach()

get_filename_component(csv_name "${CSV}" NAME)
set(text "// Generated from ${csv_name} (sha256 ${sha256}) by examples/iris/csv_to_cpp.cmake; do not edit.
// ${n_rows} rows of {sepal length, sepal width, petal length, petal width (cm), class (0 setosa,
// 1 versicolor, 2 virginica)}, in the CSV's order: an initialiser list for iris::Measurement.
${body}")
file(WRITE "${OUT}.tmp" "${text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
