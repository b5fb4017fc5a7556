#include "syninfo/simulation/settings.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace syninfo::simulation {

namespace {

template <class E, std::size_t K>
E enum_from_string(const std::string& name, const char* what, const E (&values)[K]) {
  std::string accepted;
  for (E v : values) {
    if (name == to_string(v)) return v;
    accepted += std::string(accepted.empty() ? "" : ", ") + to_string(v);
  }
  throw std::invalid_argument(std::string(what) + " must be one of " + accepted + ", got \"" + name + "\"");
}

}  // namespace

const char* to_string(Membership m) {
  switch (m) {
    case Membership::random_pairs: return "random_pairs";
    case Membership::subset_pairs: return "subset_pairs";
    case Membership::all_pairs_of_subset: return "all_pairs_of_subset";
    case Membership::connected: return "connected";
  }
  return "unknown";
}
const char* to_string(SizeLaw s) {
  switch (s) {
    case SizeLaw::uniform: return "uniform";
    case SizeLaw::balanced: return "balanced";
    case SizeLaw::nested: return "nested";
  }
  return "unknown";
}
const char* to_string(Set3Combination c) {
  switch (c) {
    case Set3Combination::sum: return "sum";
    case Set3Combination::scaled_exchangeable: return "scaled_exchangeable";
    case Set3Combination::random_only: return "random_only";
  }
  return "unknown";
}
const char* to_string(EigenPositivity e) {
  switch (e) {
    case EigenPositivity::absolute: return "absolute";
    case EigenPositivity::reject: return "reject";
    case EigenPositivity::floor: return "floor";
  }
  return "unknown";
}

Membership membership_from_string(const std::string& name) {
  return enum_from_string(name, "membership",
                          {Membership::random_pairs, Membership::subset_pairs, Membership::all_pairs_of_subset,
                           Membership::connected});
}
SizeLaw size_law_from_string(const std::string& name) {
  return enum_from_string(name, "size_law", {SizeLaw::uniform, SizeLaw::balanced, SizeLaw::nested});
}
Set3Combination set3_combination_from_string(const std::string& name) {
  return enum_from_string(name, "set3_combination",
                          {Set3Combination::sum, Set3Combination::scaled_exchangeable, Set3Combination::random_only});
}
EigenPositivity eigen_positivity_from_string(const std::string& name) {
  return enum_from_string(name, "eigen_positivity",
                          {EigenPositivity::absolute, EigenPositivity::reject, EigenPositivity::floor});
}

std::string short_number(double x) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6g", x);
  return buffer;
}

namespace {

std::string list_text(const std::vector<std::size_t>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
  return "{" + out + "}";
}

std::string size_law_text(const RandomSetSettings& r) {
  const std::string range = "{" + std::to_string(r.min_synapses) + ".." + std::to_string(r.max_synapses) + "}";
  switch (r.size_law) {
    case SizeLaw::uniform: return "uniform on " + range;
    case SizeLaw::balanced: return "each of " + range + " in turn (sample i has min + i mod " + std::to_string(r.size_count()) + ")";
    case SizeLaw::nested: break;
  }
  return "nested: blocks of " + std::to_string(r.size_count()) + " samples share one problem and grow one ensemble through " + range;
}

std::string membership_text(const RandomSetSettings& r) {
  std::string law;
  switch (r.membership) {
    case Membership::random_pairs: law = "n distinct unordered pairs, uniformly"; break;
    case Membership::subset_pairs:
      law = "n distinct pairs among a random subset of " + std::to_string(r.effective_subset_neurons()) + " neurons";
      break;
    case Membership::all_pairs_of_subset: law = "the pairs of the smallest random neuron subset that holds n, in random order"; break;
    case Membership::connected: law = "grown one synapse at a time, each new one sharing a neuron with the ensemble"; break;
  }
  return law + (r.self_connections ? ", self-connections allowed" : ", no self-connections");
}

std::string set3_text(const RandomSetSettings& r) {
  switch (r.set3_combination) {
    case Set3Combination::sum: break;
    case Set3Combination::scaled_exchangeable: return "S^mu = c^mu sigma2((1-rho) I + rho 11') + Q^mu D^mu Q^mu'";
    case Set3Combination::random_only: return "S^mu = c^mu Q^mu D^mu Q^mu' (no exchangeable part)";
  }
  return "S^mu = sigma2((1-rho) I + rho 11') + c^mu Q^mu D^mu Q^mu'";
}

std::string eigen_text(const RandomSetSettings& r) {
  const std::string normal = "Normal(" + short_number(r.eigen_mean) + ", " + short_number(r.eigen_sd) + ")";
  switch (r.eigen_positivity) {
    case EigenPositivity::absolute: break;
    case EigenPositivity::reject: return "diag(" + normal + " truncated to (0, inf) by rejection)";
    case EigenPositivity::floor: return "diag(max(" + normal + ", " + short_number(r.eigen_floor) + "))";
  }
  return "diag(|" + normal + "|)";
}

// The valid bound -1/(N-1) is named when it applies; a configured rho_low
// below it says that it was raised.
std::string rho_text(const RandomSetSettings& r) {
  const std::string high = short_number(r.rho_high), low = short_number(r.effective_rho_low());
  if (r.effective_rho_low() > r.rho_low || r.rho_low == -1.0) {
    std::string text = "uniform on [-1/(N-1), " + high + "] = [" + low + ", " + high + "]";
    if (r.rho_low != -1.0 && r.effective_rho_low() > r.rho_low)
      text += " (rho_low " + short_number(r.rho_low) + " raised to the valid bound)";
    return text;
  }
  return "uniform on [" + low + ", " + high + "]";
}

}  // namespace

