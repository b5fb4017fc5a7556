// A small JSON value, parser and printer.
//
// Numbers are kept as their decimal text so that callers can read them exactly
// at any precision (see decimal.hpp); nothing passes through a double unless a
// caller asks for one. Object keys keep their order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace syninfo::json {

class ParseError : public std::runtime_error {
 public:
  ParseError(std::size_t line, std::size_t column, const std::string& what)
      : std::runtime_error("JSON syntax error at line " + std::to_string(line) + ", column " +
                           std::to_string(column) + ": " + what),
        line_(line), column_(column) {}
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }

 private:
  std::size_t line_, column_;
};

class Value {
 public:
  enum class Type { null, boolean, number, string, array, object };
  using Array = std::vector<Value>;
  using Object = std::vector<std::pair<std::string, Value>>;

  Value() = default;  // null
  static Value boolean(bool b);
  static Value number_text(std::string decimal_text);  // text must be a JSON number
  static Value number(double x);                       // throws std::domain_error if not finite
  static Value number(long long x);
  static Value number(unsigned long long x);
  static Value number(int x) { return number(static_cast<long long>(x)); }
  static Value number(unsigned x) { return number(static_cast<unsigned long long>(x)); }
  static Value number(unsigned long x) { return number(static_cast<unsigned long long>(x)); }
  static Value number(long x) { return number(static_cast<long long>(x)); }
  static Value string(std::string s);
  static Value array(Array items = {});
  static Value object(Object members = {});

  Type type() const noexcept { return type_; }
  bool is_null() const noexcept { return type_ == Type::null; }
  bool is_bool() const noexcept { return type_ == Type::boolean; }
  bool is_number() const noexcept { return type_ == Type::number; }
  bool is_string() const noexcept { return type_ == Type::string; }
  bool is_array() const noexcept { return type_ == Type::array; }
  bool is_object() const noexcept { return type_ == Type::object; }

  // Accessors throw std::logic_error on a type mismatch; callers that read
  // user input check the type first and report where the mismatch is.
  bool as_bool() const;
  const std::string& as_number_text() const;
  const std::string& as_string() const;
  const Array& as_array() const;
  Array& as_array();
  const Object& as_object() const;
  Object& as_object();

  // Object access: find returns nullptr when absent.
  const Value* find(std::string_view key) const;
  // Sets (or replaces) a member of an object and returns *this for chaining.
  Value& set(std::string key, Value v);
  // Appends to an array.
  Value& push(Value v);

  // indent < 0: compact single line; otherwise pretty with that many spaces.
  std::string dump(int indent = 2) const;

 private:
  void dump_to(std::string& out, int indent, int depth) const;
  Type type_ = Type::null;
  bool bool_ = false;
  std::string text_;  // number text or string contents
  Array array_;
  Object object_;
};

Value parse(std::string_view text);

// The first path (from `path`: "config.a.b[2]") where two values differ, or
// "" when they are equal. Objects are compared key by key (an extra or
// missing key is a difference), arrays item by item, anything else by its
// compact text.
std::string difference_path(const Value& a, const Value& b, const std::string& path);

// Human name of a type, for error messages ("expected array, got string").
const char* type_name(Value::Type t);

// Raw input bytes made safe to print in a one-line message: valid UTF-8 and
// printable ASCII are kept; control characters (CR, LF, NUL, ...), DEL and
// every byte of an invalid UTF-8 sequence are shown as \xNN.
std::string printable(std::string_view raw);

}  // namespace syninfo::json
