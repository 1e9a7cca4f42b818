"""Corrections made in Chromium: a statement's correction survives `hearsay link --rebuild` and a re-read
with the extractor, a relation decision shows on the claim page after `link --rebuild`, and every
correction form works with JavaScript off."""

from __future__ import annotations

from hearsay.corrections import corrections, reread
from hearsay.extract.pipeline import extract
from hearsay.link import cluster_list, cluster_members, entity_list, link_corpus
from hearsay.store import SQLiteStore
from hearsay.web import urls
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
    # The page still marks it, now under the re-read statement's id.
    with ServerThread(create_app(db_copy)) as server:
        context = browser.new_context(base_url=server.url)
        page = context.new_page()
        page.goto(f"/documents/{main_article_id}")
        assert "corrected: stance" in page.inner_text(f"#statement-{again.id}")
        context.close()


def _a_claim_of(db, document_id: str) -> str:
    """A claim cluster of several statements with one in ``document_id``."""
    with SQLiteStore(db, read_only=True) as store:
        return next(
            c.id
            for c in cluster_list(store, limit=100)
            if c.size > 1 and any(m.document_id == document_id for m in cluster_members(store, c.id))
        )


def _claim_side_text(page, relation: str) -> str:
    """Every page of one side of the claim page shown, its text together."""
    texts = [page.inner_text(f"#side-{relation}")]
    following = page.locator(f"#side-{relation} a[rel=next]")
    while following.count():
        following.first.click()
        texts.append(page.inner_text(f"#side-{relation}"))
        following = page.locator(f"#side-{relation} a[rel=next]")
    return "\n".join(texts)


def test_a_ui_relation_decision_shows_on_the_claim_page_after_rebuild(browser, db_copy, main_article_id):
    cluster = _a_claim_of(db_copy, main_article_id)
    with ServerThread(create_app(db_copy)) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
        page = context.new_page()
        page.goto(urls.document(main_article_id, cluster=cluster))
        form = page.locator("form.relation-decision").first
        proposition = form.locator("input[name=proposition]").get_attribute("value") or ""
        read = form.locator("select").input_value()
        chosen = next(r for r in ("refutes", "discusses", "supports") if r != read)
        form.locator("select").select_option(chosen)
        form.get_by_label("Your name").fill("Dana")
        form.get_by_role("button", name="Keep my decision").click()
        page.wait_for_url(f"**/documents/{main_article_id}?proposition=*")
        context.close()
    with SQLiteStore(db_copy) as store:
        link_corpus(store, rebuild=True)
        rebuilt = next(
            c.id for c in cluster_list(store, limit=200) if proposition in (c.title, c.representative)
        )
    with ServerThread(create_app(db_copy)) as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
        page = context.new_page()
        page.goto(urls.cluster(rebuilt))
        side = _claim_side_text(page, chosen)
        assert f"Dana decided it {chosen} this claim (hearsay read: {read})" in side
        context.close()


def test_every_correction_form_works_without_javascript(browser, db_copy, main_article_id):
    with SQLiteStore(db_copy, read_only=True) as store:
        first, second = store.reading(main_article_id).statements[:2]
    cluster = _a_claim_of(db_copy, main_article_id)
    with ServerThread(create_app(db_copy)) as server:
        context = browser.new_context(base_url=server.url, java_script_enabled=False)
        page = context.new_page()
        # Change a statement: the form posts, the page comes back with the statement marked.
        page.goto(f"/documents/{main_article_id}/statements/{second.id}/correct")
        page.select_option("#f-certainty", "possible" if second.certainty != "possible" else "probable")
        page.fill("#f-who", "ana")
        page.click("button[value=save]")
        page.wait_for_url(f"**/documents/{main_article_id}#statement-{second.id}")
        assert "corrected: certainty" in page.inner_text(f"#statement-{second.id}")
        # Reject one, then add it back from its spans.
        page.goto(f"/documents/{main_article_id}/statements/{first.id}/correct")
        page.click("button[value=reject]")
        page.wait_for_url(f"**/documents/{main_article_id}")
        page.goto(f"/documents/{main_article_id}/statements/new")
        page.fill("#f-source", f"{first.source.start}:{first.source.end}")
        page.fill("#f-cue", f"{first.cue.start}:{first.cue.end}")
        page.fill("#f-content", f"{first.content.start}:{first.content.end}")
        page.select_option("#f-stance", "deny")
        page.click("button[value=save]")
        page.wait_for_url(f"**/documents/{main_article_id}#statement-*")
        added = page.url.rsplit("#", 1)[1]
        assert "corrected: added by an analyst" in page.inner_text(f"#{added}")
        # A relation decision from the document read against a claim.
        page.goto(urls.document(main_article_id, cluster=cluster))
        form = page.locator("form.relation-decision").first
        form.locator("select").select_option("discusses")
        form.get_by_role("button", name="Keep my decision").click()
        page.wait_for_url(f"**/documents/{main_article_id}?proposition=*")
        # Entity split and merge.
        with SQLiteStore(db_copy, read_only=True) as store:
            cook = entity_list(store, query="Timothy D. Cook", limit=1)[0]["id"]
        page.goto(urls.entity(cook))
        page.check("input[name=names][value='Tim Cook']")
        page.get_by_role("button", name="Split off").click()
        page.wait_for_url("**done=split**")
        assert "Split: the names you chose" in page.inner_text("#correct")
        split_off = page.url.split("split_off=")[1].split("#")[0]
        page.goto(urls.entity(cook))
        page.fill("#merge-other", split_off)
        page.get_by_role("button", name="Merge").click()
        page.wait_for_url("**done=merged**")
        assert "Merged:" in page.inner_text("#correct")
        context.close()
    with SQLiteStore(db_copy, read_only=True) as store:
        kept = [c.action for c in corrections(store, main_article_id)]
    assert kept == ["change", "reject", "add", "relation"]
