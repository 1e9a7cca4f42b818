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
    assert re.search(r"certainty \w+ · polarity \w+ · stance \w+", tip.inner_text())
    shoot(page, screenshot_dirs, "document")


def test_browser_keyboard_reaches_skip_link_and_statement_tips(page, main_article_id) -> None:
    page.goto(urls.document(main_article_id))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.locator("#article-text a.hl-cue").first.focus()
    page.locator("#tip").wait_for(state="visible")
    assert "stance" in page.locator("#tip").inner_text()


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
