# The Python module's tests (issue 16, part 1): the system's pytest on the
# build tree's package, comparing with the CLI. Not in the sanitizer build
# (see src/python/sources.cmake).
if(SYNINFO_PYTHON_BUILT)
  execute_process(COMMAND ${Python3_EXECUTABLE} -c "import pytest" RESULT_VARIABLE _syninfo_no_pytest OUTPUT_QUIET ERROR_QUIET)
  if(_syninfo_no_pytest)
    message(STATUS "syninfo: pytest not found for ${Python3_EXECUTABLE}; the Python tests are not registered")
  else()
    set(_syninfo_python_env PYTHONPATH=${SYNINFO_PYTHON_DIR} SYNINFO_CLI=$<TARGET_FILE:syninfo> PYTHONDONTWRITEBYTECODE=1)
    add_test(NAME python.pytest
             COMMAND ${Python3_EXECUTABLE} -m pytest -q -p no:cacheprovider ${PROJECT_SOURCE_DIR}/tests/python)
    add_test(NAME python.quickstart COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/examples/python_quickstart.py)
    set_tests_properties(python.pytest python.quickstart PROPERTIES LABELS python ENVIRONMENT "${_syninfo_python_env}")
  endif()
endif()
