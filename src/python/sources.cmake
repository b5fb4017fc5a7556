# The Python module `syninfo` (issue 16, part 1): pybind11 over syninfo_core,
# built when pybind11 and Python's headers are found (scripts/install-deps.sh
# installs them). The package lands in <build>/python (use it with
# PYTHONPATH=build/python) and installs into SYNINFO_PYTHON_INSTALL_DIR under
# the prefix.
# Skipped in the sanitizer build (SYNINFO_SANITIZE): an ASan-instrumented
# extension cannot be loaded into an uninstrumented python3 without
# LD_PRELOADing the runtime, so the Python module and its tests are left out
# there; the library they wrap is covered by the C++ tests under ASan.
option(SYNINFO_PYTHON "Build the Python module when pybind11 is found" ON)
set(SYNINFO_PYTHON_BUILT OFF)
if(SYNINFO_PYTHON AND NOT SYNINFO_SANITIZE AND NOT SYNINFO_LIBFUZZER)
  # The interpreter that has numpy: python3 on PATH, else Debian's (a pyenv or
  # other python3 first on PATH often lacks the Debian python3-numpy).
  if(NOT Python3_EXECUTABLE)
    find_program(_syninfo_path_python3 NAMES python3 NO_CACHE)
    foreach(_candidate IN ITEMS ${_syninfo_path_python3} /usr/bin/python3)
      execute_process(COMMAND ${_candidate} -c "import numpy" RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_QUIET)
      if(_rc EQUAL 0)
        set(Python3_EXECUTABLE ${_candidate} CACHE FILEPATH "Python interpreter for the syninfo module")
        break()
      endif()
    endforeach()
  endif()
  find_package(Python3 COMPONENTS Interpreter Development.Module)
  if(Python3_FOUND)
    find_package(pybind11 CONFIG QUIET)
  endif()
  if(Python3_FOUND AND pybind11_FOUND)
    set(SYNINFO_PYTHON_BUILT ON)
  else()
    message(STATUS "syninfo: pybind11 or Python 3 headers not found; the Python module is not built")
  endif()
endif()

if(SYNINFO_PYTHON_BUILT)
  set(SYNINFO_PYTHON_DIR ${PROJECT_BINARY_DIR}/python)
  pybind11_add_module(syninfo_python MODULE
    ${PROJECT_SOURCE_DIR}/src/python/module.cpp
    ${PROJECT_SOURCE_DIR}/src/python/convert.cpp
    ${PROJECT_SOURCE_DIR}/src/python/closed_form.cpp
    ${PROJECT_SOURCE_DIR}/src/python/estimators.cpp
    ${PROJECT_SOURCE_DIR}/src/python/audit_check.cpp
  )
  target_link_libraries(syninfo_python PRIVATE syninfo_core)
  set_target_properties(syninfo_python PROPERTIES OUTPUT_NAME _syninfo LIBRARY_OUTPUT_DIRECTORY ${SYNINFO_PYTHON_DIR}/syninfo)
  configure_file(${PROJECT_SOURCE_DIR}/src/python/syninfo/__init__.py ${SYNINFO_PYTHON_DIR}/syninfo/__init__.py COPYONLY)

  # Debian's python3 searches <prefix>/lib/python3.X/dist-packages for
  # prefixes other than /usr (e.g. the default /usr/local); elsewhere
  # site-packages is the convention.
  if(Python3_SITEARCH MATCHES "dist-packages")
    set(_syninfo_site dist-packages)
  else()
    set(_syninfo_site site-packages)
  endif()
  set(SYNINFO_PYTHON_INSTALL_DIR "lib/python${Python3_VERSION_MAJOR}.${Python3_VERSION_MINOR}/${_syninfo_site}"
      CACHE STRING "Where cmake --install puts the Python package, relative to the prefix")
  install(TARGETS syninfo_python LIBRARY DESTINATION ${SYNINFO_PYTHON_INSTALL_DIR}/syninfo)
  install(FILES ${PROJECT_SOURCE_DIR}/src/python/syninfo/__init__.py DESTINATION ${SYNINFO_PYTHON_INSTALL_DIR}/syninfo)
endif()
