#!/usr/bin/env python3
"""Checks of report.html (issue 16, part 7), standard library only.

  check_report_html.py page DIR          report.html in DIR against report.md and the figures
  check_report_html.py dom DIR DOMFILE   the DOM Chromium built from report.html (--dump-dom)
  check_report_html.py screenshot PNG W H  a W x H screenshot that is not blank

Each prints what it checked and exits 1 with the first problem found.
"""
import base64
import html
import html.parser
import os
import re
import struct
import sys
import zlib

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


class StrictParser(html.parser.HTMLParser):
    """Well-formedness: every element closes, in order; records what the checks need."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []
        self.doctype, self.title, self.charset = None, None, None
        self.images, self.tables, self.cells, self.references = [], 0, [], []
        self._title_text, self._cell_text = None, None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        where = "line %d" % self.getpos()[0]
        if tag == "meta" and "charset" in a:
            self.charset = a["charset"]
        if tag == "img":
            self.images.append(a)
        if tag == "table":
            self.tables += 1
        if tag in ("script", "link", "iframe", "object", "embed"):
            self.problems.append("<%s> at %s: the page must not load anything" % (tag, where))
        for name in ("src", "href", "srcset", "data", "poster"):
            if name in a and tag != "img":
                self.references.append((tag, name, a[name]))
        if "style" in a and "url(" in a["style"]:
            self.problems.append("style with url() at " + where)
        if tag == "title":
            self._title_text = ""
        if tag in ("td", "th"):
            self._cell_text = ""
        if tag not in VOID:
            self.stack.append((tag, where))

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.problems.append("self-closed non-void <%s/> at line %d" % (tag, self.getpos()[0]))
        # A void element written as <x/>: the same as <x>, nothing to close.
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        where = "line %d" % self.getpos()[0]
        if tag in VOID:
            self.problems.append("end tag of void element </%s> at %s" % (tag, where))
            return
        if not self.stack:
            self.problems.append("stray </%s> at %s" % (tag, where))
            return
        open_tag, opened = self.stack.pop()
        if open_tag != tag:
            self.problems.append("</%s> at %s closes <%s> opened at %s" % (tag, where, open_tag, opened))
        if tag == "title":
            self.title, self._title_text = self._title_text, None
        if tag in ("td", "th"):
            self.cells.append(self._cell_text.strip())
            self._cell_text = None

    def handle_data(self, data):
        if self._title_text is not None:
            self._title_text += data
        if self._cell_text is not None:
            self._cell_text += data


def parse(text):
    p = StrictParser()
    p.feed(text)
    p.close()
    if p.stack:
        p.problems.append("unclosed: " + ", ".join("<%s> (%s)" % t for t in p.stack))
    return p


def markdown_counts(md):
    tables = len(re.findall(r"^\|(?:---\|)+$", md, flags=re.M))
    images = re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", md)
    heading = re.search(r"^# (.+)$", md, flags=re.M)
    return tables, images, heading.group(1).strip() if heading else None


def check_page(directory):
    with open(os.path.join(directory, "report.html"), encoding="utf-8") as f:  # must be valid UTF-8
        text = f.read()
    with open(os.path.join(directory, "report.md"), encoding="utf-8") as f:
        md = f.read()
    p = parse(text)
    if p.problems:
        fail("; ".join(p.problems[:5]))
    if (p.doctype or "").lower() != "doctype html":
        fail("no <!DOCTYPE html> (got %r)" % p.doctype)
    if (p.charset or "").lower() != "utf-8":
        fail("no <meta charset=\"utf-8\"> (got %r)" % p.charset)
    tables, images, heading = markdown_counts(md)
    if not p.title or p.title != heading.replace("`", ""):
        fail("title %r is not report.md's heading %r" % (p.title, heading))
    if p.references:
        fail("the page refers to other resources: %r" % p.references[:3])
    if p.tables != tables or tables < 1:
        fail("%d tables in the page, %d in report.md" % (p.tables, tables))
    if len(p.images) != len(images) or len(images) < 1:
        fail("%d images in the page, %d in report.md" % (len(p.images), len(images)))
    prefix = "data:image/png;base64,"
    for img, name in zip(p.images, images):
        src = img.get("src", "")
        if not src.startswith(prefix):
            fail("<img> for %s is not an inlined PNG: %r" % (name, src[:60]))
        with open(os.path.join(directory, name), "rb") as f:
            if base64.b64decode(src[len(prefix):], validate=True) != f.read():
                fail("the data of <img> %s is not the bytes of %s" % (img.get("title"), name))
        if not img.get("alt"):
            fail("<img> for %s has no alt text" % name)
    for claim in ["C%d" % k for k in range(1, 9)] if "\n## Claims\n" in md else []:
        if claim not in p.cells:
            fail("no table cell %s (the claims table)" % claim)
    style = re.search(r"<style>(.*?)</style>", text, flags=re.S)
    if not style or "border" not in style.group(1) or "max-width: 100%" not in style.group(1):
        fail("the stylesheet lacks table borders or figure max-width")
    # Text that needs escaping arrived escaped: report.md's "<=" is text, not a tag.
    if "<=" in md and "&lt;=" not in text:
        fail("'<=' of report.md is not escaped in the page")
    print("report.html: well-formed, title %r, %d tables, %d inlined PNGs equal to their files, nothing external"
          % (p.title, p.tables, len(p.images)))


def check_dom(directory, dom_file):
    with open(dom_file, encoding="utf-8") as f:
        dom = f.read()
    with open(os.path.join(directory, "report.md"), encoding="utf-8") as f:
        tables, images, heading = markdown_counts(f.read())
    p = parse(dom)
    if p.title != heading.replace("`", ""):
        fail("Chromium's title %r is not %r" % (p.title, heading))
    if p.tables != tables or len(p.images) != len(images):
        fail("Chromium's DOM has %d tables and %d images, report.md %d and %d"
             % (p.tables, len(p.images), tables, len(images)))
    if any(not img.get("src", "").startswith("data:image/png;base64,") for img in p.images):
        fail("an image in Chromium's DOM is not the inlined PNG")
    print("Chromium's DOM: title %r, %d tables, %d images" % (p.title, p.tables, len(p.images)))


def png_rows(path):
    """Width, height, channels and the unfiltered rows of an 8-bit non-interlaced PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail(path + " is not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]:
            fail("CRC error in the %s chunk of %s" % (kind.decode(), path))
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or interlace or channels is None:
        fail("unsupported PNG (depth %d, colour type %d, interlace %d)" % (depth, colour, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b, c = previous[i], previous[i - channels] if i >= channels else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def check_screenshot(path, width, height):
    if not os.path.exists(path) or os.path.getsize(path) < 1000:
        fail("no screenshot at " + path)
    w, h, channels, rows = png_rows(path)
    if (w, h) != (width, height):
        fail("screenshot is %dx%d, expected %dx%d" % (w, h, width, height))
    # Luminance of every other pixel of every fourth row: mean, variance, and
    # the share of pixels that are clearly not the white page.
    total = count = dark = 0
    squares = 0.0
    for row in rows[::4]:
        for x in range(0, w * channels, 2 * channels):
            lum = (row[x] + row[x + 1] + row[x + 2]) / 3 if channels >= 3 else row[x]
            total += lum
            squares += lum * lum
            count += 1
            dark += lum < 160
    mean = total / count
    variance = squares / count - mean * mean
    share = dark / count
    print("screenshot %dx%d: mean luminance %.1f, variance %.1f, %.1f%% dark pixels" % (w, h, mean, variance, 100 * share))
    if variance < 200 or share < 0.01:
        fail("the screenshot is blank or nearly so")
    if mean < 128:
        fail("the screenshot is mostly dark: not the report's white page")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "page":
        check_page(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "dom":
        check_dom(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 5 and sys.argv[1] == "screenshot":
        check_screenshot(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        print(__doc__)
        sys.exit(2)
