// The compiled part of the Python package `syninfo` (syninfo/__init__.py
// wraps it): the library's closed form, estimators and spec reader, with
// invalid input raised as syninfo.InvalidInput (a ValueError) carrying the
// CLI's kind and location.
#include "audit_check.hpp"
#include "closed_form.hpp"
#include "convert.hpp"
#include "estimators.hpp"

#include "syninfo/model.hpp"
#include "syninfo/spec.hpp"

#include <pybind11/stl.h>

namespace py = pybind11;
using namespace syninfo;

namespace {

PyObject* invalid_input_type = nullptr;

// Raises InvalidInput(message) with .kind and .where set.
void raise_invalid_input(const std::string& message, py::object kind, const std::string& where) {
  py::handle type(invalid_input_type);
  py::object instance = type(message);
  instance.attr("kind") = std::move(kind);
  instance.attr("where") = where;
  PyErr_SetObject(invalid_input_type, instance.ptr());
}

// The messages read like the CLI's after "syninfo <command>: ".
void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const InvalidInput& e) {
    raise_invalid_input(std::string("invalid input (") + to_string(e.kind()) + "): " + e.what(), py::str(to_string(e.kind())),
                        e.where());
  } catch (const json::ParseError& e) {
    raise_invalid_input(e.what(), py::str("malformed"), "");
  } catch (const std::invalid_argument& e) {
    raise_invalid_input(std::string("invalid input: ") + e.what(), py::none(), "");
  }
}

Precision precision_of(const std::string& text) {
  try {
    return parse_precision(text);
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("precision: ") + e.what());
  }
}

MiOptions mi_options(const std::string& pd_policy, double repair_floor) {
  MiOptions o;
  if (pd_policy == "nearest-pd") o.policy = PdPolicy::nearest_pd;
  else if (pd_policy != "report") throw std::invalid_argument("pd_policy must be report or nearest-pd, got '" + pd_policy + "'");
  if (!(repair_floor >= 1e-30 && repair_floor <= 1e-1)) throw std::invalid_argument("repair_floor must lie in [1e-30, 0.1]");
  o.repair_floor = repair_floor;
  return o;
}

py::list closed_form_specs(const py::list& specs, const std::string& precision, const std::string& pd_policy,
                           double repair_floor, unsigned threads) {
  std::vector<json::Value> values;
  for (std::size_t i = 0; i < specs.size(); ++i)
    values.push_back(python::to_json(specs[i], specs.size() == 1 ? "" : "problems[" + std::to_string(i) + "]"));
  return python::closed_form_results(values, precision_of(precision), mi_options(pd_policy, repair_floor), threads);
}

}  // namespace

