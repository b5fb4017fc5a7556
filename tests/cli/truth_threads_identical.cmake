# `syninfo truth` prints the same JSON with --threads 1 and --threads 2, up
# to the wall-clock "seconds" fields: every sample has its own random stream,
# indexed by the sample, so the work split changes no number.
# Usage: cmake -DEXE=... -DSPEC=... "-DARGS=..." -P truth_threads_identical.cmake
separate_arguments(args UNIX_COMMAND "${ARGS}")
foreach(t 1 2)
  execute_process(COMMAND ${EXE} truth ${SPEC} ${args} --threads ${t}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out${t} ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "truth --threads ${t} exited ${rc}: ${err}")
  endif()
  string(REGEX REPLACE "\"seconds\": [0-9.eE+-]+" "\"seconds\": T" out${t} "${out${t}}")
endforeach()
if(NOT out1 STREQUAL out2)
  message(FATAL_ERROR "truth differs between --threads 1 and --threads 2:\n${out1}\n---\n${out2}")
endif()
string(LENGTH "${out1}" length)
if(length LESS 200)
  message(FATAL_ERROR "truth printed too little to compare: ${out1}")
endif()
