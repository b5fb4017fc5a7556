# Helpers of the --resume tests (included by the *_resume.cmake scripts).

# Runs syninfo with ARGN; fails unless it exits `expected`. The output and
# error text are left in run_out and run_err.
function(run_expect expected)
  execute_process(COMMAND ${EXE} ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT "${rc}" STREQUAL "${expected}")
    message(FATAL_ERROR "syninfo ${ARGN} exited ${rc}, expected ${expected}:\n${out}\n${err}")
  endif()
  set(run_out "${out}" PARENT_SCOPE)
  set(run_err "${err}" PARENT_SCOPE)
endfunction()

# Runs syninfo with SYNINFO_STOP_AFTER_TASKS=n: it must stop (exit 75) as if
# killed, leaving the checkpoint `checkpoint` with exactly n task lines and
# no report.md (nor audit_map.md, nor a shard file) anywhere under `root`.
function(run_interrupted n checkpoint root)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env SYNINFO_STOP_AFTER_TASKS=${n} ${EXE} ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 75 OR NOT err MATCHES "SYNINFO_STOP_AFTER_TASKS=${n} reached")
    message(FATAL_ERROR "interrupted syninfo ${ARGN} exited ${rc}, expected 75:\n${out}\n${err}")
  endif()
  if(NOT EXISTS ${checkpoint}/checkpoint.json OR NOT EXISTS ${checkpoint}/tasks.jsonl)
    message(FATAL_ERROR "the interrupted run left no checkpoint in ${checkpoint}")
  endif()
  file(READ ${checkpoint}/tasks.jsonl text)  # lines counted as text: JSON is no CMake list
  string(REGEX MATCHALL "\n" ends "${text}")
  list(LENGTH ends count)
  if(NOT count EQUAL n)
    message(FATAL_ERROR "${checkpoint}/tasks.jsonl holds ${count} tasks, expected ${n}")
  endif()
  file(GLOB_RECURSE everything LIST_DIRECTORIES false ${root}/*)
  foreach(f ${everything})
    if(f MATCHES "(report\\.md|audit_map\\.md|/shard-[0-9]+-of-[0-9]+\\.json)$")
      message(FATAL_ERROR "an interrupted run left ${f}, which looks complete")
    endif()
  endforeach()
endfunction()

# The text of a file with its wall-clock fields replaced by T: timings of
# audit_map.csv (the seconds column, after the verdict) and audit_map.md (the
# "Total time ... threads N)" sentence), and every "seconds" of truth's JSON.
function(masked_text path var)
  file(READ ${path} text)
  string(REGEX REPLACE ",(within_1_percent|overstates|understates|undecided|unavailable),[^,]*,"
         ",\\1,T," text "${text}")
  string(REGEX REPLACE "Total time [^)]*\\)" "Total time T)" text "${text}")
  string(REGEX REPLACE "\"seconds\": [0-9.eE+-]+" "\"seconds\": T" text "${text}")
  set(${var} "${text}" PARENT_SCOPE)
endfunction()

# Every file of directory `a` is in `b` with the same bytes (both hold the
# same names), except timings.json (wall clock) and the masked fields of
# audit_map.csv / audit_map.md. At least `min_files` files are compared.
function(compare_outputs a b min_files)
  file(GLOB names_a RELATIVE ${a} ${a}/*)
  file(GLOB names_b RELATIVE ${b} ${b}/*)
  list(REMOVE_ITEM names_a timings.json)  # wall clock (merge writes none)
  list(REMOVE_ITEM names_b timings.json)
  list(SORT names_a)
  list(SORT names_b)
  if(NOT names_a STREQUAL names_b)
    message(FATAL_ERROR "${a} and ${b} hold different files:\n${names_a}\n---\n${names_b}")
  endif()
  set(compared 0)
  foreach(f ${names_a})
    if(f MATCHES "^audit_map\\.(csv|md)$")
      masked_text(${a}/${f} ta)
      masked_text(${b}/${f} tb)
    else()
      file(READ ${a}/${f} ta HEX)
      file(READ ${b}/${f} tb HEX)
    endif()
    if(NOT ta STREQUAL tb)
      message(FATAL_ERROR "${f} differs between ${a} and ${b}")
    endif()
    math(EXPR compared "${compared} + 1")
  endforeach()
  if(compared LESS min_files)
    message(FATAL_ERROR "only ${compared} files compared in ${a}")
  endif()
  message(STATUS "${compared} files of ${a} identical in ${b}")
endfunction()
