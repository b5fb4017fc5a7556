#include "syninfo/json.hpp"

#include "syninfo/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace syninfo::json {

Value Value::boolean(bool b) {
  Value v;
  v.type_ = Type::boolean;
  v.bool_ = b;
  return v;
}

Value Value::number_text(std::string decimal_text) {
  if (!is_decimal_number(decimal_text)) throw std::invalid_argument("not a JSON number: '" + decimal_text + "'");
  Value v;
  v.type_ = Type::number;
  v.text_ = std::move(decimal_text);
  return v;
}

Value Value::number(double x) {
  if (!std::isfinite(x)) throw std::domain_error("JSON cannot hold a non-finite number");
  return number_text(to_decimal(x));
}

Value Value::number(long long x) { return number_text(std::to_string(x)); }
Value Value::number(unsigned long long x) { return number_text(std::to_string(x)); }

Value Value::string(std::string s) {
  Value v;
  v.type_ = Type::string;
  v.text_ = std::move(s);
  return v;
}

Value Value::array(Array items) {
  Value v;
  v.type_ = Type::array;
  v.array_ = std::move(items);
  return v;
}

Value Value::object(Object members) {
  Value v;
  v.type_ = Type::object;
  v.object_ = std::move(members);
  return v;
}

namespace {
[[noreturn]] void mismatch(Value::Type want, Value::Type got) {
  throw std::logic_error(std::string("JSON value is ") + type_name(got) + ", expected " + type_name(want));
}
}  // namespace

bool Value::as_bool() const {
  if (type_ != Type::boolean) mismatch(Type::boolean, type_);
  return bool_;
}
const std::string& Value::as_number_text() const {
  if (type_ != Type::number) mismatch(Type::number, type_);
  return text_;
}
const std::string& Value::as_string() const {
  if (type_ != Type::string) mismatch(Type::string, type_);
  return text_;
}
const Value::Array& Value::as_array() const {
  if (type_ != Type::array) mismatch(Type::array, type_);
  return array_;
}
Value::Array& Value::as_array() {
  if (type_ != Type::array) mismatch(Type::array, type_);
  return array_;
}
const Value::Object& Value::as_object() const {
  if (type_ != Type::object) mismatch(Type::object, type_);
  return object_;
}
Value::Object& Value::as_object() {
  if (type_ != Type::object) mismatch(Type::object, type_);
  return object_;
}

const Value* Value::find(std::string_view key) const {
  if (type_ != Type::object) return nullptr;
  for (const auto& [k, v] : object_)
    if (k == key) return &v;
  return nullptr;
}

Value& Value::set(std::string key, Value v) {
  if (type_ == Type::null) type_ = Type::object;
  if (type_ != Type::object) mismatch(Type::object, type_);
  for (auto& [k, existing] : object_) {
    if (k == key) {
      existing = std::move(v);
      return *this;
    }
  }
  object_.emplace_back(std::move(key), std::move(v));
  return *this;
}

Value& Value::push(Value v) {
  if (type_ == Type::null) type_ = Type::array;
  if (type_ != Type::array) mismatch(Type::array, type_);
  array_.push_back(std::move(v));
  return *this;
}

namespace {

void escape_to(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

void newline(std::string& out, int indent, int depth) {
  if (indent < 0) return;
  out += '\n';
  out.append(static_cast<std::size_t>(indent * depth), ' ');
}

}  // namespace

void Value::dump_to(std::string& out, int indent, int depth) const {
  switch (type_) {
    case Type::null: out += "null"; break;
    case Type::boolean: out += bool_ ? "true" : "false"; break;
    case Type::number: out += text_; break;
    case Type::string: escape_to(out, text_); break;
    case Type::array: {
      // Arrays of scalars stay on one line: matrices read as rows.
      bool scalars = true;
      for (const auto& v : array_) scalars = scalars && !v.is_array() && !v.is_object();
      out += '[';
      for (std::size_t i = 0; i < array_.size(); ++i) {
        if (i) out += scalars || indent < 0 ? ", " : ",";
        if (!scalars) newline(out, indent, depth + 1);
        array_[i].dump_to(out, indent, depth + 1);
      }
      if (!scalars && !array_.empty()) newline(out, indent, depth);
      out += ']';
      break;
    }
    case Type::object: {
      out += '{';
      for (std::size_t i = 0; i < object_.size(); ++i) {
        if (i) out += indent < 0 ? ", " : ",";
        newline(out, indent, depth + 1);
        escape_to(out, object_[i].first);
        out += ": ";
        object_[i].second.dump_to(out, indent, depth + 1);
      }
      if (!object_.empty()) newline(out, indent, depth);
      out += '}';
      break;
    }
  }
}

std::string Value::dump(int indent) const {
  std::string out;
  dump_to(out, indent, 0);
  return out;
}

const char* type_name(Value::Type t) {
  switch (t) {
    case Value::Type::null: return "null";
    case Value::Type::boolean: return "boolean";
    case Value::Type::number: return "number";
    case Value::Type::string: return "string";
    case Value::Type::array: return "array";
    case Value::Type::object: return "object";
  }
  return "unknown";
}

namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Value parse_document() {
    skip_space();
    Value v = parse_value(0);
    skip_space();
    if (pos_ != s_.size()) fail("unexpected text after the JSON value");
    return v;
  }

