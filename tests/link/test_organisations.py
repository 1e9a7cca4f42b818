"""Organisations across documents: acronyms, longer names, generic institutions of a country, aliases.

Invented documents built as hand-made readings (no model), stored and linked for real.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from hearsay.link import entity_for_mention, link_corpus
from hearsay.link.acronyms import acronym_partners, initials, is_acronym, qualifies
from hearsay.link.institutions import DocumentCountries, generic_institution
from hearsay.link.names import name_key
from hearsay.model import Document, Entity, Mention, Reading
from hearsay.store import Store


def _reading(
    text: str, *names: tuple[str, str], day: int = 1, language: str = "en"
) -> tuple[Document, Reading]:
    """A document whose entities are ``names`` ((name, type) as e1, e2, ...), each mentioned once."""
    document = Document(
        id=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        published=dt.date(2026, 1, day),
        language=language,
    )
    entities, mentions = [], []
    for number, (name, type_) in enumerate(names, start=1):
        start = text.index(name)
        entities.append(Entity(id=f"e{number}", name=name, type=type_, aliases=(name,)))
        mentions.append(
            Mention(entity=f"e{number}", start=start, end=start + len(name), text=name, label=type_)
        )
    reading = Reading(
        document_id=document.id,
        entities=tuple(entities),
        mentions=tuple(mentions),
        published=document.published,
        language=language,
        document=document,
    )
    return document, reading


def _link(new_database, *documents: tuple[Document, Reading]) -> list[list[str | None]]:
    """Global entity ids of each document's entities, in order."""
    with Store(new_database("orgs.db")) as store:
        for document, reading in documents:
            store.put(document, reading)
        link_corpus(store)
        return [[entity_for_mention(store, r.document_id, e.id) for e in r.entities] for _d, r in documents]


# --- acronyms ----------------------------------------------------------------------------------


def test_organisations_acronym_helpers():
    assert is_acronym("VHA") and is_acronym("КНБ") and not is_acronym("Valmora") and not is_acronym("US Navy")
    assert "vha" in initials("Valmora Harbour Authority")
    assert "ssv" in initials("Security Service of Valmora")


def test_organisations_document_using_both_joins_acronym_and_expansion(new_database):
    acronym = _reading("The VHA said the port stays closed.", ("VHA", "ORG"), day=1)
    expansion = _reading(
        "The Valmora Harbour Authority fined the tanker.", ("Valmora Harbour Authority", "ORG"), day=2
    )
    both = _reading(
        "The Valmora Harbour Authority closed the port. A VHA spokesman said so.",
        ("Valmora Harbour Authority", "ORG"),
        ("VHA", "ORG"),
        day=3,
    )
    later = _reading("VHA inspectors left on Monday.", ("VHA", "ORG"), day=4)
    ids = _link(new_database, acronym, expansion, both, later)
    assert len({i for row in ids for i in row}) == 1


def test_organisations_defined_acronym_joins_without_matching_initials(new_database):
    text = "The Security Service of Valmora (SBV) detained two men."
    defined = _reading(text, ("Security Service of Valmora", "ORG"), ("SBV", "ORG"))
    assert acronym_partners(defined[1]) == {"e1": ["SBV"], "e2": ["Security Service of Valmora"]}
    alone = _reading("The SBV released one of them.", ("SBV", "ORG"), day=2)
    ids = _link(new_database, defined, alone)
    assert ids[0][0] == ids[0][1] == ids[1][0]


def test_organisations_unrelated_acronym_stays_apart(new_database):
    one = _reading("The Valmora Harbour Authority closed the port.", ("Valmora Harbour Authority", "ORG"))
    other = _reading("The NRC said the reactor was safe.", ("NRC", "ORG"), day=2)
    ids = _link(new_database, one, other)
    assert ids[0][0] != ids[1][0]


def test_organisations_alias_table_joins_acronyms_across_languages(new_database):
    english = _reading("The SBU said it detained an agent.", ("SBU", "ORG"))
    full = _reading(
        "The Security Service of Ukraine denied it.", ("Security Service of Ukraine", "ORG"), day=2
    )
    russian = _reading("СБУ заявила о задержании агента.", ("СБУ", "ORG"), day=3, language="ru")
    ids = _link(new_database, english, full, russian)
    assert len({row[0] for row in ids}) == 1


# --- a name inside a longer name -----------------------------------------------------------------


def test_organisations_qualified_name_rule():
    assert qualifies(name_key("Islamic Jihad"), name_key("Palestinian Islamic Jihad"))
    assert not qualifies(name_key("Islamic Jihad"), name_key("Islamic Jihad Union"))
    assert not qualifies(name_key("Jihad"), name_key("Palestinian Jihad"))  # too short alone
    assert not qualifies(name_key("Harbour Watch"), name_key("Valmora Harbour Watch"))  # not a country


def test_organisations_islamic_jihad_joins_palestinian_islamic_jihad(new_database):
    longer = _reading("Palestinian Islamic Jihad fired rockets.", ("Palestinian Islamic Jihad", "ORG"))
    shorter = _reading("Islamic Jihad said it fired rockets.", ("Islamic Jihad", "ORG"), day=2)
    ids = _link(new_database, longer, shorter)
    assert ids[0][0] == ids[1][0]


def test_organisations_ambiguous_shorter_name_stays_apart(new_database):
    palestinian = _reading("Palestinian Islamic Jihad fired rockets.", ("Palestinian Islamic Jihad", "ORG"))
    egyptian = _reading("Egyptian Islamic Jihad was dissolved.", ("Egyptian Islamic Jihad", "ORG"), day=2)
    shorter = _reading("Islamic Jihad said it fired rockets.", ("Islamic Jihad", "ORG"), day=3)
    ids = _link(new_database, palestinian, egyptian, shorter)
    assert len({row[0] for row in ids}) == 3


