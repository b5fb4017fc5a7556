#include "syninfo/qd_scalar.hpp"

#include "syninfo/spec.hpp"

#include "syninfo/decimal.hpp"
#include "syninfo/random.hpp"

#include <fstream>
#include <initializer_list>
#include <limits>
#include <sstream>

namespace syninfo {

namespace {

// Memory cap of a generated pattern list (its P covariance matrices).
constexpr std::size_t kMaxGeneratedBytes = std::size_t{1} << 30;

[[noreturn]] void malformed(const std::string& where, const std::string& what) {
  throw InvalidInput(InputErrorKind::malformed, where, what);
}

const json::Value& require(const json::Value& obj, const char* key, const std::string& where) {
  const json::Value* v = obj.find(key);
  if (!v) malformed(where, std::string("missing field \"") + key + "\"");
  return *v;
}

// Every key of an object must be one of `allowed`; an unknown one (a typo
// that would silently fall back to a default) is named by its JSON path.
void reject_unknown_fields(const json::Value& obj, const std::string& where, std::initializer_list<const char*> allowed) {
  for (const auto& [key, _] : obj.as_object()) {
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (known) continue;
    std::string expected;
    for (const char* a : allowed) expected += (expected.empty() ? "" : ", ") + std::string(a);
    malformed(where + "." + key, "unknown field \"" + key + "\" (expected " + expected + ")");
  }
}

void require_type(const json::Value& v, json::Value::Type type, const std::string& where) {
  if (v.type() != type)
    malformed(where, std::string("expected ") + json::type_name(type) + ", got " + json::type_name(v.type()));
}

// A number given as a JSON number or as a string holding decimal text.
template <class T>
T read_number(const json::Value& v, const std::string& where) {
  std::string text;
  if (v.is_number()) {
    text = v.as_number_text();
  } else if (v.is_string()) {
    text = v.as_string();
    if (!is_decimal_number(text)) {
      if (text == "nan" || text == "NaN" || text == "inf" || text == "-inf" || text == "Infinity" || text == "-Infinity")
        throw InvalidInput(InputErrorKind::non_finite, where, "'" + text + "' is not a finite number");
      malformed(where, "'" + text + "' is not a decimal number");
    }
  } else {
    malformed(where, std::string("expected a number or a decimal string, got ") + json::type_name(v.type()));
  }
  try {
    return from_decimal<T>(text);
  } catch (const std::range_error&) {
    throw InvalidInput(InputErrorKind::non_finite, where, "'" + text + "' is outside the range of the working precision");
  }
}

std::size_t read_index(const json::Value& v, const std::string& where) {
  if (!v.is_number()) malformed(where, std::string("expected a non-negative integer, got ") + json::type_name(v.type()));
  const std::string& t = v.as_number_text();
  if (t.empty() || t.find_first_not_of("0123456789") != std::string::npos)
    malformed(where, "expected a non-negative integer, got " + t);
  if (t.size() > 15) throw InvalidInput(InputErrorKind::index_out_of_range, where, "index " + t + " is far too large");
  return static_cast<std::size_t>(std::stoull(t));
}

template <class T>
Vector<T> read_vector(const json::Value& v, const std::string& where) {
  require_type(v, json::Value::Type::array, where);
  const auto& a = v.as_array();
  Vector<T> out(static_cast<Eigen::Index>(a.size()));
  for (std::size_t i = 0; i < a.size(); ++i) out(static_cast<Eigen::Index>(i)) = read_number<T>(a[i], where + "[" + std::to_string(i) + "]");
  return out;
}

template <class T>
Matrix<T> read_matrix(const json::Value& v, const std::string& where) {
  require_type(v, json::Value::Type::array, where);
  const auto& rows = v.as_array();
  const std::size_t n = rows.size();
  Matrix<T> out(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(n));
  for (std::size_t r = 0; r < n; ++r) {
    const std::string rw = where + "[" + std::to_string(r) + "]";
    require_type(rows[r], json::Value::Type::array, rw);
    const auto& row = rows[r].as_array();
    if (row.size() != n)
      throw InvalidInput(InputErrorKind::dimension_mismatch, rw,
                         "has " + std::to_string(row.size()) + " entries; a square " + std::to_string(n) + "x" +
                             std::to_string(n) + " matrix is required");
    for (std::size_t c = 0; c < n; ++c)
      out(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = read_number<T>(row[c], rw + "[" + std::to_string(c) + "]");
  }
  return out;
}

template <class T>
Patterns<T> read_patterns(const json::Value& v) {
  require_type(v, json::Value::Type::array, "patterns");
  Patterns<T> out;
  const auto& list = v.as_array();
  for (std::size_t mu = 0; mu < list.size(); ++mu) {
    const std::string where = "patterns[" + std::to_string(mu) + "]";
    require_type(list[mu], json::Value::Type::object, where);
    reject_unknown_fields(list[mu], where, {"mean", "cov"});
    Pattern<T> p;
    p.mean = read_vector<T>(require(list[mu], "mean", where), where + ".mean");
    p.cov = read_matrix<T>(require(list[mu], "cov", where), where + ".cov");
    out.list.push_back(std::move(p));
  }
  return out;
}

// The "generate" block: means uniform in [low, high] drawn from Rng(seed, mu)
// (53-bit dyadic fractions, so every precision sees the same draw), and one
// covariance for all patterns.
template <class T>
Patterns<T> generate_patterns(const json::Value& g) {
  const std::string where = "generate";
  require_type(g, json::Value::Type::object, where);
  reject_unknown_fields(g, where, {"N", "P", "seed", "mean", "cov"});
  const std::size_t n = read_index(require(g, "N", where), where + ".N");
  const std::size_t p = read_index(require(g, "P", where), where + ".P");
  if (n < 1) throw InvalidInput(InputErrorKind::dimension_mismatch, where + ".N", "must be at least 1");
  if (n > 4096) throw InvalidInput(InputErrorKind::dimension_mismatch, where + ".N", "is larger than 4096");
  if (p < 1) throw InvalidInput(InputErrorKind::no_patterns, where + ".P", "must be at least 1");
  if (p > 100000) throw InvalidInput(InputErrorKind::dimension_mismatch, where + ".P", "is larger than 100000");
  // Every pattern holds its own N x N covariance: the memory is P N^2 numbers
  // of the working precision, checked before anything is allocated.
  const double entries = static_cast<double>(p) * static_cast<double>(n) * static_cast<double>(n);
  const double limit = static_cast<double>(kMaxGeneratedBytes / sizeof(T));
  if (entries > limit)
    throw InvalidInput(InputErrorKind::dimension_mismatch, where,
                       "P x N^2 = " + std::to_string(p) + " x " + std::to_string(n) + "^2 = " +
                           std::to_string(static_cast<unsigned long long>(entries)) +
                           " covariance entries exceeds the limit of " +
                           std::to_string(static_cast<unsigned long long>(limit)) + " at this precision (" +
                           std::to_string(kMaxGeneratedBytes >> 20) + " MiB); lower P or N");
  std::uint64_t seed = 1;
  if (const auto* s = g.find("seed")) seed = read_index(*s, where + ".seed");
  T low = from_decimal<T>("-1"), high = from_decimal<T>("1");
  if (const auto* m = g.find("mean")) {
    require_type(*m, json::Value::Type::object, where + ".mean");
    reject_unknown_fields(*m, where + ".mean", {"low", "high"});
    if (const auto* l = m->find("low")) low = read_number<T>(*l, where + ".mean.low");
    if (const auto* h = m->find("high")) high = read_number<T>(*h, where + ".mean.high");
    if (high < low) malformed(where + ".mean", "high is below low");
  }
  const auto nn = static_cast<Eigen::Index>(n);
  Matrix<T> cov;
  const json::Value& c = require(g, "cov", where);
  require_type(c, json::Value::Type::object, where + ".cov");
  const json::Value& type = require(c, "type", where + ".cov");
  require_type(type, json::Value::Type::string, where + ".cov.type");
  if (type.as_string() == "exchangeable") {
    reject_unknown_fields(c, where + ".cov", {"type", "sigma2", "rho"});
    // S = sigma2 ((1 - rho) I + rho 11'), valid for -1/(N-1) <= rho <= 1.
    const T sigma2 = read_number<T>(require(c, "sigma2", where + ".cov"), where + ".cov.sigma2");
    const T rho = read_number<T>(require(c, "rho", where + ".cov"), where + ".cov.rho");
    if (sigma2 < 0) throw InvalidInput(InputErrorKind::covariance_not_psd, where + ".cov.sigma2", "must be >= 0");
    if (rho > 1 || (n > 1 && rho * T(static_cast<int>(n - 1)) < -1))
      throw InvalidInput(InputErrorKind::covariance_not_psd, where + ".cov.rho",
                         "must lie in [-1/(N-1), 1] for an exchangeable covariance");
    cov = Matrix<T>::Constant(nn, nn, sigma2 * rho);
    for (Eigen::Index a = 0; a < nn; ++a) cov(a, a) = sigma2;
  } else if (type.as_string() == "given") {
    reject_unknown_fields(c, where + ".cov", {"type", "matrix"});
    cov = read_matrix<T>(require(c, "matrix", where + ".cov"), where + ".cov.matrix");
    if (cov.rows() != nn)
      throw InvalidInput(InputErrorKind::dimension_mismatch, where + ".cov.matrix",
                         "is " + std::to_string(cov.rows()) + "x" + std::to_string(cov.rows()) + " but N = " + std::to_string(n));
  } else {
    malformed(where + ".cov.type", "unknown covariance type '" + type.as_string() + "' (expected exchangeable or given)");
  }
  Patterns<T> out;
  for (std::size_t mu = 0; mu < p; ++mu) {
    Rng rng(seed, mu);
    Pattern<T> pat;
    pat.mean.resize(nn);
    for (Eigen::Index a = 0; a < nn; ++a) pat.mean(a) = low + (high - low) * T(rng.uniform());
    pat.cov = cov;
    out.list.push_back(std::move(pat));
  }
  return out;
}

}  // namespace

json::Value read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InvalidInput(InputErrorKind::malformed, path, "cannot open file");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) throw InvalidInput(InputErrorKind::malformed, path, "cannot read file");
  return json::parse(buf.str());
}

