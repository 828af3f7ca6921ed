# gradproof_write_version_file(<file> <version>): gradproofConfigVersion.cmake for <version>.
# While the major version is 0 every minor release may break the API, so a request for 0.1 is
# met by 0.1.x only (SameMinorVersion: 0.2 satisfies neither 0.1 nor 0.3); from 1.0 on, any
# later release of the same major (SameMajorVersion). Header-only: a package installed from a
# 64-bit build serves a 32-bit consumer too (ARCH_INDEPENDENT). A separate file so that the
# consumer tests can write the version file of another release (cmake -P) with the same rule.
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

function(gradproof_write_version_file file version)
  if(version MATCHES "^0\\.")
    set(compatibility SameMinorVersion)
  else()
    set(compatibility SameMajorVersion)
  endif()
  write_basic_package_version_file("${file}" VERSION "${version}" COMPATIBILITY ${compatibility} ARCH_INDEPENDENT)
endfunction()
