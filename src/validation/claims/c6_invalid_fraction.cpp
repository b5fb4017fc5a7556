// C6: about 1% of the random samples have an invalid closed form. A property
// of the approximation (the true information always exists): n/a for the truth.
#include "claims.hpp"
#include "paper_numbers.hpp"

#include "../report_util.hpp"

namespace syninfo::validation::detail {

ClaimResult evaluate_c6_invalid_fraction(const Analysis& a, const ValidationConfig& config) {
  const SetAnalysis& s = a.sets;
  ClaimResult r;
  r.id = "C6";
  r.claim = "about 1% of samples invalid";
  r.paper = "~1%";
  std::string per;
  for (std::size_t k = 0; k < s.sets.size(); ++k) {
    const Proportion p = wilson_interval(s.counts[k].total - s.counts[k].ok, s.counts[k].total);
    per += (k ? "; " : "") + set_title(s.sets[k].set) + " " + fmt_percent(p.estimate) + " " +
           ci_text(100 * p.ci_low, 100 * p.ci_high) + "%";
  }
  std::size_t real = 0, rounding = 0;
  for (const auto& c : s.counts) {
    real += c.real;
    rounding += c.rounding;
  }
  r.closed_form = "all sets " + fmt_percent(s.invalid_all.estimate) + " " +
                  ci_text(100 * s.invalid_all.ci_low, 100 * s.invalid_all.ci_high) + "% (" + std::to_string(s.all_invalid) +
                  "/" + std::to_string(s.all_total) + "): " + per + "; 50-digit verdict: " + std::to_string(real) +
                  " real, " + std::to_string(rounding) + " rounding";
  r.numbers = {{"c6_invalid", static_cast<double>(s.all_invalid)},
               {"c6_total", static_cast<double>(s.all_total)},
               {"c6_fraction", s.invalid_all.estimate}};
  // Verdict 1: "about 1%" read as within a factor of two, 0.5% to 2%, for the
  // Wilson 95% interval of all sets' invalid fraction (the paper's count is lost).
  Region about;
  about.name = "invalid fraction";
  about.low = kPaperInvalidFraction.low;
  about.high = kPaperInvalidFraction.high;
  r.reproduction = s.all_total > 0 ? decide(s.invalid_all.ci_low, s.invalid_all.ci_high, about) : Decision::undecided;
  r.reproduction_reason = std::string("\"about 1%\" read as 0.5% to 2% for the 95% interval: ") + to_string(r.reproduction);
  r.truth = "the true information exists for every sample; invalid samples are failures of the log-normal surrogate";
  r.decision = Decision::not_applicable;
  std::string other;
  for (const auto& row : a.neurons.rows)
    if (row.neurons != config.random.neurons)
      other += (other.empty() ? "" : ", ") + set_title(row.set) + " at N = " + std::to_string(row.neurons) + ": " +
               std::to_string(row.invalid) + "/" + std::to_string(row.samples);
  r.reason = "a property of the approximation, not of the information; the fraction depends on N through the sets' laws (" +
             (other.empty() ? std::string("no other N run") : other) + ")";
  return r;
}

}  // namespace syninfo::validation::detail
