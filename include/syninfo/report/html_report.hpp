// A report as one self-contained HTML page (issue 16, part 7).
//
// The Markdown of a report (report.md) is rendered by Debian's libcmark-gfm,
// the reference implementation of GitHub-flavoured CommonMark, with its table
// extension, so the page says exactly what report.md says as GitHub shows it.
// Every image the Markdown references by a plain file name beside it is
// inlined as a data URI, so the page needs no other file; a reference that
// cannot be inlined becomes a visible note, never an external <img>.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace syninfo::report {

struct HtmlPage {
  std::string html;                    // <!DOCTYPE html> ... </html>, UTF-8
  std::string title;                   // the text of the first level-1 heading (or "report")
  std::vector<std::string> inlined;    // image files inlined, in document order
  std::vector<std::string> missing;    // image references not inlined (missing file, not a file name, other type)
};

// Renders GitHub-flavoured Markdown (CommonMark with tables; raw HTML in the
// Markdown is not passed through) as a page with a <title>, a charset and
// its own stylesheet. Images named relative to image_dir (PNG, GIF, JPEG or
// WebP, no directory part) are read from there and inlined.
HtmlPage markdown_to_html(const std::string& markdown, const std::filesystem::path& image_dir);

// Base64 of bytes (RFC 4648, with padding).
std::string base64(std::string_view bytes);

// Text for HTML element content or a quoted attribute: & < > " ' escaped.
std::string html_escape(std::string_view text);

}  // namespace syninfo::report
