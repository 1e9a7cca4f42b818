"""A correction made in Chromium survives `hearsay link --rebuild` and a re-read with the extractor."""

from __future__ import annotations

from hearsay.corrections import reread
from hearsay.extract.pipeline import extract
from hearsay.link import link_corpus
from hearsay.store import SQLiteStore
from hearsay.web.app import create_app

from .conftest import ServerThread


def test_a_ui_correction_survives_rebuild_and_reread(browser, db_copy, main_article_id):
    with SQLiteStore(db_copy, read_only=True) as store:
        statement = store.reading(main_article_id).statements[0]
    with ServerThread(create_app(db_copy)) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
        page = context.new_page()
        page.goto(f"/documents/{main_article_id}")
        page.click(f"#statement-{statement.id} a.correct-link")
        page.select_option("#f-stance", "question")
        # Selecting words in the text fills the span field last focused.
        page.focus("#f-content")
        page.evaluate(
            """() => { const node = document.querySelector('#span-source .span-text').firstChild;
                       const range = document.createRange(); range.setStart(node, 0); range.setEnd(node, 12);
                       const selection = document.getSelection(); selection.removeAllRanges();
                       selection.addRange(range); }"""
        )
        offset = int(page.get_attribute("#span-source", "data-offset") or 0)
        page.wait_for_function(f"document.querySelector('#f-content').value === '{offset}:{offset + 12}'")
        page.fill("#f-content", f"{statement.content.start}:{statement.content.end}")
        page.fill("#f-who", "ana")
        page.click("button[value=save]")
        page.wait_for_url(f"**/documents/{main_article_id}#statement-{statement.id}")
        assert "✎ corrected" in page.inner_text(f"#statement-{statement.id}")
        context.close()
    with SQLiteStore(db_copy) as store:
        link_corpus(store, rebuild=True)
        report = reread(store, [main_article_id], extract)
        assert report.applied == 1 and report.orphaned == []
        again = next(
            s for s in store.reading(main_article_id).statements if s.cue.start == statement.cue.start
        )
        assert again.stance == "question"
