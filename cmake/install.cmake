# The installable package: library syninfo::syninfo with its public headers,
# the CLI, a CMake package (syninfoConfig.cmake + version file) and a
# pkg-config file. Consumers: find_package(syninfo 0.1 REQUIRED) and
# target_link_libraries(app PRIVATE syninfo::syninfo).
include(CMakePackageConfigHelpers)
set(SYNINFO_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/syninfo")

install(TARGETS syninfo_core EXPORT syninfoTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(TARGETS syninfo RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/syninfo DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT syninfoTargets NAMESPACE syninfo:: DESTINATION ${SYNINFO_CMAKE_DIR})

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/syninfoConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/syninfoConfig.cmake INSTALL_DESTINATION ${SYNINFO_CMAKE_DIR})
# 0.x: a minor version may break the API, so only the same minor is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/syninfoConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/syninfoConfig.cmake ${PROJECT_BINARY_DIR}/syninfoConfigVersion.cmake
        DESTINATION ${SYNINFO_CMAKE_DIR})

# The .pc file finds its prefix relative to itself, so `cmake --install --prefix`
# anywhere gives a working file.
file(RELATIVE_PATH SYNINFO_PC_TO_PREFIX "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
string(REGEX REPLACE "/$" "" SYNINFO_PC_TO_PREFIX "${SYNINFO_PC_TO_PREFIX}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/syninfo.pc.in ${PROJECT_BINARY_DIR}/syninfo.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/syninfo.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
