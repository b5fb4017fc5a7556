# `syninfo truth --checkpoint DIR --resume` prints the JSON of an
# uninterrupted run, up to its wall-clock "seconds" fields: stopped as if
# killed inside cmc or smc (blocks of 128 outer samples) and resumed at
# another thread count. SPEC and ARGS give the run, STOP the blocks after
# which it stops. Usage: cmake -DEXE=... -DDIR=... -DSPEC=... "-DARGS=..."
# -DSTOP=n -P truth_resume.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
separate_arguments(args UNIX_COMMAND "${ARGS}")
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
run_expect(0 truth ${SPEC} ${args} --threads 2)
string(REGEX REPLACE "\"seconds\": [0-9.eE+-]+" "\"seconds\": T" single "${run_out}")
run_interrupted(${STOP} ${DIR}/checkpoint ${DIR} truth ${SPEC} ${args} --threads 2 --checkpoint ${DIR}/checkpoint)
run_expect(2 truth ${SPEC} ${args} --seed 2 --checkpoint ${DIR}/checkpoint --resume)
if(NOT run_err MATCHES "identity.seed is 1 there, 2 now")
  message(FATAL_ERROR "resume with another seed: ${run_err}")
endif()
run_expect(0 truth ${SPEC} ${args} --threads 1 --checkpoint ${DIR}/checkpoint --resume)
if(NOT run_err MATCHES "syninfo truth: ${STOP} blocks of outer samples resumed from the checkpoint, [1-9][0-9]* computed")
  message(FATAL_ERROR "the resumed run does not say what it resumed:\n${run_err}")
endif()
string(REGEX REPLACE "\"seconds\": [0-9.eE+-]+" "\"seconds\": T" resumed "${run_out}")
if(NOT single STREQUAL resumed)
  message(FATAL_ERROR "the resumed truth differs from the uninterrupted one:\n${single}\n---\n${resumed}")
endif()
string(LENGTH "${single}" length)
if(length LESS 500)
  message(FATAL_ERROR "truth printed too little to compare: ${single}")
endif()
if(EXISTS ${DIR}/checkpoint)
  message(FATAL_ERROR "the checkpoint was not removed after the result was printed")
endif()
file(REMOVE_RECURSE ${DIR})
