"""Every page in real Chromium: axe-core finds no serious or moderate violation, nothing scrolls
sideways at 400 px, the keyboard reaches a document's statements, and each page is photographed at
1400 and 400 px (into docs/screenshots with HEARSAY_UPDATE_SCREENSHOTS=1).

axe-core is vendored (tests/web/vendor/axe-core, MPL-2.0, unmodified); nothing is downloaded.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hearsay.web import urls
from hearsay.web.app import create_app

from .conftest import ServerThread

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = (1400, 400)
BLOCKING = ("critical", "serious", "moderate")


@pytest.fixture(scope="module")
def page_paths(server, main_article_id) -> dict[str, str]:
    """Every kind of page, filled with ids from the sample corpus."""
    import httpx

    with httpx.Client(base_url=server.url) as client:

        def first(path: str, **params) -> str:
            return client.get(path, params={"limit": 1, **params}).json()["items"][0]["id"]

        cluster = next(
            c["id"]
            for c in client.get("/api/v1/clusters", params={"limit": 50}).json()["items"]
            if c["size"] > 1
        )
        entity = first("/api/v1/entities", q="Timothy D. Cook")
    return {
        "home": "/",
        "documents": "/documents",
        "document": urls.document(main_article_id),
        "document-against-claim": urls.document(main_article_id, cluster=cluster),
        "entities": "/entities",
        "entity": urls.entity(entity),
        "claims": "/clusters",
        "claim": urls.cluster(cluster),
        "stories": "/stories",
        "story": urls.story(first_story(server.url)),
        "evidence": urls.evidence("Kazakhstan supplied drone components"),
        "search": "/search?q=drone",
        "upload": "/upload",
        "not-found": "/documents/ffffffffffff",
    }


def first_story(base: str) -> str:
    import httpx

    return httpx.get(f"{base}/api/v1/stories", params={"limit": 1}).json()["items"][0]["id"]


@pytest.fixture
def axe_page(browser, server):
    """A page whose context lets the test inject axe (the app's CSP would refuse an injected script)."""
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, base_url=server.url, bypass_csp=True
    )
    opened = context.new_page()
    yield opened
    context.close()


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}×: {v['nodes'][0]['target']})"
        for v in found
        if v["impact"] in BLOCKING
    ]


def shoot(page, folders: list[Path], name: str) -> None:
    first = folders[0] / f"{name}.png"
    page.screenshot(path=str(first))
    for folder in folders[1:]:
        shutil.copy(first, folder / first.name)
    assert first.stat().st_size > 5_000


def test_every_page_passes_axe_and_fits_400_px(axe_page, page_paths, screenshot_dirs) -> None:
    problems = {}
    for name, path in page_paths.items():
        for width in WIDTHS:
            axe_page.set_viewport_size({"width": width, "height": 900})
            axe_page.goto(path)
            shoot(axe_page, screenshot_dirs, f"{name}-{width}")
            sideways = axe_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            if sideways > 0:
                problems[f"{name} at {width}px"] = [f"scrolls sideways by {sideways} px"]
            found = violations(axe_page)
            if found:
                problems[f"{name} at {width}px"] = problems.get(f"{name} at {width}px", []) + found
    assert not problems, problems


@pytest.fixture(scope="module")
def corrected_paths(corrected_db) -> dict[str, str]:
    """The correction forms, and the pages that mark the corrected statement (conftest.corrected_db)."""
    item = corrected_db.item
    document, statement = item["document_id"], item["statement_id"]
    return {
        "correct": f"/documents/{document}/statements/{statement}/correct",
        "add-statement": f"/documents/{document}/statements/new",
        "document-corrected": urls.document(document) + f"#statement-{statement}",
        "document-against-claim-corrected": urls.document(document, cluster=corrected_db.cluster),
        "claim-corrected": urls.cluster(corrected_db.cluster),
        "entity-corrected": urls.entity(item["entity_id"]),
        "search-corrected": urls.with_query("/search", source=item["source"] or "", q=item["cue"]),
        "evidence-corrected": urls.evidence(item["content"]),
    }


@pytest.fixture(scope="module")
def corrected_page(browser, corrected_db):
    with ServerThread(create_app(corrected_db.path)) as served:
        context = browser.new_context(
            viewport={"width": 1400, "height": 900}, base_url=served.url, bypass_csp=True
        )
        yield context.new_page()
        context.close()


def test_correction_forms_and_marked_pages_pass_axe_and_fit_400_px(
    corrected_page, corrected_paths, screenshot_dirs
) -> None:
    """Every width checked with axe; the badge scrolled into view for the photographs."""
    page, problems = corrected_page, {}
    for name, path in corrected_paths.items():
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(path)
            badge = page.locator(".badge.corrected")
            if name != "add-statement":
                assert badge.count() >= 1, f"{name}: no corrected badge"
                badge.first.scroll_into_view_if_needed()
            shoot(page, screenshot_dirs, f"{name}-{width}")
            where = f"{name} at {width}px"
            sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            found = ([f"scrolls sideways by {sideways} px"] if sideways > 0 else []) + violations(page)
            if found:
                problems[where] = found
    # A form sent back with what is wrong with it.
    page.goto(corrected_paths["correct"])
    page.click("button[value=save]")
    page.wait_for_selector(".problems")
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        shoot(page, screenshot_dirs, f"correct-problem-{width}")
        if found := violations(page):
            problems[f"correct-problem at {width}px"] = found
    assert not problems, problems


def test_keyboard_reaches_the_statements_and_a_card_its_highlight_and_back(page, main_article_id) -> None:
    page.goto(urls.document(main_article_id))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the statements"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "statements-title"
    card = page.locator("li.card").first
    card_id = card.get_attribute("id")
    card.locator("a.in-text").click()
    back = page.locator("#article-text a.back-to-card")
    back.wait_for(state="visible")
    assert page.evaluate("document.activeElement.classList.contains('hl-content')")
    back.click()
    assert page.evaluate("document.activeElement.id") == card_id


def test_access_key_jumps_to_the_statements(page, main_article_id) -> None:
    page.goto(urls.document(main_article_id))
    link = page.locator('a[accesskey="s"]')
    assert link.get_attribute("href") == "#statements-title"
    page.keyboard.press("Alt+Shift+S")
    page.wait_for_function("window.location.hash === '#statements-title'", timeout=3000)
    assert page.evaluate("document.activeElement.id") == "statements-title"


def test_graph_zooms_and_its_labels_stay_in_their_boxes(page, page_paths) -> None:
    page.goto(page_paths["claim"])
    graph = page.locator("svg.graph")
    if graph.count() == 0:
        pytest.skip("this claim has no drawn graph")
    width = float(graph.get_attribute("width"))
    page.get_by_role("button", name="Zoom in").click()
    assert float(graph.get_attribute("width")) > width
    overflow = page.evaluate(
        """() => [...document.querySelectorAll('svg.graph g.node')].flatMap((g) => {
            const box = g.querySelector('rect').getBBox();
            return [...g.querySelectorAll('text')].map((t) => t.getBBox()).filter((t) =>
              t.x < box.x || t.y < box.y ||
              t.x + t.width > box.x + box.width || t.y + t.height > box.y + box.height);
          }).length"""
    )
    assert overflow == 0
