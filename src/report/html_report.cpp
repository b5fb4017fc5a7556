// report.md as one self-contained HTML page, through Debian's libcmark-gfm.
#include "syninfo/report/html_report.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace syninfo::report {
namespace {

namespace fs = std::filesystem;

struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterFree {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};
struct RenderedFree {
  void operator()(char* s) const { cmark_get_default_mem_allocator()->free(s); }
};

// The data-URI types a browser shows in <img> and cmark-gfm's safe mode lets
// through (it blanks every other data: URL); nullptr for anything else.
const char* image_type(const std::string& name) {
  const auto dot = name.rfind('.');
  if (dot == std::string::npos) return nullptr;
  std::string ext = name.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "png") return "image/png";
  if (ext == "gif") return "image/gif";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "webp") return "image/webp";
  return nullptr;
}

// A file name in the image directory: no directory part, no scheme, no
// query, fragment or percent-escape, nothing that could point elsewhere.
bool plain_file_name(const std::string& url) {
  if (url.empty() || url == "." || url == "..") return false;
  return std::all_of(url.begin(), url.end(), [](unsigned char c) {
    return c > 0x20 && c != 0x7f && c != '/' && c != '\\' && c != ':' && c != '?' && c != '#' && c != '%';
  });
}

std::optional<std::string> read_bytes(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return bytes.str();
}

// The plain text under a node (its text and code spans, breaks as spaces).
std::string text_of(cmark_node* node) {
  std::string text;
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(node));
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it.get());
    const cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) text += cmark_node_get_literal(n);
    else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) text += ' ';
  }
  return text;
}

std::vector<cmark_node*> nodes_of_type(cmark_node* root, cmark_node_type wanted) {
  std::vector<cmark_node*> found;
  std::unique_ptr<cmark_iter, IterFree> it(cmark_iter_new(root));
  for (cmark_event_type ev; (ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;)
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(cmark_iter_get_node(it.get())) == wanted)
      found.push_back(cmark_iter_get_node(it.get()));
  return found;
}

// Points every image at its file's bytes (a data URI), or replaces it by an
// emphasised note naming what is missing.
void inline_images(cmark_node* document, const fs::path& image_dir, HtmlPage& page) {
  for (cmark_node* image : nodes_of_type(document, CMARK_NODE_IMAGE)) {
    const std::string url = cmark_node_get_url(image) ? cmark_node_get_url(image) : "";
    const char* type = image_type(url);
    const std::optional<std::string> bytes =
        plain_file_name(url) && type ? read_bytes(image_dir / url) : std::optional<std::string>();
    if (bytes) {
      const std::string data = std::string("data:") + type + ";base64," + base64(*bytes);
      cmark_node_set_url(image, data.c_str());
      cmark_node_set_title(image, url.c_str());
      page.inlined.push_back(url);
      continue;
    }
    cmark_node* note = cmark_node_new(CMARK_NODE_EMPH);
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    const std::string alt = text_of(image);
    cmark_node_set_literal(text, ("[figure not available: " + (alt.empty() ? url : alt + ", " + url) + "]").c_str());
    cmark_node_append_child(note, text);
    cmark_node_replace(image, note);
    cmark_node_free(image);
    page.missing.push_back(url);
  }
}

// Readable on screen and in print: bordered tables that scroll sideways
// when wider than the page, figures at most the page's width.
constexpr const char* kStyle = R"(body {
  font-family: "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif;
  font-size: 15px; line-height: 1.45; color: #1f2328; background: #ffffff;
  max-width: 1200px; margin: 0 auto; padding: 1em 1.5em 3em;
}
h1, h2, h3, h4 { line-height: 1.25; margin: 1.4em 0 0.5em; }
h1 { font-size: 1.7em; }
h2 { font-size: 1.35em; padding-bottom: 0.2em; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.1em; }
p, ul, ol { margin: 0.6em 0; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.87em; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid #8c959f; padding: 0.3em 0.55em; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
tbody tr:nth-child(even) { background: #f8f9fa; }
img { display: inline-block; max-width: 100%; height: auto; margin: 0.3em 0; vertical-align: top; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.92em; background: #f0f2f4; padding: 0.05em 0.25em; border-radius: 3px; }
pre { background: #f0f2f4; padding: 0.7em 0.9em; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
@media print { table { display: table; } body { max-width: none; } }
)";

}  // namespace

std::string base64(std::string_view bytes) {
  const auto byte = [](char c) { return static_cast<unsigned>(static_cast<unsigned char>(c)); };
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const unsigned v = byte(bytes[i]) << 16 | byte(bytes[i + 1]) << 8 | byte(bytes[i + 2]);
    for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(v >> shift) & 63];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    const unsigned v = byte(bytes[i]) << 16 | (rest == 2 ? byte(bytes[i + 1]) << 8 : 0u);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

HtmlPage markdown_to_html(const std::string& markdown, const fs::path& image_dir) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // Safe mode (the default): raw HTML in the Markdown is omitted, unsafe
  // URLs blanked; invalid UTF-8 becomes U+FFFD, so the page is valid UTF-8.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(options));
  cmark_syntax_extension* table = cmark_find_syntax_extension("table");
  if (!parser || !table) throw std::runtime_error("libcmark-gfm: cannot set up the parser with the table extension");
  cmark_parser_attach_syntax_extension(parser.get(), table);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeFree> document(cmark_parser_finish(parser.get()));
  if (!document) throw std::runtime_error("libcmark-gfm: cannot parse the report");

  HtmlPage page;
  for (cmark_node* heading : nodes_of_type(document.get(), CMARK_NODE_HEADING))
    if (cmark_node_get_heading_level(heading) == 1) {
      page.title = text_of(heading);
      break;
    }
  if (page.title.empty()) page.title = "report";
  inline_images(document.get(), image_dir, page);
  std::unique_ptr<char, RenderedFree> body(
      cmark_render_html(document.get(), options, cmark_parser_get_syntax_extensions(parser.get())));
  if (!body) throw std::runtime_error("libcmark-gfm: cannot render the report");
  page.html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
              html_escape(page.title) + "</title>\n<style>\n" + kStyle + "</style>\n</head>\n<body>\n" + body.get() +
              "</body>\n</html>\n";
  return page;
}

}  // namespace syninfo::report
