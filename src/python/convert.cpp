#include "convert.hpp"

#include "syninfo/model.hpp"

#include <pybind11/numpy.h>

#include <charconv>
#include <cmath>

namespace syninfo::python {
namespace {

std::string shortest_text(double x) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

// A float as the spec reader sees it: finite values as decimal text, NaN and
// infinities as the words the reader rejects by name (kind non_finite).
json::Value float_json(double x) {
  if (std::isnan(x)) return json::Value::string("nan");
  if (std::isinf(x)) return json::Value::string(x > 0 ? "inf" : "-inf");
  return json::Value::number_text(shortest_text(x));
}

json::Value array_json(const py::array& a, const std::string& where) {
  const char kind = a.dtype().kind();
  if (kind == 'O' || kind == 'U' || kind == 'S') {
    // Elements are Python objects (e.g. decimal strings): recurse via lists.
    return to_json(a.attr("tolist")(), where);
  }
  if (kind != 'f' && kind != 'i' && kind != 'u' && kind != 'b')
    throw InvalidInput(InputErrorKind::malformed, where, "unsupported numpy dtype '" + std::string(py::str(a.dtype())) + "'");
  if (a.ndim() == 0) return to_json(a.attr("item")(), where);
  json::Value out = json::Value::array();
  const auto n = a.shape(0);
  for (py::ssize_t i = 0; i < n; ++i) out.push(to_json(a[py::int_(i)], where));
  return out;
}

}  // namespace

json::Value to_json(py::handle value, const std::string& where) {
  if (value.is_none()) return json::Value();
  if (py::isinstance<py::bool_>(value)) return json::Value::boolean(value.cast<bool>());
  if (py::isinstance<py::str>(value)) return json::Value::string(value.cast<std::string>());
  if (py::isinstance<py::float_>(value)) return float_json(value.cast<double>());
  if (py::isinstance<py::int_>(value)) return json::Value::number_text(py::str(value).cast<std::string>());
  if (py::isinstance<py::array>(value)) return array_json(py::reinterpret_borrow<py::array>(value), where);
  if (py::isinstance<py::dict>(value)) {
    json::Value out = json::Value::object();
    for (auto item : py::reinterpret_borrow<py::dict>(value)) {
      if (!py::isinstance<py::str>(item.first))
        throw InvalidInput(InputErrorKind::malformed, where, "dictionary keys must be strings");
      const std::string key = item.first.cast<std::string>();
      out.set(key, to_json(item.second, where.empty() ? key : where + "." + key));
    }
    return out;
  }
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    json::Value out = json::Value::array();
    for (auto item : value) out.push(to_json(item, where));
    return out;
  }
  // numpy scalars and other numbers.
  const py::module_ numbers = py::module_::import("numbers");
  if (py::isinstance(value, numbers.attr("Integral"))) return json::Value::number_text(py::str(py::reinterpret_borrow<py::object>(value).attr("__index__")()).cast<std::string>());
  if (py::isinstance(value, numbers.attr("Real"))) return float_json(py::reinterpret_borrow<py::object>(value).attr("__float__")().cast<double>());
  throw InvalidInput(InputErrorKind::malformed, where,
                     "cannot read a value of Python type '" + std::string(py::str(value.get_type().attr("__name__"))) + "'");
}

py::object from_json(const json::Value& value) {
  switch (value.type()) {
    case json::Value::Type::null: return py::none();
    case json::Value::Type::boolean: return py::bool_(value.as_bool());
    case json::Value::Type::number: {
      const std::string& t = value.as_number_text();
      if (t.find_first_of(".eE") == std::string::npos) return py::int_(py::str(t));
      return py::float_(std::stod(t));
    }
    case json::Value::Type::string: return py::str(value.as_string());
    case json::Value::Type::array: {
      py::list out;
      for (const auto& item : value.as_array()) out.append(from_json(item));
      return out;
    }
    case json::Value::Type::object: {
      py::dict out;
      for (const auto& [key, item] : value.as_object()) out[py::str(key)] = from_json(item);
      return out;
    }
  }
  return py::none();
}

}  // namespace syninfo::python
