# The installable package (issue 16, part 2): a consumer built against an
# installed tree, and one using add_subdirectory (configure only). Only the
# ten-line consumer is compiled, so the tests stay fast.
set(_syninfo_link_flags "")
set(_syninfo_consumer_flags "")
if(SYNINFO_SANITIZE)
  # The installed library is instrumented, and the consumer must be compiled
  # with it too, not only linked: Eigen picks its allocator by
  # __SANITIZE_ADDRESS__ (handmade aligned malloc under ASan, plain malloc
  # otherwise), so a Matrix allocated in the library and freed in an
  # uninstrumented consumer is a bad free.
  set(_syninfo_link_flags "-fsanitize=address,undefined")
  set(_syninfo_consumer_flags "-fsanitize=address,undefined")
endif()
set(_syninfo_python_args "")
if(SYNINFO_PYTHON_BUILT)
  set(_syninfo_python_args -DPYTHON=${Python3_EXECUTABLE} -DPYTHON_DIR=${SYNINFO_PYTHON_INSTALL_DIR})
endif()
add_test(NAME package.find_package
         COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${PROJECT_BINARY_DIR} -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
                 -DWORK=${PROJECT_BINARY_DIR}/package-test/install -DCXX=${CMAKE_CXX_COMPILER}
                 -DBUILD_TYPE=${CMAKE_BUILD_TYPE} -DLAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
                 -DLINK_FLAGS=${_syninfo_link_flags} -DCXX_FLAGS=${_syninfo_consumer_flags} ${_syninfo_python_args} -P ${PROJECT_SOURCE_DIR}/tests/package/run_consumer.cmake)
add_test(NAME package.add_subdirectory
         COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DWORK=${PROJECT_BINARY_DIR}/package-test/subdirectory
                 -DCXX=${CMAKE_CXX_COMPILER} -P ${PROJECT_SOURCE_DIR}/tests/package/check_subdirectory.cmake)
set_tests_properties(package.find_package package.add_subdirectory PROPERTIES LABELS package)
