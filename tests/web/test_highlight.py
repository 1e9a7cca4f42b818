"""Highlighted article HTML: every character kept and escaped, elements always well nested."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hearsay.web.highlight import Mark, render
from hearsay.web.search_marks import snippet_html


class _Checker(HTMLParser):
    """Collects text and fails on a closing tag that does not match the open one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.link_depth_max = 0

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append((tag, dict(attrs)))
        self.link_depth_max = max(self.link_depth_max, self.stack.count("a"))

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def check(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == []
    return checker


def test_highlight_escapes_article_text() -> None:
    text = '<script>alert(1)</script> said "Smith &amp; Sons"'
    markup = render(text, [Mark(0, 25, "content"), Mark(26, 30, "cue", href="#s1")])
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup and "&amp;amp;" in markup
    assert "".join(check(markup).text) == text


def test_highlight_crossing_spans_are_split_and_reopened() -> None:
    text = "abcdefghij"
    markup = render(text, [Mark(0, 6, "content"), Mark(4, 9, "entity", href="/e/1")])
    checker = check(markup)
    assert "".join(checker.text) == text
    entity_parts = [attrs for tag, attrs in checker.tags if "hl-entity" in attrs.get("class", "")]
    assert len(entity_parts) == 2
    # One keyboard stop per span: the reopened part is out of the tab order.
    assert "tabindex" not in entity_parts[0] and entity_parts[1]["tabindex"] == "-1"


def test_highlight_no_link_inside_a_link() -> None:
    markup = render(
        "according to Reuters", [Mark(0, 20, "cue", href="/c/1"), Mark(13, 20, "entity", href="/e/2")]
    )
    checker = check(markup)
    assert checker.link_depth_max == 1


def test_highlight_attribute_values_are_escaped() -> None:
    markup = render("x", [Mark(0, 1, "cue", href='/a?b=1&c="x"', attrs=(("data-tip", '"><script>'),))])
    assert '"><script>' not in markup
    assert check(markup).tags[0][1]["data-tip"] == '"><script>'


def test_highlight_classes_on_every_part_and_the_anchor_on_the_first_only() -> None:
    # The content is cut where the entity crosses its end: two parts, one id (the link target).
    content = Mark(4, 10, "content", classes=("stance-deny", "relation-refutes"), anchor="s-s3")
    checker = check(render("abcdefghijklmn", [Mark(0, 6, "entity"), content]))
    parts = [attrs for _tag, attrs in checker.tags if "hl-content" in attrs["class"]]
    assert [p["class"] for p in parts] == ["hl hl-content stance-deny relation-refutes"] * 2
    assert [p.get("id") for p in parts] == ["s-s3", None] and parts[1]["data-part"] == "more"


@pytest.mark.parametrize("bad", [(-1, 3), (2, 2), (5, 99), (4, 1)])
def test_highlight_ignores_spans_outside_the_text(bad: tuple[int, int]) -> None:
    assert render("hello", [Mark(*bad, "time")]) == "hello"


_text = st.text(alphabet=st.sampled_from(list("ab<>&\"' \n")), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), text=_text)
def test_highlight_any_spans_give_well_formed_html_keeping_the_text(data, text: str) -> None:
    layers = st.sampled_from(["content", "source", "cue", "entity", "time"])
    bounds = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted)
    spans = data.draw(st.lists(st.tuples(bounds, layers, st.booleans()), max_size=8))
    marks = [Mark(a, b, layer, href="/x" if linked else None) for (a, b), layer, linked in spans]
    checker = check(render(text, marks))
    assert "".join(checker.text) == text
    assert checker.link_depth_max <= 1


def test_highlight_snippet_marks_become_mark_elements_after_escaping() -> None:
    snippet = "a \x02<b>drone</b>\x03 and \x02x"
    assert snippet_html(snippet) == "a <mark>&lt;b&gt;drone&lt;/b&gt;</mark> and <mark>x</mark>"
    assert html.unescape(str(snippet_html("&amp;"))) == "&amp;"
