# ctest -R package.find_package: install the build tree into a fresh prefix,
# configure and build tests/package/consumer against it with
# find_package(syninfo), run it on the worked example, and check that the
# pkg-config file resolves to the installed library.
# With PYTHON and PYTHON_DIR (the install dir of the Python package), also
# import the installed Python module from the prefix.
# Inputs: BUILD_DIR, SOURCE_DIR, WORK, CXX, BUILD_TYPE, LAUNCHER, LINK_FLAGS, CXX_FLAGS[, PYTHON, PYTHON_DIR].
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK}")
set(prefix "${WORK}/prefix")
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(f include/syninfo/mutual_information.hpp bin/syninfo)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

run(${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/package/consumer" -B "${WORK}/build"
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER} "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
run(${CMAKE_COMMAND} --build "${WORK}/build")
run("${WORK}/build/consumer" "${SOURCE_DIR}/examples/worked_example.json")
message(STATUS "consumer: ${run_output}")

# The installed CLI runs from the prefix.
run("${prefix}/bin/syninfo" mi "${SOURCE_DIR}/examples/worked_example.json" --precision double)
# --precision double: a JSON number (docs/output_fields.md).
if(NOT run_output MATCHES "\"mi_nats\": 0\\.6441643624040")
  message(FATAL_ERROR "installed CLI gave: ${run_output}")
endif()

# pkg-config: the flags name the installed headers and library.
file(GLOB_RECURSE pc_file "${prefix}/*/syninfo.pc")
get_filename_component(pc_dir "${pc_file}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${pc_dir}")
run(pkg-config --cflags --libs syninfo)
string(REGEX MATCH "-L([^ \n]+)" _ "${run_output}")
if(NOT EXISTS "${CMAKE_MATCH_1}/libsyninfo.a" OR NOT run_output MATCHES "-lsyninfo" OR NOT run_output MATCHES "-lgsl")
  message(FATAL_ERROR "pkg-config gave: ${run_output}")
endif()
string(REGEX MATCH "-I([^ \n]+)" _ "${run_output}")
if(NOT EXISTS "${CMAKE_MATCH_1}/syninfo/spec.hpp")
  message(FATAL_ERROR "pkg-config include dir wrong: ${run_output}")
endif()

if(PYTHON)
  set(ENV{PYTHONPATH} "${prefix}/${PYTHON_DIR}")
  run(${PYTHON} -c "import syninfo\nprint(syninfo.__file__, syninfo.closed_form([[0, 0], [0, 0]], [[0.5, 0], [0, 0.5]], [[0, 1]], 0)['mi_nats'])")
  string(FIND "${run_output}" "${prefix}/" at)
  if(NOT at EQUAL 0 OR NOT run_output MATCHES " 0\\.6441643624040")
    message(FATAL_ERROR "installed Python module gave: ${run_output}")
  endif()
endif()
