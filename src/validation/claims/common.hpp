// Internal building blocks of the claims' statistics: the random sets at one
// N with the three treatments of invalid samples, log-log and capacity fits,
// step counts along the set-1 curves, synergy cases, and the text forms the
// claims table shares. Not installed: used by src/validation/{claims,figures}.
#pragma once

#include "syninfo/simulation/sample_sets.hpp"
#include "syninfo/validation/records.hpp"
#include "syninfo/validation/statistics.hpp"

#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace syninfo::validation::detail {

using simulation::SetId;
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kZ = 1.959963984540054;  // two-sided 95% normal quantile

// The three ways to treat invalid samples.
enum class Mode { substitute, drop, repair };
const char* mode_name(Mode m);
inline constexpr Mode kModes[] = {Mode::substitute, Mode::drop, Mode::repair};

// A random set at one N, in index order.
struct SetData {
  SetId set = SetId::set2;
  std::size_t neurons = 0;
  std::vector<const SampleRecord*> samples;            // in index order
  std::vector<std::optional<std::size_t>> substitute;  // nearest valid sample (position) for invalid ones

  std::size_t size() const { return samples.size(); }
  // The value under a mode, in nats; nullopt when the mode has none.
  std::optional<double> value(std::size_t i, Mode mode) const;
  std::size_t invalid() const;
};

SetData set_data(const Records& records, SetId set, std::size_t neurons);
// The first m samples of d, with substitutes recomputed among them.
SetData first_samples(const SetData& d, std::size_t m);

// log10(I in bits) against log10 of P or n.
struct LogLogFit {
  LinearFit fit;
  Correlation corr;
  std::size_t used = 0, non_positive = 0, missing = 0;
};
enum class Axis { patterns, synapses };
LogLogFit log_log_fit(const SetData& d, Axis axis, Mode mode);

// log10 I = b0 + g log10 n - a log10 P, and the capacity exponent
// x = (2g - 1) / a (delta-method standard error).
struct CapacityFit {
  MultipleFit fit;
  double g = nan, g_se = nan, a = nan, a_se = nan;
  double exponent = nan, exponent_se = nan;
  std::size_t used = 0;
};
CapacityFit capacity_from(double g, double a, double var_g, double var_a, double cov_ga);
CapacityFit capacity_fit(const std::vector<double>& n, const std::vector<double>& p, const std::vector<double>& i_bits);
CapacityFit capacity_fit(const SetData& d, Mode mode);

std::string ci_text(double lo, double hi);
std::string r_text(const Correlation& c);
std::string slope_text(const LinearFit& f);

std::string combine_verdicts(const std::vector<std::string>& v);

// Set-1 curves.
struct CurveKey {
  std::string figure;
  std::size_t curve, grid;
  bool operator<(const CurveKey& o) const { return std::tie(figure, curve, grid) < std::tie(o.figure, o.curve, o.grid); }
};

struct StepCount {
  std::size_t claimed = 0, total = 0;  // steps in the claimed direction / steps with both ends valid
  std::string text() const { return std::to_string(claimed) + "/" + std::to_string(total); }
};

// Steps along the grid (per curve) and across curves (per grid point).
struct CurveTrends {
  StepCount along, across;
};
CurveTrends curve_trends(const std::map<CurveKey, const CurveRecord*>& points, const std::string& figure,
                         const std::vector<std::size_t>& curves, std::size_t grid_points, bool across_increasing);

// Significance-aware comparisons between ground-truth points.
struct TruthSteps {
  std::size_t compared = 0, claimed_significant = 0, claimed = 0, violated_significant = 0;
  std::vector<double> z;  // each step's difference over its standard error, signed so the claim is z > 0
  std::string text() const;
  std::string verdict() const;
  // Steps against the claim beyond the Bonferroni level for all `compared`
  // steps (a family-wise 5% test of "no step goes against the claim").
  std::size_t violated_familywise() const;
  // Stouffer's combination: sum of the steps' z over sqrt(steps) (finite z
  // only; 0 without steps). Above 1.96 the family points the claimed way.
  double combined_z() const;
  // For an undecided family: how many steps are not yet significant, and by
  // what factor the ground-truth budget (standard errors ~ 1/sqrt(budget))
  // would have to grow for the median of them to be significant with 80% power.
  std::string to_decide() const;
  void add(const GroundTruth& lower, const GroundTruth& upper, bool increasing);
  void merge(const TruthSteps& o);
};
TruthSteps truth_steps(const std::map<CurveKey, const TruthRecord*>& truth, const std::string& figure,
                       const std::vector<std::size_t>& curves, bool along, bool increasing);

// A synergy problem: the joint truth against the sum of the singles.
struct SynergyCase {
  const TruthRecord* record = nullptr;
  bool truth_usable = false;               // joint and every single reliable
  double synergy = nan, synergy_se = nan;  // nats
  bool cf_usable = false;
  double cf_synergy = nan;  // nats
  double singles_sum = nan, singles_se = nan, cf_singles_sum = nan;
};
SynergyCase synergy_case(const TruthRecord& t);

std::string set_title(SetId s);

// Markdown tables.
std::string md_escape(const std::string& s);
std::string table_row(const std::vector<std::string>& cells);
std::string table_header(const std::vector<std::string>& cells);

}  // namespace syninfo::validation::detail
