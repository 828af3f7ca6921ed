# Install the headers, a relocatable CMake package (find_package(gradproof) then
# target_link_libraries(app PRIVATE gradproof::gradproof)), a pkg-config file and the licence.
# Header-only, so everything but the headers goes under the datadir (share/), as for any
# architecture-independent package.
include(CMakePackageConfigHelpers)
include(GradproofVersionFile)

install(TARGETS gradproof EXPORT gradproofTargets FILE_SET HEADERS)
set(gradproof_cmake_dir "${CMAKE_INSTALL_DATADIR}/cmake/gradproof")
install(EXPORT gradproofTargets NAMESPACE gradproof:: DESTINATION "${gradproof_cmake_dir}")
export(EXPORT gradproofTargets NAMESPACE gradproof:: FILE "${PROJECT_BINARY_DIR}/gradproofTargets.cmake")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/gradproofConfig.cmake.in"
                              "${PROJECT_BINARY_DIR}/gradproofConfig.cmake" INSTALL_DESTINATION "${gradproof_cmake_dir}")
gradproof_write_version_file("${PROJECT_BINARY_DIR}/gradproofConfigVersion.cmake" "${PROJECT_VERSION}")
install(FILES "${PROJECT_BINARY_DIR}/gradproofConfig.cmake" "${PROJECT_BINARY_DIR}/gradproofConfigVersion.cmake"
        DESTINATION "${gradproof_cmake_dir}")

# pkg-config. With the usual relative install dirs the file finds the headers from its own
# place (${pcfiledir}), so the installed tree can be moved like the CMake package; with an
# absolute datadir or includedir it names the configured paths.
set(gradproof_pc_dir "${CMAKE_INSTALL_DATADIR}/pkgconfig")
if(IS_ABSOLUTE "${CMAKE_INSTALL_DATADIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(gradproof_pc_prefix "${CMAKE_INSTALL_PREFIX}")
  set(gradproof_pc_includedir "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH gradproof_pc_up "/root/${gradproof_pc_dir}" "/root")
  string(REGEX REPLACE "/$" "" gradproof_pc_up "${gradproof_pc_up}")
  set(gradproof_pc_prefix "\${pcfiledir}/${gradproof_pc_up}")
  set(gradproof_pc_includedir "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/gradproof.pc.in" "${PROJECT_BINARY_DIR}/gradproof.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/gradproof.pc" DESTINATION "${gradproof_pc_dir}")

install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${CMAKE_INSTALL_DOCDIR}")