PYBIND11_MODULE(_syninfo, m) {
  m.doc() = "syninfo's compiled core (use the syninfo package)";
  invalid_input_type = PyErr_NewException("syninfo.InvalidInput", PyExc_ValueError, nullptr);
  m.add_object("InvalidInput", py::handle(invalid_input_type));
  py::register_exception_translator(&translate);

  m.def("closed_form_specs", &closed_form_specs, py::arg("specs"), py::arg("precision"), py::arg("pd_policy"),
        py::arg("repair_floor"), py::arg("threads"));
  m.def(
      "expand_spec",
      [](const py::object& spec, const std::string& precision) {
        return python::from_json(python::expanded_spec(python::to_json(spec, ""), precision_of(precision)));
      },
      py::arg("spec"), py::arg("precision"));
  m.def(
      "ksg",
      [](const py::array_t<double, py::array::forcecast>& x, const py::array_t<double, py::array::forcecast>& y, int k,
         int algorithm, double noise, std::uint64_t seed, bool copula, std::size_t blocks, unsigned threads,
         bool normalise, long long permutations) {
        if (permutations < 0) throw std::invalid_argument("permutations must be >= 0 (0: no test)");
        estimators::KsgOptions o;
        o.k = k;
        o.algorithm = algorithm;
        o.noise = noise;
        o.seed = seed;
        o.copula = copula;
        o.normalise = normalise;
        o.blocks = blocks;
        o.threads = threads;
        estimators::PermutationOptions p;
        p.permutations = static_cast<std::size_t>(permutations);
        p.seed = seed;
        p.threads = threads;
        return python::ksg_result(python::sample_matrix(x, "X"), python::sample_matrix(y, "Y"), o, p);
      },
      py::arg("x"), py::arg("y"), py::arg("k"), py::arg("algorithm"), py::arg("noise"), py::arg("seed"),
      py::arg("copula"), py::arg("blocks"), py::arg("threads"), py::arg("normalise"), py::arg("permutations"));
  m.def(
      "cmi",
      [](const py::array_t<double, py::array::forcecast>& x, const py::array_t<double, py::array::forcecast>& y,
         const py::array_t<double, py::array::forcecast>& z, int k, long long permutations,
         std::size_t shuffle_neighbours, std::uint64_t seed, std::size_t blocks, unsigned threads, bool normalise) {
        estimators::CmiOptions o;
        o.k = k;
        o.normalise = normalise;
        o.seed = seed;
        o.blocks = blocks;
        o.threads = threads;
        if (permutations < 0) throw std::invalid_argument("permutations must be >= 0 (0: no test)");
        estimators::PermutationOptions p;
        p.permutations = static_cast<std::size_t>(permutations);
        p.neighbours = shuffle_neighbours;
        p.seed = seed;
        p.threads = threads;
        return python::cmi_result(python::sample_matrix(x, "X"), python::sample_matrix(y, "Y"),
                                  python::sample_matrix(z, "Z"), o, p);
      },
      py::arg("x"), py::arg("y"), py::arg("z"), py::arg("k"), py::arg("permutations"), py::arg("shuffle_neighbours"),
      py::arg("seed"), py::arg("blocks"), py::arg("threads"), py::arg("normalise"));
  m.def(
      "kl_entropy",
      [](const py::array_t<double, py::array::forcecast>& x, int k, const std::string& norm, std::size_t blocks,
         std::uint64_t seed, unsigned threads) {
        estimators::KlOptions o;
        o.k = k;
        if (norm == "max") o.norm = estimators::Norm::max;
        else if (norm == "euclidean") o.norm = estimators::Norm::euclidean;
        else throw std::invalid_argument("norm must be max or euclidean, got '" + norm + "'");
        o.blocks = blocks;
        o.seed = seed;
        o.threads = threads;
        return python::kl_entropy_result(python::sample_matrix(x, "X"), o);
      },
      py::arg("x"), py::arg("k"), py::arg("norm"), py::arg("blocks"), py::arg("seed"), py::arg("threads"));
  m.def(
      "true_information",
      [](const py::object& spec, const std::string& method, std::size_t samples, std::uint64_t seed, int k,
         std::size_t smc_samples, unsigned threads) {
        truth::TruthOptions o;
        o.samples = samples;
        o.seed = seed;
        o.k = k;
        o.smc_samples = smc_samples;
        o.threads = threads;
        return python::true_information_result(python::to_json(spec, ""), method, o);
      },
      py::arg("spec"), py::arg("method"), py::arg("samples"), py::arg("seed"), py::arg("k"), py::arg("smc_samples"),
      py::arg("threads"));
  m.def(
      "audit",
      [](const py::object& spec, const std::string& precision, std::size_t samples, std::size_t inner,
         std::size_t smc_samples, std::size_t particles, std::uint64_t seed, const std::string& pd_policy,
         double repair_floor, unsigned threads) {
        // The ranges of `syninfo audit`'s options.
        if (samples < 100 || inner < 4 || smc_samples < 100 || particles < 2)
          throw std::invalid_argument("audit needs samples >= 100, inner >= 4, smc_samples >= 100, particles >= 2");
        audit::AuditOptions o;
        o.samples = samples;
        o.inner = inner;
        o.smc_samples = smc_samples;
        o.smc_particles = particles;
        o.seed = seed;
        o.threads = threads;
        o.mi = mi_options(pd_policy, repair_floor);
        return python::audit_result(python::to_json(spec, ""), precision, o);
      },
      py::arg("spec"), py::arg("precision"), py::arg("samples"), py::arg("inner"), py::arg("smc_samples"),
      py::arg("particles"), py::arg("seed"), py::arg("pd_policy"), py::arg("repair_floor"), py::arg("threads"));
  m.def("check_reference", &python::check_reference_result, py::arg("results"), py::arg("reference"), py::arg("rtol"),
        py::arg("atol"), py::arg("threads"));
}
