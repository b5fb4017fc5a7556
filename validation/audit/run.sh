#!/bin/sh
# Reproduces every number and figure in validation/audit/README.md:
#   ./validation/audit/run.sh            (from the repository root, after building build/syninfo)
# SYNINFO=path/to/syninfo overrides the binary. About 3 minutes on 2 cores.
# Results do not depend on the thread count (fixed seeds, per-sample streams).
set -eu
BIN=${SYNINFO:-build/syninfo}
HERE=validation/audit
OUT=$HERE/results
mkdir -p "$OUT"
# I_true: quadrature for n = 1, the truth driver's smc (4000 outer samples,
# the default) for n >= 2; M = 20000 weight draws for KS and the sample
# moments, and for the n = 2 cross-checks (CMC with L = 256 inner draws, KSG).
A="--samples 20000 --inner 256 --smc-samples 4000 --seed 1 --threads 2 --quiet"

# The worked example of theory.md section 4 (n = 1: quadrature).
$BIN audit examples/worked_example.json $A > "$OUT/worked_example.json"
$BIN audit examples/worked_example.json $A --format text > "$OUT/worked_example.txt"

# The recorded violations of the closed form, and the problems they are compared with.
for f in nonnegativity ensemble_monotonicity pattern_monotonicity; do
  $BIN audit tests/data/closed_form_violations/$f.json $A > "$OUT/$f.json"
done
$BIN audit $HERE/specs/ensemble_monotonicity_smaller.json $A > "$OUT/ensemble_monotonicity_smaller.json"
$BIN audit $HERE/specs/pattern_monotonicity_fewer.json $A > "$OUT/pattern_monotonicity_fewer.json"

# Both monotonicity counterexamples have more synapses than independent
# neuron directions (4 synapses over 3 neurons): no method estimates I_true
# itself and the audit gives smc's lower bound (I of the first 3 synapses).
# KSG can be run on both sides of each comparison (like with like; biased low
# in these 7-8 dimensional joint spaces), at two sample sizes for the ensemble.
for M in 20000 80000; do
  $BIN truth tests/data/closed_form_violations/ensemble_monotonicity.json --method ksg --samples $M --threads 2 \
    > "$OUT/ksg_ensemble_monotonicity_$M.json" 2>/dev/null
  $BIN truth $HERE/specs/ensemble_monotonicity_smaller.json --method ksg --samples $M --threads 2 \
    > "$OUT/ksg_ensemble_monotonicity_smaller_$M.json" 2>/dev/null
done
$BIN truth tests/data/closed_form_violations/pattern_monotonicity.json --method ksg --samples 20000 --threads 2 \
  > "$OUT/ksg_pattern_monotonicity_20000.json" 2>/dev/null
$BIN truth $HERE/specs/pattern_monotonicity_fewer.json --method ksg --samples 20000 --threads 2 \
  > "$OUT/ksg_pattern_monotonicity_fewer_20000.json" 2>/dev/null

# The estimator the audit used before smc, for the record: the one-pivot
# conditional Monte Carlo (20000 x 256 draws, seed 1: the same numbers the
# earlier audit printed), on the non-degenerate n = 3 problems, where it is
# biased high.
for f in tests/data/closed_form_violations/nonnegativity.json $HERE/specs/ensemble_monotonicity_smaller.json; do
  $BIN truth $f --method cmc --samples 20000 --inner 256 --seed 1 --threads 2 \
    > "$OUT/cmc_$(basename $f .json).json" 2>/dev/null
done

# Non-PD handling: report (default) and the opt-in nearest-PD repair; the
# "real vs rounding" verdict at double and at 50 digits.
$BIN audit tests/cli/specs/not_pd.json $A > "$OUT/not_pd_report.json"
$BIN audit tests/cli/specs/not_pd.json $A --pd-policy nearest-pd > "$OUT/not_pd_nearest_pd.json"
$BIN audit $HERE/specs/rounding_pd.json $A --precision 50 > "$OUT/rounding_pd_50.json"
$BIN audit $HERE/specs/rounding_pd.json $A --precision double > "$OUT/rounding_pd_double.json"

# The audit map: the quick preset (N = 4, the smallest that holds n = 5), and
# the same grid with N = 6 so that no pattern's term is degenerate.
$BIN audit-map --out $HERE/audit_map_quick --threads 2 --quiet --force
$BIN audit-map --out $HERE/audit_map_quick_N6 --N 6 --threads 2 --quiet --force

python3 $HERE/summarize.py > "$OUT/summary.md"
echo "wrote $OUT/summary.md"
