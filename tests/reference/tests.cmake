# Reference vectors and the checker (issue 6).
add_executable(syninfo_reference_tests ${PROJECT_SOURCE_DIR}/tests/reference/test_reference.cpp)
target_link_libraries(syninfo_reference_tests PRIVATE syninfo_core syninfo_cli Catch2::Catch2WithMain)
target_compile_definitions(syninfo_reference_tests PRIVATE SYNINFO_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
if(NOT SYNINFO_SANITIZE)
  # The full 300-case regeneration; sanitizer builds check a prefix.
  target_compile_definitions(syninfo_reference_tests PRIVATE SYNINFO_REFERENCE_FULL)
endif()
catch_discover_tests(syninfo_reference_tests)

set(REF_DATA ${PROJECT_SOURCE_DIR}/tests/reference/data)
set(REF_COMMITTED ${PROJECT_SOURCE_DIR}/validation/reference)

# Binary-level: exit codes and messages of `syninfo check` and `syninfo reference`.
function(syninfo_reference_cli_test name expected_exit regex)
  add_test(NAME reference.${name}
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DEXPECTED=${expected_exit} "-DREGEX=${regex}"
                   "-DARGS=${ARGN}" -P ${PROJECT_SOURCE_DIR}/tests/cli/run_cli.cmake)
  set_tests_properties(reference.${name} PROPERTIES LABELS reference)
endfunction()

set(REF8 --reference ${REF_DATA}/reference_first8.jsonl)
syninfo_reference_cli_test(check_self 0 "passed 8, failed 0.*max abs error 0 .*PASS" check ${REF_DATA}/good.csv ${REF8})
syninfo_reference_cli_test(check_perturbed 1 "FAIL v1_0002 \\[value_out_of_tolerance\\] line 3: .*rel error 1e-06" check ${REF_DATA}/perturbed.csv ${REF8})
syninfo_reference_cli_test(check_flipped 1 "FAIL v1_0001 \\[status_mismatch\\] line 2: status not_positive_definite, reference ok" check ${REF_DATA}/flipped.csv ${REF8})
syninfo_reference_cli_test(check_missing 1 "FAIL v1_0005 \\[missing\\].*missing 1," check ${REF_DATA}/missing.csv ${REF8})
syninfo_reference_cli_test(check_extra 1 "FAIL v1_9999 \\[unknown_id\\] line 10:.*unknown ids 1" check ${REF_DATA}/extra.csv ${REF8})
syninfo_reference_cli_test(check_no_status 1 "FAIL v1_0004 \\[status_required\\]" check ${REF_DATA}/no_status.csv ${REF8})
syninfo_reference_cli_test(check_duplicate 2 "line 7: duplicate id 'v1_0003' \\(first on line 4\\)" check ${REF_DATA}/duplicate.csv ${REF8})
syninfo_reference_cli_test(check_malformed 2 "line 4: value 'abc' is not a number" check ${REF_DATA}/malformed.csv ${REF8})
syninfo_reference_cli_test(check_bad_reference 2 "cannot open reference file" check ${REF_DATA}/good.csv --reference ${REF_DATA}/nope.jsonl)
syninfo_reference_cli_test(check_bad_rtol 2 "--rtol expects a finite number" check ${REF_DATA}/good.csv ${REF8} --rtol x)
syninfo_reference_cli_test(reference_prefix 0 "^\\{\"id\": \"v1_0001\", \"format_version\": 1" reference --count 2)
syninfo_reference_cli_test(reference_bad_format 2 "--format: expected jsonl, csv or both" reference --format xml)

add_test(NAME reference.regenerate
         COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DDIR=${CMAKE_CURRENT_BINARY_DIR}/reference_regen
                 -DCOMMITTED=${REF_COMMITTED} -P ${PROJECT_SOURCE_DIR}/tests/reference/regenerate.cmake)
set_tests_properties(reference.regenerate PROPERTIES LABELS reference TIMEOUT 900)

find_program(SYNINFO_PYTHON3 NAMES python3)
if(SYNINFO_PYTHON3)
  add_test(NAME reference.python_example
           COMMAND ${CMAKE_COMMAND} -DEXE=$<TARGET_FILE:syninfo> -DPYTHON=${SYNINFO_PYTHON3}
                   -DDIR=${CMAKE_CURRENT_BINARY_DIR} -DCOMMITTED=${REF_COMMITTED}
                   -P ${PROJECT_SOURCE_DIR}/tests/reference/python_example.cmake)
  set_tests_properties(reference.python_example PROPERTIES LABELS reference)
endif()
