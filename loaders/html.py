"""HTML and Markdown to plain text, without scripts, styles, navigation or page chrome."""
from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import lxml.html
from inscriptis import get_text
from lxml import etree
from markdown_it import MarkdownIt

#: Elements that never hold article text.
_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
              "iframe", "svg", "button", "select", "figcaption", "menu", "dialog")
#: ARIA roles and class/id words of page chrome.
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"}
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|comments?|cookie|consent|breadcrumbs?|"
    r"menu|navbar|nav|sidebar|related|promo|advert|ads?|paywall|popup|modal|footer|header)(?:$|[\s_-])",
    re.IGNORECASE,
)
_markdown = MarkdownIt("commonmark")
#: Deeper nesting is flattened before parsing (libxml2 drops what lies below 256 levels).
MAX_DEPTH = 200
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^>]*?(/?)>")


def _depth(html: str) -> int:
    """The deepest element nesting of a page, counted on its tags (a cheap upper bound)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if name.lower() in _VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


class _Flattener(HTMLParser):
    """Rebuilds a page without the tags nested deeper than ``limit`` (their text stays; scripts and
    styles go at any depth). A streaming parser: no recursion, whatever the depth."""

    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=True)
        self.limit, self.depth, self.skip, self.out = limit, 0, 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        if tag in _VOID:
            self.out.append(self.get_starttag_text() or "")
            return
        self.depth += 1
        if self.depth <= self.limit:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if tag in _VOID:
            return
        if self.depth <= self.limit:
            self.out.append(f"</{tag}>")
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(escape(data, quote=False))


def _flatten(html: str, limit: int) -> str:
    parser = _Flattener(limit)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def html_to_text(html: str) -> tuple[str, str]:
    """``(title, text)`` of an HTML page: the ``<article>``/``<main>`` content when there is one."""
    html = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses a str that declares its encoding
    if _depth(html) > MAX_DEPTH:
        html = _flatten(html, MAX_DEPTH)
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return "", ""
    title = (root.findtext(".//title") or "").strip()
    for element in list(root.iter(etree.Element)):
        if _is_chrome(element) and element.getparent() is not None:
            element.drop_tree()
    h1 = root.find(".//h1")
    if h1 is not None and h1.text_content().strip():
        title = h1.text_content().strip()
    body = next((found for found in (root.find(f".//{tag}") for tag in ("article", "main", "body"))
                 if found is not None), root)
    text = get_text(lxml.html.tostring(body, encoding="unicode"))
    return " ".join(title.split()), text


def _is_chrome(element: etree._Element) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _DROP_TAGS:
        return True
    if (element.get("role") or "").lower() in _DROP_ROLES or element.get("aria-hidden") == "true":
        return True
    if tag in ("article", "main", "body", "html"):
        return False
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(_CHROME.search(marks))


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """``(title, text)`` of a Markdown document, rendered then read as HTML."""
    match = re.search(r"^#\s+(.+?)\s*#*\s*$", markdown, re.MULTILINE)
    _, text = html_to_text(f"<html><body>{_markdown.render(markdown)}</body></html>")
    if _letters(text) < _letters(markdown) / 2:  # nested deeper than the renderer goes: read it as text
        text = _MARKERS.sub("", markdown)
    return (match.group(1).strip() if match else ""), text


_MARKERS = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=\s)|\d+[.)](?=\s)|#{1,6}(?=\s)))+[ \t]*", re.MULTILINE)


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)