template <class T>
Problem<T> problem_from_json(const json::Value& spec) {
  require_type(spec, json::Value::Type::object, "spec");
  for (const auto& [key, _] : spec.as_object())
    if (key != "patterns" && key != "generate" && key != "synapses" && key != "pattern" && key != "description" &&
        key != "id")
      malformed("spec", "unknown field \"" + key + "\" (expected patterns or generate, synapses, pattern)");
  Problem<T> problem;
  const json::Value* patterns = spec.find("patterns");
  const json::Value* generate = spec.find("generate");
  if (patterns && generate) malformed("spec", "give either \"patterns\" or \"generate\", not both");
  if (!patterns && !generate) malformed("spec", "missing field \"patterns\" (or a \"generate\" block)");
  problem.patterns = patterns ? read_patterns<T>(*patterns) : generate_patterns<T>(*generate);

  const json::Value& synapses = require(spec, "synapses", "spec");
  require_type(synapses, json::Value::Type::array, "synapses");
  const auto& list = synapses.as_array();
  for (std::size_t a = 0; a < list.size(); ++a) {
    const std::string where = "synapses[" + std::to_string(a) + "]";
    require_type(list[a], json::Value::Type::array, where);
    const auto& pair = list[a].as_array();
    if (pair.size() != 2) malformed(where, "expected a pair [i, j], got " + std::to_string(pair.size()) + " entries");
    problem.ensemble.push_back(Synapse{read_index(pair[0], where + "[0]"), read_index(pair[1], where + "[1]")});
  }
  problem.pattern = read_index(require(spec, "pattern", "spec"), "pattern");
  validate_problem(problem);
  return problem;
}

