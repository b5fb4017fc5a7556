# Shared report plumbing: gnuplot figures and progress bars.
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/report/gnuplot.cpp
  ${PROJECT_SOURCE_DIR}/src/report/progress.cpp
)
