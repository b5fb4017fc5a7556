#!/bin/sh
# Reproduces every number and figure in validation/audit/README.md:
#   ./validation/audit/run.sh            (from the repository root, after building build/syninfo)
# SYNINFO=path/to/syninfo overrides the binary. About 5 minutes on 2 cores.
# Results do not depend on the thread count (fixed seeds, per-sample streams).
set -eu
BIN=${SYNINFO:-build/syninfo}
HERE=validation/audit
OUT=$HERE/results
mkdir -p "$OUT"
A="--samples 20000 --inner 256 --seed 1 --threads 2 --quiet"

# The worked example of theory.md section 4 (n = 1: quadrature).
$BIN audit examples/worked_example.json $A > "$OUT/worked_example.json"
$BIN audit examples/worked_example.json $A --format text > "$OUT/worked_example.txt"

# The recorded violations of the closed form, and the problems they are compared with.
for f in nonnegativity ensemble_monotonicity pattern_monotonicity; do
  $BIN audit tests/data/closed_form_violations/$f.json $A > "$OUT/$f.json"
done
$BIN audit $HERE/specs/ensemble_monotonicity_smaller.json $A > "$OUT/ensemble_monotonicity_smaller.json"
$BIN audit $HERE/specs/pattern_monotonicity_fewer.json $A > "$OUT/pattern_monotonicity_fewer.json"

# The 4-synapse ensemble counterexample has n > N: no pattern's term has a
# density, so CMC does not apply and the audit falls back to KSG. KSG on both
# sides of the comparison, at two sample sizes, shows its bias.
for M in 20000 80000; do
  $BIN truth tests/data/closed_form_violations/ensemble_monotonicity.json --method ksg --samples $M --threads 2 \
    > "$OUT/ksg_ensemble_monotonicity_$M.json" 2>/dev/null
  $BIN truth $HERE/specs/ensemble_monotonicity_smaller.json --method ksg --samples $M --threads 2 \
    > "$OUT/ksg_ensemble_monotonicity_smaller_$M.json" 2>/dev/null
done

# Non-PD handling: report (default) and the opt-in nearest-PD repair; the
# "real vs rounding" verdict at double and at 50 digits.
$BIN audit tests/cli/specs/not_pd.json $A > "$OUT/not_pd_report.json"
$BIN audit tests/cli/specs/not_pd.json $A --pd-policy nearest-pd > "$OUT/not_pd_nearest_pd.json"
$BIN audit $HERE/specs/rounding_pd.json $A --precision 50 > "$OUT/rounding_pd_50.json"
$BIN audit $HERE/specs/rounding_pd.json $A --precision double > "$OUT/rounding_pd_double.json"

# The audit map: the quick preset (N = 4, the smallest that holds n = 5), and
# the same grid with N = 6 so that no pattern's term is degenerate.
$BIN audit-map --out $HERE/audit_map_quick --threads 2 --quiet
$BIN audit-map --out $HERE/audit_map_quick_N6 --N 6 --threads 2 --quiet

python3 $HERE/summarize.py > "$OUT/summary.md"
echo "wrote $OUT/summary.md"