std::vector<ParameterRow> parameter_table(const RandomSetSettings& r, const CurveSettings& c,
                                          const RandomSetSettings& default_random, const CurveSettings& default_curves) {
  std::vector<ParameterRow> rows = parameter_table(r, c);
  const std::vector<ParameterRow> defaults = parameter_table(default_random, default_curves);
  for (std::size_t i = 0; i < rows.size() && i < defaults.size(); ++i) {
    if (rows[i].value == defaults[i].value) continue;
    rows[i].reason = "set by the configuration; default " + defaults[i].value + " (" + defaults[i].source + ": " +
                     defaults[i].reason + ")";
    rows[i].source = "configured";
  }
  return rows;
}

std::vector<ParameterRow> parameter_table(const RandomSetSettings& r, const CurveSettings& c) {
  const std::string paper = "paper", lost = "lost: default";
  const std::string n_text = std::to_string(r.neurons);
  std::vector<ParameterRow> rows{
      {"N (sets 2, 3)", n_text, lost,
       "ground truth by smc needs the ensemble's incidence vectors e_a independent (n <= |J| <= N); 20 random "
       "synapses among 64 neurons are independent in about 96% of draws, and the set-3 N x N covariances stay cheap; "
       "C7 recomputes at N/2 and 2N"},
      {"P (sets 2, 3)", "uniform on {" + std::to_string(r.min_patterns) + ".." + std::to_string(r.max_patterns) + "}",
       paper, "Methods 5.1"},
      {"n, ensemble size (sets 2, 3)", size_law_text(r), lost,
       "the paper's Fig. 4 reaches interactions of 19th order, i.e. ensembles of up to 20 synapses"},
      {"ensemble membership", membership_text(r), lost, "a Hopfield network has no self-connections W_ii"},
      {"pattern k", "uniform on the P patterns", paper, "Results 3.1: a pattern randomly chosen from all patterns"},
      {"means m^mu", "each component uniform on [" + short_number(r.mean_low) + ", " + short_number(r.mean_high) + "]",
       paper, "Methods 5.1"},
      {"sigma2", "|Normal(0, 1)|, one per sample", paper, "Methods 5.1"},
      {"rho", rho_text(r), lost, "the range is lost; the exchangeable matrix's whole valid range"},
      {"set 2 covariance",
       "sigma2((1-rho) I + rho 11') + s B B', B standard normal N x " +
           (r.bb_columns > 0 ? std::to_string(r.bb_columns) : std::string("N")) + ", shared by all patterns",
       paper, "Methods 5.1 (B's shape is lost: square)"},
      {"set 2 scale s of B B'", r.bb_scale > 0.0 ? short_number(r.bb_scale) : "1/N = " + short_number(1.0 / static_cast<double>(r.neurons)),
       lost, "diag(B B')/N is about 1, the scale of sigma2, so neither part dominates (the paper's stated aim)"},
      {"set 3 covariance", set3_text(r), lost,
       "how the parts combine is lost; a sum, like set 2; sigma2 and rho shared by the sample's patterns, Q, D, c "
       "drawn per pattern (each pattern has its own covariance)"},
      {"set 3 Q", "Q of the QR decomposition of an N x N standard normal matrix (R's diagonal made positive: Haar)",
       paper, "Methods 5.1"},
      {"set 3 D", eigen_text(r), paper,
       "Methods 5.1 says positive eigenvalues from this normal; taking |.| (not rejection) is ours"},
      {"set 3 c", "uniform on [0, " + short_number(r.factor_high) + "], per pattern", paper, "Methods 5.1"},
      {"N (set 1)", std::to_string(c.neurons), lost, "same as sets 2, 3; set 1 does not depend on N (C7 check)"},
      {"set 1 example", "means uniform on [-1, 1] drawn once; pattern k = first; a fixed random synapse sequence",
       paper, "Results 3: an example set of synaptic connections and pattern mean values"},
      {"Fig. 2A/B curves P", list_text(c.fig2_patterns), lost, "the paper says curves for P from 2 to 30"},
      {"Fig. 2A rho", short_number(c.fig2a_rho), lost, "a middle value of the valid range"},
      {"Fig. 2B sigma2", short_number(c.fig2b_sigma2), lost, "the median scale of set 2's |Normal(0,1)| law is 0.67; 1 is a round value"},
      {"Fig. 3A/B P", std::to_string(c.fig3_patterns), lost, "a middle value of the Fig. 2 curves"},
      {"Fig. 3A rho", short_number(c.fig3a_rho), lost, "as Fig. 2A"},
      {"Fig. 3B sigma2", short_number(c.fig3b_sigma2), lost, "as Fig. 2B"},
      {"Fig. 3A/B ensemble sizes", list_text(c.fig3_sizes), lost,
       "the paper reports failures from about 5 synapses; sizes up to 10 show them"},
      {"sigma2 grid", std::to_string(c.grid_points) + " log-spaced values in [" + short_number(c.sigma2_low) + ", " +
                          short_number(c.sigma2_high) + "]",
       lost, "covers the bulk of |Normal(0, 1)| and its tail"},
      {"rho grid", std::to_string(c.grid_points) + " values in [" + short_number(c.rho_low) + ", " + short_number(c.rho_high) + "]",
       lost, "rho = 1 makes S singular; below 0 the valid range ends at -1/(N-1), about -0.016 at N = 64"},
  };
  return rows;
}

}  // namespace syninfo::simulation