# --- a country's generic institutions -------------------------------------------------------------


def test_organisations_generic_institution_forms():
    assert generic_institution(name_key("Russia's Defence Ministry")) == ("defence ministry", "russia")
    assert generic_institution(name_key("Ministry of Defence of Ukraine")) == ("defence ministry", "ukraine")
    assert generic_institution(name_key("МИД Казахстана")) == ("foreign ministry", "kazakhstan")
    assert generic_institution(name_key("the Defence Ministry")) == ("defence ministry", None)
    assert generic_institution(name_key("Harbour Watch")) is None


def test_organisations_country_from_context():
    def country(text: str, name: str, *places: str) -> str | None:
        _d, reading = _reading(text, (name, "ORG"), *((p, "GPE") for p in places))
        start = text.index(name)
        return DocumentCountries.of(reading).country_at(start, start + len(name))

    assert country("Russia's Defence Ministry said so.", "Defence Ministry") == "russia"
    assert country("The Foreign Ministry of Kazakhstan said so.", "Foreign Ministry") == "kazakhstan"
    assert country("MOSCOW, June 2 (Reuters) - The Defence Ministry said so.", "Defence Ministry") == "russia"
    assert country(
        "Drones hit Ukraine overnight. The Defence Ministry said so.", "Defence Ministry", "Ukraine"
    ) == ("ukraine")
    assert country("The Defence Ministry said so.", "Defence Ministry") is None


def test_organisations_one_countrys_ministry_never_joins_anothers(new_database):
    moscow = _reading(
        "MOSCOW (Reuters) - The Defence Ministry said drones were downed.", ("Defence Ministry", "ORG")
    )
    kyiv = _reading(
        "KYIV (Reuters) - The Defence Ministry said drones hit Kursk.", ("Defence Ministry", "ORG"), day=2
    )
    russia = _reading("Russia's Defence Ministry denied the report.", ("Defence Ministry", "ORG"), day=3)
    ukraine = _reading(
        "The Ministry of Defence of Ukraine published a video.",
        ("Ministry of Defence of Ukraine", "ORG"),
        day=4,
    )
    nearest = _reading(
        "Ukraine struck a depot, and the Defence Ministry said more would follow.",
        ("Ukraine", "GPE"),
        ("Defence Ministry", "ORG"),
        day=5,
    )
    russian = _reading(
        "Минобороны России сообщило о сбитых дронах.", ("Минобороны России", "ORG"), day=6, language="ru"
    )
    ids = _link(new_database, moscow, kyiv, russia, ukraine, nearest, russian)
    assert ids[0][0] != ids[1][0]
    assert ids[0][0] == ids[2][0] == ids[5][0]
    assert ids[1][0] == ids[3][0] == ids[4][1]


def test_organisations_foreign_ministry_across_languages(new_database):
    russian = _reading("МИД Казахстана опроверг эти сообщения.", ("МИД Казахстана", "ORG"), language="ru")
    english = _reading(
        "Kazakhstan's Foreign Ministry denied the reports.", ("Kazakhstan's Foreign Ministry", "ORG"), day=2
    )
    other = _reading(
        "Russia's Foreign Ministry welcomed the denial.", ("Russia's Foreign Ministry", "ORG"), day=3
    )
    ids = _link(new_database, russian, english, other)
    assert ids[0][0] == ids[1][0] != ids[2][0]


def test_organisations_source_named_only_in_words_finds_its_countrys_ministry(new_database):
    from hearsay.link import entity_detail
    from hearsay.model import Source, Span, Statement

    moscow = _reading(
        "MOSCOW (Reuters) - The Defence Ministry said drones were downed.", ("Defence Ministry", "ORG")
    )
    text = "Russia's Defence Ministry said that twelve drones were downed over the Kursk region overnight."
    document = Document(
        id=hashlib.sha256(text.encode()).hexdigest(), text=text, published=dt.date(2026, 1, 2)
    )
    content = "twelve drones were downed over the Kursk region overnight"
    start = text.index(content)
    statement = Statement(
        id="s1",
        source=Source(None, "Russia's Defence Ministry", 0, 25),
        cue=Span(26, 30, "said"),
        content=Span(start, start + len(content), content),
        kind="indirect",
        certainty="certain",
        polarity="pos",
    )
    reading = Reading(document_id=document.id, statements=(statement,), published=document.published)
    with Store(new_database("source.db")) as store:
        for doc, read in (moscow, (document, reading)):
            store.put(doc, read)
        link_corpus(store)
        ministry = entity_for_mention(store, moscow[1].document_id, "e1")
        said = entity_detail(store, ministry)["said"]
    assert [s["content"] for s in said] == [content]


def test_organisations_acronym_with_two_possible_expansions_pairs_with_neither():
    text = "The Alaska Revolving Loan Fund and the Agriculture Revolving Loan Fund met. ARLF said no."
    _d, reading = _reading(
        text,
        ("Alaska Revolving Loan Fund", "ORG"),
        ("Agriculture Revolving Loan Fund", "ORG"),
        ("ARLF", "ORG"),
    )
    assert acronym_partners(reading) == {}
    defined = text.replace("Fund and", "Fund (ARLF) and")
    _d, reading = _reading(
        defined,
        ("Alaska Revolving Loan Fund", "ORG"),
        ("Agriculture Revolving Loan Fund", "ORG"),
        ("ARLF", "ORG"),
    )
    assert acronym_partners(reading) == {"e3": ["Alaska Revolving Loan Fund"], "e1": ["ARLF"]}
