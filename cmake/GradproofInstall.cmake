# Install the headers and a relocatable CMake package: find_package(gradproof) then
# target_link_libraries(app PRIVATE gradproof::gradproof).
include(CMakePackageConfigHelpers)

install(TARGETS gradproof EXPORT gradproofTargets FILE_SET HEADERS)
set(gradproof_cmake_dir "${CMAKE_INSTALL_DATADIR}/cmake/gradproof")
install(EXPORT gradproofTargets NAMESPACE gradproof:: DESTINATION "${gradproof_cmake_dir}")
export(EXPORT gradproofTargets NAMESPACE gradproof:: FILE "${PROJECT_BINARY_DIR}/gradproofTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/gradproofConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/gradproofConfig.cmake" INSTALL_DESTINATION "${gradproof_cmake_dir}")
# Header-only: a package installed from a 64-bit build serves a 32-bit consumer too.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/gradproofConfigVersion.cmake"
                                 COMPATIBILITY SameMajorVersion ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/gradproofConfig.cmake" "${PROJECT_BINARY_DIR}/gradproofConfigVersion.cmake"
        DESTINATION "${gradproof_cmake_dir}")
