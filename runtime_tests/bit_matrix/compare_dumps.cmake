# compare_dumps.cmake: the g++ == clang++ verdict of the bit-identity matrix (cmake -P).
#
#   cmake -DDUMPS=<dir/name.txt;...> [-DEXPECT_DIFFERENCE_REGEX=<regex>] -P compare_dumps.cmake
#
# Every variant <name> wrote <name>.txt: one line per value, "<function> <type> <argument>
# ct=<compile-time bits> rt=<run-time bits>". Passes only if every dump exists and all are
# identical byte for byte. Otherwise groups the variants by content and, for each group that
# differs from the first variant's, prints how many lines differ and the first 5 pairs, so the
# report names the variants, the functions and the arguments (and, by ct= or rt=, whether the
# compile-time or the run-time bits disagree).
#
# With EXPECT_DIFFERENCE_REGEX this script tests itself: it must find a difference, and its
# report must match the regex (the comparator self-test on a known-bad dump).

cmake_minimum_required(VERSION 3.25)

if(NOT DEFINED DUMPS OR "${DUMPS}" STREQUAL "")
  message(FATAL_ERROR "compare_dumps.cmake: -DDUMPS=<file;...> is required")
endif()

set(report "")
function(say)
  string(JOIN "" text ${ARGN})
  message("${text}")
  set(report "${report}${text}\n" PARENT_SCOPE)
endfunction()

# Group the variants by the hash of their dump.
set(missing "")
set(hashes "")
set(VARIANTS "")
foreach(file IN LISTS DUMPS)
  get_filename_component(v "${file}" NAME_WLE)
  list(APPEND VARIANTS "${v}")
  set(file_${v} "${file}")
  if(NOT EXISTS "${file}")
    list(APPEND missing "${v}")
    continue()
  endif()
  file(SHA256 "${file}" h)
  list(APPEND group_${h} "${v}")
  if(NOT h IN_LIST hashes)
    list(APPEND hashes "${h}")
  endif()
endforeach()

list(LENGTH VARIANTS n_variants)
list(LENGTH hashes n_groups)
say("bit_matrix: ${n_variants} variants, ${n_groups} distinct dumps")
foreach(h IN LISTS hashes)
  string(JOIN ", " members ${group_${h}})
  say("  identical: ${members}")
endforeach()

set(failed FALSE)
if(missing)
  string(JOIN ", " missing_text ${missing})
  say("MISSING dumps (the variant did not build or did not run: run the whole label, ctest -L bit_matrix): "
      "${missing_text}")
  set(failed TRUE)
endif()

if(n_groups GREATER 1)
  set(failed TRUE)
  list(GET hashes 0 reference_hash)
  list(GET group_${reference_hash} 0 reference)
  file(STRINGS "${file_${reference}}" reference_lines)
  list(LENGTH reference_lines n_reference)
  foreach(h IN LISTS hashes)
    if(h STREQUAL reference_hash)
      continue()
    endif()
    list(GET group_${h} 0 other)
    string(JOIN ", " members ${group_${h}})
    file(STRINGS "${file_${other}}" other_lines)
    list(LENGTH other_lines n_other)
    set(n_differ 0)
    set(shown "")
    foreach(a b IN ZIP_LISTS reference_lines other_lines)
      if(NOT a STREQUAL b)
        math(EXPR n_differ "${n_differ} + 1")
        if(n_differ LESS_EQUAL 5)
          string(APPEND shown "    ${reference}: ${a}\n    ${other}: ${b}\n")
        endif()
      endif()
    endforeach()
    say("DIFFER from ${reference}: ${members}: ${n_differ} of ${n_reference} lines (${n_other} lines in ${other}), "
        "first ones:\n${shown}")
  endforeach()
endif()

if(DEFINED EXPECT_DIFFERENCE_REGEX AND NOT "${EXPECT_DIFFERENCE_REGEX}" STREQUAL "")
  if(missing OR NOT n_groups GREATER 1)
    message(FATAL_ERROR "comparator self-test: the dumps must exist and differ, but the comparator found "
                        "${n_groups} distinct dumps among ${n_variants}")
  endif()
  if(NOT report MATCHES "${EXPECT_DIFFERENCE_REGEX}")
    message(FATAL_ERROR "comparator self-test: a difference was found, but the report does not match "
                        "'${EXPECT_DIFFERENCE_REGEX}'")
  endif()
  message("comparator self-test: the difference was found and reported, as it must be")
  return()
endif()

if(failed)
  message(FATAL_ERROR "bit_matrix: the variants do not all give the same bits")
endif()
message("bit_matrix: all ${n_variants} variants give the same bits, byte for byte")
