# Consumer tests (as {fmt} and doctest do): a separate project uses gradproof::gradproof
# (1) through find_package against a fresh install of this build tree, and
# (2) through add_subdirectory of the source tree.
set(_consumer_src "${PROJECT_SOURCE_DIR}/runtime_tests/consumer")
set(_consumer_bin "${PROJECT_BINARY_DIR}/consumer")
set(_generator_args --build-generator "${CMAKE_GENERATOR}")

add_test(NAME consumer.install
         COMMAND "${CMAKE_COMMAND}" --install "${PROJECT_BINARY_DIR}" --prefix "${_consumer_bin}/prefix")
set_tests_properties(consumer.install PROPERTIES FIXTURES_SETUP gradproof_installed LABELS consumer)

add_test(NAME consumer.find_package
         COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumer_src}" "${_consumer_bin}/find_package"
                 ${_generator_args} --build-options "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
                 "-DCMAKE_PREFIX_PATH=${_consumer_bin}/prefix" -DGRADPROOF_CONSUMER_MODE=find_package
                 --test-command "${CMAKE_CTEST_COMMAND}" --output-on-failure)
set_tests_properties(consumer.find_package PROPERTIES FIXTURES_REQUIRED gradproof_installed LABELS consumer)

add_test(NAME consumer.add_subdirectory
         COMMAND "${CMAKE_CTEST_COMMAND}" --build-and-test "${_consumer_src}" "${_consumer_bin}/add_subdirectory"
                 ${_generator_args} --build-options "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
                 "-DGRADPROOF_SOURCE_DIR=${PROJECT_SOURCE_DIR}" -DGRADPROOF_CONSUMER_MODE=add_subdirectory
                 --test-command "${CMAKE_CTEST_COMMAND}" --output-on-failure)
set_tests_properties(consumer.add_subdirectory PROPERTIES LABELS consumer)
