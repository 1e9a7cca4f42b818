"""The pages in real headless Chromium against a real uvicorn server, with a screenshot of each.

Screenshots go to a tmp folder (or $HEARSAY_SCREENSHOTS_DIR), and into docs/screenshots/ too
with HEARSAY_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from hearsay.web import urls

from .conftest import DATA


def shoot(page, folders: list[Path], name: str, *, full_page: bool = False) -> None:
    first = folders[0] / f"{name}.png"
    page.screenshot(path=str(first), full_page=full_page)
    for folder in folders[1:]:
        shutil.copy(first, folder / first.name)
    assert first.stat().st_size > 10_000  # a rendered page, not a blank one


def test_browser_document_page_shows_highlights_and_tips(page, main_article_id, screenshot_dirs) -> None:
    page.goto(urls.document(main_article_id))
    article = page.locator("#article-text")
    assert "Smadiyarov" in article.inner_text()
    counts = {
        layer: article.locator(f".hl-{layer}").count()
        for layer in ("source", "cue", "content", "entity", "time")
    }
    assert all(count > 0 for count in counts.values()), counts
    assert page.locator(".legend").is_visible()
    cue = article.locator("a.hl-cue").first
    cue.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert re.search(r"certainty: [\w ]+ · polarity: [\w ]+", tip.inner_text())
    shoot(page, screenshot_dirs, "document")


def test_browser_keyboard_reaches_skip_link_and_statement_tips(page, main_article_id) -> None:
    page.goto(urls.document(main_article_id))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.locator("#article-text a.hl-cue").first.focus()
    page.locator("#tip").wait_for(state="visible")
    assert "certainty:" in page.locator("#tip").inner_text()


def test_browser_statement_leads_to_its_source_entity(page, main_article_id, screenshot_dirs) -> None:
    page.goto(urls.document(main_article_id))
    card = page.locator("li.card", has_text="Smadiyarov").first
    card.locator(".who a").first.click()
    page.wait_for_load_state()
    assert "Smadiyarov" in page.locator("h1").inner_text()
    assert page.locator("#roles-title").is_visible()
    assert "spokesperson" in page.locator("main").inner_text()
    shoot(page, screenshot_dirs, "entity")


def test_browser_statement_leads_to_its_cluster(page, main_article_id, screenshot_dirs, server) -> None:
    page.goto(urls.document(main_article_id))
    # TASS's question is also Ulys-Media's: a cluster of two sources.
    card = page.locator("li.card", has_text="TASS").filter(has_text="was questioned").first
    card.locator("a.cluster-link").click()
    page.wait_for_load_state()
    assert page.locator("#evidence-title").is_visible()
    questions = page.locator("#side-discusses").inner_text()
    assert "TASS" in questions and "Ulys-Media" in questions
    assert page.locator("svg.graph").count() == 1 and page.locator("svg.timeline").count() == 1
    assert page.locator("svg.graph g.node").count() >= 2
    shoot(page, screenshot_dirs, "cluster", full_page=True)


def test_browser_cue_click_opens_the_claim(page, main_article_id) -> None:
    page.goto(urls.document(main_article_id))
    cue = page.locator("#article-text a.hl-cue").first
    href = cue.get_attribute("href")
    cue.click()
    page.wait_for_load_state()
    if href.startswith("#"):
        assert page.url.endswith(href) and page.locator(f"li{href}").is_visible()
    else:
        assert page.locator("#evidence-title").is_visible()


def test_browser_search_with_filters(page, screenshot_dirs) -> None:
    page.goto("/search")
    page.fill("#q", "drone")
    page.select_option("#f-stance", "question")
    page.click(".search-form button[type=submit]")
    page.wait_for_load_state()
    assert "stance=question" in page.url
    results = page.locator("#statement-results + ul li.statement")
    assert results.count() >= 1
    assert all("questions" in text for text in results.all_inner_texts())
    assert page.locator("ul.results mark").count() >= 1
    shoot(page, screenshot_dirs, "search")


def test_browser_upload_with_progress_then_the_document_appears(page, screenshot_dirs) -> None:
    page.goto("/upload")
    page.set_input_files("#files", str(DATA / "web" / "upload-note.txt"))
    page.click("#upload-form button[type=submit]")
    result = page.locator("#upload-results li a").first
    result.wait_for(timeout=60_000)
    assert page.locator("#upload-progress").evaluate("el => el.value") == 100
    assert "Done" in page.locator("#upload-status").inner_text()
    shoot(page, screenshot_dirs, "upload")
    result.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Harbour cranes idle after storm"
    page.goto("/documents?offset=0")
    assert (
        page.locator("main", has_text="Harbour cranes idle after storm").count() == 1
        or page.locator(".pager").count()
    )


def test_browser_hostile_document_is_text_and_runs_no_script(page, hostile_id, screenshot_dirs) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(urls.document(hostile_id))
    article = page.locator("#article-text").inner_text()
    assert "<script>window.__pwned = 1; alert(1)</script>" in article
    assert '<img src=x onerror="window.__pwned=1">' in article
    assert "Maria O&#39;Brien" in article and "Smith &amp; Sons" in article
    assert page.locator("h1").inner_text().startswith("<script>window.__pwned = 1</script>Council")
    assert (
        page.locator(
            "#article-text script, #article-text img, #article-text iframe, #article-text svg"
        ).count()
        == 0
    )
    assert page.locator("a[href^='javascript:']").count() == 0
    # Hover everything that could carry a handler, then look for any effect.
    for element in page.locator("#article-text .hl").all()[:40]:
        element.hover()
    shoot(page, screenshot_dirs, "hostile")
    page.locator("li.card .who a", has_text="O&#39;Brien").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Maria O&#39;Brien")
    page.goto("/search?q=pwned")
    assert page.locator("ul.results li").count() >= 1
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []


def test_browser_home_and_entities_pages(page, screenshot_dirs) -> None:
    page.goto("/")
    assert page.locator(".counts").is_visible()
    shoot(page, screenshot_dirs, "home")
    page.goto("/entities?type=PERSON")
    rows = page.locator("table.data tbody tr")
    assert rows.count() >= 10
    shoot(page, screenshot_dirs, "entities")


def _question_claim(page, main_article_id: str) -> str:
    """The claim page of the sample's question (TASS, Ulys-Media), reached from its cue."""
    page.goto(urls.document(main_article_id))
    card = page.locator("li.card", has_text="TASS").filter(has_text="was questioned").first
    return card.locator("a.cluster-link").get_attribute("href")


