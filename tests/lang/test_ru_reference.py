"""The Russian reference reading (tests/lang/data/ru-drones.*): every statement with every field right."""

from __future__ import annotations

import pytest


def _statement_fields(statement, reading) -> dict:
    entity = reading.entity(statement.source.entity)
    return {
        "source": statement.source.text,
        "source_entity": entity.name if entity else None,
        "cue": statement.cue.text,
        "cue_lemma": statement.cue_lemma,
        "content": statement.content.text,
        "kind": statement.kind,
        "stance": statement.stance,
        "certainty": statement.certainty,
        "polarity": statement.polarity,
        "addressee": statement.addressee.text if statement.addressee else None,
        "medium": statement.medium.text if statement.medium else None,
        "factuality_cues": [c.text for c in statement.factuality_cues],
    }


def test_ru_reference_every_statement_with_every_field(reference):
    gold, reading = reference
    found = [_statement_fields(s, reading) for s in reading.statements]
    assert found == gold["statements"]


@pytest.mark.parametrize("index", range(13))
def test_ru_reference_entity_in_base_form_with_type(reference, index):
    gold, reading = reference
    wanted = gold["entities"][index]
    (entity,) = [e for e in reading.entities if e.name == wanted["name"]]
    assert entity.type == wanted["type"]
    assert set(wanted.get("aliases", [])) <= set(entity.aliases)
    assert [r.text for r in entity.roles] == wanted.get("roles", [])


def test_ru_reference_times_normalised_against_the_date(reference):
    gold, reading = reference
    assert [{"text": t.text, "value": t.value} for t in reading.times] == gold["times"]


def test_ru_reference_every_span_is_grounded(reference):
    _, reading = reference
    text = reading.document.text
    spans = [m for m in reading.mentions] + [t for t in reading.times]
    spans += [s.cue for s in reading.statements] + [s.content for s in reading.statements]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_ru_reference_pronoun_source_is_a_mention_of_its_person(reference):
    _, reading = reference
    (added,) = [s for s in reading.statements if s.cue.text == "добавил"]
    assert any(m.entity == added.source.entity and m.text == "он" for m in reading.mentions)


def test_ru_reference_records_round_trip_and_follow_the_schema(reference):
    import json
    from importlib import resources

    import jsonschema

    from hearsay.model import Reading

    _, reading = reference
    again = Reading.from_dict(reading.to_dict())
    assert again.statements == reading.statements and again.entities == reading.entities
    schema = json.loads((resources.files("hearsay") / "schema" / "reading-v2.json").read_text())
    jsonschema.validate(reading.to_dict(), schema)
