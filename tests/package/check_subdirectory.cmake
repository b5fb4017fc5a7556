# ctest -R package.add_subdirectory: configure tests/package/subdirectory
# (syninfo pulled in by add_subdirectory, -Werror on) and check in its
# compile commands that the consumer's source gets none of the project's
# warning flags while syninfo's own sources do (so the check can fail).
# Inputs: SOURCE_DIR, WORK, CXX.
file(REMOVE_RECURSE "${WORK}")
execute_process(COMMAND ${CMAKE_COMMAND} -S "${SOURCE_DIR}/tests/package/subdirectory" -B "${WORK}"
                -DSYNINFO_SOURCE_DIR=${SOURCE_DIR} -DCMAKE_CXX_COMPILER=${CXX}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configure failed:\n${out}\n${err}")
endif()
file(READ "${WORK}/compile_commands.json" commands)
string(JSON count LENGTH "${commands}")
math(EXPR last "${count} - 1")
set(consumer_seen OFF)
set(project_warned OFF)
foreach(i RANGE ${last})
  string(JSON file GET "${commands}" ${i} file)
  string(JSON command GET "${commands}" ${i} command)
  if(file MATCHES "tests/package/consumer/main\\.cpp$")
    set(consumer_seen ON)
    foreach(flag -Wall -Wextra -Wpedantic -Werror)
      string(FIND "${command}" " ${flag}" at)
      if(NOT at EQUAL -1)
        message(FATAL_ERROR "the consumer inherits ${flag}: ${command}")
      endif()
    endforeach()
  elseif(file MATCHES "src/core/spec\\.cpp$" AND command MATCHES " -Wall .* -Werror")
    set(project_warned ON)
  endif()
endforeach()
if(NOT consumer_seen OR NOT project_warned)
  message(FATAL_ERROR "compile commands incomplete (consumer ${consumer_seen}, project warnings ${project_warned})")
endif()
