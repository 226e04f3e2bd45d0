"""Article text that tries to become markup or script never does, wherever it lands in the page."""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from browser.samples import (EMOJI_NAME, HREF_ORG, IMG_NAME, PAYLOADS, SCRIPT_ORG, SENTENCE, hostile_extractions,
                             hostile_store)
from graph.visual import ViewOptions, render_html, select_view
from test_visual import Page, page_data

#: The only elements the page has, whatever the data.
PAGE_TAGS = {"html", "head", "meta", "title", "link", "style", "body", "header", "h1", "span", "div", "p",
             "aside", "main", "script"}


@pytest.fixture
def hostile_graph(tmp_path: Path) -> nx.MultiDiGraph:
    return hostile_store(tmp_path / "hostile").to_networkx()


def article_texts() -> list[str]:
    """Every text of the hostile sample that came from an article."""
    texts = []
    for extraction in hostile_extractions():
        texts += [extraction.article.title, extraction.article.path]
        for entity in extraction.entities:
            texts += [entity.key, entity.name, *entity.aliases]
        for relation in extraction.relations:
            texts += [str(v) for v in relation.props.values()]
            texts += [e.sentence for e in relation.evidence]
    return texts


VIEWS = {
    "whole": ViewOptions(),
    "path": ViewOptions(path=(EMOJI_NAME, SCRIPT_ORG)),
    "around": ViewOptions(around=IMG_NAME, hops=1, title='<script>window.__pwned="title"</script>'),
    "no-path": ViewOptions(path=(IMG_NAME, HREF_ORG), types=["MENTORED"]),
    "trimmed": ViewOptions(max_nodes=2),
}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_visual_injection_adds_no_element_or_handler(hostile_graph, view: str) -> None:
    page = Page(render_html(select_view(hostile_graph, VIEWS[view])))
    assert {tag for tag, _ in page.tags} <= PAGE_TAGS
    assert [tag for tag, _ in page.tags].count("script") == 3
    handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if name.startswith("on")]
    assert handlers == []


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_visual_injection_never_leaves_markup_in_clear(hostile_graph, view: str) -> None:
    html = render_html(select_view(hostile_graph, VIEWS[view]))
    outside_data = re.sub(r'<script type="application/json" id="fg-data">.*?</script>', "", html, flags=re.S)
    assert all(m == "__pwned=&" for m in re.findall(r"__pwned=.", outside_data))  # quotes always as entities
    for text in article_texts():
        if re.search(r"[<>&\u2028]", text):
            assert text not in html, text
    for payload in PAYLOADS:
        assert payload not in html


@pytest.mark.parametrize("view", ["whole", "path"])
def test_visual_injection_text_survives_exactly_in_the_data(hostile_graph, view: str) -> None:
    data = page_data(render_html(select_view(hostile_graph, VIEWS[view])))
    labels = {n["label"] for n in data["nodes"]}
    assert {IMG_NAME, EMOJI_NAME, SCRIPT_ORG, HREF_ORG} <= labels
    sentences = {ev["sentence"] for e in data["edges"] for ev in e["tip"]["evidence"]}
    assert SENTENCE in sentences
    titles = {ev["title"] for e in data["edges"] for ev in e["tip"]["evidence"]}
    assert {x.article.title for x in hostile_extractions()} == titles


@pytest.mark.parametrize("view, needle", [
    ("no-path", "No chain of relations links &lt;img src=x onerror=&#34;window.__pwned=&#39;name&#39;&#34;&gt; and "
                "&lt;a href=&#34;https://evil.example/&#34;&gt;Evil &#34;Corp&#34; &amp; Co&lt;/a&gt;."),
    ("around", "<title>&lt;script&gt;window.__pwned=&#34;title&#34;&lt;/script&gt;</title>"),
])
def test_visual_injection_notices_and_title_are_escaped(hostile_graph, view: str, needle: str) -> None:
    assert needle in render_html(select_view(hostile_graph, VIEWS[view]))
