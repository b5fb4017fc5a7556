# Issue 13 items 10, 11 and 13 through the binary: exit codes and atomic
# outputs. Usage: cmake -DEXE=... -DDIR=... -DSRC=<source dir> -P robustness_outputs.cmake
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
# expect(RC REGEX ARGS...): runs EXE ARGS, requires exit code RC and output matching REGEX.
function(expect rc regex)
  execute_process(COMMAND ${EXE} ${ARGN} RESULT_VARIABLE got OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
  string(REPLACE "\n" " " flat "${out}${err}")
  if(NOT got STREQUAL "${rc}")
    message(FATAL_ERROR "syninfo ${ARGN}: exit ${got}, expected ${rc}: ${out}${err}")
  endif()
  if(NOT flat MATCHES "${regex}")
    message(FATAL_ERROR "syninfo ${ARGN}: output does not match '${regex}': ${out}${err}")
  endif()
  set(last_output "${flat}" PARENT_SCOPE)
endfunction()
set(REF ${SRC}/validation/reference/reference_v1.jsonl)
set(UNWRITABLE ${SRC}/CMakeLists.txt/sub)

# check: an unwritable --report-json is refused (exit 2) before any verdict.
file(WRITE ${DIR}/theirs.csv "id,value\nv1_0001,0.5\n")
expect(2 "cannot write" check ${DIR}/theirs.csv --reference ${REF} --report-json ${UNWRITABLE}/r.json)
if(last_output MATCHES "PASS|FAIL")
  message(FATAL_ERROR "check printed a verdict before refusing its report path: ${last_output}")
endif()
# check: a value that overflows a double gives null errors in the JSON, not "inf".
expect(1 "FAIL" check ${SRC}/tests/cli/robustness/overflowing_value.csv --reference ${REF} --report-json ${DIR}/r.json)
file(READ ${DIR}/r.json report)
if(report MATCHES "\"-?inf")
  message(FATAL_ERROR "check's JSON holds a non-finite number as a string: ${report}")
endif()
if(NOT report MATCHES "\"abs_error\": null")
  message(FATAL_ERROR "check's JSON lacks the null abs_error of the overflowing value")
endif()

# reference: an unwritable --out exits 2 (like validate), before the work.
expect(2 "cannot write" reference --out ${UNWRITABLE}/ref --count 2)

# validate: a second run into the same directory is refused without --force;
# with --force it replaces the directory; no staging directory is left.
set(args validate --scale test --no-truth --quiet --threads 2)
expect(0 "report.md" ${args} --out ${DIR}/v)
file(WRITE ${DIR}/v/stale-marker "from an old run")
expect(2 "output directory .* is not empty \\(give --force" ${args} --out ${DIR}/v)
if(NOT EXISTS ${DIR}/v/stale-marker)
  message(FATAL_ERROR "a refused run changed the existing directory")
endif()
expect(0 "report.md" ${args} --out ${DIR}/v --force)
if(EXISTS ${DIR}/v/stale-marker OR NOT EXISTS ${DIR}/v/report.md)
  message(FATAL_ERROR "--force did not replace the directory with the new report")
endif()
file(GLOB leftovers ${DIR}/.v.* ${DIR}/v/.*)
if(leftovers)
  message(FATAL_ERROR "temporary outputs left behind: ${leftovers}")
endif()
# merge: a shard count that is not a whole number exits 2 (stoull read 1e30 as 1).
expect(0 "shard-0-of-1.json" ${args} --shard 0/1 --out ${DIR}/shards)
file(READ ${DIR}/shards/shard-0-of-1.json shard)
string(REPLACE "\"shard\": [0, 1]" "\"shard\": [0, 1e30]" bad "${shard}")
if(bad STREQUAL shard)
  message(FATAL_ERROR "shard file has no \"shard\": [0, 1] field to corrupt")
endif()
file(WRITE ${DIR}/bad/shard-0-of-1.json "${bad}")
expect(2 "is not a count" merge ${DIR}/bad --out ${DIR}/merged --quiet)
expect(0 "report.md" merge ${DIR}/shards --out ${DIR}/merged --quiet)
expect(2 "is not empty" merge ${DIR}/shards --out ${DIR}/merged --quiet)
# A second shard run into the shared directory refuses to replace its file without --force.
expect(2 "exists \\(give --force" ${args} --shard 0/1 --out ${DIR}/shards)
file(REMOVE_RECURSE ${DIR})