 private:
  static constexpr int max_depth = 256;  // deep nesting would exhaust the stack

  [[noreturn]] void fail(const std::string& what) const {
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < pos_ && i < s_.size(); ++i) {
      if (s_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw ParseError(line, column, what);
  }

  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }

  bool consume(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  void expect_word(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) fail("invalid literal");
    pos_ += word.size();
  }

  Value parse_value(int depth) {
    if (depth > max_depth) fail("nesting deeper than 256 levels");
    if (pos_ >= s_.size()) fail("unexpected end of input");
    const char c = s_[pos_];
    if (c == '{') return parse_object(depth);
    if (c == '[') return parse_array(depth);
    if (c == '"') return Value::string(parse_string());
    if (c == 't') { expect_word("true"); return Value::boolean(true); }
    if (c == 'f') { expect_word("false"); return Value::boolean(false); }
    if (c == 'n') { expect_word("null"); return Value(); }
    if (c == '-' || (c >= '0' && c <= '9')) return parse_number();
    fail("unexpected character '" + printable(std::string_view(&c, 1)) + "'");
  }

  Value parse_number() {
    const std::size_t start = pos_;
    consume('-');
    auto digits = [&] {
      const std::size_t d0 = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - d0;
    };
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (digits() == 0) {
      fail("invalid number");
    }
    if (consume('.') && digits() == 0) fail("invalid number: digits expected after '.'");
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (!consume('+')) consume('-');
      if (digits() == 0) fail("invalid number: digits expected in exponent");
    }
    return Value::number_text(std::string(s_.substr(start, pos_ - start)));
  }

  static void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  unsigned parse_hex4() {
    if (pos_ + 4 > s_.size()) fail("truncated \\u escape");
    unsigned cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
      else fail("invalid hex digit in \\u escape");
    }
    return cp;
  }

  std::string parse_string() {
    ++pos_;  // opening quote
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) fail("unterminated string");
      const char c = s_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) fail("unterminated escape");
      const char e = s_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned cp = parse_hex4();
          if (cp >= 0xD800 && cp < 0xDC00) {
            if (!(consume('\\') && consume('u'))) fail("unpaired surrogate in \\u escape");
            const unsigned lo = parse_hex4();
            if (lo < 0xDC00 || lo >= 0xE000) fail("invalid low surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp < 0xE000) {
            fail("unpaired surrogate in \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default: fail("invalid escape '\\" + printable(std::string_view(&e, 1)) + "'");
      }
    }
  }

  Value parse_array(int depth) {
    ++pos_;
    Value v = Value::array();
    skip_space();
    if (consume(']')) return v;
    while (true) {
      skip_space();
      v.push(parse_value(depth + 1));
      skip_space();
      if (consume(']')) return v;
      if (!consume(',')) fail("expected ',' or ']' in array");
    }
  }

  Value parse_object(int depth) {
    ++pos_;
    Value v = Value::object();
    skip_space();
    if (consume('}')) return v;
    while (true) {
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected a string key in object");
      std::string key = parse_string();
      if (v.find(key)) fail("duplicate key \"" + key + "\"");
      skip_space();
      if (!consume(':')) fail("expected ':' after object key");
      skip_space();
      Value member = parse_value(depth + 1);
      v.as_object().emplace_back(std::move(key), std::move(member));
      skip_space();
      if (consume('}')) return v;
      if (!consume(',')) fail("expected ',' or '}' in object");
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

Value parse(std::string_view text) { return Parser(text).parse_document(); }

namespace {

// Length of the valid UTF-8 sequence at s[i] (1-4), or 0 when invalid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t j) { return static_cast<unsigned char>(s[j]); };
  const unsigned char b = byte(i);
  std::size_t len = 0;
  unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) len = 2;
  else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;
    if (b == 0xED) hi = 0x9F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;
    if (b == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t j = 2; j < len; ++j)
    if (byte(i + j) < 0x80 || byte(i + j) > 0xBF) return 0;
  return len;
}

}  // namespace

std::string printable(std::string_view raw) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    const auto c = static_cast<unsigned char>(raw[i]);
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
      ++i;
    } else if (const std::size_t len = c >= 0x80 ? utf8_sequence(raw, i) : 0; len > 0) {
      out.append(raw.substr(i, len));
      i += len;
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
      ++i;
    }
  }
  return out;
}

std::string difference_path(const Value& a, const Value& b, const std::string& path) {
  if (a.type() != b.type()) return path;
  if (a.is_object()) {
    for (const auto& [key, va] : a.as_object()) {
      const Value* vb = b.find(key);
      if (!vb) return path + "." + key;
      const std::string d = difference_path(va, *vb, path + "." + key);
      if (!d.empty()) return d;
    }
    for (const auto& [key, vb] : b.as_object())
      if (!a.find(key)) return path + "." + key;
    return "";
  }
  if (a.is_array()) {
    const auto& x = a.as_array();
    const auto& y = b.as_array();
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
      const std::string d = difference_path(x[i], y[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return x.size() == y.size() ? "" : path;
  }
  return a.dump(-1) == b.dump(-1) ? "" : path;
}

}  // namespace syninfo::json