def test_browser_claim_page_shows_three_sides_on_the_first_screen(
    browser, server, main_article_id, screenshot_dirs
) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=server.url)
    page = context.new_page()
    page.goto(_question_claim(page, main_article_id))
    for relation in ("supports", "refutes", "discusses"):
        box = page.locator(f"#side-{relation}-h").bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 900, (relation, box)
    tops = [page.locator(f"#side-{r}").bounding_box()["y"] for r in ("supports", "refutes", "discusses")]
    assert max(tops) - min(tops) < 2  # side by side: refutes is never below the supports list
    verdict = page.locator("p.verdict")
    assert verdict.is_visible() and verdict.locator("abbr").get_attribute("title") in verdict.inner_text()
    assert page.locator("table.side-counts").is_visible()
    assert page.locator(".legend").count() == 1
    shoot(page, screenshot_dirs, "claim")
    context.close()


def test_browser_card_lands_on_the_statement_in_the_article_and_back(page, main_article_id) -> None:
    claim = _question_claim(page, main_article_id)
    page.goto(claim)
    link = page.locator("#side-discusses a.in-article").first
    anchor = link.get_attribute("href").partition("#")[2]
    link.click()
    page.wait_for_load_state()
    target = page.locator(f"#{anchor}")
    assert page.url.endswith(f"#{anchor}") and "relation-discusses" in target.get_attribute("class")
    assert target.evaluate("el => el.matches(':target') && el.classList.contains('is-target')")
    box = target.bounding_box()
    assert 0 <= box["y"] < 900, box
    # The highlight is outlined, and its card links back to its place and to the claim.
    assert target.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    statement = target.get_attribute("data-statement")
    card = page.locator(f"#statement-{statement}")
    assert card.locator("a.in-text").get_attribute("href") == f"#{anchor}"
    card.locator("a.back-to-claim").click()
    page.wait_for_load_state()
    assert page.url.split("#")[0].endswith(claim) and page.locator("#side-discusses").is_visible()


def test_browser_denial_and_assertion_look_different_with_a_legend(
    page, main_article_id, screenshot_dirs
) -> None:
    page.goto(urls.document(main_article_id))
    article = page.locator("#article-text")

    def look(stance: str) -> dict:
        span = article.locator(f".hl-content.stance-{stance}:not([data-part])").first
        return span.evaluate(
            """el => ({background: getComputedStyle(el).backgroundColor,
                       line: getComputedStyle(el).borderBottomStyle,
                       sign: getComputedStyle(el, '::before').content})"""
        )

    deny, assertion = look("deny"), look("assert")
    assert deny["background"] != assertion["background"]
    assert deny["line"] == "double" and assertion["line"] == "solid"
    assert deny["sign"] != assertion["sign"] and "denies" in deny["sign"]
    legend = page.locator(".legend")
    assert legend.is_visible()
    swatch = legend.locator(".hl-content.stance-deny").evaluate("el => getComputedStyle(el).backgroundColor")
    assert swatch == deny["background"]  # the same colours in the legend as in the text
