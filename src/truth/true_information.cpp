#include "syninfo/truth/true_information.hpp"

#include "syninfo/estimators/ksg.hpp"
#include "syninfo/truth/conditional_monte_carlo.hpp"
#include "syninfo/truth/lognormal_sum_quadrature.hpp"
#include "syninfo/truth/model_sampling.hpp"

#include <Eigen/Eigenvalues>

#include <exception>

namespace syninfo::truth {
namespace {

// Exception texts start with the method's name; the note adds "skipped".
std::string skipped(const std::string& method, const std::string& what) {
  const std::string prefix = method + ": ";
  return method + " skipped: " + (what.rfind(prefix, 0) == 0 ? what.substr(prefix.size()) : what);
}

// Rank of a PSD matrix by eigenvalues above a relative tolerance, with the
// eigenvectors of the retained directions.
std::size_t numeric_rank(const Eigen::MatrixXd& s, Eigen::MatrixXd* basis = nullptr) {
  if (s.size() == 0) return 0;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(s);
  const double top = eig.eigenvalues().cwiseAbs().maxCoeff();
  std::vector<Eigen::Index> keep;
  for (Eigen::Index i = 0; i < s.rows(); ++i)
    if (top > 0.0 && eig.eigenvalues()(i) > 1e-10 * top) keep.push_back(i);
  if (basis) {
    basis->resize(s.rows(), static_cast<Eigen::Index>(keep.size()));
    for (std::size_t c = 0; c < keep.size(); ++c) basis->col(static_cast<Eigen::Index>(c)) = eig.eigenvectors().col(keep[c]);
  }
  return keep.size();
}

}  // namespace

TruthReport estimate_true_information(const Problem<double>& problem, const TruthOptions& options) {
  const std::vector<LogTerm> terms = log_terms(problem);  // validates
  TruthReport report;
  report.gaussian_channel = gaussian_channel_information(problem);
  const std::size_t n = problem.ensemble.size();
  const std::size_t k = problem.pattern;
  const bool single = terms.size() < 2;

  if (options.ksg) {
    if (single) {
      report.notes.push_back("ksg skipped: P = 1, the information is infinite");
    } else {
      const ModelSamples s = sample_model(problem, options.samples, options.seed, options.threads);
      const Eigen::MatrixXd& cov_t = terms[k].cov;
      const auto& j = s.touched;
      Eigen::MatrixXd s_jj(static_cast<Eigen::Index>(j.size()), static_cast<Eigen::Index>(j.size()));
      for (std::size_t a = 0; a < j.size(); ++a)
        for (std::size_t b = 0; b < j.size(); ++b)
          s_jj(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b)) =
              problem.patterns.list[k].cov(static_cast<Eigen::Index>(j[a]), static_cast<Eigen::Index>(j[b]));
      Eigen::MatrixXd basis;
      const std::size_t rank_t = numeric_rank(cov_t, &basis);
      const std::size_t rank_j = numeric_rank(s_jj);
      Eigen::MatrixXd y;
      if (rank_t == n && (n <= j.size() || rank_j < j.size())) {
        y = s.log_t;
        report.ksg_y = "ln T^k";
      } else if (rank_j == j.size() && j.size() < n) {
        y = s.y_touched;
        report.ksg_y = "y^k_J";
      } else if (rank_t > 0) {
        // Both degenerate: the coordinates of ln T^k on the principal
        // directions of its covariance are a one-to-one function of T^k.
        y = s.log_t * basis;
        report.ksg_y = "principal ln T^k";
        report.notes.push_back("ksg: ln T^k and y^k_J are both degenerate; used ln T^k projected on the " +
                               std::to_string(rank_t) + " principal directions of its covariance");
      }
      if (rank_t == 0) {
        report.notes.push_back("ksg skipped: T^k is a constant, the information is exactly 0");
      } else {
        report.ksg_y_columns = static_cast<std::size_t>(y.cols());
        estimators::KsgOptions ko;
        ko.k = options.k;
        ko.algorithm = 1;
        ko.threads = options.threads;
        ko.seed = options.seed;
        try {
          Estimate e = estimators::ksg_mutual_information(s.log_w, y, ko);
          e.method = "ksg1";
          report.estimates.push_back(e);
        } catch (const std::exception& ex) {
          report.notes.push_back(std::string("ksg failed: ") + ex.what());
        }
      }
    }
  }
  if (options.cmc) {
    try {
      CmcOptions co;
      co.outer = options.samples;
      co.inner = options.inner;
      co.seed = options.seed;
      co.threads = options.threads;
      const CmcMutualInformation r = cmc_mutual_information(problem, co);
      report.estimates.push_back(r.estimate);
      report.cmc_zero_density = r.h_w.zero_density + r.h_r.zero_density;
      report.cmc_bias_correction = r.bias_correction;
      if (report.cmc_zero_density > 0)
        report.notes.push_back("cmc: " + std::to_string(report.cmc_zero_density) +
                               " outer samples had zero estimated density and were left out");
    } catch (const CmcUnavailable& ex) {
      report.notes.push_back(skipped("cmc", ex.what()));
    }
  }
  if (options.quadrature) {
    if (n != 1) {
      report.notes.push_back("quadrature skipped: only for a single synapse");
    } else {
      try {
        report.estimates.push_back(quadrature_mutual_information(problem).estimate);
      } catch (const QuadratureUnavailable& ex) {
        report.notes.push_back(skipped("quadrature", ex.what()));
      }
    }
  }
  return report;
}

}  // namespace syninfo::truth
