# Links syninfo_options (warnings, -Werror, sanitizers) PRIVATE to every
# library and executable this directory defines, tests and benchmarks
# included. Through $<BUILD_INTERFACE:...> and PRIVATE the flags never reach
# a consumer: not through the installed export, and not through
# add_subdirectory (a static library passes on only the link options of its
# private dependencies, which the sanitizer build needs anyway).
get_property(_syninfo_targets DIRECTORY "${PROJECT_SOURCE_DIR}" PROPERTY BUILDSYSTEM_TARGETS)
foreach(_target IN LISTS _syninfo_targets)
  get_target_property(_type ${_target} TYPE)
  if(_type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$")
    target_link_libraries(${_target} PRIVATE $<BUILD_INTERFACE:syninfo_options>)
  endif()
endforeach()
unset(_syninfo_targets)
unset(_target)
unset(_type)
