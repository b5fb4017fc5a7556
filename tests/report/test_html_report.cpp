// report.html (issue 16, part 7): the Markdown renderer, its inlining of
// figures and its escaping.
#include "syninfo/report/html_report.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace syninfo::report;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("syninfo-html-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("base64 follows RFC 4648", "[report][html]") {
  // The test vectors of RFC 4648, section 10, and bytes above 0x7f.
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foob") == "Zm9vYg==");
  CHECK(base64("fooba") == "Zm9vYmE=");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64(std::string("\x00\xff\xfe\x80", 4)) == "AP/+gA==");
}

TEST_CASE("html_escape escapes the five special characters", "[report][html]") {
  CHECK(html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(html_escape("plain text, 1 <= 2") == "plain text, 1 &lt;= 2");
}

TEST_CASE("markdown_to_html: a page with title, charset, tables and inlined figures", "[report][html]") {
  const fs::path dir = fresh_dir("page");
  const std::string png("\x89PNG\r\n\x1a\n-not-really-a-png-", 26);
  std::ofstream(dir / "fig.png", std::ios::binary) << png;
  const std::string md =
      "# Run <1> & `code`\n\nText with n <= 8, a_b and \\|x\\|.\n\n"
      "| claim | verdict |\n|---|---|\n| C1 | **holds** |\n| C2 \\| two | <b>raw</b> |\n\n"
      "![Fig. 1](fig.png) ![gone](missing.png) ![far](../fig.png) ![web](http://example.org/x.png)\n\n"
      "<script>alert(1)</script>\n";
  const HtmlPage page = markdown_to_html(md, dir);
  const std::string& h = page.html;
  CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(h.find("<meta charset=\"utf-8\">") != std::string::npos);
  // The title is the first heading's text, escaped; the heading is rendered too.
  CHECK(page.title == "Run <1> & code");
  CHECK(h.find("<title>Run &lt;1&gt; &amp; code</title>") != std::string::npos);
  CHECK(h.find("<h1>Run &lt;1&gt; &amp; <code>code</code></h1>") != std::string::npos);
  CHECK(h.find("n &lt;= 8, a_b and |x|.") != std::string::npos);
  // The GitHub table extension: a real table, an escaped pipe inside a cell.
  CHECK(count(h, "<table>") == 1);
  CHECK(count(h, "<td>") == 4);
  CHECK(h.find("<td><strong>holds</strong></td>") != std::string::npos);
  CHECK(h.find("<td>C2 | two</td>") != std::string::npos);
  // Raw HTML is not passed through (safe mode).
  CHECK(h.find("<script") == std::string::npos);
  CHECK(h.find("<b>raw</b>") == std::string::npos);
  // The figure beside the Markdown is inlined byte for byte; the others are notes.
  CHECK(h.find("<img src=\"data:image/png;base64," + base64(png) + "\" alt=\"Fig. 1\" title=\"fig.png\"") != std::string::npos);
  CHECK(count(h, "<img") == 1);
  REQUIRE(page.inlined == std::vector<std::string>{"fig.png"});
  CHECK(page.missing == std::vector<std::string>{"missing.png", "../fig.png", "http://example.org/x.png"});
  CHECK(h.find("<em>[figure not available: gone, missing.png]</em>") != std::string::npos);
  CHECK(h.find("example.org") != std::string::npos);  // named in the note, not loaded
  CHECK(h.find("src=\"http") == std::string::npos);
  // The stylesheet: bordered tables, figures no wider than the page.
  CHECK(h.find("border: 1px solid") != std::string::npos);
  CHECK(h.find("img { display: inline-block; max-width: 100%;") != std::string::npos);
  const std::string end = "</body>\n</html>\n";
  CHECK(h.compare(h.size() - end.size(), end.size(), end) == 0);
  fs::remove_all(dir);
}

TEST_CASE("markdown_to_html: invalid UTF-8 is replaced, a page without heading has a title", "[report][html]") {
  const HtmlPage page = markdown_to_html("plain \xff text\n", fs::temp_directory_path());
  CHECK(page.title == "report");
  CHECK(page.html.find("<title>report</title>") != std::string::npos);
  CHECK(page.html.find("plain \xef\xbf\xbd text") != std::string::npos);  // U+FFFD
  CHECK(page.html.find('\xff') == std::string::npos);
}
