# Shared report plumbing: gnuplot figures, progress bars, atomic outputs,
# checkpoints of long runs and shard files, report.md rendered as a
# self-contained report.html.
target_sources(syninfo_core PRIVATE
  ${PROJECT_SOURCE_DIR}/src/report/gnuplot.cpp
  ${PROJECT_SOURCE_DIR}/src/report/progress.cpp
  ${PROJECT_SOURCE_DIR}/src/report/atomic_output.cpp
  ${PROJECT_SOURCE_DIR}/src/report/checkpoint.cpp
  ${PROJECT_SOURCE_DIR}/src/report/shard_files.cpp
  ${PROJECT_SOURCE_DIR}/src/report/html_report.cpp
)
