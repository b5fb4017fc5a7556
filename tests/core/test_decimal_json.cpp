// Decimal text is read exactly at the working precision, and the JSON layer
// keeps numbers as text.
#include <catch2/catch.hpp>

#include "syninfo/decimal.hpp"
#include "syninfo/json.hpp"

using namespace syninfo;

TEST_CASE("decimal text is read at the working precision, not through a double", "[decimal]") {
  // 0.1 at 50 digits differs from the double nearest 0.1 by about 5.6e-18;
  // read correctly, 10 * 0.1 is 1 to within one 50-digit ulp.
  const float50 tenth = from_decimal<float50>("0.1");
  CHECK(abs(tenth * 10 - 1) < 1e-49);
  CHECK(abs(tenth - float50(0.1)) > 1e-18);
  const float100 tenth100 = from_decimal<float100>("0.1");
  CHECK(abs(tenth100 * 10 - 1) < float100("1e-99"));
  CHECK(from_decimal<double>("0.1") == 0.1);
  CHECK(from_decimal<double>("-2.5e-3") == -0.0025);
}

TEST_CASE("decimal grammar rejects what JSON rejects", "[decimal]") {
  for (const char* bad : {"", "+1", "1.", ".5", "0x10", "nan", "inf", "1e", "--1", "01", "1 "}) {
    INFO(bad);
    CHECK_FALSE(is_decimal_number(bad));
    CHECK_THROWS_AS(from_decimal<double>(bad), std::invalid_argument);
  }
  CHECK(is_decimal_number("-0.5e+10"));
  CHECK_THROWS_AS(from_decimal<double>("1e400"), std::range_error);
}

TEST_CASE("to_decimal round-trips every precision", "[decimal]") {
  const double d = 1.0 / 3.0;
  CHECK(from_decimal<double>(to_decimal(d)) == d);
  const float50 x = from_decimal<float50>("1") / 3;
  CHECK(from_decimal<float50>(to_decimal(x)) == x);
  const float100 y = from_decimal<float100>("2") / 7;
  CHECK(from_decimal<float100>(to_decimal(y)) == y);
}

TEST_CASE("JSON parser keeps numbers as text and reports errors with a position", "[json]") {
  const auto v = json::parse(R"({"a": [1, 0.1000000000000000000000000001, "x\u00e9"], "b": {"c": null, "d": true}})");
  REQUIRE(v.is_object());
  CHECK(v.find("a")->as_array()[1].as_number_text() == "0.1000000000000000000000000001");
  CHECK(v.find("a")->as_array()[2].as_string() == "x\xc3\xa9");
  CHECK(v.find("b")->find("c")->is_null());
  CHECK(v.find("b")->find("d")->as_bool());
  CHECK(v.find("missing") == nullptr);

  for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "[1 2]", "tru", "\"\\q\"", "[1] x", "{\"a\":1,\"a\":2}", "[-]", "[1.]"}) {
    INFO(bad);
    CHECK_THROWS_AS(json::parse(bad), json::ParseError);
  }
  try {
    json::parse("{\n  \"a\": [1,\n  2,, 3]}");
    FAIL("expected a parse error");
  } catch (const json::ParseError& e) {
    CHECK(e.line() == 3);
  }
  // Deep nesting is an error, not a stack overflow.
  CHECK_THROWS_AS(json::parse(std::string(100000, '[')), json::ParseError);
}

TEST_CASE("JSON printer output parses back to the same document", "[json]") {
  json::Value v = json::Value::object()
                      .set("s", json::Value::string("quote \" and \\ and \n"))
                      .set("n", json::Value::number(0.1))
                      .set("m", json::Value::array({json::Value::number(1), json::Value()}));
  for (int indent : {-1, 2}) {
    const auto back = json::parse(v.dump(indent));
    CHECK(back.dump() == v.dump());
  }
  CHECK_THROWS_AS(json::Value::number(std::numeric_limits<double>::quiet_NaN()), std::domain_error);
}