template <class T>
json::Value problem_to_json(const Problem<T>& problem) {
  json::Value patterns = json::Value::array();
  for (const auto& p : problem.patterns.list) {
    json::Value mean = json::Value::array();
    for (Eigen::Index a = 0; a < p.mean.size(); ++a) mean.push(json::Value::string(to_decimal(p.mean(a))));
    json::Value cov = json::Value::array();
    for (Eigen::Index a = 0; a < p.cov.rows(); ++a) {
      json::Value row = json::Value::array();
      for (Eigen::Index b = 0; b < p.cov.cols(); ++b) row.push(json::Value::string(to_decimal(p.cov(a, b))));
      cov.push(std::move(row));
    }
    patterns.push(json::Value::object().set("mean", std::move(mean)).set("cov", std::move(cov)));
  }
  json::Value synapses = json::Value::array();
  for (const auto& s : problem.ensemble)
    synapses.push(json::Value::array({json::Value::number(s.i), json::Value::number(s.j)}));
  return json::Value::object()
      .set("patterns", std::move(patterns))
      .set("synapses", std::move(synapses))
      .set("pattern", json::Value::number(problem.pattern));
}

template Problem<double> problem_from_json<double>(const json::Value&);
template Problem<float50> problem_from_json<float50>(const json::Value&);
template Problem<float100> problem_from_json<float100>(const json::Value&);
template json::Value problem_to_json<double>(const Problem<double>&);
template json::Value problem_to_json<float50>(const Problem<float50>&);
template json::Value problem_to_json<float100>(const Problem<float100>&);
template Problem<float50_qd> problem_from_json<float50_qd>(const json::Value&);
template json::Value problem_to_json<float50_qd>(const Problem<float50_qd>&);

}  // namespace syninfo
