// The estimators of the true information for the Python module: KSG mutual
// information, KSG conditional mutual information, Kozachenko-Leonenko
// entropy, and the model's true information, with the field names of
// `syninfo ksg`, `syninfo cmi`, `syninfo entropy` and `syninfo truth`.
#pragma once
#include "syninfo/estimators/kozachenko_leonenko.hpp"
#include "syninfo/estimators/ksg.hpp"
#include "syninfo/estimators/ksg_conditional.hpp"
#include "syninfo/estimators/permutation_test.hpp"
#include "syninfo/json.hpp"
#include "syninfo/truth/true_information.hpp"

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>

namespace syninfo::python {

namespace py = pybind11;

// Samples as an N x d matrix: a 2-D array, or a 1-D array as one column.
// Throws InvalidInput (dimension_mismatch) naming `name` otherwise.
Eigen::MatrixXd sample_matrix(const py::array_t<double, py::array::forcecast>& a, const std::string& name);

// permutation.permutations == 0: no test (no p_value field), as for cmi_result.
py::dict ksg_result(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const estimators::KsgOptions& options,
                    const estimators::PermutationOptions& permutation);
// permutation.permutations == 0: no test (no p_value field).
py::dict cmi_result(const Eigen::MatrixXd& x, const Eigen::MatrixXd& y, const Eigen::MatrixXd& z,
                    const estimators::CmiOptions& options, const estimators::PermutationOptions& permutation);
py::dict kl_entropy_result(const Eigen::MatrixXd& x, const estimators::KlOptions& options);

// method: "auto" (the one that gives `best`: quadrature for one synapse,
// smc otherwise), or as `syninfo truth --method`: all, ksg, cmc, smc, quadrature.
py::dict true_information_result(const json::Value& spec, const std::string& method, truth::TruthOptions options);

}  // namespace syninfo::python
